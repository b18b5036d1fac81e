import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * A segmentation mask could not be decoded into pixels (not a PNG, corrupt, or too large).
 *
 * @example
 * ```ts
 * throw new MaskDecodeError('The mask is not a PNG (bad signature).', { decoder: 'pngjs' });
 * ```
 */
export class MaskDecodeError extends GeminiVisionError {
  override readonly name = 'MaskDecodeError';

  /** Name of the decoder that failed, e.g. `pngjs`. */
  readonly decoder: string;

  constructor(
    message: string,
    options: GeminiVisionErrorOptions & { readonly decoder: string },
  ) {
    super('MASK_DECODE_FAILED', message, options);
    this.decoder = options.decoder;
  }

  /**
   * Tells whether `value` is a `MaskDecodeError` from any copy of this package.
   *
   * @example
   * ```ts
   * MaskDecodeError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is MaskDecodeError {
    return GeminiVisionError.isInstance(value) && value.code === 'MASK_DECODE_FAILED';
  }
}
