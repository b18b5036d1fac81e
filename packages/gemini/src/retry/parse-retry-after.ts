/**
 * Reads an HTTP `Retry-After` header: delay-seconds (`"13"`) or an HTTP date, as milliseconds
 * from `nowMs`.
 *
 * @remarks
 * Fractional seconds (`"1.5"`) are accepted too, since some proxies send them. A date in the past
 * gives `0`. Anything unreadable gives `undefined`, so the caller falls back to its own backoff.
 * Pure.
 *
 * @param value - The header value, or `null`/`undefined` when absent.
 * @param nowMs - The current time in ms since the epoch (for HTTP dates).
 * @returns The delay in ms (≥ 0), or `undefined` when absent or unreadable.
 * @throws Nothing.
 *
 * @example
 * ```ts
 * parseRetryAfter('13', Date.now()); // 13000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:30 GMT')); // 30000
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/u.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Reads the `retryDelay` of a Google `RetryInfo` error detail (`"13s"`, `"0.250s"`) as ms.
 *
 * @param value - The duration string.
 * @returns The delay in ms, or `undefined` when unreadable.
 */
export function parseRetryDelay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/u.exec(value.trim());
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000);
}
