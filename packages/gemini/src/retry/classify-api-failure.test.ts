import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';

import { classifyApiFailure, isAbortError } from './classify-api-failure';

const noContext = { timedOut: false };

describe('classifyApiFailure', () => {
  it('reads status, reason, message and RetryInfo from an SDK ApiError', () => {
    const error = new ApiError({
      status: 429,
      message: JSON.stringify({
        error: {
          code: 429,
          message: 'Quota exceeded.',
          status: 'RESOURCE_EXHAUSTED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '13s' }],
        },
      }),
    });

    expect(classifyApiFailure(error, noContext)).toEqual({
      kind: 'http',
      status: 429,
      reason: 'RESOURCE_EXHAUSTED',
      detail: 'Quota exceeded.',
      retryable: true,
      retryAfterMs: 13_000,
      maybeProcessed: false,
    });
  });

  it('prefers the Retry-After the fetch wrapper saw', () => {
    const error = new ApiError({ status: 503, message: '{"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}' });

    expect(classifyApiFailure(error, { timedOut: false, observedRetryAfterMs: 2000 })).toMatchObject({ retryable: true, retryAfterMs: 2000 });
  });

  it('reads Retry-After from error headers (Interactions client errors)', () => {
    const error = Object.assign(new Error('rate limited'), { statusCode: 429, headers: new Headers({ 'retry-after': '3' }) });

    expect(classifyApiFailure(error, noContext)).toMatchObject({ kind: 'http', status: 429, retryAfterMs: 3000 });
  });

  it.each([400, 401, 403, 404])('does not retry HTTP %i', (status) => {
    expect(classifyApiFailure(new ApiError({ status, message: '{}' }), noContext).retryable).toBe(false);
  });

  it.each([408, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(classifyApiFailure(new ApiError({ status, message: '{}' }), noContext).retryable).toBe(true);
  });

  it('classifies a timeout as retryable and maybe processed', () => {
    expect(classifyApiFailure(new Error('aborted'), { timedOut: true })).toMatchObject({ kind: 'timeout', retryable: true, maybeProcessed: true });
  });

  it('classifies an unreadable success body as malformed and maybe processed', () => {
    expect(classifyApiFailure(new SyntaxError('Unexpected end of JSON input'), noContext)).toMatchObject({
      kind: 'malformed-response',
      retryable: true,
      maybeProcessed: true,
    });
  });

  it('classifies a reset connection as maybe processed and a refused one as not', () => {
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });

    expect(classifyApiFailure(reset, noContext)).toMatchObject({ kind: 'network', retryable: true, maybeProcessed: true });
    expect(classifyApiFailure(refused, noContext)).toMatchObject({ kind: 'network', retryable: true, maybeProcessed: false });
  });

  it('does not retry other errors', () => {
    expect(classifyApiFailure(new Error('Can not determine mimeType.'), noContext)).toMatchObject({ kind: 'other', retryable: false });
  });
});

describe('isAbortError', () => {
  it('recognizes DOMException aborts and the Interactions client’s abort error', () => {
    expect(isAbortError(new DOMException('aborted', 'AbortError'))).toBe(true);
    expect(isAbortError(Object.assign(new Error('x'), { name: 'RequestAbortedError' }))).toBe(true);
    expect(isAbortError(new Error('x'))).toBe(false);
  });
});
