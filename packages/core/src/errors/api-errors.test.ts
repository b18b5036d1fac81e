import { describe, expect, it } from 'vitest';

import { checkRequestLimits } from '../tokens/check-request-limits';
import { AbortedError } from './aborted-error';
import { ApiCallError } from './api-call-error';
import { ApiKeyMissingError } from './api-key-missing-error';
import { BatchJobFailedError } from './batch-job-failed-error';
import { BudgetExceededError } from './budget-exceeded-error';
import { CapabilityUnsupportedError } from './capability-unsupported-error';
import { GeminiVisionError } from './gemini-vision-error';
import { RequestLimitExceededError } from './request-limit-exceeded-error';

describe('API errors', () => {
  it.each([
    { error: new ApiKeyMissingError({ setting: 'apiKey', factory: 'createGeminiVision', variables: ['GEMINI_API_KEY'] }), code: 'API_KEY_MISSING', name: 'ApiKeyMissingError' },
    { error: new ApiCallError({ operation: 'files.upload', retryable: false, attempts: 1 }), code: 'API_CALL_FAILED', name: 'ApiCallError' },
    { error: new BudgetExceededError({ budgetUsd: 1, committedUsd: 0.5, requestUsd: 0.6 }), code: 'BUDGET_EXCEEDED', name: 'BudgetExceededError' },
    { error: new CapabilityUnsupportedError({ model: 'gemini-3-flash-preview', capability: 'masks', hint: 'Use 2.5.' }), code: 'CAPABILITY_UNSUPPORTED', name: 'CapabilityUnsupportedError' },
    { error: new RequestLimitExceededError({ violations: [] }), code: 'REQUEST_LIMIT_EXCEEDED', name: 'RequestLimitExceededError' },
    { error: new BatchJobFailedError({ job: 'batches/1', state: 'JOB_STATE_FAILED' }), code: 'BATCH_JOB_FAILED', name: 'BatchJobFailedError' },
    { error: new AbortedError({ operation: 'detect' }), code: 'ABORTED', name: 'AbortedError' },
  ])('gives $name the code $code and the brand', ({ error, code, name }) => {
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(GeminiVisionError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/\.$/u);
  });

  it('names both ways to provide a missing key', () => {
    const error = new ApiKeyMissingError({ setting: 'apiKey', factory: 'createGeminiVision', variables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] });

    expect(error.message).toContain('Set GEMINI_API_KEY (or GOOGLE_API_KEY) in the environment, or pass `apiKey` to createGeminiVision().');
    expect(ApiKeyMissingError.isInstance(error)).toBe(true);
    expect(ApiCallError.isInstance(error)).toBe(false);
  });

  it('describes an HTTP failure with its status, reason, detail and attempts', () => {
    const error = new ApiCallError({
      operation: 'models.generateContent',
      status: 429,
      reason: 'RESOURCE_EXHAUSTED',
      detail: 'Quota exceeded.',
      retryable: true,
      attempts: 5,
      retryAfterMs: 2000,
    });

    expect(error.message).toBe(
      'Could not complete `models.generateContent` after 5 attempts: HTTP 429 RESOURCE_EXHAUSTED (Quota exceeded.). You are rate limited or out of quota: lower the concurrency, allow more retries, or retry later.',
    );
    expect(error).toMatchObject({ status: 429, retryable: true, attempts: 5, retryAfterMs: 2000, timedOut: false });
  });

  it('describes a timeout and shortens a long detail', () => {
    const error = new ApiCallError({ operation: 'files.upload', retryable: true, attempts: 1, timedOut: true, detail: 'x'.repeat(1000) });

    expect(error.message).toMatch(/^Could not complete `files\.upload` after 1 attempt: the call timed out \(x{300}…\)\. Raise the timeout/u);
    expect(error.status).toBeUndefined();
  });

  it('states the budget, the estimate and what was already spent', () => {
    const error = new BudgetExceededError({ budgetUsd: 0.01, committedUsd: 0.009, requestUsd: 0.0023, operation: 'models.generateContent' });

    expect(error.message).toBe(
      'Expected `models.generateContent` to fit the budget of $0.0100, but it is estimated at $0.0023 with $0.0090 already spent or reserved. Nothing was sent; raise `maxCostUsd`, send fewer or smaller images, or use a cheaper model.',
    );
  });

  it('joins the messages of the request-limit violations', () => {
    const { violations } = checkRequestLimits({ model: 'gemini-2.5-flash', images: [{ mimeType: 'image/gif', byteLength: 10 }] });

    const error = new RequestLimitExceededError({ violations });

    expect(error.violations).toHaveLength(1);
    expect(error.message).toContain('image/gif');
  });

  it('keeps the abort reason as the cause', () => {
    const reason = new Error('user pressed Ctrl-C');

    const error = new AbortedError({ operation: 'detect', cause: reason });

    expect(error.cause).toBe(reason);
    expect(error.message).toBe('`detect` was aborted by its AbortSignal before it finished.');
  });
});
