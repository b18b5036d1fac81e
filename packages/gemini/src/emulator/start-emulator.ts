import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  estimateRequestCost,
  FILES_API_MAX_FILE_BYTES,
  FILES_API_MAX_PROJECT_BYTES,
  FILES_API_RETENTION_HOURS,
  InvalidArgumentError,
} from '@gemini-vision/core';

import type { BilledCall, Emulator, EmulatorBatch, EmulatorFile, EmulatorStats } from './emulator';
import { type EmulatorRoute, FAULT_KINDS, type FaultKind, type FaultScript } from './fault-script';
import { type EmulatorFixture, loadEmulatorFixtures } from './load-emulator-fixtures';
import { finishBatch, isTerminalBatchState, type StoredBatch } from './internal/batch-store';
import type { EmulatorContext } from './internal/emulator-context';
import { createFaultPlanner } from './internal/fault-planner';
import { createFileStore, type StoredFile } from './internal/file-store';
import { advanceStored, completeBatch } from './internal/handle-batch-routes';
import type { JsonRecord } from './internal/json-value';
import { createSeededRandom, type SeededRandom } from './internal/seeded-random';
import { type MutableRecordedRequest, serveRequest } from './internal/serve-request';

const HOUR_MS = 3_600_000;
/** The request log keeps this many latest entries, so a long-running CLI emulator stays small. */
const MAX_RECORDED_REQUESTS = 10_000;

/**
 * How batch jobs move from PENDING through RUNNING to SUCCEEDED.
 *
 * @example
 * ```ts
 * const batches: EmulatorBatchOptions = { pollsPerState: Infinity, stateDurationMs: 60_000 }; // clock only
 * ```
 */
export interface EmulatorBatchOptions {
  /**
   * `batches.get` calls a batch spends in PENDING, and again in RUNNING, before moving on:
   * with `1`, create → PENDING, 1st get → RUNNING, 2nd get → SUCCEEDED. `0` finishes on the
   * first get; `Infinity` leaves it to the clock.
   * @defaultValue `1`
   */
  readonly pollsPerState?: number | undefined;
  /**
   * Emulator-clock time a batch spends in PENDING, and again in RUNNING, in ms (whichever of
   * polls and time comes first moves it).
   * @defaultValue `undefined`: polls only
   */
  readonly stateDurationMs?: number | undefined;
  /**
   * A batch still unfinished this long after creation becomes EXPIRED, in ms.
   * @defaultValue `172_800_000` (48 hours, like the Batch API)
   */
  readonly expiresAfterMs?: number | undefined;
}

/**
 * Options of {@link startEmulator}.
 *
 * @example
 * ```ts
 * const options: EmulatorOptions = { fixtures: 'fixtures/real-gemini', faultRate: 0.1, seed: 7 };
 * ```
 */
export interface EmulatorOptions {
  /**
   * TCP port on 127.0.0.1.
   * @defaultValue `0`: a free port (read it from `emulator.url`)
   */
  readonly port?: number | undefined;
  /**
   * The interface to bind. Only loopback is allowed: the emulator accepts any key and must not be
   * reachable from other machines.
   * @defaultValue `'127.0.0.1'`
   */
  readonly host?: '127.0.0.1' | undefined;
  /**
   * A fixture directory (see {@link loadEmulatorFixtures} for the two layouts).
   * @defaultValue no fixtures: every reply is generated
   */
  readonly fixtures?: string | undefined;
  /**
   * Probability in [0, 1] that a request on `faultRoutes` gets a random fault of `faultKinds`,
   * drawn from a PRNG seeded with `seed` (the same calls in the same order fault the same way).
   * @defaultValue `0`
   */
  readonly faultRate?: number | undefined;
  /**
   * The kinds random faults are drawn from.
   * @defaultValue `['429', '500', '503']`
   */
  readonly faultKinds?: readonly FaultKind[] | undefined;
  /**
   * The routes random faults hit.
   * @defaultValue `['generateContent', 'streamGenerateContent', 'countTokens', 'createInteraction']`
   */
  readonly faultRoutes?: readonly EmulatorRoute[] | undefined;
  /**
   * Scripted faults, checked before the random ones (more can be added with `emulator.script`).
   * @defaultValue `[]`
   */
  readonly faults?: FaultScript | undefined;
  /**
   * Seed of the PRNGs behind random faults and resource ids.
   * @defaultValue `1`
   */
  readonly seed?: number | undefined;
  /**
   * The clock for file expiry, batch timing and timestamps, ms since the epoch (see
   * {@link createManualClock}).
   * @defaultValue `Date.now`
   */
  readonly clock?: (() => number) | undefined;
  /**
   * The API keys accepted; any other key gets Google's 400 `API_KEY_INVALID`. A missing key always
   * gets Google's 403 `PERMISSION_DENIED`.
   * @defaultValue any non-empty key
   */
  readonly apiKeys?: readonly string[] | undefined;
  /**
   * Batch state timing.
   * @defaultValue `{}` (see {@link EmulatorBatchOptions})
   */
  readonly batches?: EmulatorBatchOptions | undefined;
  /**
   * Largest file the Files API stores, in bytes.
   * @defaultValue `2_000_000_000` (2 GB)
   */
  readonly maxFileBytes?: number | undefined;
  /**
   * Largest total of live files, in bytes.
   * @defaultValue `20_000_000_000` (20 GB)
   */
  readonly maxProjectBytes?: number | undefined;
}

const DEFAULT_FAULT_KINDS: readonly FaultKind[] = ['429', '500', '503'];
const DEFAULT_FAULT_ROUTES: readonly EmulatorRoute[] = ['generateContent', 'streamGenerateContent', 'countTokens', 'createInteraction'];

/**
 * Starts an offline emulator of the Gemini REST API on 127.0.0.1 that the real `@google/genai`
 * SDK talks to: generateContent (plain and streamed), countTokens, the resumable Files API,
 * batches (inline and JSONL, with a state machine) and the Interactions API, under both `/v1beta`
 * and `/v1`.
 *
 * @remarks
 * Replies come from fixtures (matched by image SHA-256, prompt and model) or are generated
 * deterministically from the prompt: detection boxes, segmentation boxes with 256×256 PNG masks
 * (boxes only on Gemini 3), points, JSON following a response schema, or a caption. Usage is
 * computed with core's `estimateImageTokens` / `estimateTextTokens` for the model and media
 * resolution. Faults (429, 500, 503, timeouts, resets, malformed JSON, truncated output) come
 * from a script or a seeded rate. Requests need an `x-goog-api-key` header (any value unless
 * `apiKeys` is set); the key is never logged or echoed. Every request is logged in
 * `emulator.requests`; billed calls are counted in `emulator.stats`. The full protocol notes are
 * in the emulator README.
 *
 * @param options - Port, fixtures, faults, seed, clock and limits.
 * @returns The running emulator; call `close()` when done.
 * @throws {@link InvalidArgumentError} If an option is out of its domain, the host is not
 * 127.0.0.1, or the fixture directory cannot be loaded.
 * @throws `Error` (`EADDRINUSE`) If the port is taken.
 *
 * @example
 * ```ts
 * import { GoogleGenAI } from '@google/genai';
 * import { startEmulator } from '@gemini-vision/gemini/emulator';
 *
 * const emulator = await startEmulator({ faults: [{ when: { route: 'generateContent' }, fault: '503' }] });
 * const ai = new GoogleGenAI({
 *   apiKey: 'test-key',
 *   httpOptions: { baseUrl: emulator.url, retryOptions: { attempts: 2, initialDelay: 0.01 } },
 * });
 * const reply = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hello' });
 * console.log(reply.text, emulator.stats.faults['503']); // the retry succeeded after one 503
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const settings = validateOptions(options);
  const loadedFixtures = settings.fixtures === undefined ? [] : await loadEmulatorFixtures(settings.fixtures);
  const addedFixtures: EmulatorFixture[] = [];
  const clock = settings.clock;

  let ids: SeededRandom = createSeededRandom(settings.seed ^ 0x5bd1e995);
  const createId = (): string => {
    let id = '';
    for (let index = 0; index < 12; index += 1) id += ids.integer(0, 35).toString(36);
    return id;
  };

  const requests: MutableRecordedRequest[] = [];
  let requestCount = 0;
  const billed: BilledCall[] = [];
  const faultCounts = new Map<FaultKind, number>();
  let baseUrl = '';

  const context: EmulatorContext = {
    clock,
    baseUrl: () => baseUrl,
    files: createFileStore({
      clock,
      retentionMs: FILES_API_RETENTION_HOURS * HOUR_MS,
      maxFileBytes: settings.maxFileBytes,
      maxProjectBytes: settings.maxProjectBytes,
      createId,
    }),
    batches: new Map<string, StoredBatch>(),
    batchTiming: { clock, ...settings.batchTiming },
    interactions: new Map<string, JsonRecord>(),
    fixtures: () => (addedFixtures.length === 0 ? loadedFixtures : [...loadedFixtures, ...addedFixtures]),
    faults: createFaultPlanner(settings.faults, {
      rate: settings.faultRate,
      kinds: settings.faultKinds,
      routes: settings.faultRoutes,
      seed: settings.seed,
    }),
    createId,
    bill: (call) => {
      billed.push({ ...call, usd: priceCall(call) });
    },
    countFault: (kind) => {
      faultCounts.set(kind, (faultCounts.get(kind) ?? 0) + 1);
    },
  };

  const held = new Set<NodeJS.Timeout>();
  const hold = (request: IncomingMessage, milliseconds: number): void => {
    const timer = setTimeout(() => {
      held.delete(timer);
      request.socket.destroy();
    }, milliseconds);
    held.add(timer);
    request.socket.once('close', () => {
      clearTimeout(timer);
      held.delete(timer);
    });
  };

  const server = createServer((request, response) => {
    serveRequest(request, response, {
      context,
      apiKeys: settings.apiKeys,
      record: (entry) => {
        requestCount += 1;
        const recorded: MutableRecordedRequest = { id: requestCount, ...entry };
        requests.push(recorded);
        if (requests.length > MAX_RECORDED_REQUESTS) requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);
        return recorded;
      },
      hold,
    }).catch((error: unknown) => {
      // a bug in the emulator: answer like Google's 500 rather than hanging the client
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { 'content-type': 'application/json; charset=UTF-8' });
        const message = error instanceof Error ? error.message : 'unknown error';
        response.end(JSON.stringify({ error: { code: 500, message: `Emulator error: ${message}`, status: 'INTERNAL' } }));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${settings.host}:${port}`;

  const findBatch = (name: string): StoredBatch | undefined => {
    const batch = context.batches.get(name.replace(/^batches\//, ''));
    if (batch !== undefined) advanceStored(batch, context);
    return batch;
  };

  return {
    url: baseUrl,
    port,
    requests,
    get stats(): EmulatorStats {
      return summarizeStats(requestCount, faultCounts, billed);
    },
    get fixtures(): readonly EmulatorFixture[] {
      return context.fixtures();
    },
    script: (rules) => {
      context.faults.addRules(rules);
    },
    addFixtures: (fixtures) => {
      addedFixtures.push(...fixtures);
    },
    getFile: (name) => {
      const file = context.files.find(name.replace(/^files\//, ''));
      return file === undefined ? undefined : toEmulatorFile(file);
    },
    listFiles: () => context.files.list().map(toEmulatorFile),
    getBatch: (name) => {
      const batch = findBatch(name);
      return batch === undefined ? undefined : toEmulatorBatch(batch);
    },
    listBatches: () =>
      [...context.batches.values()].reverse().map((batch) => {
        advanceStored(batch, context);
        return toEmulatorBatch(batch);
      }),
    finishBatch: (name, state) => {
      const batch = findBatch(name);
      if (batch === undefined || isTerminalBatchState(batch.state)) {
        throw new InvalidArgumentError({
          argument: 'name',
          expected: 'the name of a pending or running batch',
          received: name,
          hint: batch === undefined ? 'List them with emulator.listBatches().' : `It has already ended (${batch.state}).`,
        });
      }
      finishBatch(batch, state, clock());
      if (state === 'BATCH_STATE_SUCCEEDED') completeBatch(batch, context);
      return toEmulatorBatch(batch);
    },
    reset: () => {
      requests.length = 0;
      requestCount = 0;
      billed.length = 0;
      faultCounts.clear();
      addedFixtures.length = 0;
      context.files.clear();
      context.batches.clear();
      context.interactions.clear();
      context.faults.reset();
      ids = createSeededRandom(settings.seed ^ 0x5bd1e995);
    },
    close: async () => {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

interface ValidatedOptions {
  readonly port: number;
  readonly host: '127.0.0.1';
  readonly fixtures: string | undefined;
  readonly faultRate: number;
  readonly faultKinds: readonly FaultKind[];
  readonly faultRoutes: readonly EmulatorRoute[];
  readonly faults: FaultScript;
  readonly seed: number;
  readonly clock: () => number;
  readonly apiKeys: ReadonlySet<string> | undefined;
  readonly batchTiming: { readonly pollsPerState: number; readonly stateDurationMs: number | undefined; readonly expiresAfterMs: number };
  readonly maxFileBytes: number;
  readonly maxProjectBytes: number;
}

function validateOptions(options: EmulatorOptions): ValidatedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError({ argument: 'options.port', expected: 'an integer from 0 to 65535', received: port });
  }
  const host: unknown = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') {
    throw new InvalidArgumentError({
      argument: 'options.host',
      expected: "'127.0.0.1'",
      received: host,
      hint: 'The emulator accepts any API key, so it only listens on loopback.',
    });
  }
  const faultRate = options.faultRate ?? 0;
  if (typeof faultRate !== 'number' || !(faultRate >= 0 && faultRate <= 1)) {
    throw new InvalidArgumentError({ argument: 'options.faultRate', expected: 'a number from 0 to 1', received: faultRate });
  }
  const faultKinds = options.faultKinds ?? DEFAULT_FAULT_KINDS;
  const kindsGiven: unknown = faultKinds;
  if (!Array.isArray(kindsGiven) || faultKinds.some((kind) => !FAULT_KINDS.includes(kind))) {
    throw new InvalidArgumentError({
      argument: 'options.faultKinds',
      expected: `an array of ${FAULT_KINDS.map((kind) => `'${kind}'`).join(', ')}`,
      received: faultKinds,
    });
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new InvalidArgumentError({ argument: 'options.seed', expected: 'an integer', received: seed });
  const clock = options.clock ?? Date.now;
  if (typeof clock !== 'function') {
    throw new InvalidArgumentError({ argument: 'options.clock', expected: 'a function returning ms since the epoch', received: clock });
  }
  const apiKeys = options.apiKeys;
  if (apiKeys !== undefined && (!Array.isArray(apiKeys) || apiKeys.some((key) => typeof key !== 'string' || key === ''))) {
    throw new InvalidArgumentError({ argument: 'options.apiKeys', expected: 'an array of non-empty strings', received: apiKeys });
  }
  const batches = options.batches ?? {};
  const pollsPerState = batches.pollsPerState ?? 1;
  if (!(pollsPerState === Infinity || (Number.isInteger(pollsPerState) && pollsPerState >= 0))) {
    throw new InvalidArgumentError({ argument: 'options.batches.pollsPerState', expected: 'an integer ≥ 0 or Infinity', received: pollsPerState });
  }
  return {
    port,
    host,
    fixtures: options.fixtures,
    faultRate,
    faultKinds,
    faultRoutes: options.faultRoutes ?? DEFAULT_FAULT_ROUTES,
    faults: options.faults ?? [],
    seed,
    clock,
    apiKeys: apiKeys === undefined ? undefined : new Set(apiKeys),
    batchTiming: {
      pollsPerState,
      stateDurationMs: optionalNonNegative('options.batches.stateDurationMs', batches.stateDurationMs),
      expiresAfterMs: optionalNonNegative('options.batches.expiresAfterMs', batches.expiresAfterMs) ?? 48 * HOUR_MS,
    },
    maxFileBytes: optionalNonNegative('options.maxFileBytes', options.maxFileBytes) ?? FILES_API_MAX_FILE_BYTES,
    maxProjectBytes: optionalNonNegative('options.maxProjectBytes', options.maxProjectBytes) ?? FILES_API_MAX_PROJECT_BYTES,
  };
}

function optionalNonNegative(argument: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError({ argument, expected: 'a finite number ≥ 0', received: value });
  }
  return value;
}

function priceCall(call: Omit<BilledCall, 'usd'>): number | undefined {
  try {
    return estimateRequestCost({
      model: call.model,
      text: { tokens: call.promptTokenCount },
      outputTokens: call.candidatesTokenCount + call.thoughtsTokenCount,
      batch: call.pricing === 'batch',
    }).dollars?.total;
  } catch {
    return undefined;
  }
}

function summarizeStats(requestCount: number, faultCounts: ReadonlyMap<FaultKind, number>, billed: readonly BilledCall[]): EmulatorStats {
  const faults = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, faultCounts.get(kind) ?? 0])) as Record<FaultKind, number>;
  const billedRequests = new Map<string, number>();
  let prompt = 0;
  let candidates = 0;
  let total = 0;
  let standard = 0;
  let batch = 0;
  for (const call of billed) {
    billedRequests.set(call.fingerprint, (billedRequests.get(call.fingerprint) ?? 0) + 1);
    prompt += call.promptTokenCount;
    candidates += call.candidatesTokenCount;
    total += call.totalTokenCount;
    if (call.pricing === 'batch') batch += call.usd ?? 0;
    else standard += call.usd ?? 0;
  }
  return {
    requests: requestCount,
    faults,
    billed: [...billed],
    billedRequests,
    tokens: { prompt, candidates, total },
    usd: { standard, batch },
  };
}

function toEmulatorFile(file: StoredFile): EmulatorFile {
  return {
    name: file.name,
    displayName: file.displayName,
    mimeType: file.mimeType,
    bytes: file.bytes,
    sha256: file.sha256,
    createTime: file.createTime,
    expirationTime: file.expirationTime,
    source: file.source,
  };
}

function toEmulatorBatch(batch: StoredBatch): EmulatorBatch {
  return {
    name: batch.name,
    model: batch.model,
    displayName: batch.displayName,
    state: batch.state,
    input: batch.input,
    requestCount: batch.items.length,
    createTime: batch.createTime,
    endTime: batch.endTime,
    responsesFile: batch.responsesFile,
  };
}

