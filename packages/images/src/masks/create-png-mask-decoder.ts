import { PNG } from 'pngjs';

import {
  createMask,
  InvalidArgumentError,
  MaskDecodeError,
  type Mask,
  type MaskDecoder,
} from '@gemini-vision/core';

import { containsImageData, decodePngFirstChannel } from '../internal/decode-png-first-channel';

/**
 * Default pixel limit of {@link createPngMaskDecoder}: Gemini's masks are 256×256, so anything past
 * 4096×4096 is not a mask but an attack or a bug.
 *
 * @example
 * ```ts
 * createPngMaskDecoder({ maxPixels: DEFAULT_MAX_MASK_PIXELS / 4 });
 * ```
 */
export const DEFAULT_MAX_MASK_PIXELS: number = 4096 * 4096;

/**
 * Settings of {@link createPngMaskDecoder}.
 *
 * @example
 * ```ts
 * const settings: PngMaskDecoderSettings = { maxPixels: 1024 * 1024 };
 * ```
 */
export interface PngMaskDecoderSettings {
  /**
   * PNGs whose IHDR claims more pixels (`width × height`) are refused before anything is
   * inflated, so a small file that claims 100000×100000 cannot exhaust memory.
   * @defaultValue `16_777_216` ({@link DEFAULT_MAX_MASK_PIXELS}, 4096 × 4096)
   */
  readonly maxPixels?: number | undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const DECODER_NAME = 'pngjs';

/**
 * Creates core's {@link MaskDecoder} port on pngjs: any PNG colour type and bit depth (grey,
 * grey + alpha, RGB, RGBA, palette; 1–16 bits) becomes a one-channel 8-bit {@link Mask}.
 *
 * @remarks
 * The single channel is the grey value, or the first (red) channel of colour PNGs, as the
 * cookbooks read it; alpha is ignored. 16-bit samples are scaled to 8 bits and sub-byte ones
 * stretched to 0..255. The size is checked from the IHDR chunk before inflating.
 *
 * Well-formed 8-bit non-palette PNGs (Gemini's masks are 8-bit grey) take a fast path that
 * inflates with `node:zlib` and undoes the row filters straight into one channel, with the same
 * result as pngjs (checked against it in the tests) in about a tenth of the time: pngjs expands
 * every image to RGBA first. Every other PNG, and any PNG the fast path finds unusual (bad CRC,
 * odd zlib stream, tRNS), is decoded by pngjs.
 *
 * @param settings - Pixel limit; see {@link PngMaskDecoderSettings}.
 * @returns A `MaskDecoder` named `pngjs` whose `decodePng` is synchronous.
 * @throws {@link InvalidArgumentError} If `settings.maxPixels` is not a positive number.
 * @throws {@link MaskDecodeError} From `decodePng`, if the bytes are not a PNG, are truncated or
 * corrupt, or claim more than `maxPixels` pixels.
 *
 * @example
 * ```ts
 * const decoder = createPngMaskDecoder();
 * const mask = decoder.decodePng(pngBytes); // { width: 256, height: 256, data: Uint8Array(65536) }
 * ```
 */
export function createPngMaskDecoder(settings: PngMaskDecoderSettings = {}): MaskDecoder {
  const maxPixels = settings.maxPixels ?? DEFAULT_MAX_MASK_PIXELS;
  if (typeof maxPixels !== 'number' || Number.isNaN(maxPixels) || maxPixels < 1) {
    throw new InvalidArgumentError({
      argument: 'settings.maxPixels',
      expected: 'a positive number of pixels',
      received: maxPixels,
    });
  }

  return {
    name: DECODER_NAME,
    decodePng: (bytes: Uint8Array): Mask => {
      if (!(bytes instanceof Uint8Array)) {
        throw new InvalidArgumentError({ argument: 'bytes', expected: 'a Uint8Array of PNG data', received: bytes });
      }
      checkHeader(bytes, maxPixels);
      const fast = decodePngFirstChannel(bytes);
      if (fast !== undefined) return createMask(fast.width, fast.height, fast.data);
      if (!containsImageData(bytes)) {
        throw new MaskDecodeError(
          `Could not decode the mask PNG (${bytes.byteLength} bytes): it has no image data (no IDAT chunk). The model output was probably cut off or damaged; ask again.`,
          { decoder: DECODER_NAME },
        );
      }

      let png: PNG;
      try {
        png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (cause) {
        throw new MaskDecodeError(
          `Could not decode the mask PNG (${bytes.byteLength} bytes) with the \`${DECODER_NAME}\` decoder: ${describeCause(cause)}. The model output was probably cut off; ask again or lower the number of objects.`,
          { decoder: DECODER_NAME, cause },
        );
      }
      return toSingleChannel(png);
    },
  };
}

/** Checks the signature and the IHDR size before any inflating happens. */
function checkHeader(bytes: Uint8Array, maxPixels: number): void {
  if (bytes.length < 8 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) {
    throw new MaskDecodeError(
      `Expected PNG bytes for the mask, but received ${bytes.byteLength} bytes that do not start with the PNG signature. Decode the \`data:image/png;base64,\` URL to bytes first.`,
      { decoder: DECODER_NAME },
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    throw new MaskDecodeError(
      `Expected an IHDR chunk right after the PNG signature of the mask, but the ${bytes.byteLength}-byte PNG is truncated or malformed.`,
      { decoder: DECODER_NAME },
    );
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width * height > maxPixels) {
    throw new MaskDecodeError(
      `Expected a mask of at most ${maxPixels} pixels, but the PNG header claims ${width}×${height}. Pass a larger \`maxPixels\` to createPngMaskDecoder() if this is intended.`,
      { decoder: DECODER_NAME },
    );
  }
}

/** pngjs always yields 8-bit RGBA; keep the first channel. */
function toSingleChannel(png: PNG): Mask {
  const { width, height, data } = png;
  const out = new Uint8Array(width * height);
  for (let index = 0, source = 0; index < out.length; index += 1, source += 4) out[index] = data[source] ?? 0;
  return createMask(width, height, out);
}

function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0]?.replace(/\.$/u, '').slice(0, 120) ?? 'unknown error';
}
