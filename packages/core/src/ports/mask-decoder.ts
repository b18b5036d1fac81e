import type { Mask } from '../masks/mask';

/**
 * Port: turns the PNG bytes of a Gemini segmentation mask into a single-channel {@link Mask}.
 *
 * @remarks
 * Core never decodes PNG itself (no I/O, no codecs). Adapters implement this — e.g.
 * `@gemini-vision/images` with pngjs — and callers pass it in. Implementations convert any PNG
 * colour type to one channel (grey, or the first channel of RGB) and throw
 * {@link MaskDecodeError} on anything that is not a sane PNG.
 *
 * @example
 * ```ts
 * const decoder: MaskDecoder = { name: 'fake', decodePng: () => createMask(256, 256) };
 * ```
 */
export interface MaskDecoder {
  /** Short, stable implementation name used in errors, e.g. `pngjs`. */
  readonly name: string;
  /**
   * Decodes PNG bytes to a single-channel mask.
   * @throws {@link MaskDecodeError} If the bytes are not a decodable PNG or exceed the size limit.
   */
  readonly decodePng: (bytes: Uint8Array) => Mask | Promise<Mask>;
}
