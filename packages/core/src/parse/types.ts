import type { BoxRepair } from '../geometry/repair-normalized-box';
import type { NormalizedBox, NormalizedPoint } from '../geometry/types';
import type { JsonCandidate } from './extract-json';
import type { ParseIssue } from './parse-issue';

/**
 * One detected object from a Gemini bounding-box reply.
 *
 * @example
 * ```ts
 * const detection: Detection = { index: 0, label: 'red sprinkles', box: [390, 64, 574, 203], repairs: [] };
 * ```
 */
export interface Detection {
  /** Position of the item in the model's list (0-based), kept even when earlier items were dropped. */
  readonly index: number;
  /** The label exactly as the model wrote it: never trimmed, normalized or slugged. `''` if missing. */
  readonly label: string;
  /** `[ymin, xmin, ymax, xmax]` in 0..1000, repaired: corners ordered and clamped into range. */
  readonly box: NormalizedBox;
  /** What `repairNormalizedBox` changed or flagged; empty for a clean box. */
  readonly repairs: readonly BoxRepair[];
  /**
   * The model's self-reported `confidence` (or `score`), as given. Uncalibrated: do not threshold
   * it like a detector score. Absent when the model gave none.
   */
  readonly confidence?: number;
  /** Every other key the model put on the item, values as parsed. Absent when there are none. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * A segmentation mask as Gemini 2.5 returns it: a PNG (in practice 256×256 grayscale, values
 * 0 or 255) covering the item's box, stretched to it non-uniformly.
 *
 * @remarks
 * Core does not decode PNG; pass `bytes` to a `MaskDecoder` from an adapter (e.g. `@gemini-vision/images`).
 *
 * @example
 * ```ts
 * const mask: SegmentationMask = { encoding: 'png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) };
 * ```
 */
export interface SegmentationMask {
  /** Always `png` in this version; other encodings are reported as issues. */
  readonly encoding: 'png';
  /** The PNG file bytes (signature checked, not decoded). */
  readonly bytes: Uint8Array;
}

/**
 * One segmented object: a {@link Detection} plus its mask.
 *
 * @remarks
 * Items whose mask is missing (Gemini 3 answers segmentation prompts with boxes only), in an
 * encoding this version cannot decode (polygons, `<seg_N>` tokens, JPEG) or corrupt stay in the
 * list with `mask: null`, so their boxes can still be drawn; each has an issue saying why.
 *
 * @example
 * ```ts
 * const withMasks = parseSegmentations(text).items.filter((item) => item.mask !== null);
 * ```
 */
export interface Segmentation extends Detection {
  /** The PNG mask, or `null` when there is none usable (see the item's issues). */
  readonly mask: SegmentationMask | null;
}

/**
 * What was done to a point to bring it into 0..1000.
 *
 * - `clamped`: a coordinate was outside 0..1000 and was clamped.
 * - `looks-like-pixels`: a coordinate above 1000 suggests pixels rather than 0..1000.
 *
 * @example
 * ```ts
 * const repair: PointRepair = 'clamped';
 * ```
 */
export type PointRepair = 'clamped' | 'looks-like-pixels';

/**
 * One labeled point from a Gemini pointing reply.
 *
 * @example
 * ```ts
 * const point: LabeledPoint = { index: 0, label: 'blue bowl', point: [263, 404], repairs: [] };
 * ```
 */
export interface LabeledPoint {
  /** Position of the item in the model's list (0-based), kept even when earlier items were dropped. */
  readonly index: number;
  /** The label exactly as the model wrote it. `''` if missing. */
  readonly label: string;
  /** `[y, x]` in 0..1000, clamped into range. */
  readonly point: NormalizedPoint;
  /** What was changed; empty for a clean point. */
  readonly repairs: readonly PointRepair[];
  /** Every other key the model put on the item, values as parsed. Absent when there are none. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * Options of {@link parseDetections}, {@link parseSegmentations} and {@link parsePoints}.
 *
 * @example
 * ```ts
 * const options: ParseOptions = { labels: ['cat', 'dog'], maxItems: 25 };
 * ```
 */
export interface ParseOptions {
  /**
   * Keep only items whose label equals one of these exactly (case and spacing included). Dropped
   * items are counted in a `filtered-by-label` issue.
   * @defaultValue every label is kept
   */
  readonly labels?: readonly string[] | undefined;
  /**
   * Keep at most this many items (the first ones, after `labels`); a positive integer. Dropped
   * items are counted in a `max-items-exceeded` issue.
   * @defaultValue no limit
   */
  readonly maxItems?: number | undefined;
}

/**
 * What a parser recovered from a model reply.
 *
 * @remarks
 * `items` is never silently empty: an empty list always comes with at least one issue saying why
 * (`no-json-found`, `empty-array`, per-item errors, …).
 *
 * @example
 * ```ts
 * const { items, issues, truncated }: ParseResult<Detection> = parseDetections(text);
 * ```
 */
export interface ParseResult<Item> {
  /** The valid items, in the model's order. */
  readonly items: readonly Item[];
  /** Everything that went wrong or was tolerated, in text order; see {@link ParseIssue}. */
  readonly issues: readonly ParseIssue[];
  /** `true` when the reply ended inside the JSON (for example at the output-token limit). */
  readonly truncated: boolean;
  /** The JSON block the items were read from, or `null` when the text held none. */
  readonly candidate: JsonCandidate | null;
}
