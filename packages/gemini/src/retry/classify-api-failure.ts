import { parseRetryAfter, parseRetryDelay } from './parse-retry-after';

/**
 * What kind of failure an attempt ended in.
 *
 * - `http`: the service answered with an error status.
 * - `network`: the connection failed (refused, reset, DNS) before an answer.
 * - `timeout`: the per-attempt timeout fired.
 * - `malformed-response`: a success status whose body could not be read as JSON.
 * - `other`: anything else (a bug, an SDK validation error); never retried.
 */
export type FailureKind = 'http' | 'network' | 'timeout' | 'malformed-response' | 'other';

/** A failure, classified for the retry loop and for {@link ApiCallError}. */
export interface ApiFailure {
  readonly kind: FailureKind;
  /** HTTP status, for `http`. */
  readonly status: number | undefined;
  /** The service's status word (`RESOURCE_EXHAUSTED`), when it sent one. */
  readonly reason: string | undefined;
  /** The service's message, or the error's message; not yet redacted. */
  readonly detail: string | undefined;
  /** Whether a retry may succeed. */
  readonly retryable: boolean;
  /** What the server asked to wait, in ms. */
  readonly retryAfterMs: number | undefined;
  /**
   * The request may have reached the service and been processed (and billed) although no result
   * came back: timeouts, connections lost after connecting, unreadable success bodies.
   */
  readonly maybeProcessed: boolean;
}

/** HTTP statuses worth retrying: request timeout, rate limit, and transient server errors. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** Codes of failures before the request could reach the service: nothing was processed. */
const CONNECT_PHASE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const NETWORK_ERROR_NAMES = new Set(['ConnectionError', 'HTTPClientError', 'RequestTimeoutError', 'UnexpectedClientError']);

/** Hints from outside the error: the per-attempt timeout and the fetch wrapper. */
export interface FailureContext {
  /** The per-attempt timeout fired. */
  readonly timedOut: boolean;
  /** Status the fetch wrapper saw, if any. */
  readonly observedStatus?: number | undefined;
  /** `Retry-After` the fetch wrapper saw, in ms. */
  readonly observedRetryAfterMs?: number | undefined;
}

/**
 * Classifies an error thrown by the SDK (or by `fetch`) during one attempt.
 *
 * @remarks
 * The SDK's `ApiError` has `status` and a message that is the JSON error body; the Interactions
 * client's errors have `status` / `statusCode` and `headers`. A Google `RetryInfo` detail's
 * `retryDelay` and a `Retry-After` header (seen by the fetch wrapper or on the error) both count
 * as the server's requested wait.
 */
export function classifyApiFailure(error: unknown, context: FailureContext): ApiFailure {
  if (context.timedOut) {
    return { kind: 'timeout', status: undefined, reason: undefined, detail: undefined, retryable: true, retryAfterMs: undefined, maybeProcessed: true };
  }
  const record = isRecord(error) ? error : {};
  const status = readStatus(record) ?? context.observedStatus;
  const message = typeof record['message'] === 'string' ? record['message'] : String(error);
  const body = readErrorBody(message) ?? readErrorBody(typeof record['body'] === 'string' ? record['body'] : undefined);
  const headerRetryAfter = readHeaderRetryAfter(record['headers']);
  const retryAfterMs = context.observedRetryAfterMs ?? headerRetryAfter ?? body?.retryDelayMs;

  if (status !== undefined && status >= 400) {
    return {
      kind: 'http',
      status,
      reason: body?.status,
      detail: body?.message ?? message,
      retryable: RETRYABLE_STATUSES.has(status),
      retryAfterMs,
      maybeProcessed: false,
    };
  }
  if (error instanceof SyntaxError || /Unexpected token|JSON at position|Unexpected end of JSON|is not valid JSON/u.test(message)) {
    return { kind: 'malformed-response', status, reason: undefined, detail: message, retryable: true, retryAfterMs: undefined, maybeProcessed: true };
  }
  const network = readNetworkCode(error);
  if (network !== undefined) {
    return {
      kind: 'network',
      status: undefined,
      reason: network === '' ? undefined : network,
      detail: message,
      retryable: true,
      retryAfterMs: undefined,
      maybeProcessed: !CONNECT_PHASE_CODES.has(network),
    };
  }
  return { kind: 'other', status, reason: undefined, detail: message, retryable: false, retryAfterMs: undefined, maybeProcessed: false };
}

/** Whether an error is an abort (`AbortError` DOMException or an SDK abort error). */
export function isAbortError(error: unknown): boolean {
  if (!isRecord(error)) return false;
  const name = error['name'];
  return name === 'AbortError' || name === 'RequestAbortedError' || name === 'APIUserAbortError';
}

function readStatus(record: Record<string, unknown>): number | undefined {
  for (const key of ['status', 'statusCode']) {
    const value = record[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) return value;
  }
  const code = record['code'];
  if (typeof code === 'number' && Number.isInteger(code) && code >= 400 && code <= 599) return code;
  return undefined;
}

interface ErrorBody {
  readonly status: string | undefined;
  readonly message: string | undefined;
  readonly retryDelayMs: number | undefined;
}

/** Reads a Google JSON error body (`{"error":{"code","message","status","details"}}`) out of a message. */
function readErrorBody(text: string | undefined): ErrorBody | undefined {
  if (text === undefined) return undefined;
  const start = text.indexOf('{');
  if (start === -1) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start));
  } catch {
    return undefined;
  }
  const inner = isRecord(parsed) && isRecord(parsed['error']) ? parsed['error'] : parsed;
  if (!isRecord(inner)) return undefined;
  const details = Array.isArray(inner['details']) ? inner['details'] : [];
  let retryDelayMs: number | undefined;
  for (const detail of details) {
    if (isRecord(detail) && 'retryDelay' in detail) retryDelayMs = parseRetryDelay(detail['retryDelay']);
  }
  return {
    status: typeof inner['status'] === 'string' ? inner['status'] : undefined,
    message: typeof inner['message'] === 'string' ? inner['message'] : undefined,
    retryDelayMs,
  };
}

function readHeaderRetryAfter(headers: unknown): number | undefined {
  if (headers === undefined || headers === null) return undefined;
  let value: unknown;
  if (typeof (headers as { get?: unknown }).get === 'function') value = (headers as { get: (name: string) => unknown }).get('retry-after');
  else if (isRecord(headers)) value = headers['retry-after'] ?? headers['Retry-After'];
  return typeof value === 'string' ? parseRetryAfter(value, Date.now()) : undefined;
}

/** The network error code in the error's cause chain (`''` when recognized by name or message only), or `undefined`. */
function readNetworkCode(error: unknown): string | undefined {
  let current: unknown = error;
  let found: string | undefined;
  for (let depth = 0; depth < 5 && isRecord(current); depth += 1) {
    const code = current['code'];
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    const name = current['name'];
    if (typeof name === 'string' && NETWORK_ERROR_NAMES.has(name)) found = '';
    const message = current['message'];
    if (typeof message === 'string' && /fetch failed|socket hang up|other side closed|terminated/iu.test(message)) found = '';
    current = current['cause'];
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
