import { assertMask, assertThreshold } from './assert-mask';
import type { Mask } from './mask';
import type { MaskThresholdOptions } from './threshold-mask';

/**
 * Counts the foreground pixels of a mask.
 *
 * @param mask - The mask.
 * @param options - What counts as foreground; see {@link MaskThresholdOptions} (default: any
 * value above 0).
 * @returns The number of pixels whose value is greater than the threshold, in pixels.
 * @throws {@link InvalidArgumentError} If `mask` is not a valid {@link Mask} or the threshold is
 * not a finite number.
 *
 * @example
 * ```ts
 * const mask = createMask(4, 1, new Uint8Array([0, 1, 128, 255]));
 * maskArea(mask); // => 3
 * maskArea(mask, { threshold: 127 }); // => 2
 * ```
 */
export function maskArea(mask: Mask, options: MaskThresholdOptions = {}): number {
  assertMask('mask', mask);
  const threshold = options.threshold ?? 0;
  assertThreshold('options.threshold', threshold);
  let area = 0;
  for (const value of mask.data) {
    if (value > threshold) area += 1;
  }
  return area;
}
