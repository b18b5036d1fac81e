import type { PixelBox } from '../geometry/types';
import { assertMask, assertThreshold } from './assert-mask';
import type { Mask } from './mask';
import type { MaskThresholdOptions } from './threshold-mask';

/**
 * Finds the smallest box that contains every foreground pixel of a mask.
 *
 * @param mask - The mask.
 * @param options - What counts as foreground; see {@link MaskThresholdOptions} (default: any
 * value above 0).
 * @returns The box in the mask's pixels, `x1`/`y1` exclusive (a single pixel at (3, 2) gives
 * `{ x0: 3, y0: 2, x1: 4, y1: 3 }`), or `null` when the mask has no foreground.
 * @throws {@link InvalidArgumentError} If `mask` is not a valid {@link Mask} or the threshold is
 * not a finite number.
 *
 * @example
 * ```ts
 * const mask = createMask(4, 3);
 * mask.data[2 * 4 + 3] = 255; // pixel (3, 2)
 * maskBoundingBox(mask); // => { x0: 3, y0: 2, x1: 4, y1: 3 }
 * maskBoundingBox(createMask(4, 3)); // => null
 * ```
 */
export function maskBoundingBox(mask: Mask, options: MaskThresholdOptions = {}): PixelBox | null {
  assertMask('mask', mask);
  const threshold = options.threshold ?? 0;
  assertThreshold('options.threshold', threshold);
  const { width, height, data } = mask;
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      if ((data[row + x] ?? 0) > threshold) {
        if (x < x0) x0 = x;
        if (x >= x1) x1 = x + 1;
        if (y < y0) y0 = y;
        y1 = y + 1;
      }
    }
  }
  return x1 === 0 ? null : { x0, y0, x1, y1 };
}
