import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertNormalizedPoint, assertPixelPoint, assertSize } from './assert-geometry';
import { normalizedToPixel, pixelToNormalized, type PixelsToNormalizedOptions } from './normalized-box-to-pixels';
import { assertPixelRounding, roundCoordinate, type PixelRounding } from './pixel-rounding';
import type { NormalizedPoint, PixelPoint, Size } from './types';

/**
 * Options of {@link normalizedPointToPixels}.
 *
 * @example
 * ```ts
 * const options: NormalizedPointToPixelsOptions = { rounding: 'floor' };
 * ```
 */
export interface NormalizedPointToPixelsOptions {
  /**
   * How each pixel coordinate is rounded.
   * @defaultValue `'none'` (floats, as the cookbook plots points)
   */
  readonly rounding?: PixelRounding | undefined;
}

/**
 * Converts a Gemini `point` (`[y, x]`, 0..1000) to a pixel point `{ x, y }` on an image of the
 * given size.
 *
 * @remarks
 * Computes `v / 1000 * dimension` in float64, in that order, like the Python references, so the
 * floats match them exactly. The point refers to the image as sent; use a frame transform
 * ({@link createFrameTransform}) to land on the original file.
 *
 * @param point - `[y, x]`, each in 0..1000 (y first).
 * @param size - The image size in pixels (positive integers).
 * @param options - Rounding; see {@link NormalizedPointToPixelsOptions}.
 * @returns The point in pixels from the top-left corner.
 * @throws {@link InvalidArgumentError} If the point is not two numbers in 0..1000 or the size is
 * not two positive integers.
 *
 * @example
 * ```ts
 * normalizedPointToPixels([263, 404], { width: 800, height: 602 });
 * // => { x: 323.20000000000005, y: 158.326 }
 * ```
 */
export function normalizedPointToPixels(
  point: NormalizedPoint,
  size: Size,
  options: NormalizedPointToPixelsOptions = {},
): PixelPoint {
  assertNormalizedPoint('point', point);
  assertSize('size', size);
  const rounding = options.rounding ?? 'none';
  assertPixelRounding('options.rounding', rounding);

  const [y, x] = point;
  return {
    x: roundCoordinate(normalizedToPixel(x, size.width), rounding),
    y: roundCoordinate(normalizedToPixel(y, size.height), rounding),
  };
}

/**
 * Converts a pixel point `{ x, y }` on an image of the given size to Gemini's normalized
 * `[y, x]` (0..1000).
 *
 * @param point - The point in pixels, inside `0..width` × `0..height`.
 * @param size - The image size in pixels (positive integers).
 * @param options - Rounding; see {@link PixelsToNormalizedOptions}.
 * @returns `[y, x]` in 0..1000 (y first).
 * @throws {@link InvalidArgumentError} If the point is not finite or outside the image, or the
 * size is not two positive integers.
 *
 * @example
 * ```ts
 * pixelPointToNormalized({ x: 400, y: 150.5 }, { width: 800, height: 602 });
 * // => [250, 500]
 * ```
 */
export function pixelPointToNormalized(
  point: PixelPoint,
  size: Size,
  options: PixelsToNormalizedOptions = {},
): NormalizedPoint {
  assertSize('size', size);
  assertPixelPoint('point', point);
  assertPointInside('point', point, size);
  const rounding = options.rounding ?? 'none';
  assertPixelRounding('options.rounding', rounding);

  return [
    roundCoordinate(pixelToNormalized(point.y, size.height), rounding),
    roundCoordinate(pixelToNormalized(point.x, size.width), rounding),
  ];
}

function assertPointInside(argument: string, point: PixelPoint, size: Size): void {
  if (point.x < 0 || point.x > size.width) {
    throw new InvalidArgumentError({
      argument: `${argument}.x`,
      expected: `a coordinate in 0..${size.width}`,
      received: point.x,
    });
  }
  if (point.y < 0 || point.y > size.height) {
    throw new InvalidArgumentError({
      argument: `${argument}.y`,
      expected: `a coordinate in 0..${size.height}`,
      received: point.y,
    });
  }
}
