import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertFrame, MAX_MASK_PIXELS } from './assert-mask';
import { createMask, type Mask } from './mask';
import { assertPasteArguments, copyMaskIntoFrame, pasteMask } from './paste-mask';
import type { DegenerateSegmentationMask, PlacedSegmentationMask } from './place-segmentation-mask';

/**
 * Expands a crop-local result of {@link placeSegmentationMask} into a full-frame mask.
 *
 * @remarks
 * Allocates `frame.width × frame.height` bytes; prefer the crop-local `mask` and `box` for areas,
 * IoU on overlapping boxes, RLE of the crop, or drawing. For all the masks of a reply at once,
 * {@link toFullFrameMasks} builds the frames in about half the time (one allocation instead of one
 * per mask).
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

/**
 * Expands many results of {@link placeSegmentationMask} (e.g. every mask of one reply) into
 * full-frame masks, backed by one shared allocation.
 *
 * @remarks
 * Same masks as calling {@link toFullFrameMask} on each item, in the same order, but the frames
 * are views into one `ArrayBuffer` (several when the total passes 2^30 bytes). In V8 one large
 * allocation costs far less than one per mask (each is zeroed and counted by the garbage
 * collector): on 200 masks of 1024×1024, about 100 µs per frame instead of 170–195 µs, and the
 * whole reply-to-frames pipeline ran 1.4× as fast (see BENCHMARKS.md). The trade-off: a mask's `data.buffer` is the shared buffer, and the memory is
 * released only when none of the masks is referenced. Copy one out (`data.slice()`) to keep it
 * alone or transfer it to a worker.
 *
 * @param placed - Results of {@link placeSegmentationMask}; frames may differ from item to item.
 * @returns One full-frame mask per item: 255 on the foreground, 0 elsewhere (all 0 when `degenerate`).
 * @throws {@link InvalidArgumentError} If `placed` is not an array, or an item was altered so that
 * its mask no longer fits its box or frame.
 *
 * @example
 * ```ts
 * const placed = reply.items.map((item) => placeSegmentationMask(decoder.decodePng(item.mask.bytes), item.box, frame));
 * const masks = toFullFrameMasks(placed); // 1024×1024 each, one allocation
 * masks.length === placed.length; // => true
 * ```
 */
export function toFullFrameMasks(placed: readonly (PlacedSegmentationMask | DegenerateSegmentationMask)[]): Mask[] {
  if (!Array.isArray(placed)) {
    throw new InvalidArgumentError({
      argument: 'placed',
      expected: 'an array of placeSegmentationMask results',
      received: placed,
    });
  }
  const items = placed as readonly (PlacedSegmentationMask | DegenerateSegmentationMask)[];
  for (const item of items) {
    if (item.degenerate) assertFrame('frame', item.frame);
    else assertPasteArguments(item.mask, item.box, item.frame);
  }

  const masks: Mask[] = [];
  let group: (PlacedSegmentationMask | DegenerateSegmentationMask)[] = [];
  let groupBytes = 0;
  /** Pastes `group` into one zeroed allocation of `groupBytes`. */
  const flush = (): void => {
    const slab = new Uint8Array(groupBytes);
    let offset = 0;
    for (const item of group) {
      const { width, height } = item.frame;
      const data = slab.subarray(offset, offset + width * height);
      if (!item.degenerate) copyMaskIntoFrame(item.mask, item.box, width, height, data);
      masks.push({ width, height, data });
      offset += width * height;
    }
    group = [];
    groupBytes = 0;
  };
  for (const item of items) {
    const bytes = item.frame.width * item.frame.height;
    // Each allocation stays within MAX_MASK_PIXELS bytes (one frame is never above it).
    if (group.length > 0 && groupBytes + bytes > MAX_MASK_PIXELS) flush();
    group.push(item);
    groupBytes += bytes;
  }
  if (group.length > 0) flush();
  return masks;
}
