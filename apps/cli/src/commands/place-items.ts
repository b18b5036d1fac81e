import {
  GeminiVisionError,
  type MaskDecoder,
  normalizedBoxToPixels,
  normalizedPointToPixels,
  type ParseIssue,
  type PixelBox,
  type PixelPoint,
  type PlacedSegmentationMask,
  placeSegmentationMask,
  type Size,
} from '@gemini-vision/core';

import type { RecognizedItem } from './recognize-response';

/**
 * One item in pixels of the displayed image, as `render --json` prints it (plus the placed mask
 * for drawing and export).
 *
 * @example
 * ```ts
 * const item: PlacedItem = { label: 'sock', box: { x0: 1011, y0: 162, x1: 2150, y1: 1191 }, point: null, maskArea: null, mask: undefined };
 * ```
 */
export interface PlacedItem {
  /** The label as the model wrote it. */
  readonly label: string;
  /** Pixel box, corners by `floor(v / 1000 * dimension)`, `x1`/`y1` exclusive; `null` for points. */
  readonly box: PixelBox | null;
  /** Pixel point (`v / 1000 * dimension`, not rounded); `null` for boxes. */
  readonly point: PixelPoint | null;
  /** Foreground pixels of the full-size mask at threshold 127; `null` when the item has no usable mask. */
  readonly maskArea: number | null;
  /** The box-sized thresholded mask, when there is one with a positive area. */
  readonly mask: PlacedSegmentationMask | undefined;
}

/**
 * Maps recognised items from 0..1000 to the pixels of an image of `frame` size and places their
 * masks (decode the PNG, bilinear resize to the box, threshold at 127).
 *
 * @remarks
 * A mask that fails to decode does not stop the run: the item keeps its box with
 * `maskArea: null`, and an `invalid-mask` issue says why.
 *
 * @param items - Items from `recognizeResponse`.
 * @param frame - The displayed image size (after EXIF orientation), in pixels.
 * @param decoder - The PNG mask decoder; needed only when an item has a mask.
 * @returns The placed items, in order, and any new issues.
 *
 * @example
 * ```ts
 * const { items } = await placeItems(recognized.items, { width: 1024, height: 1024 }, decoder);
 * ```
 */
export async function placeItems(
  items: readonly RecognizedItem[],
  frame: Size,
  decoder: MaskDecoder | undefined,
): Promise<{ readonly items: PlacedItem[]; readonly issues: ParseIssue[] }> {
  const placed: PlacedItem[] = [];
  const issues: ParseIssue[] = [];
  for (const item of items) {
    const box = item.box === undefined ? null : normalizedBoxToPixels(item.box, frame);
    const point = item.point === undefined ? null : normalizedPointToPixels(item.point, frame);
    let maskArea: number | null = null;
    let mask: PlacedSegmentationMask | undefined;
    if (item.mask !== undefined && item.mask !== null && item.box !== undefined && decoder !== undefined) {
      try {
        const decoded = await decoder.decodePng(item.mask.bytes);
        const result = placeSegmentationMask(decoded, item.box, frame);
        maskArea = result.area;
        if (!result.degenerate) mask = result;
      } catch (error) {
        if (!GeminiVisionError.isInstance(error)) throw error;
        issues.push({
          code: 'invalid-mask',
          severity: 'error',
          itemIndex: item.index,
          message: `Item ${item.index} has a mask that could not be decoded: ${error.message}`,
        });
      }
    }
    placed.push({ label: item.label, box, point, maskArea, mask });
  }
  return { items: placed, issues };
}
