import { assertNormalizedBox } from '../geometry/assert-geometry';
import { normalizedBoxToPixels } from '../geometry/normalized-box-to-pixels';
import type { NormalizedBox, PixelBox, Size } from '../geometry/types';
import { assertOneOf } from '../internal/assert';
import { resampleBilinear } from '../internal/resample-bilinear';
import { assertFrame, assertMask, assertThreshold } from './assert-mask';
import type { Mask } from './mask';
import { DEFAULT_MASK_THRESHOLD } from './threshold-mask';

/**
 * How {@link placeSegmentationMask} turns `box_2d` into whole pixels: `'floor'` is the guide's
 * and cookbook's `int(v / 1000 * dimension)`; `'round'` rounds halves up.
 *
 * @example
 * ```ts
 * const rounding: MaskBoxRounding = 'floor';
 * ```
 */
export type MaskBoxRounding = 'floor' | 'round';

/**
 * Options of {@link placeSegmentationMask}.
 *
 * @example
 * ```ts
 * const options: PlaceSegmentationMaskOptions = { threshold: 127, rounding: 'floor' };
 * ```
 */
export interface PlaceSegmentationMaskOptions {
  /**
   * A resized pixel is foreground when its value is greater than this (any finite number).
   * @defaultValue `127` ({@link DEFAULT_MASK_THRESHOLD}, the guide's midpoint)
   */
  readonly threshold?: number | undefined;
  /**
   * How box corners are rounded to pixels.
   * @defaultValue `'floor'` (the cookbook's `int(v / 1000 * dimension)`)
   */
  readonly rounding?: MaskBoxRounding | undefined;
}

/**
 * Result of {@link placeSegmentationMask} for a box with a positive area: the thresholded mask,
 * kept crop-local.
 *
 * @example
 * ```ts
 * if (!placed.degenerate) console.log(placed.box, placed.mask.width, placed.area);
 * ```
 */
export interface PlacedSegmentationMask {
  /** `false`: the box has a positive area and `mask` is set. */
  readonly degenerate: false;
  /** The frame the box refers to, in pixels (as passed in). */
  readonly frame: Size;
  /** The box in frame pixels (`x1`/`y1` exclusive), always inside the frame. */
  readonly box: PixelBox;
  /** The thresholded mask (0/255), exactly `box`-sized: pixel (x, y) lies at frame pixel (box.x0 + x, box.y0 + y). */
  readonly mask: Mask;
  /** Foreground pixels, equal to the foreground count of the full-frame mask. */
  readonly area: number;
}

/**
 * Result of {@link placeSegmentationMask} for a box that is empty once rounded to pixels (zero
 * width or height, e.g. `[500, 100, 500, 300]` or a sliver thinner than a pixel). Nothing is
 * placed; the cookbook skips such items with "Invalid bounding box".
 *
 * @example
 * ```ts
 * if (placed.degenerate) console.warn('empty box', placed.box);
 * ```
 */
export interface DegenerateSegmentationMask {
  /** `true`: the rounded box has no area, so there is no mask. */
  readonly degenerate: true;
  /** The frame the box refers to, in pixels (as passed in). */
  readonly frame: Size;
  /** The rounded box, with `x0 === x1` or `y0 === y1`. */
  readonly box: PixelBox;
  /** Always `null`. */
  readonly mask: null;
  /** Always `0`. */
  readonly area: 0;
}

/**
 * Places one Gemini segmentation mask on the image it describes, as the guide and cookbook do:
 * box to pixels (floor), bilinear resize to the box, threshold at 127.
 *
 * @remarks
 * Steps, matching the cookbook's `parse_segmentation_masks` pixel for pixel:
 * 1. `box_2d` → pixel box with `Math.floor(v / 1000 * dimension)` ({@link normalizedBoxToPixels});
 * 2. the decoded mask (usually 256×256, stretched non-uniformly) → box size with Pillow-exact
 *    {@link resizeMaskBilinear};
 * 3. foreground where the value is `> threshold` (127).
 *
 * The mask stays crop-local (box-sized), so N objects on a 12-megapixel photo cost the sum of
 * their box areas, not N × 12 MB. Call {@link toFullFrameMask} for a full-frame mask (the
 * cookbook's step 4, the paste).
 *
 * A box that rounds to zero width or height is not an error: the result has `degenerate: true`,
 * `mask: null` and `area: 0`. Reversed or out-of-range `box_2d` values are programmer errors here;
 * repair model output with {@link repairNormalizedBox} first.
 *
 * @param decoded - The mask as decoded from the model's PNG (any size, values 0..255); see
 * {@link MaskDecoder}.
 * @param box2d - The item's `box_2d`, `[ymin, xmin, ymax, xmax]` in 0..1000, ordered.
 * @param frame - Size in pixels of the image the box refers to (the image as sent).
 * @param options - Threshold and rounding; see {@link PlaceSegmentationMaskOptions}.
 * @returns The pixel box, the box-sized thresholded mask and its foreground area; or, for an
 * empty box, a result flagged `degenerate`.
 * @throws {@link InvalidArgumentError} If `decoded` is not a valid {@link Mask}, `box2d` is not
 * four ordered numbers in 0..1000, `frame` is not two positive integers (at most 2^20 px per side
 * and 2^30 pixels), or an option is invalid.
 *
 * @example
 * ```ts
 * const decoded = await decoder.decodePng(pngBytes); // 256×256
 * const placed = placeSegmentationMask(decoded, [265, 702, 433, 812], { width: 1024, height: 1024 });
 * placed.box; // => { x0: 718, y0: 271, x1: 831, y1: 443 }
 * placed.mask?.width; // => 113
 * const full = toFullFrameMask(placed); // 1024×1024, when really needed
 * ```
 */
export function placeSegmentationMask(
  decoded: Mask,
  box2d: NormalizedBox,
  frame: Size,
  options: PlaceSegmentationMaskOptions = {},
): PlacedSegmentationMask | DegenerateSegmentationMask {
  assertMask('decoded', decoded);
  assertNormalizedBox('box2d', box2d);
  assertFrame('frame', frame);
  const threshold = options.threshold ?? DEFAULT_MASK_THRESHOLD;
  assertThreshold('options.threshold', threshold);
  const rounding = options.rounding ?? 'floor';
  assertOneOf('options.rounding', rounding, ['floor', 'round']);

  const size = { width: frame.width, height: frame.height };
  const box = normalizedBoxToPixels(box2d, size, { rounding });
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  if (width <= 0 || height <= 0) {
    return { degenerate: true, frame: size, box, mask: null, area: 0 };
  }

  // Resize and threshold in one pass: same pixels as thresholdMask(resizeMaskBilinear(...)).
  const { data, area } = resampleBilinear(decoded.data, decoded.width, decoded.height, width, height, threshold);
  const mask = { width, height, data };
  return { degenerate: false, frame: size, box, mask, area };
}
