import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertMask, assertThreshold } from './assert-mask';
import type { Mask } from './mask';
import type { MaskThresholdOptions } from './threshold-mask';

/**
 * Computes the intersection over union of two masks of the same size.
 *
 * @remarks
 * Both masks are thresholded the same way. When neither has any foreground the result is 0, as in
 * pycocotools' `maskUtils.iou` (the union is empty, so nothing overlaps).
 *
 * @param a - The first mask.
 * @param b - The second mask, the same width and height as `a`.
 * @param options - What counts as foreground; see {@link MaskThresholdOptions} (default: any
 * value above 0).
 * @returns `|a ∩ b| / |a ∪ b|`, a number in 0..1; symmetric in `a` and `b`.
 * @throws {@link InvalidArgumentError} If a mask is invalid, the sizes differ, or the threshold is
 * not a finite number.
 *
 * @example
 * ```ts
 * const a = createMask(4, 1, new Uint8Array([255, 255, 0, 0]));
 * const b = createMask(4, 1, new Uint8Array([0, 255, 255, 0]));
 * maskIou(a, b); // => 0.3333333333333333 (1 of 3 foreground pixels is shared)
 * ```
 */
export function maskIou(a: Mask, b: Mask, options: MaskThresholdOptions = {}): number {
  assertMask('a', a);
  assertMask('b', b);
  if (a.width !== b.width || a.height !== b.height) {
    throw new InvalidArgumentError({
      argument: 'b',
      expected: `a ${a.width}×${a.height} mask (the size of \`a\`)`,
      received: `${b.width}×${b.height}`,
      hint: 'Paste both masks into the same frame first (pasteMask or toFullFrameMask).',
    });
  }
  const threshold = options.threshold ?? 0;
  assertThreshold('options.threshold', threshold);
  let intersection = 0;
  let union = 0;
  for (let index = 0; index < a.data.length; index += 1) {
    const inA = (a.data[index] ?? 0) > threshold;
    const inB = (b.data[index] ?? 0) > threshold;
    if (inA || inB) union += 1;
    if (inA && inB) intersection += 1;
  }
  return union === 0 ? 0 : intersection / union;
}
