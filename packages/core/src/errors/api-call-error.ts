import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/** Longest service message kept in an {@link ApiCallError} message, in characters. */
const MAX_DETAIL_LENGTH = 300;

/**
 * Constructor options of {@link ApiCallError}.
 *
 * @example
 * ```ts
 * const options: ApiCallErrorOptions = { operation: 'models.generateContent', status: 503, retryable: true, attempts: 4 };
 * ```
 */
export interface ApiCallErrorOptions extends GeminiVisionErrorOptions {
  /** The API operation that failed, e.g. `models.generateContent` or `files.upload`. */
  readonly operation: string;
  /** The HTTP status of the last attempt, or `undefined` for network errors and timeouts. */
  readonly status?: number | undefined;
  /** The service's status word, e.g. `RESOURCE_EXHAUSTED`, when it sent one. */
  readonly reason?: string | undefined;
  /**
   * The service's own message, already stripped of secrets by the caller (it is shortened to
   * 300 characters, but never redacted here).
   */
  readonly detail?: string | undefined;
  /** Whether the failure is transient (408, 429, 5xx, network error, timeout). */
  readonly retryable: boolean;
  /** How many attempts were made in total, the first one included. */
  readonly attempts: number;
  /** What the server asked to wait before retrying (`Retry-After` or `RetryInfo`), in ms. */
  readonly retryAfterMs?: number | undefined;
  /** `true` when the last attempt ran into the per-call timeout. */
  readonly timedOut?: boolean | undefined;
  /** One sentence saying how to fix or work around the failure. */
  readonly hint?: string | undefined;
}

/**
 * A call to the Gemini API failed: an HTTP error status, a network error, a timeout, or a reply
 * that could not be read — after every retry the caller allowed.
 *
 * @remarks
 * Branch on {@link ApiCallError.status} and {@link ApiCallError.retryable}. The message names the
 * operation, the status and the number of attempts; it never contains the API key or request
 * data (adapters redact the service message before passing it in). The SDK's error is kept as
 * `cause`.
 *
 * @example
 * ```ts
 * throw new ApiCallError({ operation: 'models.generateContent', status: 429, reason: 'RESOURCE_EXHAUSTED', retryable: true, attempts: 5 });
 * // ApiCallError: Could not complete `models.generateContent` after 5 attempts: HTTP 429 RESOURCE_EXHAUSTED. …
 * ```
 */
export class ApiCallError extends GeminiVisionError {
  override readonly name = 'ApiCallError';

  /** The API operation that failed. */
  readonly operation: string;
  /** HTTP status of the last attempt; `undefined` for network errors and timeouts. */
  readonly status: number | undefined;
  /** The service's status word, e.g. `RESOURCE_EXHAUSTED`, when known. */
  readonly reason: string | undefined;
  /** Whether the failure is transient, so a later retry may succeed. */
  readonly retryable: boolean;
  /** Attempts made in total, the first one included. */
  readonly attempts: number;
  /** What the server asked to wait before retrying, in ms, when it said. */
  readonly retryAfterMs: number | undefined;
  /** `true` when the last attempt timed out. */
  readonly timedOut: boolean;

  constructor(options: ApiCallErrorOptions) {
    const { operation, status, reason, detail, retryable, attempts, retryAfterMs, timedOut = false, hint, cause } = options;
    const what =
      status !== undefined
        ? `HTTP ${status}${reason === undefined ? '' : ` ${reason}`}`
        : timedOut
          ? 'the call timed out'
          : 'a network error';
    const shortDetail =
      detail === undefined || detail.trim() === ''
        ? ''
        : ` (${detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH)}…` : detail})`;
    const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    const fix = hint ?? defaultHint(status, retryable, timedOut);
    super('API_CALL_FAILED', `Could not complete \`${operation}\` after ${tries}: ${what}${shortDetail}. ${fix}`, { cause });
    this.operation = operation;
    this.status = status;
    this.reason = reason;
    this.retryable = retryable;
    this.attempts = attempts;
    this.retryAfterMs = retryAfterMs;
    this.timedOut = timedOut;
  }

  /**
   * Tells whether `value` is an `ApiCallError` from any copy of this package.
   *
   * @example
   * ```ts
   * if (ApiCallError.isInstance(error) && error.status === 429) console.warn('rate limited');
   * ```
   */
  static override isInstance(value: unknown): value is ApiCallError {
    return GeminiVisionError.isInstance(value) && value.code === 'API_CALL_FAILED';
  }
}

function defaultHint(status: number | undefined, retryable: boolean, timedOut: boolean): string {
  if (timedOut) return 'Raise the timeout, send smaller images, or retry later.';
  if (status === 400) return 'Check the request: model id, image types and options.';
  if (status === 401 || status === 403) return 'Check that the API key is valid and allowed to use this model.';
  if (status === 404) return 'Check the model id (or file / batch name) and the base URL.';
  if (status === 429) return 'You are rate limited or out of quota: lower the concurrency, allow more retries, or retry later.';
  if (retryable) return 'The failure looks transient: allow more retries or retry later.';
  return 'See `cause` for the underlying error.';
}
