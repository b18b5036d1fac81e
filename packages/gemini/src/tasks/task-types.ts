import type { MediaResolution, ParseIssue, RequestCostEstimate, Size } from '@gemini-vision/core';

import type { SentImage, PrepareSetting } from '../inputs/prepare-image-input';
import type { BilledUsage } from '../ledger/create-cost-ledger';
import type { VisionTask } from '../prompts/build-task-prompt';
import type { TransportSetting } from '../requests/choose-transports';
import type { TextPlacement } from '../requests/request-spec';
import type { DetectedObject, PointedObject, SegmentedObject } from '../results/located-items';
import type { ResultIssue } from '../results/result-issue';

/**
 * Which Gemini API carries a call: `models.generateContent` or the Interactions API
 * (`interactions.create`).
 *
 * @example
 * ```ts
 * await vision.caption('photo.jpg', { api: 'interactions' });
 * ```
 */
export type GeminiApiKind = 'generate-content' | 'interactions';

/**
 * Options every task accepts. Unset fields fall back to the instance's settings.
 *
 * @example
 * ```ts
 * const options: TaskOptions = { model: 'gemini-3-flash-preview', mediaResolution: 'low', signal: AbortSignal.timeout(30_000) };
 * ```
 */
export interface TaskOptions {
  /**
   * Model id for this call.
   * @defaultValue the instance's `model`
   */
  readonly model?: string | undefined;
  /**
   * Your own prompt text instead of the task's verbatim default.
   * @defaultValue the task's default (see `DEFAULT_PROMPTS`)
   */
  readonly prompt?: string | undefined;
  /**
   * Your own system instruction; `null` sends none.
   * @defaultValue the cookbook's for detection, none otherwise
   */
  readonly systemInstruction?: string | null | undefined;
  /**
   * The API to call.
   * @defaultValue the instance's `api` (`'generate-content'`)
   */
  readonly api?: GeminiApiKind | undefined;
  /**
   * Media resolution: per image part on Gemini 3, request-wide on 1.5–2.5.
   * @defaultValue the instance's, else the model's default
   */
  readonly mediaResolution?: MediaResolution | undefined;
  /**
   * Image preparation for this call.
   * @defaultValue the instance's `prepare`
   */
  readonly prepare?: PrepareSetting | undefined;
  /**
   * Inline data or Files API.
   * @defaultValue `'auto'`
   */
  readonly transport?: TransportSetting | undefined;
  /**
   * Where the prompt text goes relative to the images.
   * @defaultValue `'auto'`: after a single image on generateContent, before otherwise
   */
  readonly textPlacement?: TextPlacement | undefined;
  /**
   * Sampling temperature.
   * @defaultValue `0.5` for detect, segment and point (the cookbook's); the model's default otherwise
   */
  readonly temperature?: number | undefined;
  /**
   * Output cap in tokens, thinking included. It also bounds the pre-flight estimate.
   * @defaultValue caption 1024, ask 2048, classify 256, detect 4096, point 2048, segment 8192
   */
  readonly maxOutputTokens?: number | undefined;
  /**
   * `minimal` turns thinking down (budget 0 on 2.5 Flash, level `minimal` on Gemini 3);
   * `model-default` sends no thinking setting.
   * @defaultValue `'minimal'` for detect, segment and point; `'model-default'` otherwise
   */
  readonly thinking?: 'minimal' | 'model-default' | undefined;
  /**
   * Confirm the pre-flight estimate with a `countTokens` call before sending.
   * @defaultValue the instance's `countTokens` (`false`)
   */
  readonly countTokens?: boolean | undefined;
  /** Cancels the call (and its retries); the promise rejects with `AbortedError`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Options of `detect` (and of `point` and `segment`, which extend them).
 *
 * @example
 * ```ts
 * const options: DetectOptions = { target: 'the cupcakes', labels: ['cupcake'], maxItems: 10 };
 * ```
 */
export interface DetectOptions extends TaskOptions {
  /**
   * What to look for, as a noun phrase (`the cupcakes`).
   * @defaultValue every prominent item
   */
  readonly target?: string | undefined;
  /**
   * Only keep items with these labels (matched ignoring case and width); the prompt asks for them.
   * @defaultValue every label
   */
  readonly labels?: readonly string[] | undefined;
  /**
   * Ask for at most this many items in the prompt, and keep at most this many of the reply.
   * @defaultValue the prompt asks for at most 25 (10 for `point`); every item returned is kept
   */
  readonly maxItems?: number | undefined;
}

/**
 * Options of `segment`.
 *
 * @example
 * ```ts
 * const options: SegmentOptions = { target: 'the cupcakes', onUnsupported: 'boxes' };
 * ```
 */
export interface SegmentOptions extends DetectOptions {
  /**
   * What to do on a model without segmentation masks (Gemini 3): `'error'` throws
   * `CapabilityUnsupportedError` before sending; `'boxes'` sends the detection prompt and returns
   * items with `mask: null`.
   * @defaultValue `'error'`
   */
  readonly onUnsupported?: 'error' | 'boxes' | undefined;
}

/**
 * Fields every task result has.
 *
 * @example
 * ```ts
 * const { text, usage, estimate, finishReason } = await vision.caption('photo.jpg');
 * ```
 */
export interface TaskResultBase {
  /** The task that ran. */
  readonly task: VisionTask;
  /** The model id used. */
  readonly model: string;
  /** The API that carried the call. */
  readonly api: GeminiApiKind;
  /** The model's reply text, raw. */
  readonly text: string;
  /** Why generation stopped (`STOP`, `MAX_TOKENS`, `SAFETY`, …), as reported. */
  readonly finishReason: string | undefined;
  /** Token usage as the API reported it (raw object in `usage.raw`). */
  readonly usage: BilledUsage | undefined;
  /** The pre-flight estimate (output at its cap, so dollars are an upper bound). */
  readonly estimate: RequestCostEstimate;
  /** What `countTokens` said, when it was called. */
  readonly countedTokens: number | undefined;
  /** Dollars for the billed usage, when the model has a price. */
  readonly billedUsd: number | undefined;
  /** The images as sent, with their transforms back to the originals. */
  readonly images: readonly SentImage[];
  /** Attempts made (1 without retries). */
  readonly attempts: number;
  /**
   * The id of this call's entry in the instance's ledger (for batch results, the batch's entry;
   * `0` for results rebuilt from a batch record by a run that did not submit or collect the job).
   */
  readonly ledgerEntry: number;
  /** Caveats: capability notes, images sent unrotated, settings the API could not take. */
  readonly warnings: readonly string[];
}

/**
 * Result of `caption`.
 *
 * @example
 * ```ts
 * const { caption } = await vision.caption('photo.jpg');
 * ```
 */
export interface CaptionResult extends TaskResultBase {
  /** Discriminant. */
  readonly task: 'caption';
  /** The caption (the reply text, trimmed). */
  readonly caption: string;
}

/**
 * Result of `ask`.
 *
 * @example
 * ```ts
 * const { answer } = await vision.ask('photo.jpg', 'How many cupcakes are there?');
 * ```
 */
export interface AskResult extends TaskResultBase {
  /** Discriminant. */
  readonly task: 'ask';
  /** The answer (the reply text, trimmed). */
  readonly answer: string;
}

/**
 * Result of `classify`.
 *
 * @example
 * ```ts
 * const { label } = await vision.classify('photo.jpg', ['cat', 'dog']);
 * ```
 */
export interface ClassifyResult extends TaskResultBase {
  /** Discriminant. */
  readonly task: 'classify';
  /** One of the given labels (as you spelled it), or `null` when the reply named none (see `issues`). */
  readonly label: string | null;
  /** The label as the model wrote it, when it wrote one. */
  readonly answer: string | undefined;
  /** Why `label` is `null`, or what was tolerated. */
  readonly issues: readonly ParseIssue[];
}

/**
 * Fields of the spatial results (detect, segment, point).
 *
 * @example
 * ```ts
 * const { items, issues, truncated, imageSize } = await vision.detect('photo.jpg');
 * ```
 */
export interface SpatialResultBase extends TaskResultBase {
  /**
   * Parse issues (core's), label and item-limit filtering, and an `orientation-not-applied`
   * warning (first) when the coordinates are on a rotated photo's stored grid; never silent when
   * `items` is empty.
   */
  readonly issues: readonly ResultIssue[];
  /** The reply was cut short (unbalanced JSON or `finishReason` `MAX_TOKENS`); complete items were salvaged. */
  readonly truncated: boolean;
  /**
   * Size in pixels of the original image as the coordinates see it:
   * - **as displayed** (`displayWidth` × `displayHeight`, EXIF orientation applied) when the image
   *   was sent upright: it has no EXIF rotation, or the `imagePreparer` turned it upright (what a
   *   configured preparer always does, with or without `prepare`);
   * - **as stored** (`width` × `height`, the file's unrotated pixel grid) when an EXIF-rotated
   *   image was sent as it is: without an `imagePreparer`, or a HEIC/HEIF it cannot decode. An
   *   `orientation-not-applied` issue then says so.
   *
   * Never the size that was sent: a resize by `prepare` is undone.
   */
  readonly imageSize: Size;
}

/**
 * Result of `detect`.
 *
 * @example
 * ```ts
 * const { items } = await vision.detect('photo.jpg', { target: 'the cupcakes' });
 * ```
 */
export interface DetectResult extends SpatialResultBase {
  /** Discriminant. */
  readonly task: 'detect';
  /** The boxes, in original-image pixels. */
  readonly items: readonly DetectedObject[];
}

/**
 * Result of `segment`.
 *
 * @example
 * ```ts
 * const { items, masksRequested } = await vision.segment('photo.jpg', { onUnsupported: 'boxes' });
 * ```
 */
export interface SegmentResult extends SpatialResultBase {
  /** Discriminant. */
  readonly task: 'segment';
  /** The objects with their masks, in original-image pixels. */
  readonly items: readonly SegmentedObject[];
  /** `false` when the model has no masks and boxes were asked for instead (`onUnsupported: 'boxes'`). */
  readonly masksRequested: boolean;
}

/**
 * Result of `point`.
 *
 * @example
 * ```ts
 * const { items } = await vision.point('table.png', { target: 'the bowls' });
 * ```
 */
export interface PointResult extends SpatialResultBase {
  /** Discriminant. */
  readonly task: 'point';
  /** The points, in original-image pixels. */
  readonly items: readonly PointedObject[];
}

/**
 * Any task's result, discriminated by `task`.
 *
 * @example
 * ```ts
 * function count(result: TaskResult): number {
 *   return result.task === 'detect' || result.task === 'segment' || result.task === 'point' ? result.items.length : 0;
 * }
 * ```
 */
export type TaskResult = CaptionResult | AskResult | ClassifyResult | DetectResult | SegmentResult | PointResult;

/**
 * One entry of a `*Many` call: the result or the error of one input, at its position. No input
 * is ever dropped.
 *
 * @example
 * ```ts
 * for (const entry of await vision.detectMany(paths)) {
 *   if (entry.status === 'fulfilled') console.log(entry.index, entry.result.items.length);
 *   else console.error(entry.index, entry.error.message);
 * }
 * ```
 */
export type ManyEntry<Result> =
  | {
      /** Position of the input (0-based). */
      readonly index: number;
      /** The input as given. */
      readonly input: unknown;
      /** It worked. */
      readonly status: 'fulfilled';
      /** The task result. */
      readonly result: Result;
    }
  | {
      /** Position of the input (0-based). */
      readonly index: number;
      /** The input as given. */
      readonly input: unknown;
      /** It failed. */
      readonly status: 'rejected';
      /** Why: a `GeminiVisionError` (e.g. `ApiCallError`, `BudgetExceededError`, `AbortedError`) or another error. */
      readonly error: Error;
    };
