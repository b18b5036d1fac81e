import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { PixelBox, Size } from '../geometry/types';
import { assertFrame, assertIntegerPixelBox, assertMask } from './assert-mask';
import type { Mask } from './mask';

/**
 * Pastes a box-sized mask into an empty full-frame mask at the box position, clipping whatever
 * falls outside the frame.
 *
 * @remarks
 * The cookbook's `full[y0:y1, x0:x1] = mask`, made safe: parts of the box outside `0..width` ×
 * `0..height` are dropped instead of raising. Values are copied as they are (no thresholding).
 * The result costs `frame.width × frame.height` bytes per mask; to count or compare masks, keep
 * them crop-local (as {@link placeSegmentationMask} returns them) and paste only when needed.
 *
 * @param mask - The mask to paste; its size must equal the box size.
 * @param box - Where the mask goes, in frame pixels: integer corners, `x1`/`y1` exclusive, with
 * `x1 > x0` and `y1 > y0`. It may extend beyond the frame.
 * @param frame - The full image size in pixels (positive integers).
 * @returns A new `frame.width × frame.height` mask, 0 outside the box.
 * @throws {@link InvalidArgumentError} If the mask or frame is invalid, the box corners are not
 * integers or not ordered, or the mask size differs from the box size. A frame may have at most
 * 2^20 px per side and 2^30 pixels.
 *
 * @example
 * ```ts
 * const square = createMask(2, 2, new Uint8Array([255, 255, 255, 255]));
 * const full = pasteMask(square, { x0: 1, y0: 0, x1: 3, y1: 2 }, { width: 4, height: 2 });
 * full.data; // => Uint8Array [0, 255, 255, 0, 0, 255, 255, 0]
 * ```
 */
export function pasteMask(mask: Mask, box: PixelBox, frame: Size): Mask {
  assertPasteArguments(mask, box, frame);
  const data = new Uint8Array(frame.width * frame.height);
  copyMaskIntoFrame(mask, box, frame.width, frame.height, data);
  return { width: frame.width, height: frame.height, data };
}

/** pasteMask's checks: a valid mask, integer ordered box, valid frame, and mask size = box size. */
export function assertPasteArguments(mask: unknown, box: unknown, frame: unknown): asserts mask is Mask {
  assertMask('mask', mask);
  assertIntegerPixelBox('box', box);
  assertFrame('frame', frame);
  const boxWidth = box.x1 - box.x0;
  const boxHeight = box.y1 - box.y0;
  if (mask.width !== boxWidth || mask.height !== boxHeight) {
    throw new InvalidArgumentError({
      argument: 'mask',
      expected: `a ${boxWidth}×${boxHeight} mask (the size of \`box\`)`,
      received: `${mask.width}×${mask.height}`,
      hint: 'Resize it to the box first with resizeMaskBilinear(mask, box.x1 - box.x0, box.y1 - box.y0).',
    });
  }
}

/** Copies the part of `mask` (box-sized) that falls inside the frame into `target` (a zeroed `width × height` frame). */
export function copyMaskIntoFrame(mask: Mask, box: PixelBox, width: number, height: number, target: Uint8Array): void {
  const left = Math.max(box.x0, 0);
  const right = Math.min(box.x1, width);
  const top = Math.max(box.y0, 0);
  const bottom = Math.min(box.y1, height);
  if (right <= left || bottom <= top) return;
  for (let y = top; y < bottom; y += 1) {
    const sourceStart = (y - box.y0) * mask.width + (left - box.x0);
    target.set(mask.data.subarray(sourceStart, sourceStart + (right - left)), y * width + left);
  }
}
