import type { EmulatorRoute, FaultKind, FaultScript } from './fault-script';
import type { EmulatorFixture } from './load-emulator-fixtures';

/**
 * One HTTP request as the emulator saw it, for assertions in tests. The API key is never
 * recorded: the `x-goog-api-key` header and a `key` query parameter read `[redacted]`.
 *
 * @example
 * ```ts
 * const last: RecordedRequest | undefined = emulator.requests.at(-1);
 * expect(last?.route).toBe('generateContent');
 * ```
 */
export interface RecordedRequest {
  /** Sequence number, from 1, in arrival order. */
  readonly id: number;
  /** HTTP method. */
  readonly method: string;
  /** URL path without the query, e.g. `/v1beta/models/gemini-2.5-flash:generateContent`. */
  readonly path: string;
  /** Query parameters (a `key` parameter is redacted). */
  readonly query: Readonly<Record<string, string>>;
  /** The route served, or `unknown` (answered 404). */
  readonly route: EmulatorRoute | 'unknown';
  /** `v1beta`, `v1`, … as called; `undefined` for unknown paths. */
  readonly apiVersion: string | undefined;
  /** The model id without `models/`, for model routes. */
  readonly model: string | undefined;
  /** Request headers, names lower-cased, the API key redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** Size of the request body in bytes. */
  readonly bodyBytes: number;
  /**
   * The JSON body with every string over 256 characters (base64 images, masks) replaced by
   * `<N chars sha256:0123abcd>`; `undefined` for empty or non-JSON bodies (upload chunks).
   */
  readonly body: unknown;
  /** The emulator clock when the request arrived, ms since the epoch. */
  readonly time: number;
  /** The HTTP status answered; `0` while pending or when no reply was sent (`timeout`, `disconnect`). */
  readonly status: number;
  /** The injected fault, if any. */
  readonly fault: FaultKind | undefined;
  /** The fixture that answered, for model routes served from a fixture. */
  readonly fixtureId: string | undefined;
}

/**
 * One billed model call: a 200 that carried usage (generateContent, a stream, an interaction,
 * or a batch request when its batch succeeded).
 *
 * @example
 * ```ts
 * const [call]: readonly BilledCall[] = emulator.stats.billed;
 * console.log(call?.promptTokenCount, call?.pricing);
 * ```
 */
export interface BilledCall {
  /** The HTTP request's {@link RecordedRequest.id}; `undefined` for batch requests. */
  readonly requestId: number | undefined;
  /** Where the call came from. */
  readonly route: 'generateContent' | 'streamGenerateContent' | 'createInteraction' | 'batchItem';
  /**
   * A 16-hex-digit hash of the model and the request (contents, system instruction, generation
   * config): the same request sent twice, or once directly and once in a batch, has the same one.
   */
  readonly fingerprint: string;
  /** The model id as resolved by core (lower-case, no `models/`). */
  readonly model: string;
  /** `batch` for batch requests (Batch API rates), else `standard`. */
  readonly pricing: 'standard' | 'batch';
  /** Prompt tokens billed. */
  readonly promptTokenCount: number;
  /** Reply tokens billed. */
  readonly candidatesTokenCount: number;
  /** Thinking tokens billed (always 0 in the emulator). */
  readonly thoughtsTokenCount: number;
  /** `prompt + candidates + thoughts`. */
  readonly totalTokenCount: number;
  /** Dollars at core's default price table for `pricing`; `undefined` when the model has no such price. */
  readonly usd: number | undefined;
  /** `batches/<id>` for batch requests. */
  readonly batchName: string | undefined;
  /** The batch request's key. */
  readonly batchKey: string | undefined;
  /** Whether the reply was cut (`finishReason: 'MAX_TOKENS'`) by a `truncated` fault. */
  readonly truncated: boolean;
}

/**
 * Counters since start (or the last {@link Emulator.reset}).
 *
 * @example
 * ```ts
 * const { billedRequests } = emulator.stats;
 * expect([...billedRequests.values()].every((times) => times === 1)).toBe(true); // nothing billed twice
 * ```
 */
export interface EmulatorStats {
  /** HTTP requests received. */
  readonly requests: number;
  /** Faults served, by kind (batch-item faults included). */
  readonly faults: Readonly<Record<FaultKind, number>>;
  /** Every billed call, in order. */
  readonly billed: readonly BilledCall[];
  /** How many times each request {@link BilledCall.fingerprint} was billed. */
  readonly billedRequests: ReadonlyMap<string, number>;
  /** Billed tokens, summed over {@link EmulatorStats.billed}. */
  readonly tokens: {
    /** Prompt tokens. */
    readonly prompt: number;
    /** Reply tokens. */
    readonly candidates: number;
    /** All tokens. */
    readonly total: number;
  };
  /** Dollars, summed over the calls with a known price. */
  readonly usd: {
    /** At standard rates. */
    readonly standard: number;
    /** At Batch API rates. */
    readonly batch: number;
  };
}

/**
 * A file the emulated Files API holds (uploaded, or generated as batch results).
 *
 * @example
 * ```ts
 * const file: EmulatorFile | undefined = emulator.getFile('files/abc123');
 * ```
 */
export interface EmulatorFile {
  /** `files/<id>`. */
  readonly name: string;
  /** Display name given at upload. */
  readonly displayName: string | undefined;
  /** MIME type. */
  readonly mimeType: string;
  /** The stored bytes. */
  readonly bytes: Uint8Array;
  /** SHA-256 of the bytes, lower-case hex. */
  readonly sha256: string;
  /** Creation time on the emulator clock, ms since the epoch. */
  readonly createTime: number;
  /** `createTime` + 48 h: from then on the file is gone (403 like Google's). */
  readonly expirationTime: number;
  /** `UPLOADED` by a client or `GENERATED` by the emulator. */
  readonly source: 'UPLOADED' | 'GENERATED';
}

/**
 * A batch job's state, as the REST API spells it (the SDK reports `JOB_STATE_*`).
 *
 * @example
 * ```ts
 * const state: EmulatorBatchState = 'BATCH_STATE_SUCCEEDED';
 * ```
 */
export type EmulatorBatchState =
  | 'BATCH_STATE_PENDING'
  | 'BATCH_STATE_RUNNING'
  | 'BATCH_STATE_SUCCEEDED'
  | 'BATCH_STATE_FAILED'
  | 'BATCH_STATE_CANCELLED'
  | 'BATCH_STATE_EXPIRED';

/**
 * A batch job the emulator holds.
 *
 * @example
 * ```ts
 * const batch: EmulatorBatch | undefined = emulator.getBatch('batches/xyz');
 * ```
 */
export interface EmulatorBatch {
  /** `batches/<id>`. */
  readonly name: string;
  /** Model id without `models/`. */
  readonly model: string;
  /** Display name. */
  readonly displayName: string | undefined;
  /** Current state. */
  readonly state: EmulatorBatchState;
  /** `inline` requests or a JSONL `file`. */
  readonly input: 'inline' | 'file';
  /** Number of requests. */
  readonly requestCount: number;
  /** Creation time on the emulator clock, ms. */
  readonly createTime: number;
  /** When it reached a terminal state, ms. */
  readonly endTime: number | undefined;
  /** `files/<id>` of the JSONL results (file input, once succeeded). */
  readonly responsesFile: string | undefined;
}

/**
 * A running emulator: its URL, the request log, counters and a small control API for tests.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * const ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url } });
 * emulator.script([{ when: { route: 'generateContent' }, fault: '503' }]);
 * await emulator.close();
 * ```
 */
export interface Emulator {
  /** `http://127.0.0.1:PORT`, for `httpOptions.baseUrl` (or `GOOGLE_GEMINI_BASE_URL`). */
  readonly url: string;
  /** The port bound on 127.0.0.1. */
  readonly port: number;
  /** The requests so far (the latest 10,000), in order; a live array that {@link Emulator.reset} empties. */
  readonly requests: readonly RecordedRequest[];
  /** A snapshot of the counters. */
  readonly stats: EmulatorStats;
  /** The fixtures in use: those loaded from `options.fixtures`, then those added. */
  readonly fixtures: readonly EmulatorFixture[];
  /**
   * Appends fault rules (they are consumed as they fire).
   * @throws {@link InvalidArgumentError} If a rule is malformed.
   */
  readonly script: (rules: FaultScript) => void;
  /** Adds fixtures after the loaded ones. */
  readonly addFixtures: (fixtures: readonly EmulatorFixture[]) => void;
  /** A live file by `files/<id>` or id; `undefined` when missing or expired. */
  readonly getFile: (name: string) => EmulatorFile | undefined;
  /** Live files, newest first. */
  readonly listFiles: () => readonly EmulatorFile[];
  /** A batch by `batches/<id>` or id (time-based transitions applied; not counted as a poll). */
  readonly getBatch: (name: string) => EmulatorBatch | undefined;
  /** Batches, newest first. */
  readonly listBatches: () => readonly EmulatorBatch[];
  /**
   * Ends a pending or running batch now: `SUCCEEDED` computes its results (and bills them).
   * @throws {@link InvalidArgumentError} If there is no such batch or it has already ended.
   */
  readonly finishBatch: (
    name: string,
    state: 'BATCH_STATE_SUCCEEDED' | 'BATCH_STATE_FAILED' | 'BATCH_STATE_CANCELLED' | 'BATCH_STATE_EXPIRED',
  ) => EmulatorBatch;
  /**
   * Forgets requests, stats, files, uploads, batches, interactions, scripted faults and added
   * fixtures, and restarts the PRNGs from the seed. Keeps the port, options and loaded fixtures.
   */
  readonly reset: () => void;
  /** Stops the server, destroying open sockets (including held `timeout` faults). */
  readonly close: () => Promise<void>;
}
