/**
 * A fault the emulator can serve instead of (or on top of) the normal reply.
 *
 * - `429`: `RESOURCE_EXHAUSTED` with a `Retry-After` header and a `RetryInfo` detail.
 * - `500`: `INTERNAL`.
 * - `503`: `UNAVAILABLE` ("The model is overloaded").
 * - `timeout`: no reply; the socket is held for `holdMs`, then destroyed. Set the client's
 *   `httpOptions.timeout` below `holdMs`.
 * - `disconnect`: the socket is destroyed at once, before any reply (a connection reset).
 * - `malformed-json`: status 200 and `content-type: application/json`, but the body is the real
 *   reply cut in half. On a stream, the first event is whole and the second is cut.
 * - `truncated`: a valid reply whose text is cut mid-item with `finishReason: 'MAX_TOKENS'`
 *   (model routes only; elsewhere it behaves like `malformed-json`).
 *
 * `truncated` and `malformed-json` count as billed (the model ran; its answer was cut or lost on
 * the way); the others are not billed.
 *
 * @example
 * ```ts
 * const kind: FaultKind = '503';
 * ```
 */
export type FaultKind = '429' | '500' | '503' | 'timeout' | 'disconnect' | 'malformed-json' | 'truncated';

/**
 * Every {@link FaultKind}, in a stable order.
 *
 * @example
 * ```ts
 * FAULT_KINDS.includes('429'); // true
 * ```
 */
export const FAULT_KINDS: readonly FaultKind[] = Object.freeze([
  '429',
  '500',
  '503',
  'timeout',
  'disconnect',
  'malformed-json',
  'truncated',
] as const);

/**
 * The endpoints the emulator serves, by the name a fault script uses for them.
 *
 * `batchItem` is not an HTTP route: it names one request inside a batch when the batch finishes,
 * so a script can make a single keyed result carry an `error` (with `when.batchKey`).
 *
 * @example
 * ```ts
 * const route: EmulatorRoute = 'generateContent';
 * ```
 */
export type EmulatorRoute =
  | 'generateContent'
  | 'streamGenerateContent'
  | 'countTokens'
  | 'batchGenerateContent'
  | 'uploadFile'
  | 'uploadChunk'
  | 'getFile'
  | 'listFiles'
  | 'deleteFile'
  | 'downloadFile'
  | 'getBatch'
  | 'listBatches'
  | 'cancelBatch'
  | 'deleteBatch'
  | 'createInteraction'
  | 'getInteraction'
  | 'deleteInteraction'
  | 'batchItem';

/**
 * A fault with its settings.
 *
 * @example
 * ```ts
 * const fault: FaultSpec = { kind: '429', retryAfterSeconds: 2 };
 * ```
 */
export interface FaultSpec {
  /** What to serve. */
  readonly kind: FaultKind;
  /**
   * The `Retry-After` header (and `RetryInfo.retryDelay`) of a `429`, in seconds.
   * @defaultValue `1`
   */
  readonly retryAfterSeconds?: number | undefined;
  /**
   * How long a `timeout` holds the socket before destroying it, in milliseconds.
   * @defaultValue `30_000`
   */
  readonly holdMs?: number | undefined;
}

/**
 * Which requests a {@link FaultRule} applies to. Every given field must match.
 *
 * @example
 * ```ts
 * const condition: FaultCondition = { route: 'generateContent', model: 'gemini-2.5-flash', nth: 2 };
 * ```
 */
export interface FaultCondition {
  /**
   * The route, or any of several.
   * @defaultValue any route
   */
  readonly route?: EmulatorRoute | readonly EmulatorRoute[] | undefined;
  /**
   * Tested against the URL path (without the query): a RegExp, or a substring.
   * @defaultValue any path
   */
  readonly path?: RegExp | string | undefined;
  /**
   * HTTP method, e.g. `POST` (case-insensitive).
   * @defaultValue any method
   */
  readonly method?: string | undefined;
  /**
   * Model id, with or without `models/` (model routes, batches and interactions only).
   * @defaultValue any model
   */
  readonly model?: string | undefined;
  /**
   * `metadata.key` (inline batches) or `key` (JSONL batches) of a batch request; route `batchItem`.
   * @defaultValue any key
   */
  readonly batchKey?: string | undefined;
  /**
   * The first matching request, counting from 1, that gets the fault; earlier ones pass.
   * @defaultValue `1`
   */
  readonly nth?: number | undefined;
}

/**
 * One scripted fault: the `nth` request matching `when` (and the `times − 1` matching requests
 * after it) get `fault`. Every rule counts every request that matches its condition; when
 * several rules are due for one request, the first one in the script wins.
 *
 * @example
 * ```ts
 * const rule: FaultRule = { when: { route: 'generateContent', nth: 2 }, fault: '429' };
 * ```
 */
export interface FaultRule {
  /**
   * Which requests count.
   * @defaultValue every request
   */
  readonly when?: FaultCondition | undefined;
  /** The fault to serve. */
  readonly fault: FaultKind | FaultSpec;
  /**
   * How many consecutive matching requests get the fault; `Infinity` for all of them.
   * @defaultValue `1`
   */
  readonly times?: number | undefined;
}

/**
 * An ordered list of {@link FaultRule}s.
 *
 * @example
 * ```ts
 * const script: FaultScript = [
 *   { when: { route: 'generateContent' }, fault: '503', times: 2 },
 *   { when: { route: 'getBatch', nth: 3 }, fault: { kind: 'timeout', holdMs: 2_000 } },
 * ];
 * ```
 */
export type FaultScript = readonly FaultRule[];
