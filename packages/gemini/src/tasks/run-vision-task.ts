import {
  createFrameTransform,
  estimateRequestCost,
  estimateTextTokens,
  InvalidArgumentError,
  CapabilityUnsupportedError,
  type GeminiBackend,
  type ImagePreparer,
  type ImageProber,
  type MaskDecoder,
  type MediaResolution,
  type PriceTable,
  type RequestCostEstimate,
  type Size,
} from '@gemini-vision/core';

import type { GeminiApi } from '../api/create-gemini-api';
import { loadImageInput, type ImageInput } from '../inputs/load-image-input';
import { prepareImageInput, type ImagePayload, type PrepareSetting, type SentImage } from '../inputs/prepare-image-input';
import { toBase64 } from '../internal/to-base64';
import type { CostLedger, LedgerReservation } from '../ledger/create-cost-ledger';
import { resolveModelProfile, type ModelProfile, type ThinkingControl } from '../models/resolve-model-profile';
import { buildTaskPrompt, type TaskPrompt, type VisionTask } from '../prompts/build-task-prompt';
import { buildContents, buildGenerateContentRequest } from '../requests/build-generate-content-request';
import { buildInteractionRequest } from '../requests/build-interaction-request';
import { chooseTransports } from '../requests/choose-transports';
import { resolveTextFirst, type ImageReference, type RequestSpec } from '../requests/request-spec';
import { mapClassification, mapDetections, mapPoints, mapSegmentations } from '../results/map-spatial-reply';
import { readGenerateContentReply, readInteractionReply, type ModelReply } from '../results/read-model-reply';
import { findOrientationIssues, type ResultIssue } from '../results/result-issue';
import { readRetryStats } from '../retry/run-with-retry';
import type { UploadCache } from '../uploads/create-upload-cache';
import type { GeminiApiKind, SegmentOptions, TaskResultBase } from './task-types';

/**
 * Output caps per task when none is given, in tokens (thinking included). They bound the bill
 * and the pre-flight estimate; a reply that hits one is `truncated` and salvaged.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_OUTPUT_TOKENS.segment; // 8192
 * ```
 */
export const DEFAULT_MAX_OUTPUT_TOKENS: Readonly<Record<VisionTask, number>> = Object.freeze({
  caption: 1024,
  ask: 2048,
  classify: 256,
  detect: 4096,
  point: 2048,
  segment: 8192,
});

/**
 * The temperature of detect, segment and point: the cookbook's 0.5 ("to prevent the model from
 * repeating itself, it is recommended to use a temperature over 0").
 *
 * @example
 * ```ts
 * await vision.detect('photo.jpg', { temperature: SPATIAL_TEMPERATURE });
 * ```
 */
export const SPATIAL_TEMPERATURE = 0.5;

/**
 * A logger; every method optional. Messages and details never contain the API key or image data.
 *
 * @example
 * ```ts
 * const logger: GeminiVisionLogger = { warn: (message, details) => console.error(message, details) };
 * ```
 */
export interface GeminiVisionLogger {
  /** Uploads, cache hits, plans. */
  readonly debug?: ((message: string, details?: Readonly<Record<string, unknown>>) => void) | undefined;
  /** Batch progress. */
  readonly info?: ((message: string, details?: Readonly<Record<string, unknown>>) => void) | undefined;
  /** Retries and degraded results. */
  readonly warn?: ((message: string, details?: Readonly<Record<string, unknown>>) => void) | undefined;
}

/** Settings of an instance with every default applied. */
export interface ResolvedSettings {
  readonly model: string;
  readonly backend: GeminiBackend;
  readonly api: GeminiApiKind;
  readonly prepare: PrepareSetting;
  readonly concurrency: number;
  readonly inlineLimit: 'current' | 'legacy';
  readonly countTokens: boolean;
  readonly mediaResolution: MediaResolution | undefined;
  readonly prices: PriceTable | undefined;
  readonly maxDownloadBytes: number;
  readonly downloadTimeoutMs: number;
  readonly fetch: typeof fetch;
  readonly imageProber: ImageProber;
  readonly maskDecoder: MaskDecoder;
  readonly imagePreparer: ImagePreparer | undefined;
  readonly logger: GeminiVisionLogger | undefined;
}

/** What every task call shares within an instance. */
export interface PipelineContext {
  readonly settings: ResolvedSettings;
  readonly api: GeminiApi;
  readonly ledger: CostLedger;
  readonly uploads: UploadCache;
}

/** One task call, as the public methods describe it. */
export interface TaskRequest {
  readonly task: VisionTask;
  readonly images: readonly ImageInput[];
  /** The question of `ask`. */
  readonly question?: string | undefined;
  /** The classes of `classify`. */
  readonly classes?: readonly string[] | undefined;
  readonly options: SegmentOptions;
}

/**
 * Everything needed to read a reply back into a result. Plain data, so batch job records can
 * store it and results can be rebuilt after a restart.
 *
 * @example
 * ```ts
 * const { task, images } = record.requests[0].context;
 * ```
 */
export interface ReplyContext {
  /** The task. */
  readonly task: VisionTask;
  /** The model id. */
  readonly model: string;
  /** The API that carried the call. */
  readonly api: GeminiApiKind;
  /** The prompt sent. */
  readonly prompt: TaskPrompt;
  /** Label filter (spatial tasks) or classes (classify). */
  readonly labels: readonly string[] | undefined;
  /** Item limit applied after parsing. */
  readonly maxItems: number | undefined;
  /** Whether masks were asked for (segment). */
  readonly masksRequested: boolean;
  /** The images as sent, with their transforms. */
  readonly images: readonly SentImage[];
  /** Caveats of the call. */
  readonly warnings: readonly string[];
}

/** A task ready to send: prompt, prepared images, settings and the pre-flight estimate. */
export interface TaskPlan {
  readonly task: VisionTask;
  readonly model: string;
  readonly profile: ModelProfile;
  readonly api: GeminiApiKind;
  readonly prompt: TaskPrompt;
  readonly payloads: readonly ImagePayload[];
  readonly transports: readonly ('inline' | 'files-api')[];
  readonly labels: readonly string[] | undefined;
  readonly masksRequested: boolean;
  readonly temperature: number | undefined;
  readonly maxOutputTokens: number;
  readonly thinking: ThinkingControl | undefined;
  readonly partMediaResolution: MediaResolution | undefined;
  readonly requestMediaResolution: MediaResolution | undefined;
  readonly textFirst: boolean;
  readonly countTokens: boolean;
  readonly estimate: RequestCostEstimate;
  readonly warnings: readonly string[];
  readonly signal: AbortSignal | undefined;
}

const SPATIAL_TASKS: ReadonlySet<VisionTask> = new Set(['detect', 'segment', 'point']);

/**
 * Plans a task: resolves the model profile, checks capabilities, builds the prompt, loads and
 * prepares the images, chooses inline or Files API per image, and estimates the cost.
 */
export async function planTask(context: PipelineContext, request: TaskRequest, pricing: 'standard' | 'batch' = 'standard'): Promise<TaskPlan> {
  const { settings } = context;
  const { task, options } = request;
  const model = options.model ?? settings.model;
  const profile = resolveModelProfile(model);
  const api = options.api ?? settings.api;
  const spatial = SPATIAL_TASKS.has(task);
  const warnings: string[] = [];
  if (spatial && !profile.boxes) {
    warnings.push(`\`${profile.model.baseId}\` is not trained for boxes, masks or points; expect poor coordinates.`);
  }
  if (profile.model.inferred) warnings.push(`The capabilities of \`${profile.model.id}\` are inferred from its id.`);

  if (request.images.length === 0) {
    throw new InvalidArgumentError({ argument: 'images', expected: 'at least one image', received: request.images });
  }
  if (spatial && request.images.length !== 1) {
    throw new InvalidArgumentError({
      argument: 'images',
      expected: `exactly one image for \`${task}\``,
      received: request.images,
      hint: `Coordinates refer to one image; use \`${task}Many\` for several.`,
    });
  }

  let masksRequested = task === 'segment';
  if (task === 'segment' && !profile.segmentationMasks) {
    if ((options.onUnsupported ?? 'error') === 'error') {
      throw new CapabilityUnsupportedError({
        model,
        capability: 'segmentation masks',
        hint: "Use a Gemini 2.5 model such as `gemini-2.5-flash`, or pass `onUnsupported: 'boxes'` to get boxes without masks.",
      });
    }
    masksRequested = false;
    warnings.push(`\`${profile.model.baseId}\` returns no segmentation masks; boxes were requested instead.`);
  }

  const prompt = buildTaskPrompt(profile, {
    task,
    target: options.target,
    labels: task === 'classify' ? request.classes : options.labels,
    maxItems: options.maxItems,
    question: request.question,
    imageCount: request.images.length,
    prompt: options.prompt,
    systemInstruction: options.systemInstruction,
    boxesInsteadOfMasks: task === 'segment' && !masksRequested,
  });

  const mediaResolution = options.mediaResolution ?? settings.mediaResolution;
  let partMediaResolution: MediaResolution | undefined;
  let requestMediaResolution: MediaResolution | undefined;
  if (mediaResolution !== undefined) {
    if (profile.mediaResolution === 'per-part') partMediaResolution = mediaResolution;
    else if (profile.mediaResolution === 'request') {
      if (mediaResolution === 'ultra_high') {
        throw new InvalidArgumentError({
          argument: 'mediaResolution',
          expected: `'low', 'medium' or 'high' on \`${profile.model.baseId}\``,
          received: mediaResolution,
          hint: '`ultra_high` exists only per image part on Gemini 3 and later.',
        });
      }
      requestMediaResolution = mediaResolution;
    } else warnings.push(`\`${profile.model.baseId}\` has no media resolution setting; \`mediaResolution\` was ignored.`);
  }

  const thinkingSetting = options.thinking ?? (spatial ? 'minimal' : 'model-default');
  let thinking: ThinkingControl | undefined = thinkingSetting === 'minimal' ? profile.spatialThinking : undefined;
  if (thinking?.kind === 'none') thinking = undefined;
  if (api === 'interactions' && thinking?.kind === 'budget') {
    warnings.push('The Interactions API has no thinking budget, so thinking stays at the model default on Gemini 2.5.');
  }

  const maxOutputTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS[task];
  if (!Number.isInteger(maxOutputTokens) || maxOutputTokens < 1) {
    throw new InvalidArgumentError({ argument: 'maxOutputTokens', expected: 'a positive integer', received: maxOutputTokens });
  }
  const temperature = options.temperature ?? (spatial ? SPATIAL_TEMPERATURE : undefined);

  const prepare = options.prepare ?? settings.prepare;
  if (prepare !== false && settings.imagePreparer === undefined) {
    throw new InvalidArgumentError({
      argument: 'prepare',
      expected: 'no preparation without an `imagePreparer`',
      received: prepare,
      hint: "Pass `imagePreparer` to createGeminiVision() (e.g. `{ name: 'sharp', prepare: prepareImage }` from @gemini-vision/images), or drop `prepare`.",
    });
  }
  const payloads = await Promise.all(
    request.images.map(async (input, index) => {
      const loaded = await loadImageInput(input, {
        maxDownloadBytes: settings.maxDownloadBytes,
        downloadTimeoutMs: settings.downloadTimeoutMs,
        fetch: settings.fetch,
        signal: options.signal,
      });
      return prepareImageInput(index, loaded, {
        prober: settings.imageProber,
        preparer: settings.imagePreparer,
        prepare,
        model,
        mediaResolution,
        backend: settings.backend,
      });
    }),
  );
  for (const payload of payloads) warnings.push(...payload.warnings);

  const promptBytes = Buffer.byteLength(prompt.text) + Buffer.byteLength(prompt.systemInstruction ?? '') + 2048;
  const { transports } = chooseTransports(payloads, {
    model,
    textBytes: promptBytes,
    inlineLimit: settings.inlineLimit,
    transport: options.transport ?? 'auto',
    backend: settings.backend,
  });

  const estimate = estimatePlan(
    { model, payloads, prompt, maxOutputTokens, partMediaResolution, requestMediaResolution },
    settings,
    pricing,
    undefined,
  );

  return {
    task,
    model,
    profile,
    api,
    prompt,
    payloads,
    transports,
    labels: task === 'classify' ? request.classes : options.labels,
    masksRequested,
    temperature,
    maxOutputTokens,
    thinking,
    partMediaResolution,
    requestMediaResolution,
    textFirst: resolveTextFirst(options.textPlacement ?? 'auto', payloads.length, api),
    countTokens: options.countTokens ?? settings.countTokens,
    estimate,
    warnings,
    signal: options.signal,
  };
}

/**
 * The pre-flight estimate of a plan. With `countedTokens` (from `countTokens`, which counts the
 * images and the user prompt but not the system instruction), the text share becomes exact.
 */
export function estimatePlan(
  plan: Pick<TaskPlan, 'model' | 'payloads' | 'prompt' | 'maxOutputTokens' | 'partMediaResolution' | 'requestMediaResolution'>,
  settings: Pick<ResolvedSettings, 'backend' | 'prices'>,
  pricing: 'standard' | 'batch',
  countedTokens: number | undefined,
): RequestCostEstimate {
  const base = {
    model: plan.model,
    images: plan.payloads.map((payload) => ({ size: payload.sentSize, mediaResolution: plan.partMediaResolution })),
    outputTokens: plan.maxOutputTokens,
    mediaResolution: plan.requestMediaResolution,
    backend: settings.backend,
    batch: pricing === 'batch',
    prices: settings.prices,
  };
  if (countedTokens === undefined) {
    return estimateRequestCost({ ...base, text: `${plan.prompt.systemInstruction ?? ''}${plan.prompt.text}` });
  }
  const counted = estimateRequestCost({ ...base, accounting: 'count-tokens', text: { tokens: 0 } });
  const promptTokens = Math.max(0, countedTokens - counted.imageTokens);
  const systemTokens = estimateTextTokens(plan.prompt.systemInstruction ?? '');
  return estimateRequestCost({ ...base, text: { tokens: promptTokens + systemTokens } });
}

/** Uploads what must go through the Files API (reusing uploads by hash) and returns the references. */
export async function attachImages(
  context: PipelineContext,
  plan: Pick<TaskPlan, 'payloads' | 'transports' | 'signal'>,
): Promise<{ readonly references: readonly ImageReference[]; readonly images: readonly SentImage[] }> {
  const results = await Promise.all(
    plan.payloads.map(async (payload, index) => {
      const { bytes } = payload;
      const described = describePayload(payload);
      if (plan.transports[index] !== 'files-api') {
        const reference: ImageReference = { kind: 'inline', data: toBase64(bytes), mimeType: payload.mimeType };
        const image: SentImage = { ...described, transport: 'inline', fileName: undefined, reusedUpload: false };
        return { reference, image };
      }
      const { file, reused } = await context.uploads.getOrUpload(payload.sha256, async () => {
        context.settings.logger?.debug?.('Uploading an image with the Files API.', { index, bytes: payload.byteLength, sha256: payload.sha256 });
        return (await context.api.uploadFile(bytes, payload.mimeType, `gemini-vision-${payload.sha256.slice(0, 16)}`, plan.signal)).value;
      });
      if (reused) context.settings.logger?.debug?.('Reusing an earlier upload of the same bytes.', { index, file: file.name });
      const reference: ImageReference = { kind: 'file', uri: file.uri, mimeType: file.mimeType };
      const image: SentImage = { ...described, transport: 'files-api', fileName: file.name, reusedUpload: reused };
      return { reference, image };
    }),
  );
  return { references: results.map((result) => result.reference), images: results.map((result) => result.image) };
}

/** A payload without its bytes and warnings: what a result reports about an image. */
export function describePayload(payload: ImagePayload): Omit<SentImage, 'transport' | 'fileName' | 'reusedUpload'> {
  return {
    index: payload.index,
    source: payload.source,
    description: payload.description,
    original: payload.original,
    mimeType: payload.mimeType,
    byteLength: payload.byteLength,
    sentSize: payload.sentSize,
    transform: payload.transform,
    prepared: payload.prepared,
    sha256: payload.sha256,
  };
}

/** The API-neutral request of a plan with its image references. */
export function specOf(plan: TaskPlan, references: readonly ImageReference[]): RequestSpec {
  return {
    model: plan.model,
    prompt: plan.prompt,
    images: references,
    textFirst: plan.textFirst,
    temperature: plan.temperature,
    maxOutputTokens: plan.maxOutputTokens,
    thinking: plan.api === 'interactions' && plan.thinking?.kind === 'budget' ? undefined : plan.thinking,
    partMediaResolution: plan.partMediaResolution,
    requestMediaResolution: plan.requestMediaResolution,
  };
}

/** Reads a reply into the task's fields (items in original pixels for spatial tasks). */
export async function interpretReply(
  context: ReplyContext,
  reply: Pick<ModelReply, 'text' | 'finishReason'>,
  maskDecoder: MaskDecoder,
): Promise<Record<string, unknown>> {
  const { task } = context;
  if (task === 'caption') return { caption: reply.text.trim() };
  if (task === 'ask') return { answer: reply.text.trim() };
  if (task === 'classify') return mapClassification(reply.text, context.labels ?? []);
  const image = context.images[0];
  if (image === undefined) throw new InvalidArgumentError({ argument: 'images', expected: 'one image', received: context.images });
  // Displayed size when the image was sent upright, stored size when it was sent unrotated.
  const imageSize: Size = createFrameTransform(image.transform).originalFrameSize;
  const filter = { labels: context.labels, maxItems: context.maxItems };
  const withImageIssues = <Located extends { readonly issues: readonly ResultIssue[] }>(located: Located): Located => ({
    ...located,
    issues: [...findOrientationIssues([image]), ...located.issues],
  });
  if (task === 'point') return { ...withImageIssues(mapPoints(reply.text, image.transform, filter, reply.finishReason)), imageSize };
  if (task === 'segment' && context.masksRequested) {
    return { ...withImageIssues(await mapSegmentations(reply.text, image.transform, filter, reply.finishReason, maskDecoder)), imageSize, masksRequested: true };
  }
  const detections = withImageIssues(mapDetections(reply.text, image.transform, filter, reply.finishReason));
  if (task === 'segment') {
    const items = detections.items.map((item) => ({ ...item, mask: null, area: 0, placement: null, sentPlacement: null }));
    return { ...detections, items, imageSize, masksRequested: false };
  }
  return { ...detections, imageSize };
}

/**
 * Runs one task end to end: plan, budget check, uploads, optional `countTokens`, the call with
 * retries, the ledger, and the reply read back into original-image coordinates.
 */
export async function runVisionTask(context: PipelineContext, request: TaskRequest): Promise<TaskResultBase & Record<string, unknown>> {
  const plan = await planTask(context, request);
  const operation = request.task;
  // Refuse before uploading when the estimate alone is over budget.
  context.ledger.check({ operation, estimate: plan.estimate });
  const { references, images } = await attachImages(context, plan);
  const spec = specOf(plan, references);

  let estimate = plan.estimate;
  let countedTokens: number | undefined;
  if (plan.countTokens) {
    countedTokens = (await context.api.countTokens(plan.model, buildContents(spec), plan.signal)).value;
    if (countedTokens !== undefined) estimate = estimatePlan(plan, context.settings, 'standard', countedTokens);
  }

  const reservation: LedgerReservation = context.ledger.reserve({ operation, estimate });
  let reply: ModelReply;
  let attempts: number;
  let unconfirmedAttempts: number;
  try {
    if (plan.api === 'interactions') {
      const outcome = await context.api.createInteraction(buildInteractionRequest(spec), plan.signal);
      reply = readInteractionReply(outcome.value);
      ({ attempts, unconfirmedAttempts } = outcome);
    } else {
      const outcome = await context.api.generateContent(buildGenerateContentRequest(spec), plan.signal);
      reply = readGenerateContentReply(outcome.value);
      ({ attempts, unconfirmedAttempts } = outcome);
    }
  } catch (error) {
    reservation.fail(readRetryStats(error));
    throw error;
  }
  const billedUsd = billedDollars(plan.model, reply, context.settings, 'standard');
  const entry = reservation.settle({ billed: reply.usage, billedUsd, attempts, unconfirmedAttempts });

  const replyContext: ReplyContext = {
    task: plan.task,
    model: plan.model,
    api: plan.api,
    prompt: plan.prompt,
    labels: plan.labels,
    maxItems: plan.prompt.maxItems === undefined ? undefined : request.options.maxItems,
    masksRequested: plan.masksRequested,
    images,
    warnings: plan.warnings,
  };
  const fields = await interpretReply(replyContext, reply, context.settings.maskDecoder);
  return {
    task: plan.task,
    model: plan.model,
    api: plan.api,
    text: reply.text,
    finishReason: reply.finishReason,
    usage: reply.usage,
    estimate,
    countedTokens,
    billedUsd,
    images,
    attempts,
    ledgerEntry: entry.id,
    warnings: plan.warnings,
    ...fields,
  };
}

/** Dollars for a reply's usage (input at the input rate, output plus thinking at the output rate). */
export function billedDollars(
  model: string,
  reply: Pick<ModelReply, 'usage'>,
  settings: Pick<ResolvedSettings, 'backend' | 'prices'>,
  pricing: 'standard' | 'batch',
): number | undefined {
  const usage = reply.usage;
  if (usage?.promptTokens === undefined) return undefined;
  const billed = estimateRequestCost({
    model,
    text: { tokens: usage.promptTokens },
    outputTokens: (usage.outputTokens ?? 0) + (usage.thoughtsTokens ?? 0),
    backend: settings.backend,
    batch: pricing === 'batch',
    prices: settings.prices,
  });
  return billed.dollars?.total;
}
