import type { GoogleGenAI } from '@google/genai';
import pLimit from 'p-limit';

import {
  AbortedError,
  InvalidArgumentError,
  type GeminiBackend,
  type ImagePreparer,
  type ImageProber,
  type MaskDecoder,
  type MediaResolution,
  type PriceTable,
  type RequestCostEstimate,
} from '@gemini-vision/core';

import { createGeminiApi } from './api/create-gemini-api';
import { runBatch, type BatchOptions, type BatchRequest, type BatchResult } from './batch/run-batch';
import type { ImageInput } from './inputs/load-image-input';
import type { PrepareSetting, SentImage } from './inputs/prepare-image-input';
import { createCostLedger, type CostLedger } from './ledger/create-cost-ledger';
import type { VisionTask } from './prompts/build-task-prompt';
import { resolveRetryPolicy, type RetrySettings } from './retry/retry-policy';
import { describePayload, planTask, runVisionTask, type GeminiVisionLogger, type PipelineContext, type ResolvedSettings } from './tasks/run-vision-task';
import type {
  AskResult,
  CaptionResult,
  ClassifyResult,
  DetectOptions,
  DetectResult,
  GeminiApiKind,
  ManyEntry,
  PointResult,
  SegmentOptions,
  SegmentResult,
  TaskOptions,
} from './tasks/task-types';
import { createUploadCache } from './uploads/create-upload-cache';

/**
 * The model used when none is given: `gemini-2.5-flash`.
 *
 * @remarks
 * The newest Flash line that does all six tasks, segmentation masks included (Gemini 3 returns
 * boxes only), at the lowest price of the models that do (see core's price table). Pass `model`
 * for another.
 *
 * @example
 * ```ts
 * createGeminiVision({ imageProber, maskDecoder }).model === DEFAULT_MODEL; // true
 * ```
 */
export const DEFAULT_MODEL = 'gemini-2.5-flash';

/**
 * Settings of {@link createGeminiVision}.
 *
 * @example
 * ```ts
 * const settings: GeminiVisionSettings = {
 *   imageProber: createImageProber(),
 *   maskDecoder: createPngMaskDecoder(),
 *   imagePreparer: { name: 'sharp', prepare: prepareImage },
 *   prepare: { maxSide: 1024 },
 *   maxCostUsd: 0.5,
 * };
 * ```
 */
export interface GeminiVisionSettings {
  /**
   * The Gemini API key. Never logged, never put in errors or results.
   * @defaultValue `GEMINI_API_KEY`, else `GOOGLE_API_KEY`, read when the first call needs it
   */
  readonly apiKey?: string | undefined;
  /**
   * Base URL of the API, e.g. the emulator's `http://127.0.0.1:PORT` or a proxy.
   * @defaultValue `GOOGLE_GEMINI_BASE_URL`, else Google's endpoint
   */
  readonly baseUrl?: string | undefined;
  /**
   * Model id for every call that does not name one.
   * @defaultValue {@link DEFAULT_MODEL} (`gemini-2.5-flash`)
   */
  readonly model?: string | undefined;
  /**
   * Where requests go; affects token estimates (Gemini 2.5 bills images differently) and which
   * features exist (no Files API or batch jobs on Vertex AI here).
   * @defaultValue `'gemini-api'`
   */
  readonly backend?: GeminiBackend | undefined;
  /**
   * Google Cloud project, for `backend: 'vertex-ai'` without an API key.
   * @defaultValue the SDK's (`GOOGLE_CLOUD_PROJECT`)
   */
  readonly project?: string | undefined;
  /**
   * Google Cloud location, for `backend: 'vertex-ai'`.
   * @defaultValue the SDK's (`GOOGLE_CLOUD_LOCATION`)
   */
  readonly location?: string | undefined;
  /**
   * A ready SDK client (tests, custom auth). The key, base URL and `fetch` settings are then
   * unused, and `Retry-After` headers are only read from `RetryInfo` error details.
   * @defaultValue a client this package creates, pinned to `apiVersion: 'v1beta'`
   */
  readonly client?: GoogleGenAI | undefined;
  /**
   * The `fetch` for API calls and image downloads.
   * @defaultValue `globalThis.fetch`
   */
  readonly fetch?: typeof fetch | undefined;
  /** Reads image headers (size, orientation, real MIME type): `createImageProber()` from `@gemini-vision/images`. */
  readonly imageProber: ImageProber;
  /** Decodes segmentation mask PNGs: `createPngMaskDecoder()` from `@gemini-vision/images`. */
  readonly maskDecoder: MaskDecoder;
  /**
   * Resizes, rotates and re-encodes images: `{ name: 'sharp', prepare: prepareImage }` with
   * `@gemini-vision/images`. Needed for `prepare`. With it, EXIF-rotated photos are sent upright
   * and GIF/AVIF (which Gemini does not accept) as PNG/JPEG, so results are in displayed pixels;
   * without it, rotated photos are sent as stored (results on the stored grid, with an
   * `orientation-not-applied` issue) and GIF/AVIF are refused (`RequestLimitExceededError`).
   * @defaultValue none
   */
  readonly imagePreparer?: ImagePreparer | undefined;
  /**
   * How images are prepared before sending; see {@link PrepareSetting}.
   * @defaultValue `false`
   */
  readonly prepare?: PrepareSetting | undefined;
  /**
   * Which API carries calls.
   * @defaultValue `'generate-content'`
   */
  readonly api?: GeminiApiKind | undefined;
  /**
   * Retry policy for every API call, or `false` for a single attempt.
   * @defaultValue 4 attempts, 1 s doubling to 30 s, half jitter (`DEFAULT_RETRY_POLICY`)
   */
  readonly retry?: RetrySettings | false | undefined;
  /**
   * Per-attempt timeout of API calls, in ms.
   * @defaultValue `120_000`
   */
  readonly timeoutMs?: number | undefined;
  /**
   * How many calls a `*Many` method runs at once.
   * @defaultValue `4`
   */
  readonly concurrency?: number | undefined;
  /**
   * Budget in US dollars for this instance: a call whose pre-flight estimate would take the total
   * over it is refused before anything is sent (`BudgetExceededError`).
   * @defaultValue no budget
   */
  readonly maxCostUsd?: number | undefined;
  /**
   * A ledger to record into, shared with other instances (its budget then applies;
   * `maxCostUsd` must be unset).
   * @defaultValue a new ledger with `maxCostUsd`
   */
  readonly ledger?: CostLedger | undefined;
  /**
   * Price table for estimates and billed dollars.
   * @defaultValue core's `DEFAULT_PRICE_TABLE`
   */
  readonly prices?: PriceTable | undefined;
  /**
   * Inline-data limit: `current` (100 MB of base64, since 2026-01-12) or `legacy` (20 MB).
   * @defaultValue `'current'`
   */
  readonly inlineLimit?: 'current' | 'legacy' | undefined;
  /**
   * Confirm every pre-flight estimate with `countTokens`.
   * @defaultValue `false`
   */
  readonly countTokens?: boolean | undefined;
  /**
   * Media resolution for every call.
   * @defaultValue the model's default
   */
  readonly mediaResolution?: MediaResolution | undefined;
  /**
   * Largest image download from a URL, in bytes.
   * @defaultValue `50_000_000`
   */
  readonly maxDownloadBytes?: number | undefined;
  /**
   * Timeout of an image download, in ms.
   * @defaultValue `30_000`
   */
  readonly downloadTimeoutMs?: number | undefined;
  /**
   * Receives retries, uploads and batch progress; never the key or image data.
   * @defaultValue silent
   */
  readonly logger?: GeminiVisionLogger | undefined;
}

/**
 * What `estimate` returns: the pre-flight figures of a call, without sending it.
 *
 * @example
 * ```ts
 * const { estimate, images } = await vision.estimate('detect', ['photo.jpg']);
 * console.log(estimate.inputTokens, estimate.dollars?.total, images[0]?.transport);
 * ```
 */
export interface PreflightResult {
  /** Tokens and dollars (output at its cap, so an upper bound). */
  readonly estimate: RequestCostEstimate;
  /** The images as they would be sent (transport as planned; nothing is uploaded). */
  readonly images: readonly Omit<SentImage, 'fileName' | 'reusedUpload'>[];
  /** Caveats, as a real call would report them. */
  readonly warnings: readonly string[];
}

/**
 * A Gemini vision client: the six tasks, their `*Many` variants, batch jobs, pre-flight
 * estimates and a cost ledger. Created by {@link createGeminiVision}.
 *
 * @remarks
 * Every method returns core types in the **original** image's pixels. Failures throw
 * `GeminiVisionError`s: `InvalidArgumentError`, `ApiKeyMissingError`, `ApiCallError`,
 * `BudgetExceededError`, `CapabilityUnsupportedError`, `RequestLimitExceededError`,
 * `AbortedError`, the image errors, and `BatchJobFailedError` from `batch`.
 *
 * @example
 * ```ts
 * const vision = createGeminiVision({ imageProber, maskDecoder });
 * const { items } = await vision.detect('cupcakes.jpg', { target: 'the cupcakes' });
 * ```
 */
export interface GeminiVision {
  /** The default model id. */
  readonly model: string;
  /** Estimates next to billed usage, and the budget. */
  readonly ledger: CostLedger;
  /** Captions one image, or several in one prompt. */
  readonly caption: (images: ImageInput | readonly ImageInput[], options?: TaskOptions) => Promise<CaptionResult>;
  /** Answers a question about one image, or several in one prompt. */
  readonly ask: (images: ImageInput | readonly ImageInput[], question: string, options?: TaskOptions) => Promise<AskResult>;
  /** Picks one of `classes` for one image (or a set in one prompt), with structured output. */
  readonly classify: (images: ImageInput | readonly ImageInput[], classes: readonly string[], options?: TaskOptions) => Promise<ClassifyResult>;
  /** Detects objects (2D boxes) in one image. */
  readonly detect: (image: ImageInput, options?: DetectOptions) => Promise<DetectResult>;
  /** Segments objects (box + mask) in one image. */
  readonly segment: (image: ImageInput, options?: SegmentOptions) => Promise<SegmentResult>;
  /** Points at objects in one image. */
  readonly point: (image: ImageInput, options?: DetectOptions) => Promise<PointResult>;
  /** `caption` for each image, `concurrency` at a time; one entry per input, in order. */
  readonly captionMany: (images: readonly ImageInput[], options?: TaskOptions) => Promise<readonly ManyEntry<CaptionResult>[]>;
  /** `ask` for each image. */
  readonly askMany: (images: readonly ImageInput[], question: string, options?: TaskOptions) => Promise<readonly ManyEntry<AskResult>[]>;
  /** `classify` for each image. */
  readonly classifyMany: (
    images: readonly ImageInput[],
    classes: readonly string[],
    options?: TaskOptions,
  ) => Promise<readonly ManyEntry<ClassifyResult>[]>;
  /** `detect` for each image. */
  readonly detectMany: (images: readonly ImageInput[], options?: DetectOptions) => Promise<readonly ManyEntry<DetectResult>[]>;
  /** `segment` for each image. */
  readonly segmentMany: (images: readonly ImageInput[], options?: SegmentOptions) => Promise<readonly ManyEntry<SegmentResult>[]>;
  /** `point` for each image. */
  readonly pointMany: (images: readonly ImageInput[], options?: DetectOptions) => Promise<readonly ManyEntry<PointResult>[]>;
  /**
   * Runs many requests as one Gemini batch job (half price, results within 24 h), resumable from
   * its local record: rerunning with the same record never submits or bills twice.
   */
  readonly batch: (requests: readonly BatchRequest[], options: BatchOptions) => Promise<BatchResult>;
  /** The pre-flight estimate of a call, without sending anything. */
  readonly estimate: (
    task: VisionTask,
    images: ImageInput | readonly ImageInput[],
    options?: SegmentOptions & { readonly question?: string | undefined; readonly classes?: readonly string[] | undefined },
  ) => Promise<PreflightResult>;
}

/**
 * Creates a Gemini vision client on `@google/genai`: tasks with verbatim Google prompts and
 * per-model settings, results in original-image pixels, pre-flight cost checks, retries, uploads
 * reused by hash, the Interactions API and resumable batch jobs.
 *
 * @remarks
 * Nothing touches the network or the environment until the first call: the key is resolved then
 * (`ApiKeyMissingError` if there is none). The SDK client this package creates is pinned to
 * `apiVersion: 'v1beta'` and reads `Retry-After` through its own `fetch`.
 *
 * **Retries** are this package's own loop, not the SDK's `retryOptions`: it honours `Retry-After`
 * and `RetryInfo`, classifies timeouts and lost connections as "maybe processed" (recorded in the
 * ledger as possibly billed), and never retries a batch creation that may have reached the
 * service. The Interactions client's built-in retries are switched off for the same reason.
 *
 * @param settings - Ports (prober, mask decoder, optional preparer), key, model and rails; see
 * {@link GeminiVisionSettings}.
 * @returns The client.
 * @throws {@link InvalidArgumentError} If a setting is malformed (a missing port, a negative
 * budget, `prepare` without `imagePreparer`, both `ledger` and `maxCostUsd`).
 *
 * @example
 * ```ts
 * import { createImageProber, createPngMaskDecoder, prepareImage } from '@gemini-vision/images';
 *
 * const vision = createGeminiVision({
 *   imageProber: createImageProber(),
 *   maskDecoder: createPngMaskDecoder(),
 *   imagePreparer: { name: 'sharp', prepare: prepareImage },
 *   prepare: { maxSide: 1024 },
 *   maxCostUsd: 1,
 * });
 * const { items } = await vision.segment('cupcakes.jpg', { target: 'the cupcakes' });
 * ```
 */
export function createGeminiVision(settings: GeminiVisionSettings): GeminiVision {
  const resolved = resolveSettings(settings);
  const retry = resolveRetryPolicy(settings.retry);
  const timeoutMs = settings.timeoutMs ?? 120_000;
  assertPositive('timeoutMs', timeoutMs);
  if (settings.ledger !== undefined && settings.maxCostUsd !== undefined) {
    throw new InvalidArgumentError({
      argument: 'maxCostUsd',
      expected: 'no `maxCostUsd` when a shared `ledger` is given',
      received: settings.maxCostUsd,
      hint: 'Set the budget on the ledger: createCostLedger({ budgetUsd }).',
    });
  }
  const ledger = settings.ledger ?? createCostLedger({ budgetUsd: settings.maxCostUsd });
  const logger = settings.logger;
  const api = createGeminiApi({
    client: settings.client,
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    backend: resolved.backend,
    project: settings.project,
    location: settings.location,
    fetch: settings.fetch,
    retry,
    timeoutMs,
    sleep: undefined,
    random: undefined,
    onRetry: (event) => {
      logger?.warn?.(`Retrying \`${event.operation}\` in ${event.delayMs} ms.`, {
        attempt: event.attempt,
        failure: event.failure.kind,
        status: event.failure.status,
        retryAfterMs: event.failure.retryAfterMs,
      });
    },
  });
  const context: PipelineContext = { settings: resolved, api, ledger, uploads: createUploadCache() };

  const list = (images: ImageInput | readonly ImageInput[]): readonly ImageInput[] =>
    Array.isArray(images) ? (images as readonly ImageInput[]) : [images as ImageInput];
  const run = async <Result>(task: VisionTask, images: readonly ImageInput[], options: SegmentOptions, extra: { question?: string; classes?: readonly string[] } = {}): Promise<Result> =>
    (await runVisionTask(context, { task, images, options, ...extra })) as unknown as Result;

  const many = async <Result>(
    images: readonly ImageInput[],
    signal: AbortSignal | undefined,
    call: (image: ImageInput) => Promise<Result>,
  ): Promise<readonly ManyEntry<Result>[]> => {
    if (!Array.isArray(images)) {
      throw new InvalidArgumentError({ argument: 'images', expected: 'an array of images', received: images });
    }
    const limit = pLimit(resolved.concurrency);
    return Promise.all(
      images.map((input: ImageInput, index) =>
        limit(async (): Promise<ManyEntry<Result>> => {
          try {
            if (signal?.aborted === true) throw new AbortedError({ operation: 'many', cause: signal.reason });
            return { index, input, status: 'fulfilled', result: await call(input) };
          } catch (error) {
            return { index, input, status: 'rejected', error: error instanceof Error ? error : new Error(String(error)) };
          }
        }),
      ),
    );
  };

  return {
    model: resolved.model,
    ledger,
    caption: (images, options = {}) => run<CaptionResult>('caption', list(images), options),
    ask: (images, question, options = {}) => run<AskResult>('ask', list(images), options, { question }),
    classify: (images, classes, options = {}) => run<ClassifyResult>('classify', list(images), options, { classes }),
    detect: (image, options = {}) => run<DetectResult>('detect', [image], options),
    segment: (image, options = {}) => run<SegmentResult>('segment', [image], options),
    point: (image, options = {}) => run<PointResult>('point', [image], options),
    captionMany: (images, options = {}) => many(images, options.signal, (image) => run<CaptionResult>('caption', [image], options)),
    askMany: (images, question, options = {}) => many(images, options.signal, (image) => run<AskResult>('ask', [image], options, { question })),
    classifyMany: (images, classes, options = {}) =>
      many(images, options.signal, (image) => run<ClassifyResult>('classify', [image], options, { classes })),
    detectMany: (images, options = {}) => many(images, options.signal, (image) => run<DetectResult>('detect', [image], options)),
    segmentMany: (images, options = {}) => many(images, options.signal, (image) => run<SegmentResult>('segment', [image], options)),
    pointMany: (images, options = {}) => many(images, options.signal, (image) => run<PointResult>('point', [image], options)),
    batch: (requests, options) => runBatch(context, requests, options),
    estimate: async (task, images, options = {}) => {
      const plan = await planTask(context, { task, images: list(images), options, question: options.question, classes: options.classes });
      return {
        estimate: plan.estimate,
        images: plan.payloads.map((payload, index) => ({
          ...describePayload(payload),
          transport: plan.transports[index] ?? 'inline',
        })),
        warnings: plan.warnings,
      };
    },
  };
}

function resolveSettings(settings: GeminiVisionSettings): ResolvedSettings {
  if (typeof (settings as unknown) !== 'object' || (settings as unknown) === null) {
    throw new InvalidArgumentError({ argument: 'settings', expected: 'a settings object', received: settings });
  }
  assertPort('imageProber', settings.imageProber, 'probe', 'createImageProber()');
  assertPort('maskDecoder', settings.maskDecoder, 'decodePng', 'createPngMaskDecoder()');
  if (settings.imagePreparer !== undefined) assertPort('imagePreparer', settings.imagePreparer, 'prepare', "{ name: 'sharp', prepare: prepareImage }");
  const prepare = settings.prepare ?? false;
  if (prepare !== false && settings.imagePreparer === undefined) {
    throw new InvalidArgumentError({
      argument: 'prepare',
      expected: 'no preparation without an `imagePreparer`',
      received: prepare,
      hint: "Pass `imagePreparer: { name: 'sharp', prepare: prepareImage }` (from @gemini-vision/images), or drop `prepare`.",
    });
  }
  if (typeof prepare === 'object') assertPositive('prepare.maxSide', prepare.maxSide);
  const concurrency = settings.concurrency ?? 4;
  assertPositive('concurrency', concurrency);
  const maxDownloadBytes = settings.maxDownloadBytes ?? 50_000_000;
  assertPositive('maxDownloadBytes', maxDownloadBytes);
  const downloadTimeoutMs = settings.downloadTimeoutMs ?? 30_000;
  assertPositive('downloadTimeoutMs', downloadTimeoutMs);
  const api = settings.api ?? 'generate-content';
  if (!(['generate-content', 'interactions'] as const).includes(api)) {
    throw new InvalidArgumentError({ argument: 'api', expected: "'generate-content' or 'interactions'", received: api });
  }
  const model = settings.model ?? DEFAULT_MODEL;
  if (typeof model !== 'string' || model.trim() === '') {
    throw new InvalidArgumentError({ argument: 'model', expected: 'a Gemini model id', received: model });
  }
  return {
    model,
    backend: settings.backend ?? 'gemini-api',
    api,
    prepare,
    concurrency,
    inlineLimit: settings.inlineLimit ?? 'current',
    countTokens: settings.countTokens ?? false,
    mediaResolution: settings.mediaResolution,
    prices: settings.prices,
    maxDownloadBytes,
    downloadTimeoutMs,
    fetch: settings.fetch ?? globalThis.fetch,
    imageProber: settings.imageProber,
    maskDecoder: settings.maskDecoder,
    imagePreparer: settings.imagePreparer,
    logger: settings.logger,
  };
}

function assertPort(argument: string, value: unknown, method: string, example: string): void {
  if (typeof value !== 'object' || value === null || typeof (value as Record<string, unknown>)[method] !== 'function') {
    throw new InvalidArgumentError({
      argument,
      expected: `an object with a \`${method}\` function`,
      received: value,
      hint: `Pass ${example} from @gemini-vision/images.`,
    });
  }
}

function assertPositive(argument: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError({ argument, expected: 'a positive number', received: value });
  }
}
