import type {
  BoxRepair,
  DegenerateSegmentationMask,
  Mask,
  NormalizedBox,
  NormalizedPoint,
  PixelBox,
  PixelPoint,
  PlacedSegmentationMask,
  PointRepair,
} from '@gemini-vision/core';

/**
 * One detected object, located on the **original** image.
 *
 * @remarks
 * `box` is in original-image pixels (after undoing the preparation: resize, rotation; on the
 * stored grid of a rotated photo sent unrotated, see the result's `imageSize`), with
 * `x1`/`y1` exclusive and the guide's floor rounding; it plugs straight into core's
 * `toCocoDataset`, `nonMaxSuppression` and `removeDuplicateDetections`. `normalizedBox` is what
 * the model said, repaired, in 0..1000 of the image as sent.
 *
 * @example
 * ```ts
 * const { items } = await vision.detect('cupcakes.jpg');
 * for (const { label, box } of items) console.log(label, box.x0, box.y0, box.x1, box.y1);
 * ```
 */
export interface DetectedObject {
  /** Position in the model's list (0-based), kept when earlier items were dropped. */
  readonly index: number;
  /** The label exactly as the model wrote it. */
  readonly label: string;
  /** The box in original-image pixels. */
  readonly box: PixelBox;
  /** `[ymin, xmin, ymax, xmax]` in 0..1000 of the sent image, as repaired by core. */
  readonly normalizedBox: NormalizedBox;
  /** What core's box repair changed; empty for a clean box. */
  readonly repairs: readonly BoxRepair[];
  /** The model's self-reported confidence, if any (uncalibrated). */
  readonly confidence?: number;
  /** Other keys the model put on the item. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * One segmented object on the **original** image: its box plus a mask.
 *
 * @remarks
 * The mask is decoded with the `maskDecoder`, placed with core's `placeSegmentationMask` in the
 * frame that was sent (cookbook-exact: floor box, bilinear resize, `> 127`), then mapped to the
 * original: resized to the original-pixel box (bilinear, re-thresholded at 127) and clipped to
 * the image. What you get:
 * - `box`: the original-pixel box the mask covers (same rule as {@link DetectedObject.box});
 * - `mask`: **crop-local**, exactly `box`-sized, values 0/255: pixel (x, y) is original pixel
 *   (box.x0 + x, box.y0 + y); `null` when the model gave no usable mask (see the issues);
 * - `area`: foreground pixels of `mask` in original pixels (0 without a mask);
 * - `placement`: the same as core's `PlacedSegmentationMask` in the original frame, so
 *   `toFullFrameMask(item.placement)` gives a full-size mask when you really need one;
 * - `sentPlacement`: the mask as placed on the sent image, bit-identical to the cookbook's.
 *
 * @example
 * ```ts
 * const { items } = await vision.segment('cupcakes.jpg');
 * const withMasks = items.filter((item) => item.mask !== null);
 * ```
 */
export interface SegmentedObject extends DetectedObject {
  /** Crop-local mask in original pixels (`box`-sized, 0/255), or `null` without a usable mask. */
  readonly mask: Mask | null;
  /** Foreground pixels of `mask` (original pixels); 0 without a mask. */
  readonly area: number;
  /** The mask placed on the original frame (core's type), or `null` without a usable mask. */
  readonly placement: PlacedSegmentationMask | DegenerateSegmentationMask | null;
  /** The mask placed on the sent image, or `null` without a usable mask. */
  readonly sentPlacement: PlacedSegmentationMask | DegenerateSegmentationMask | null;
}

/**
 * One pointed-at object, located on the **original** image.
 *
 * @example
 * ```ts
 * const { items } = await vision.point('table.png', { target: 'the bowls' });
 * console.log(items[0]?.point); // { x: 323.2, y: 158.3 }
 * ```
 */
export interface PointedObject {
  /** Position in the model's list (0-based). */
  readonly index: number;
  /** The label exactly as the model wrote it. */
  readonly label: string;
  /** The point in original-image pixels (continuous, not rounded). */
  readonly point: PixelPoint;
  /** `[y, x]` in 0..1000 of the sent image, as repaired by core. */
  readonly normalizedPoint: NormalizedPoint;
  /** What core changed; empty for a clean point. */
  readonly repairs: readonly PointRepair[];
  /** Other keys the model put on the item. */
  readonly extra?: Readonly<Record<string, unknown>>;
}
