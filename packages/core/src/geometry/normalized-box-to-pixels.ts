import {
  assertNormalizedBox,
  assertPixelBox,
  assertSize,
} from './assert-geometry';
import { assertPixelRounding, roundCoordinate, type PixelRounding } from './pixel-rounding';
import { NORMALIZED_COORDINATE_MAX } from './repair-normalized-box';
import type { NormalizedBox, PixelBox, Size } from './types';

/**
 * Options of {@link normalizedBoxToPixels}.
 *
 * @example
 * ```ts
 * const options: NormalizedBoxToPixelsOptions = { rounding: 'none' };
 * ```
 */
export interface NormalizedBoxToPixelsOptions {
  /**
   * How each pixel coordinate is rounded.
   * @defaultValue `'floor'` (the guide's `int(v / 1000 * dimension)`)
   */
  readonly rounding?: PixelRounding | undefined;
}

/**
 * Options of {@link pixelBoxToNormalized} and {@link pixelPointToNormalized}.
 *
 * @example
 * ```ts
 * const options: PixelsToNormalizedOptions = { rounding: 'round' };
 * ```
 */
export interface PixelsToNormalizedOptions {
  /**
   * How each normalized coordinate (0..1000) is rounded; `'round'` gives integers like Gemini's.
   * @defaultValue `'none'`
   */
  readonly rounding?: PixelRounding | undefined;
}

/**
 * Converts a Gemini `box_2d` (`[ymin, xmin, ymax, xmax]`, 0..1000) to a pixel box on an image of
 * the given size.
 *
 * @remarks
 * Each coordinate is computed exactly as the Google cookbook does in Python, `v / 1000 * dimension`
 * in float64 (divide first, then multiply), and then rounded; with the default `'floor'` the result
 * is bit-for-bit Python's `int(v / 1000 * dimension)`. Note that this float rule is sometimes one
 * pixel below the exact `⌊v · dimension / 1000⌋`: `290 / 1000 * 100` is `28.999999999999996`, so
 * `[0, 0, 290, 290]` on a 100×100 image ends at pixel 28, not 29, in the cookbook and here.
 *
 * The box refers to the image as sent to the model; pass the sent size, or use a frame transform
 * ({@link createFrameTransform}) to land on the original file. Reversed or out-of-range model
 * output must be repaired first ({@link repairNormalizedBox}).
 *
 * @param box - `[ymin, xmin, ymax, xmax]`, each in 0..1000, with `ymin ≤ ymax` and `xmin ≤ xmax`.
 * @param size - The image size in pixels (positive integers).
 * @param options - Rounding; see {@link NormalizedBoxToPixelsOptions}.
 * @returns The box in pixels; `x1`/`y1` are exclusive edges, so the width is `x1 - x0`.
 * @throws {@link InvalidArgumentError} If the box is not four ordered numbers in 0..1000, the size
 * is not two positive integers, or `rounding` is unknown.
 *
 * @example
 * ```ts
 * normalizedBoxToPixels([384, 65, 562, 203], { width: 1024, height: 1024 });
 * // => { x0: 66, y0: 393, x1: 207, y1: 575 }
 * ```
 */
export function normalizedBoxToPixels(
  box: NormalizedBox,
  size: Size,
  options: NormalizedBoxToPixelsOptions = {},
): PixelBox {
  assertNormalizedBox('box', box);
  assertSize('size', size);
  const rounding = options.rounding ?? 'floor';
  assertPixelRounding('options.rounding', rounding);

  const [ymin, xmin, ymax, xmax] = box;
  return {
    x0: roundCoordinate(normalizedToPixel(xmin, size.width), rounding),
    y0: roundCoordinate(normalizedToPixel(ymin, size.height), rounding),
    x1: roundCoordinate(normalizedToPixel(xmax, size.width), rounding),
    y1: roundCoordinate(normalizedToPixel(ymax, size.height), rounding),
  };
}

/**
 * Converts a pixel box on an image of the given size to Gemini's normalized
 * `[ymin, xmin, ymax, xmax]` (0..1000).
 *
 * @remarks
 * Computes `pixel / dimension * 1000` per coordinate. The inverse of {@link normalizedBoxToPixels}
 * up to its rounding: a round trip through `'floor'` moves each value down by less than one
 * pixel's worth (`1000 / dimension`).
 *
 * @param box - The pixel box, ordered and inside `0..width` × `0..height`.
 * @param size - The image size in pixels (positive integers).
 * @param options - Rounding; see {@link PixelsToNormalizedOptions}.
 * @returns `[ymin, xmin, ymax, xmax]` in 0..1000.
 * @throws {@link InvalidArgumentError} If the box is not ordered, not finite or outside the image,
 * or the size is not two positive integers.
 *
 * @example
 * ```ts
 * pixelBoxToNormalized({ x0: 64, y0: 48, x1: 320, y1: 240 }, { width: 640, height: 480 });
 * // => [100, 100, 500, 500]
 * ```
 */
export function pixelBoxToNormalized(
  box: PixelBox,
  size: Size,
  options: PixelsToNormalizedOptions = {},
): NormalizedBox {
  assertSize('size', size);
  assertPixelBox('box', box, size);
  const rounding = options.rounding ?? 'none';
  assertPixelRounding('options.rounding', rounding);

  return [
    roundCoordinate(pixelToNormalized(box.y0, size.height), rounding),
    roundCoordinate(pixelToNormalized(box.x0, size.width), rounding),
    roundCoordinate(pixelToNormalized(box.y1, size.height), rounding),
    roundCoordinate(pixelToNormalized(box.x1, size.width), rounding),
  ];
}

/** `value / 1000 * dimension`, in this order, as Python's cookbook computes it. */
export function normalizedToPixel(value: number, dimension: number): number {
  return (value / NORMALIZED_COORDINATE_MAX) * dimension;
}

/** `pixel / dimension * 1000`. */
export function pixelToNormalized(pixel: number, dimension: number): number {
  return (pixel / dimension) * NORMALIZED_COORDINATE_MAX;
}
