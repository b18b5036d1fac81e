import { assertNormalizedBox, assertPixelBox } from './assert-geometry';
import type { NormalizedBox, PixelBox } from './types';

/**
 * Intersection over union of two pixel boxes: the overlap area divided by the area of their
 * union, from 0 (disjoint) to 1 (identical).
 *
 * @remarks
 * Symmetric. Boxes that only touch along an edge have IoU 0. When both boxes have zero area the
 * union is empty and the result is 0, not `NaN`.
 *
 * @param a - A box with `x0 ≤ x1`, `y0 ≤ y1`, in pixels.
 * @param b - Another box in the same pixel grid.
 * @returns A number in 0..1.
 * @throws {@link InvalidArgumentError} If a box is not finite or has reversed corners.
 *
 * @example
 * ```ts
 * boxIou({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 0, x1: 15, y1: 10 }); // => 0.3333333333333333
 * ```
 */
export function boxIou(a: PixelBox, b: PixelBox): number {
  assertPixelBox('a', a);
  assertPixelBox('b', b);
  return intersectionOverUnion(a.x0, a.y0, a.x1, a.y1, b.x0, b.y0, b.x1, b.y1);
}

/**
 * Intersection over union of two Gemini `box_2d` values (`[ymin, xmin, ymax, xmax]`, 0..1000).
 *
 * @remarks
 * Computed in normalized units. Stretching the axes independently scales every area by the same
 * factor, so this equals the IoU of the same boxes in pixels on an image of any size (up to the
 * rounding used to make the pixel boxes). Use it to compare boxes before you know the image size.
 *
 * @param a - An ordered box in 0..1000 (repair model output first with {@link repairNormalizedBox}).
 * @param b - Another ordered box in 0..1000.
 * @returns A number in 0..1.
 * @throws {@link InvalidArgumentError} If a box is not four ordered numbers in 0..1000.
 *
 * @example
 * ```ts
 * normalizedBoxIou([0, 0, 100, 100], [0, 50, 100, 150]); // => 0.3333333333333333
 * ```
 */
export function normalizedBoxIou(a: NormalizedBox, b: NormalizedBox): number {
  assertNormalizedBox('a', a);
  assertNormalizedBox('b', b);
  return intersectionOverUnion(a[1], a[0], a[3], a[2], b[1], b[0], b[3], b[2]);
}

/** IoU of two ordered boxes given as corner coordinates, without validation. */
export function intersectionOverUnion(
  ax0: number,
  ay0: number,
  ax1: number,
  ay1: number,
  bx0: number,
  by0: number,
  bx1: number,
  by1: number,
): number {
  const overlapWidth = Math.min(ax1, bx1) - Math.max(ax0, bx0);
  const overlapHeight = Math.min(ay1, by1) - Math.max(ay0, by0);
  if (overlapWidth <= 0 || overlapHeight <= 0) return 0;
  const intersection = overlapWidth * overlapHeight;
  const union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - intersection;
  return union > 0 ? Math.min(1, intersection / union) : 0;
}
