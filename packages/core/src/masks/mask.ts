import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertPositiveInteger } from '../internal/assert';
import { assertMaskSizeLimit } from './assert-mask';

/**
 * A single-channel 8-bit mask, row-major: the value of pixel (x, y) is `data[y * width + x]`.
 *
 * @remarks
 * Gemini's segmentation masks are 256×256 grayscale PNGs whose values are probabilities scaled
 * to 0..255 (in practice only 0 and 255). A thresholded mask holds 0 (background) and 255
 * (foreground).
 *
 * @example
 * ```ts
 * const mask: Mask = { width: 2, height: 1, data: new Uint8Array([0, 255]) };
 * ```
 */
export interface Mask {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** `width * height` values, one byte per pixel, row-major. */
  readonly data: Uint8Array;
}

/**
 * Creates a mask of the given size, filled with `fill` (0 by default), or wraps existing data
 * after checking its length.
 *
 * @param width - Width in pixels, a positive integer.
 * @param height - Height in pixels, a positive integer.
 * @param data - Optional `width * height` bytes to wrap (not copied).
 * @returns The mask.
 * @throws {@link InvalidArgumentError} If a side is not a positive integer or `data` has the wrong
 * length, or, when `data` is omitted, the mask would exceed 2^20 px per side or 2^30 pixels.
 *
 * @example
 * ```ts
 * const empty = createMask(256, 256);
 * const wrapped = createMask(2, 1, new Uint8Array([0, 255]));
 * ```
 */
export function createMask(width: number, height: number, data?: Uint8Array): Mask {
  assertPositiveInteger('width', width);
  assertPositiveInteger('height', height);
  if (data === undefined) {
    assertMaskSizeLimit('width × height', width, height);
    return { width, height, data: new Uint8Array(width * height) };
  }
  if (!(data instanceof Uint8Array) || data.length !== width * height) {
    throw new InvalidArgumentError({
      argument: 'data',
      expected: `a Uint8Array of ${width * height} bytes (width × height)`,
      received: data,
    });
  }
  return { width, height, data };
}
