import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { InlinedRequest } from '@google/genai';

import {
  AbortedError,
  BatchJobFailedError,
  InvalidArgumentError,
  type RequestCostEstimate,
} from '@gemini-vision/core';

import type { ImageInput } from '../inputs/load-image-input';
import { abortableSleep } from '../internal/abortable-sleep';
import { hashBytes } from '../internal/hash-bytes';
import { redactSecrets } from '../internal/redact';
import type { BilledUsage } from '../ledger/create-cost-ledger';
import type { VisionTask } from '../prompts/build-task-prompt';
import { buildGenerateContentRequest, buildRestGenerateContentRequest } from '../requests/build-generate-content-request';
import { readGenerateContentReply } from '../results/read-model-reply';
import {
  attachImages,
  billedDollars,
  interpretReply,
  planTask,
  specOf,
  type PipelineContext,
  type ReplyContext,
  type TaskPlan,
} from '../tasks/run-vision-task';
import type { SegmentOptions, TaskResult } from '../tasks/task-types';
import { openBatchRecord, type BatchJobRecord, type OpenRecord, type StoredReply, type StoredRequest } from './batch-job-record';

/**
 * One request of a batch job.
 *
 * @example
 * ```ts
 * const request: BatchRequest = { key: 'img-001', task: 'detect', images: 'photos/001.jpg', options: { target: 'the cars' } };
 * ```
 */
export interface BatchRequest {
  /** Your key for this request, unique in the batch; results are mapped back by it. */
  readonly key: string;
  /** The task. */
  readonly task: VisionTask;
  /** The image(s): one for detect, segment and point. */
  readonly images: ImageInput | readonly ImageInput[];
  /** The question, for `ask`. */
  readonly question?: string | undefined;
  /** The classes, for `classify`. */
  readonly classes?: readonly string[] | undefined;
  /**
   * Task options (`signal`, `api`, `countTokens` and `transport` are ignored here: batches use
   * generateContent requests with inline images).
   * @defaultValue `{}`
   */
  readonly options?: Omit<SegmentOptions, 'signal' | 'api' | 'countTokens' | 'transport'> | undefined;
}

/**
 * Options of `batch`.
 *
 * @example
 * ```ts
 * const options: BatchOptions = { recordDirectory: '.gemini-batches', name: 'nightly-2026-11-21' };
 * ```
 */
export interface BatchOptions {
  /** Directory for the job record (`<name>.batch.json`); created if missing. */
  readonly recordDirectory: string;
  /**
   * Name of the record. Rerunning with the same directory, name and requests resumes the job.
   * @defaultValue `'batch'`
   */
  readonly name?: string | undefined;
  /**
   * The model of the whole job (a Gemini batch runs one model).
   * @defaultValue the instance's `model`
   */
  readonly model?: string | undefined;
  /**
   * `inline` puts the requests in the create call; `file` uploads them as a JSONL file; `auto`
   * uses inline up to 20 MB of requests.
   * @defaultValue `'auto'`
   */
  readonly mode?: 'auto' | 'inline' | 'file' | undefined;
  /**
   * First wait between status polls, in ms; it grows by half each poll.
   * @defaultValue `5000`
   */
  readonly pollIntervalMs?: number | undefined;
  /**
   * Longest wait between polls, in ms.
   * @defaultValue `60_000`
   */
  readonly maxPollIntervalMs?: number | undefined;
  /** Stops waiting (the job keeps running; rerun to resume). Rejects with `AbortedError`. */
  readonly signal?: AbortSignal | undefined;
  /** Called at each step, e.g. to log progress. */
  readonly onProgress?: ((event: BatchProgress) => void) | undefined;
}

/**
 * A step of a batch run, reported to `onProgress`.
 *
 * @example
 * ```ts
 * const onProgress = (event: BatchProgress) => console.error(event.stage, event.job ?? '', event.jobState ?? '');
 * ```
 */
export interface BatchProgress {
  /** The record's stage after this step. */
  readonly stage: BatchJobRecord['stage'];
  /** The job name, once known. */
  readonly job: string | undefined;
  /** The service's last reported state. */
  readonly jobState: string | undefined;
  /** `true` when this run picked up an existing record. */
  readonly resumed: boolean;
}

/**
 * The result of one request of a batch.
 *
 * @example
 * ```ts
 * for (const entry of result.entries) if (entry.status === 'rejected') console.error(entry.key, entry.error.message);
 * ```
 */
export type BatchEntry =
  | {
      /** The request's key. */
      readonly key: string;
      /** It has a result. */
      readonly status: 'fulfilled';
      /** The task result, as the direct call would return it (attempts 1, estimate and dollars at batch rates). */
      readonly result: TaskResult;
    }
  | {
      /** The request's key. */
      readonly key: string;
      /** It failed. */
      readonly status: 'rejected';
      /** The service's per-request error, or why no reply arrived. */
      readonly error: { readonly code: string; readonly message: string };
    };

/**
 * What `batch` returns.
 *
 * @example
 * ```ts
 * const { job, entries, resumed } = await vision.batch(requests, { recordDirectory: 'jobs' });
 * ```
 */
export interface BatchResult {
  /** The job name (`batches/…`). */
  readonly job: string;
  /** The job's final state (`JOB_STATE_SUCCEEDED`). */
  readonly jobState: string;
  /** The record file. */
  readonly recordPath: string;
  /** `true` when an existing record was resumed (nothing was submitted again). */
  readonly resumed: boolean;
  /** Every request's result, in input order; none is ever dropped. */
  readonly entries: readonly BatchEntry[];
  /** Sum of the pre-flight estimates at batch rates (upper bound), when priced. */
  readonly estimatedUsd: number | undefined;
  /** Billed dollars at batch rates, when priced. */
  readonly billedUsd: number | undefined;
}

/**
 * Inline batches are sent in one create call; above this many bytes of requests a JSONL file is
 * uploaded instead (Google's limit for the create call is 20 MB).
 *
 * @example
 * ```ts
 * const mode = requestBytes <= INLINE_BATCH_LIMIT_BYTES ? 'inline' : 'file';
 * ```
 */
export const INLINE_BATCH_LIMIT_BYTES = 20_000_000;

const TERMINAL_FAILURES: ReadonlySet<string> = new Set(['JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED']);
const SUCCESS_STATES: ReadonlySet<string> = new Set(['JOB_STATE_SUCCEEDED', 'JOB_STATE_PARTIALLY_SUCCEEDED']);

/**
 * Runs (or resumes) a batch job: plan every request, check the budget, submit once, poll with
 * backoff, and map the results back to the requests by key. See `GeminiVision.batch`.
 */
export async function runBatch(context: PipelineContext, requests: readonly BatchRequest[], options: BatchOptions): Promise<BatchResult> {
  validateRequests(requests);
  if (context.settings.backend === 'vertex-ai') {
    throw new InvalidArgumentError({
      argument: 'backend',
      expected: "the 'gemini-api' backend for batch jobs",
      received: 'vertex-ai',
      hint: 'Vertex AI batch prediction reads from Cloud Storage; this package supports the Gemini API batch mode only.',
    });
  }
  const model = options.model ?? context.settings.model;
  for (const request of requests) {
    const requestModel = request.options?.model;
    if (requestModel !== undefined && requestModel !== model) {
      throw new InvalidArgumentError({
        argument: `requests[${request.key}].options.model`,
        expected: `the batch's model \`${model}\``,
        received: requestModel,
        hint: 'A Gemini batch job runs one model; split the requests by model.',
      });
    }
  }
  const fingerprint = fingerprintOf(model, requests);
  const record = await openBatchRecord(options.recordDirectory, options.name ?? 'batch');
  try {
    return await drive(context, requests, options, model, fingerprint, record);
  } finally {
    await record.close();
  }
}

async function drive(
  context: PipelineContext,
  requests: readonly BatchRequest[],
  options: BatchOptions,
  model: string,
  fingerprint: string,
  file: OpenRecord,
): Promise<BatchResult> {
  const { api, ledger, settings } = context;
  const { signal } = options;
  const existing = file.current();
  if (existing !== undefined && existing.fingerprint !== fingerprint) {
    throw new InvalidArgumentError({
      argument: 'requests',
      expected: `the requests recorded in \`${file.path}\``,
      received: requests,
      hint: 'Use another `name` (or directory) for a different set of requests, or delete the record to start over.',
    });
  }
  const resumed = existing !== undefined;
  let record: BatchJobRecord =
    existing ??
    ({
      version: 1,
      fingerprint,
      model,
      stage: 'prepared',
      displayName: `gemini-vision-${randomUUID()}`,
      mode: undefined,
      inputFile: undefined,
      job: undefined,
      jobState: undefined,
      requests: [],
      replies: {},
      billedUsd: undefined,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    } satisfies BatchJobRecord);
  const save = async (changes: Partial<BatchJobRecord>): Promise<void> => {
    record = { ...record, ...changes, updatedAt: new Date().toISOString() };
    await file.write(record);
    options.onProgress?.({ stage: record.stage, job: record.job, jobState: record.jobState, resumed });
  };
  const throwIfAborted = (): void => {
    if (signal?.aborted === true) throw new AbortedError({ operation: 'batch', cause: signal.reason });
  };
  if (resumed) settings.logger?.info?.('Resuming a batch job from its record.', { record: file.path, stage: record.stage, job: record.job });

  // 1. Find a job whose create call may have reached the service before a crash.
  if (record.stage === 'submitting' && record.job === undefined) {
    const found = await api.findBatch(record.displayName, signal);
    if (found !== undefined) await save({ stage: 'submitted', job: found });
  }

  // 2. Plan and submit, unless a job exists.
  let reservation: ReturnType<typeof ledger.reserve> | undefined;
  if (record.job === undefined) {
    throwIfAborted();
    const plans = await Promise.all(
      requests.map((request) =>
        planTask(
          context,
          {
            task: request.task,
            images: Array.isArray(request.images) ? request.images : [request.images as ImageInput],
            question: request.question,
            classes: request.classes,
            options: { ...request.options, model, api: 'generate-content', transport: 'inline', countTokens: false, signal },
          },
          'batch',
        ),
      ),
    );
    const estimate = batchEstimate(plans.map((plan) => plan.estimate));
    reservation = ledger.reserve({ operation: `batch of ${requests.length} requests`, estimate });
    try {
      const built = await Promise.all(
        plans.map(async (plan, index) => {
          const { references, images } = await attachImages(context, plan);
          const spec = specOf(plan, references);
          const request = requests[index];
          if (request === undefined) throw new InvalidArgumentError({ argument: 'requests', expected: 'a request per plan', received: index });
          return { key: request.key, spec, stored: storedRequest(request.key, plan, images, request) };
        }),
      );
      const storedRequests = built.map((entry) => entry.stored);
      const inline: InlinedRequest[] = built.map(({ key, spec }) => {
        const { contents, config } = buildGenerateContentRequest(spec);
        return { contents, config, metadata: { key } };
      });
      const inlineBytes = Buffer.byteLength(JSON.stringify(inline));
      const mode = options.mode === 'inline' || options.mode === 'file' ? options.mode : inlineBytes <= INLINE_BATCH_LIMIT_BYTES ? 'inline' : 'file';
      await save({ requests: storedRequests, mode, stage: record.stage === 'submitting' ? 'submitting' : 'prepared' });

      let inputFile = record.inputFile ?? '';
      if (mode === 'file' && inputFile === '') {
        const lines = built.map(({ key, spec }) => JSON.stringify({ key, request: buildRestGenerateContentRequest(spec) })).join('\n');
        const bytes = new TextEncoder().encode(`${lines}\n`);
        inputFile = (await api.uploadFile(bytes, 'jsonl', `${record.displayName}-input`, signal)).value.name;
        await save({ inputFile });
      }
      throwIfAborted();
      await save({ stage: 'submitting' });
      const created = await api.createBatch(
        { model, src: mode === 'file' ? inputFile : inline, config: { displayName: record.displayName } },
        signal,
      );
      const job = created.value.name;
      if (job === undefined) {
        throw new BatchJobFailedError({ job: '(unnamed)', state: 'UNKNOWN', hint: 'The service created a job without a name; inspect it with `batches.list`.' });
      }
      await save({ stage: 'submitted', job, jobState: created.value.state });
      settings.logger?.info?.('Submitted a batch job.', { job, requests: requests.length, mode });
    } catch (error) {
      reservation.fail({ attempts: 1, unconfirmedAttempts: record.stage === 'submitting' ? 1 : 0 });
      throw error;
    }
  }

  // 3. Poll until the job ends.
  let ledgerEntry = 0;
  let interval = options.pollIntervalMs ?? 5000;
  const maxInterval = options.maxPollIntervalMs ?? 60_000;
  const jobName = record.job ?? '';
  let job = record.stage === 'completed' || record.stage === 'failed' || jobName === '' ? undefined : await api.getBatch(jobName, signal);
  while (job !== undefined && !isTerminal(job.state)) {
    if (job.state !== record.jobState) await save({ jobState: job.state });
    try {
      await abortableSleep(interval, signal);
    } catch {
      throw new AbortedError({ operation: 'batch', cause: signal?.reason });
    }
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
    job = await api.getBatch(jobName, signal);
  }

  // 4. Collect the results into the record.
  if (job !== undefined) {
    const state = job.state ?? 'JOB_STATE_UNSPECIFIED';
    if (TERMINAL_FAILURES.has(state)) {
      await save({ stage: 'failed', jobState: state });
      reservation?.fail({ attempts: 1, unconfirmedAttempts: 0 });
      throw new BatchJobFailedError({
        job: jobName,
        state,
        detail: job.error?.message === undefined ? undefined : redactSecrets(job.error.message, api.secrets()),
      });
    }
    const replies = await collectReplies(context, job, record, file.path, signal);
    const billedUsd = sumBilled(replies, record.model, context);
    await save({ stage: 'completed', jobState: state, replies, billedUsd });
    const billed = sumUsage(replies);
    const settled =
      reservation ??
      ledger.reserve({ operation: `batch of ${requests.length} requests (resumed)`, estimate: batchEstimate(record.requests.map((request) => request.estimate)), enforceBudget: false });
    ledgerEntry = settled.settle({ billed, billedUsd, attempts: 1, unconfirmedAttempts: 0 }).id;
  } else if (record.stage === 'failed') {
    throw new BatchJobFailedError({ job: record.job ?? '(none)', state: record.jobState ?? 'unknown' });
  }

  // 5. Build the results from the record.
  const entries: BatchEntry[] = [];
  for (const stored of record.requests) {
    const reply = record.replies[stored.key];
    if (reply === undefined) {
      entries.push({ key: stored.key, status: 'rejected', error: { code: 'MISSING_RESULT', message: `The job returned no result for key \`${stored.key}\`.` } });
    } else if (!reply.ok) {
      entries.push({ key: stored.key, status: 'rejected', error: reply.error });
    } else {
      entries.push({ key: stored.key, status: 'fulfilled', result: await resultOf(context, stored, reply.reply, record, ledgerEntry) });
    }
  }
  return {
    job: record.job ?? jobName,
    jobState: record.jobState ?? 'JOB_STATE_SUCCEEDED',
    recordPath: file.path,
    resumed,
    entries,
    estimatedUsd: batchEstimate(record.requests.map((request) => request.estimate)).dollars?.total,
    billedUsd: record.billedUsd,
  };
}

function isTerminal(state: string | undefined): boolean {
  return state !== undefined && (TERMINAL_FAILURES.has(state) || SUCCESS_STATES.has(state));
}

async function collectReplies(
  context: PipelineContext,
  job: Awaited<ReturnType<PipelineContext['api']['getBatch']>>,
  record: BatchJobRecord,
  recordPath: string,
  signal: AbortSignal | undefined,
): Promise<Record<string, StoredReply>> {
  const replies: Record<string, StoredReply> = { ...record.replies };
  const keys = record.requests.map((request) => request.key);
  const inlined = job.dest?.inlinedResponses;
  if (inlined !== undefined) {
    inlined.forEach((entry, index) => {
      const key = entry.metadata?.['key'] ?? keys[index];
      if (key === undefined) return;
      replies[key] = toStoredReply(entry.response, entry.error, context);
    });
    return replies;
  }
  const fileName = job.dest?.fileName;
  if (fileName === undefined) {
    throw new BatchJobFailedError({ job: record.job ?? '(none)', state: job.state ?? 'unknown', hint: 'The job succeeded but names no results; inspect it with `batches.get`.' });
  }
  const bytes = await context.api.downloadFile(fileName, join(recordPath, '..', `.${record.displayName}.results.jsonl`), signal);
  const lines = new TextDecoder().decode(bytes).split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: { key?: unknown; response?: unknown; error?: unknown };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      return; // a broken line: its key stays without a reply and is reported as missing
    }
    const key = typeof parsed.key === 'string' ? parsed.key : keys[index];
    if (key !== undefined) replies[key] = toStoredReply(parsed.response, parsed.error, context);
  });
  return replies;
}

function toStoredReply(response: unknown, error: unknown, context: PipelineContext): StoredReply {
  if (error !== undefined && error !== null) {
    const record = error as { code?: unknown; message?: unknown };
    return {
      ok: false,
      error: {
        code: typeof record.code === 'number' || typeof record.code === 'string' ? `BATCH_ITEM_${String(record.code)}` : 'BATCH_ITEM_FAILED',
        message: redactSecrets(typeof record.message === 'string' ? record.message : 'The request failed in the batch.', context.api.secrets()),
      },
    };
  }
  const { text, finishReason, usage } = readGenerateContentReply(response);
  return { ok: true, reply: { text, finishReason, usage } };
}

async function resultOf(
  context: PipelineContext,
  stored: StoredRequest,
  reply: Pick<ReturnType<typeof readGenerateContentReply>, 'text' | 'finishReason' | 'usage'>,
  record: BatchJobRecord,
  ledgerEntry: number,
): Promise<TaskResult> {
  const fields = await interpretReply(stored.context, reply, context.settings.maskDecoder);
  return {
    task: stored.context.task,
    model: stored.context.model,
    api: 'generate-content',
    text: reply.text,
    finishReason: reply.finishReason,
    usage: reply.usage,
    estimate: stored.estimate,
    countedTokens: undefined,
    billedUsd: billedDollars(record.model, reply, context.settings, 'batch'),
    images: stored.context.images,
    attempts: 1,
    ledgerEntry,
    warnings: stored.context.warnings,
    ...fields,
  } as TaskResult;
}

function storedRequest(key: string, plan: TaskPlan, images: ReplyContext['images'], request: BatchRequest): StoredRequest {
  return {
    key,
    context: {
      task: plan.task,
      model: plan.model,
      api: 'generate-content',
      prompt: plan.prompt,
      labels: plan.labels,
      maxItems: plan.prompt.maxItems === undefined ? undefined : request.options?.maxItems,
      masksRequested: plan.masksRequested,
      images,
      warnings: plan.warnings,
    },
    estimate: plan.estimate,
  };
}

/** The estimate of a whole batch: the first request's, with images, tokens and dollars summed. */
function batchEstimate(estimates: readonly RequestCostEstimate[]): RequestCostEstimate {
  const [first] = estimates;
  if (first === undefined) throw new InvalidArgumentError({ argument: 'requests', expected: 'at least one request', received: estimates });
  return { ...first, images: estimates.flatMap((estimate) => estimate.images), ...sumEstimates(estimates) };
}

function sumEstimates(estimates: readonly RequestCostEstimate[]): Pick<RequestCostEstimate, 'imageTokens' | 'textTokens' | 'inputTokens' | 'outputTokens' | 'dollars'> {
  let imageTokens = 0;
  let textTokens = 0;
  let outputTokens = 0;
  let input = 0;
  let output = 0;
  let priced = true;
  for (const estimate of estimates) {
    imageTokens += estimate.imageTokens;
    textTokens += estimate.textTokens;
    outputTokens += estimate.outputTokens;
    if (estimate.dollars === undefined) priced = false;
    else {
      input += estimate.dollars.input;
      output += estimate.dollars.output;
    }
  }
  return {
    imageTokens,
    textTokens,
    inputTokens: imageTokens + textTokens,
    outputTokens,
    dollars: priced ? { input, output, total: input + output } : undefined,
  };
}

function sumUsage(replies: Readonly<Record<string, StoredReply>>): BilledUsage {
  let promptTokens = 0;
  let outputTokens = 0;
  let thoughtsTokens = 0;
  let totalTokens = 0;
  for (const reply of Object.values(replies)) {
    if (!reply.ok) continue;
    promptTokens += reply.reply.usage?.promptTokens ?? 0;
    outputTokens += reply.reply.usage?.outputTokens ?? 0;
    thoughtsTokens += reply.reply.usage?.thoughtsTokens ?? 0;
    totalTokens += reply.reply.usage?.totalTokens ?? 0;
  }
  return { promptTokens, outputTokens, thoughtsTokens, totalTokens, imageTokens: undefined, raw: { summedOver: Object.keys(replies).length } };
}

function sumBilled(replies: Readonly<Record<string, StoredReply>>, model: string, context: PipelineContext): number | undefined {
  const values = Object.values(replies)
    .filter((reply): reply is Extract<StoredReply, { ok: true }> => reply.ok)
    .map((reply) => billedDollars(model, reply.reply, context.settings, 'batch'));
  return sumDefined(values);
}

function sumDefined(values: readonly (number | undefined)[]): number | undefined {
  if (values.some((value) => value === undefined)) return undefined;
  return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

function validateRequests(requests: readonly BatchRequest[]): void {
  const value: unknown = requests;
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidArgumentError({ argument: 'requests', expected: 'a non-empty array of batch requests', received: value });
  }
  const seen = new Set<string>();
  requests.forEach((request, index) => {
    const key: unknown = request.key;
    if (typeof key !== 'string' || key === '') {
      throw new InvalidArgumentError({ argument: `requests[${index}].key`, expected: 'a non-empty string', received: key });
    }
    if (seen.has(key)) {
      throw new InvalidArgumentError({ argument: `requests[${index}].key`, expected: 'a key not used by another request', received: key });
    }
    seen.add(key);
  });
}

/** SHA-256 over the model and every request: key, task, question, classes, options and image identities. */
function fingerprintOf(model: string, requests: readonly BatchRequest[]): string {
  const described = requests.map((request) => ({
    key: request.key,
    task: request.task,
    question: request.question ?? null,
    classes: request.classes ?? null,
    options: request.options ?? {},
    images: (Array.isArray(request.images) ? request.images : [request.images]).map((image: ImageInput) =>
      image instanceof Uint8Array ? `sha256:${hashBytes(image)}` : String(image),
    ),
  }));
  return hashBytes(JSON.stringify({ model, requests: described }));
}

