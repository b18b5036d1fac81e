import { AbortedError, ApiCallError, GeminiVisionError } from '@gemini-vision/core';

import { abortableSleep } from '../internal/abortable-sleep';
import { redactSecrets } from '../internal/redact';
import { classifyApiFailure, isAbortError, type ApiFailure } from './classify-api-failure';
import { createAttemptObservation, runObserved } from './observe-fetch';
import { computeRetryDelay, type RetryPolicy } from './retry-policy';

/** What one attempt receives. */
export interface AttemptContext {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** Aborts when the caller aborts or this attempt times out; pass it to the SDK. */
  readonly signal: AbortSignal;
  /** The per-attempt timeout in ms, when there is one (for SDKs that take a number). */
  readonly timeoutMs: number | undefined;
}

/** A retry about to happen, for logging. */
export interface RetryEvent {
  /** The operation, e.g. `models.generateContent`. */
  readonly operation: string;
  /** The attempt that failed, 1-based. */
  readonly attempt: number;
  /** How long the loop waits before the next attempt, in ms. */
  readonly delayMs: number;
  /** Why the attempt failed. */
  readonly failure: ApiFailure;
}

/** Options of {@link runWithRetry}. */
export interface RunWithRetryOptions {
  /** The API operation, for errors and logs. */
  readonly operation: string;
  /** The retry policy. */
  readonly policy: RetryPolicy;
  /** Per-attempt timeout in ms; `undefined` for none. */
  readonly timeoutMs?: number | undefined;
  /** The caller's signal; aborting it stops the attempt and the retries with {@link AbortedError}. */
  readonly signal?: AbortSignal | undefined;
  /** Secrets to strip from error messages (the API key). */
  readonly secrets?: readonly (string | undefined)[] | undefined;
  /** Waits between attempts; inject a fake in tests. */
  readonly sleep?: ((milliseconds: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Jitter source; inject a fixed one in tests. */
  readonly random?: (() => number) | undefined;
  /** Called before each retry. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /**
   * Whether a failure that may have reached the server (a timeout, a lost connection, an
   * unreadable success body) may be retried. `false` for operations that must not run twice.
   * @defaultValue `true`
   */
  readonly retryUnconfirmed?: boolean | undefined;
}

/** What {@link runWithRetry} returns. */
export interface RetryOutcome<T> {
  /** The operation's result. */
  readonly value: T;
  /** Attempts made, the successful one included. */
  readonly attempts: number;
  /**
   * Failed attempts whose request reached the server without a clear refusal (timeouts, lost
   * connections, unreadable bodies): the service may have processed — and billed — them.
   */
  readonly unconfirmedAttempts: number;
}

/**
 * Runs an API operation with this package's retry loop: exponential backoff with jitter on 408,
 * 429 and 5xx, network errors, timeouts and unreadable bodies; honours `Retry-After` /
 * `RetryInfo`; times each attempt out; stops at once when the caller aborts.
 *
 * @throws {@link ApiCallError} When the failure is not retryable or the attempts are used up.
 * @throws {@link AbortedError} When the caller's signal aborts.
 */
export async function runWithRetry<T>(
  operation: (context: AttemptContext) => Promise<T>,
  options: RunWithRetryOptions,
): Promise<RetryOutcome<T>> {
  const { policy, signal, timeoutMs } = options;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const secrets = options.secrets ?? [];
  let unconfirmedAttempts = 0;

  const fail = (error: Error, attempts: number): Error => {
    Object.defineProperty(error, RETRY_STATS, { value: { attempts, unconfirmedAttempts }, enumerable: false });
    return error;
  };
  for (let attempt = 1; ; attempt += 1) {
    if (isAborted(signal)) throw fail(new AbortedError({ operation: options.operation, cause: signal?.reason }), attempt - 1);
    const timeoutController = new AbortController();
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timeoutController.abort(new DOMException(`The attempt timed out after ${timeoutMs} ms.`, 'TimeoutError'));
          }, timeoutMs);
    const attemptSignal = signal === undefined ? timeoutController.signal : AbortSignal.any([signal, timeoutController.signal]);
    const observation = createAttemptObservation();
    try {
      const value = await runObserved(observation, () => operation({ attempt, signal: attemptSignal, timeoutMs }));
      return { value, attempts: attempt, unconfirmedAttempts };
    } catch (error) {
      if (isAborted(signal)) throw fail(new AbortedError({ operation: options.operation, cause: signal?.reason }), attempt);
      if (GeminiVisionError.isInstance(error)) throw fail(error, attempt); // already typed (a nested call's own failure)
      // An abort the caller did not ask for is our timeout (or the SDK's own).
      const timedOut = timeoutController.signal.aborted || isAbortError(error);
      const failure = classifyApiFailure(error, {
        timedOut,
        observedStatus: observation.status,
        observedRetryAfterMs: observation.retryAfterMs,
      });
      if (failure.maybeProcessed) unconfirmedAttempts += 1;
      const retryAllowed = failure.retryable && (!failure.maybeProcessed || options.retryUnconfirmed !== false);
      const tooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > policy.maxRetryAfterMs;
      if (!retryAllowed || attempt >= policy.attempts || tooLong) {
        throw fail(toApiCallError(options.operation, failure, attempt, secrets, error, tooLong, policy), attempt);
      }
      const delayMs = computeRetryDelay(policy, attempt, random, failure.retryAfterMs);
      options.onRetry?.({ operation: options.operation, attempt, delayMs, failure });
      try {
        await sleep(delayMs, signal);
      } catch (sleepError) {
        if (isAborted(signal)) throw fail(new AbortedError({ operation: options.operation, cause: signal?.reason }), attempt);
        throw sleepError;
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }
}

/** Reads `signal.aborted` afresh (it changes while we await). */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

const RETRY_STATS = Symbol('gemini-vision.retry-stats');

/**
 * The attempts behind a failure thrown by {@link runWithRetry} (`{ attempts: 1,
 * unconfirmedAttempts: 0 }` for errors that did not come from it).
 */
export function readRetryStats(error: unknown): { readonly attempts: number; readonly unconfirmedAttempts: number } {
  const stats = typeof error === 'object' && error !== null ? (error as Record<symbol, unknown>)[RETRY_STATS] : undefined;
  return (stats as { attempts: number; unconfirmedAttempts: number } | undefined) ?? { attempts: 1, unconfirmedAttempts: 0 };
}

/**
 * Builds the {@link ApiCallError} for a failure, with the key stripped from every text and the
 * SDK error replaced by a sanitized copy (its message redacted, headers and requests dropped).
 */
export function toApiCallError(
  operation: string,
  failure: ApiFailure,
  attempts: number,
  secrets: readonly (string | undefined)[],
  cause: unknown,
  retryAfterTooLong = false,
  policy?: RetryPolicy,
): ApiCallError {
  const detail = failure.detail === undefined ? undefined : redactSecrets(failure.detail, secrets);
  const hint =
    retryAfterTooLong && failure.retryAfterMs !== undefined && policy !== undefined
      ? `The service asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s, longer than \`retry.maxRetryAfterMs\` (${policy.maxRetryAfterMs} ms); retry after that or raise the limit.`
      : undefined;
  return new ApiCallError({
    operation,
    status: failure.status,
    reason: failure.reason,
    detail,
    retryable: failure.retryable,
    attempts,
    retryAfterMs: failure.retryAfterMs,
    timedOut: failure.kind === 'timeout',
    hint,
    cause: sanitizeError(cause, secrets),
  });
}

/** A plain copy of an error that keeps name, message (redacted), status and code — nothing else. */
export function sanitizeError(error: unknown, secrets: readonly (string | undefined)[]): Error {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const message = redactSecrets(typeof record['message'] === 'string' ? record['message'] : String(error), secrets);
  const copy = new Error(message);
  copy.name = typeof record['name'] === 'string' ? record['name'] : 'Error';
  for (const key of ['status', 'statusCode', 'code'] as const) {
    const value = record[key];
    if (typeof value === 'number' || typeof value === 'string') Object.defineProperty(copy, key, { value, enumerable: true });
  }
  copy.stack = `${copy.name}: ${message}`;
  return copy;
}
