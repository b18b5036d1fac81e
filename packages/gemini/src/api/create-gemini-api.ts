import { readFile, rm } from 'node:fs/promises';

import { FileState, GoogleGenAI, type Content, type File as GeminiFile, type GenerateContentResponse } from '@google/genai';

import { ApiCallError, type GeminiBackend } from '@gemini-vision/core';

import { abortableSleep } from '../internal/abortable-sleep';
import type { InteractionRequest } from '../requests/build-interaction-request';
import type { GenerateContentRequest } from '../requests/build-generate-content-request';
import { createObservingFetch } from '../retry/observe-fetch';
import type { RetryPolicy } from '../retry/retry-policy';
import { runWithRetry, type RetryEvent, type RetryOutcome } from '../retry/run-with-retry';
import { BASE_URL_VARIABLE, resolveApiKey } from '../settings/resolve-api-key';

/** The API version every client this package creates is pinned to (per-part media resolution lives there). */
export const PINNED_API_VERSION = 'v1beta';

/** A file stored with the Files API. */
export interface StoredFile {
  /** `files/…`. */
  readonly name: string;
  /** The URI to reference it by in requests. */
  readonly uri: string;
  /** Its MIME type. */
  readonly mimeType: string;
}

/** Options of {@link createGeminiApi}. */
export interface GeminiApiOptions {
  readonly client: GoogleGenAI | undefined;
  readonly apiKey: string | undefined;
  readonly baseUrl: string | undefined;
  readonly backend: GeminiBackend;
  readonly project: string | undefined;
  readonly location: string | undefined;
  readonly fetch: typeof fetch | undefined;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number | undefined;
  readonly sleep: ((milliseconds: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly random: (() => number) | undefined;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
}

/** Retry-wrapped Gemini operations on a lazily created SDK client. */
export interface GeminiApi {
  /** The secrets to strip from every text (the key, once resolved). */
  readonly secrets: () => readonly string[];
  /** The SDK client, created on first use (the key is resolved then). */
  readonly client: () => GoogleGenAI;
  readonly generateContent: (request: GenerateContentRequest, signal?: AbortSignal) => Promise<RetryOutcome<GenerateContentResponse>>;
  readonly countTokens: (model: string, contents: Content[], signal?: AbortSignal) => Promise<RetryOutcome<number | undefined>>;
  readonly createInteraction: (body: InteractionRequest, signal?: AbortSignal) => Promise<RetryOutcome<unknown>>;
  readonly uploadFile: (bytes: Uint8Array, mimeType: string, displayName: string, signal?: AbortSignal) => Promise<RetryOutcome<StoredFile>>;
  readonly downloadFile: (name: string, temporaryPath: string, signal?: AbortSignal) => Promise<Uint8Array>;
  readonly createBatch: (
    parameters: Parameters<GoogleGenAI['batches']['create']>[0],
    signal?: AbortSignal,
  ) => Promise<RetryOutcome<Awaited<ReturnType<GoogleGenAI['batches']['create']>>>>;
  readonly getBatch: (name: string, signal?: AbortSignal) => Promise<Awaited<ReturnType<GoogleGenAI['batches']['get']>>>;
  readonly findBatch: (displayName: string, signal?: AbortSignal) => Promise<string | undefined>;
}

/** How long to wait for an uploaded file to leave `PROCESSING`, in ms. */
const FILE_ACTIVE_TIMEOUT_MS = 60_000;

/**
 * Creates the operations layer: one SDK client (pinned to `v1beta`, with a fetch that reports
 * `Retry-After`), created lazily so a missing key only fails when a call needs it, and every
 * operation run through {@link runWithRetry}.
 */
export function createGeminiApi(options: GeminiApiOptions): GeminiApi {
  let client: GoogleGenAI | undefined = options.client;
  let apiKey: string | undefined;

  const getClient = (): GoogleGenAI => {
    if (client !== undefined) return client;
    const environment = process.env;
    const vertex = options.backend === 'vertex-ai';
    apiKey = vertex && options.apiKey === undefined && environment['GEMINI_API_KEY'] === undefined && environment['GOOGLE_API_KEY'] === undefined
      ? undefined
      : resolveApiKey(options.apiKey, environment);
    const baseUrl = options.baseUrl ?? emptyToUndefined(environment[BASE_URL_VARIABLE]);
    client = new GoogleGenAI({
      ...(apiKey === undefined ? {} : { apiKey }),
      ...(vertex ? { vertexai: true } : {}),
      ...(options.project === undefined ? {} : { project: options.project }),
      ...(options.location === undefined ? {} : { location: options.location }),
      httpOptions: {
        apiVersion: PINNED_API_VERSION,
        ...(baseUrl === undefined ? {} : { baseUrl }),
        fetch: createObservingFetch(options.fetch ?? globalThis.fetch),
      },
    });
    return client;
  };

  const secrets = (): readonly string[] => (apiKey === undefined ? [] : [apiKey]);

  const run = <T>(operation: string, call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined, retryUnconfirmed = true): Promise<RetryOutcome<T>> => {
    getClient(); // resolves the key (and fails fast without one) before the first attempt
    return runWithRetry((context) => call(context.signal), {
      operation,
      policy: options.retry,
      timeoutMs: options.timeoutMs,
      signal,
      secrets: secrets(),
      sleep: options.sleep,
      random: options.random,
      onRetry: options.onRetry,
      retryUnconfirmed,
    });
  };

  return {
    secrets,
    client: getClient,

    generateContent: (request, signal) =>
      run('models.generateContent', (attemptSignal) =>
        getClient().models.generateContent({ ...request, config: { ...request.config, abortSignal: attemptSignal } }),
      signal),

    countTokens: async (model, contents, signal) =>
      run('models.countTokens', async (attemptSignal) => {
        const response = await getClient().models.countTokens({ model, contents, config: { abortSignal: attemptSignal } });
        return response.totalTokens;
      }, signal),

    createInteraction: (body, signal) =>
      run('interactions.create', (attemptSignal) =>
        getClient().interactions.create(body as Parameters<GoogleGenAI['interactions']['create']>[0], {
          retries: { strategy: 'none' },
          fetch_options: { signal: attemptSignal },
        }) as Promise<unknown>,
      signal),

    uploadFile: (bytes, mimeType, displayName, signal) =>
      run('files.upload', async (attemptSignal) => {
        const blob = new Blob([bytes], { type: mimeType });
        let file = await getClient().files.upload({ file: blob, config: { mimeType, displayName, abortSignal: attemptSignal } });
        const started = Date.now();
        while (file.state === FileState.PROCESSING && file.name !== undefined && Date.now() - started < FILE_ACTIVE_TIMEOUT_MS) {
          await abortableSleep(250, attemptSignal);
          file = await getClient().files.get({ name: file.name, config: { abortSignal: attemptSignal } });
        }
        return toStoredFile(file, mimeType);
      }, signal),

    downloadFile: async (name, temporaryPath, signal) => {
      await run('files.download', async (attemptSignal) => {
        await getClient().files.download({ file: name, downloadPath: temporaryPath, config: { abortSignal: attemptSignal } });
      }, signal);
      try {
        const buffer = await readFile(temporaryPath);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } finally {
        await rm(temporaryPath, { force: true });
      }
    },

    // Creating a batch job must never happen twice: no retry after a failure that may have reached the service.
    createBatch: (parameters, signal) =>
      run('batches.create', (attemptSignal) =>
        getClient().batches.create({ ...parameters, config: { ...parameters.config, abortSignal: attemptSignal } }),
      signal, false),

    getBatch: async (name, signal) =>
      (await run('batches.get', (attemptSignal) => getClient().batches.get({ name, config: { abortSignal: attemptSignal } }), signal)).value,

    findBatch: async (displayName, signal) =>
      (
        await run('batches.list', async (attemptSignal) => {
          const pager = await getClient().batches.list({ config: { pageSize: 100, abortSignal: attemptSignal } });
          for await (const job of pager) {
            if (job.displayName === displayName && job.name !== undefined) return job.name;
          }
          return undefined;
        }, signal)
      ).value,
  };
}

function toStoredFile(file: GeminiFile, mimeType: string): StoredFile {
  if (file.name === undefined || file.uri === undefined) {
    throw new ApiCallError({ operation: 'files.upload', retryable: false, attempts: 1, hint: 'The service returned a file without a name or URI.' });
  }
  if (file.state === FileState.FAILED) {
    throw new ApiCallError({ operation: 'files.upload', retryable: false, attempts: 1, hint: `The service could not process \`${file.name}\`.` });
  }
  return { name: file.name, uri: file.uri, mimeType: file.mimeType ?? mimeType };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
