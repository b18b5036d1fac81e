import type { CocoRle, PixelBox, PixelPoint, Size } from '@gemini-vision/core';
import type { ResultIssue } from '@gemini-vision/gemini';

/**
 * The live tasks: three spatial ones that return items in pixels, three that return text.
 *
 * @example
 * ```ts
 * const task: LiveTask = 'segment';
 * ```
 */
export type LiveTask = 'detect' | 'segment' | 'point' | 'caption' | 'ask' | 'classify';

/**
 * Tells whether a task returns boxes, masks or points (and so gets overlays and exports).
 *
 * @param task - The task.
 * @returns `true` for `detect`, `segment` and `point`.
 *
 * @example
 * ```ts
 * isSpatialTask('caption'); // => false
 * ```
 */
export function isSpatialTask(task: LiveTask): task is 'detect' | 'segment' | 'point' {
  return task === 'detect' || task === 'segment' || task === 'point';
}

/**
 * One item of a spatial result as saved in the per-image JSON: the `render --json` item plus
 * where its mask went.
 *
 * @example
 * ```ts
 * const item: ResultItem = { label: 'cup', box: { x0: 1, y0: 2, x1: 30, y1: 40 }, point: null, maskArea: 812, maskFile: 'a.jpg.masks/00-cup.png', rle: { size: [480, 640], counts: '…' } };
 * ```
 */
export interface ResultItem {
  /** The label as the model wrote it. */
  readonly label: string;
  /** Box in original-image pixels (`x1`/`y1` exclusive), or `null` for points. */
  readonly box: PixelBox | null;
  /** Point in original-image pixels, or `null` for boxes. */
  readonly point: PixelPoint | null;
  /** Foreground pixels of the mask, or `null` without one. */
  readonly maskArea: number | null;
  /** The mask PNG, relative to the output folder, or `null`. */
  readonly maskFile: string | null;
  /** The full-frame mask as COCO compressed RLE, or `null`. */
  readonly rle: CocoRle | null;
}

/**
 * What a live command writes to `<out>/<name>.json` for each image, and prints with `--json`.
 * Its presence in the output folder marks the image as done: a rerun skips it.
 *
 * @example
 * ```ts
 * const saved: ImageResult = JSON.parse(await readFile('out/photo.jpg.json', 'utf8'));
 * ```
 */
export interface ImageResult {
  /** The image path as given (relative to the working directory). */
  readonly image: string;
  /** The task. */
  readonly task: LiveTask;
  /** The model that answered. */
  readonly model: string;
  /** Size of the original image the coordinates refer to (as displayed; as stored when `issues` says `orientation-not-applied`), for spatial tasks; else `null`. */
  readonly imageSize: Size | null;
  /** Spatial items in original-image pixels; `null` for text tasks. */
  readonly items: readonly ResultItem[] | null;
  /** The caption, the answer, or the class label (`null` when the reply named none); `null` for spatial tasks. */
  readonly answer: string | null;
  /** The model's raw reply text. */
  readonly text: string;
  /** Parse issues (spatial tasks and classify), and the client's image issues (`orientation-not-applied`). */
  readonly issues: readonly ResultIssue[];
  /** Caveats reported by the client (unrotated image, capability notes). */
  readonly warnings: readonly string[];
  /** Tokens billed, as the API reported them (`null` for a field it did not report), or `null`. */
  readonly usage: {
    readonly promptTokens: number | null;
    readonly imageTokens: number | null;
    readonly outputTokens: number | null;
    readonly thoughtsTokens: number | null;
    readonly totalTokens: number | null;
  } | null;
  /** Dollars of the billed usage at list prices, when known. */
  readonly billedUsd: number | null;
  /** The pre-flight estimate in dollars (output at its cap: an upper bound), when known. */
  readonly estimatedUsd: number | null;
  /** `standard` or `batch` rates. */
  readonly pricing: 'standard' | 'batch';
  /** The overlay, relative to the output folder, or `null`. */
  readonly overlay: string | null;
}
