import { InvalidArgumentError } from '@gemini-vision/core';

/**
 * Retry settings of {@link createGeminiVision}: exponential backoff with jitter.
 *
 * @example
 * ```ts
 * const retry: RetrySettings = { attempts: 5, initialDelayMs: 500, maxDelayMs: 20_000, jitter: 0.5 };
 * ```
 */
export interface RetrySettings {
  /**
   * Attempts in total, the first one included (`1` disables retries).
   * @defaultValue `4`
   */
  readonly attempts?: number | undefined;
  /**
   * Delay before the first retry, in ms.
   * @defaultValue `1000`
   */
  readonly initialDelayMs?: number | undefined;
  /**
   * Longest backoff delay, in ms (a `Retry-After` may ask for more; see `maxRetryAfterMs`).
   * @defaultValue `30_000`
   */
  readonly maxDelayMs?: number | undefined;
  /**
   * Growth factor of the delay per retry.
   * @defaultValue `2`
   */
  readonly multiplier?: number | undefined;
  /**
   * Share of each delay that is randomized, 0..1: the delay is drawn from
   * `[base·(1 − jitter), base]`. `1` is "full jitter", `0` none.
   * @defaultValue `0.5`
   */
  readonly jitter?: number | undefined;
  /**
   * A server asking to wait longer than this (`Retry-After`, `RetryInfo`) ends the retries; the
   * error carries `retryAfterMs` so you can schedule the work yourself.
   * @defaultValue `120_000`
   */
  readonly maxRetryAfterMs?: number | undefined;
}

/**
 * {@link RetrySettings} with every field resolved.
 *
 * @example
 * ```ts
 * const policy: RetryPolicy = resolveRetryPolicy({ attempts: 2 });
 * ```
 */
export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  readonly attempts: number;
  /** Delay before the first retry, in ms. */
  readonly initialDelayMs: number;
  /** Longest backoff delay, in ms. */
  readonly maxDelayMs: number;
  /** Growth factor per retry. */
  readonly multiplier: number;
  /** Randomized share of each delay, 0..1. */
  readonly jitter: number;
  /** Longest server-requested wait that is honoured, in ms. */
  readonly maxRetryAfterMs: number;
}

/**
 * The retry policy used when none is given: 4 attempts, 1 s doubling up to 30 s, half jitter,
 * server waits up to 2 minutes honoured.
 *
 * @example
 * ```ts
 * DEFAULT_RETRY_POLICY.attempts; // 4
 * ```
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  attempts: 4,
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  multiplier: 2,
  jitter: 0.5,
  maxRetryAfterMs: 120_000,
});

/**
 * Resolves {@link RetrySettings} against {@link DEFAULT_RETRY_POLICY}; `false` means one attempt.
 *
 * @param settings - The settings, `false`, or `undefined` for the defaults.
 * @returns The resolved policy.
 * @throws {@link InvalidArgumentError} If a field is out of range (attempts not a positive
 * integer, a negative delay, a multiplier below 1, jitter outside 0..1).
 *
 * @example
 * ```ts
 * resolveRetryPolicy({ attempts: 2 }).initialDelayMs; // 1000
 * resolveRetryPolicy(false).attempts;                 // 1
 * ```
 */
export function resolveRetryPolicy(settings: RetrySettings | false | undefined): RetryPolicy {
  if (settings === false) return { ...DEFAULT_RETRY_POLICY, attempts: 1 };
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedFields(settings ?? {}) };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new InvalidArgumentError({ argument: 'retry.attempts', expected: 'a positive integer', received: policy.attempts });
  }
  for (const key of ['initialDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (!Number.isFinite(policy[key]) || policy[key] < 0) {
      throw new InvalidArgumentError({ argument: `retry.${key}`, expected: 'a number of milliseconds ≥ 0', received: policy[key] });
    }
  }
  if (!Number.isFinite(policy.multiplier) || policy.multiplier < 1) {
    throw new InvalidArgumentError({ argument: 'retry.multiplier', expected: 'a number ≥ 1', received: policy.multiplier });
  }
  if (!Number.isFinite(policy.jitter) || policy.jitter < 0 || policy.jitter > 1) {
    throw new InvalidArgumentError({ argument: 'retry.jitter', expected: 'a number from 0 to 1', received: policy.jitter });
  }
  return Object.freeze(policy);
}

/**
 * The backoff delay before retry number `retry` (1 for the first retry), in ms.
 *
 * @remarks
 * `base = min(maxDelayMs, initialDelayMs · multiplier^(retry − 1))`, then
 * `delay = base · (1 − jitter) + base · jitter · random()`. A server-requested wait
 * (`retryAfterMs`) replaces the backoff when given: the server knows best when its quota refills.
 * Pure when `random` is.
 *
 * @param policy - The resolved policy.
 * @param retry - Which retry this is, 1-based.
 * @param random - A source of numbers in [0, 1); inject a fixed one in tests.
 * @param retryAfterMs - What the server asked for, if anything.
 * @returns The delay in ms.
 * @throws Nothing.
 *
 * @example
 * ```ts
 * computeRetryDelay(DEFAULT_RETRY_POLICY, 3, () => 1); // 4000
 * computeRetryDelay(DEFAULT_RETRY_POLICY, 1, () => 0); // 500
 * computeRetryDelay(DEFAULT_RETRY_POLICY, 1, Math.random, 7000); // 7000
 * ```
 */
export function computeRetryDelay(policy: RetryPolicy, retry: number, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** Math.max(0, retry - 1));
  return Math.round(base * (1 - policy.jitter) + base * policy.jitter * random());
}

function definedFields(settings: RetrySettings): Partial<RetryPolicy> {
  const result: Partial<Record<keyof RetryPolicy, number>> = {};
  for (const key of Object.keys(DEFAULT_RETRY_POLICY) as (keyof RetryPolicy)[]) {
    const value = settings[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}
