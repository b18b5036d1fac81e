import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';

import { AbortedError, ApiCallError } from '@gemini-vision/core';

import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { readRetryStats, runWithRetry, type RetryEvent } from './run-with-retry';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, attempts: 4, jitter: 0 };

function harness() {
  const sleeps: number[] = [];
  const retries: RetryEvent[] = [];
  return {
    sleeps,
    retries,
    options: {
      policy,
      operation: 'models.generateContent',
      sleep: (milliseconds: number) => {
        sleeps.push(milliseconds);
        return Promise.resolve();
      },
      random: () => 0.5,
      onRetry: (event: RetryEvent) => retries.push(event),
    },
  };
}

function httpError(status: number, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError({ status, message: JSON.stringify({ error: { code: status, message: `HTTP ${status}`, status: 'X', ...extra } }) });
}

describe('runWithRetry', () => {
  it('returns the first success with the attempt count', async () => {
    const { options, sleeps } = harness();

    const outcome = await runWithRetry(() => Promise.resolve('ok'), options);

    expect(outcome).toEqual({ value: 'ok', attempts: 1, unconfirmedAttempts: 0 });
    expect(sleeps).toEqual([]);
  });

  it('backs off exponentially on 503 until it succeeds', async () => {
    const { options, sleeps } = harness();
    let calls = 0;

    const outcome = await runWithRetry(() => {
      calls += 1;
      return calls < 3 ? Promise.reject(httpError(503)) : Promise.resolve('ok');
    }, options);

    expect(outcome.attempts).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('waits what RetryInfo asks on a 429', async () => {
    const { options, sleeps, retries } = harness();
    let calls = 0;

    await runWithRetry(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(httpError(429, { details: [{ retryDelay: '7s' }] })) : Promise.resolve('ok');
    }, options);

    expect(sleeps).toEqual([7000]);
    expect(retries[0]?.failure).toMatchObject({ status: 429, retryAfterMs: 7000 });
  });

  it('gives up at once when the server asks to wait longer than allowed', async () => {
    const { options, sleeps } = harness();

    const run = runWithRetry(() => Promise.reject(httpError(429, { details: [{ retryDelay: '600s' }] })), options);

    await expect(run).rejects.toMatchObject({ code: 'API_CALL_FAILED', status: 429, attempts: 1, retryAfterMs: 600_000 });
    await expect(run).rejects.toThrow(/asked to wait 600 s/u);
    expect(sleeps).toEqual([]);
  });

  it('throws ApiCallError with the attempts when retries run out', async () => {
    const { options } = harness();

    const error: unknown = await runWithRetry(() => Promise.reject(httpError(500)), options).catch((caught: unknown) => caught);

    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, attempts: 4, retryable: true });
    expect(readRetryStats(error)).toEqual({ attempts: 4, unconfirmedAttempts: 0 });
  });

  it('does not retry a 400', async () => {
    const { options } = harness();
    let calls = 0;

    await expect(
      runWithRetry(() => {
        calls += 1;
        return Promise.reject(httpError(400));
      }, options),
    ).rejects.toMatchObject({ status: 400, retryable: false, attempts: 1 });
    expect(calls).toBe(1);
  });

  it('times an attempt out, counts it as unconfirmed and retries', async () => {
    const { options } = harness();
    let calls = 0;

    const outcome = await runWithRetry(
      ({ signal }) => {
        calls += 1;
        if (calls > 1) return Promise.resolve('ok');
        return new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      },
      { ...options, timeoutMs: 20 },
    );

    expect(outcome).toEqual({ value: 'ok', attempts: 2, unconfirmedAttempts: 1 });
  });

  it('never retries a maybe-processed failure when told not to', async () => {
    const { options } = harness();
    let calls = 0;

    const run = runWithRetry(
      () => {
        calls += 1;
        return Promise.reject(new SyntaxError('Unexpected end of JSON input'));
      },
      { ...options, retryUnconfirmed: false },
    );

    await expect(run).rejects.toMatchObject({ code: 'API_CALL_FAILED', attempts: 1 });
    expect(calls).toBe(1);
  });

  it('stops with AbortedError when the caller aborts during the backoff', async () => {
    const controller = new AbortController();
    const { options } = harness();

    const run = runWithRetry(() => Promise.reject(httpError(503)), {
      ...options,
      signal: controller.signal,
      sleep: () => {
        controller.abort(new Error('user cancelled'));
        return Promise.reject(controller.signal.reason as Error);
      },
    });

    await expect(run).rejects.toBeInstanceOf(AbortedError);
  });

  it('refuses to start when the signal is already aborted', async () => {
    const { options } = harness();
    let calls = 0;

    await expect(
      runWithRetry(
        () => {
          calls += 1;
          return Promise.resolve('ok');
        },
        { ...options, signal: AbortSignal.abort() },
      ),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    expect(calls).toBe(0);
  });

  it('strips secrets from the error message and replaces the cause with a sanitized copy', async () => {
    const { options } = harness();
    const secret = 'AIzaSy-super-secret-key';
    const sdkError = Object.assign(httpError(400), { request: { headers: { 'x-goog-api-key': secret } } });
    sdkError.message = JSON.stringify({ error: { code: 400, message: `API key ${secret} not valid.`, status: 'INVALID_ARGUMENT' } });

    const error = (await runWithRetry(() => Promise.reject(sdkError), { ...options, secrets: [secret] }).catch((caught: unknown) => caught)) as Error;

    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('[redacted]');
    expect(JSON.stringify(error.cause)).not.toContain(secret);
    expect((error.cause as Error).message).not.toContain(secret);
  });
});
