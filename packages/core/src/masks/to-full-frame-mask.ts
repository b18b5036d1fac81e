import { createMask, type Mask } from './mask';
import { pasteMask } from './paste-mask';
import type { DegenerateSegmentationMask, PlacedSegmentationMask } from './place-segmentation-mask';

/**
 * Expands a crop-local result of {@link placeSegmentationMask} into a full-frame mask.
 *
 * @remarks
 * Allocates `frame.width × frame.height` bytes; prefer the crop-local `mask` and `box` for areas,
 * IoU on overlapping boxes, RLE of the crop, or drawing.
 *
 * @param placed - A result of {@link placeSegmentationMask}.
 * @returns A new frame-sized mask: 255 on the foreground, 0 elsewhere (all 0 when `degenerate`).
 * @throws {@link InvalidArgumentError} If `placed` was altered so that its mask no longer fits its
 * box or frame.
 *
 * @example
 * ```ts
 * const placed = placeSegmentationMask(decoded, [265, 702, 433, 812], { width: 1024, height: 1024 });
 * const full = toFullFrameMask(placed);
 * maskArea(full) === placed.area; // => true
 * ```
 */
export function toFullFrameMask(placed: PlacedSegmentationMask | DegenerateSegmentationMask): Mask {
  if (placed.degenerate) return createMask(placed.frame.width, placed.frame.height);
  return pasteMask(placed.mask, placed.box, placed.frame);
}
