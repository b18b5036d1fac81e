import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '@gemini-vision/core';

import { computeRetryDelay, DEFAULT_RETRY_POLICY, resolveRetryPolicy } from './retry-policy';

describe('computeRetryDelay', () => {
  const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: 0 };

  it.each([
    { retry: 1, delay: 1000 },
    { retry: 2, delay: 2000 },
    { retry: 3, delay: 4000 },
    { retry: 5, delay: 16_000 },
    { retry: 6, delay: 30_000 },
    { retry: 20, delay: 30_000 },
  ])('waits $delay ms before retry $retry without jitter', ({ retry, delay }) => {
    expect(computeRetryDelay(noJitter, retry, () => 0.5)).toBe(delay);
  });

  it.each([
    { random: 0, delay: 2000 },
    { random: 0.5, delay: 3000 },
    { random: 0.999_999, delay: 4000 },
  ])('draws from [base·(1 − jitter), base] with random() = $random', ({ random, delay }) => {
    expect(computeRetryDelay(DEFAULT_RETRY_POLICY, 3, () => random)).toBe(delay);
  });

  it('waits exactly what the server asked for', () => {
    expect(computeRetryDelay(DEFAULT_RETRY_POLICY, 1, () => 0.5, 7000)).toBe(7000);
  });
});

describe('resolveRetryPolicy', () => {
  it('fills unset fields from the default policy', () => {
    expect(resolveRetryPolicy({ attempts: 2, initialDelayMs: undefined })).toEqual({ ...DEFAULT_RETRY_POLICY, attempts: 2 });
  });

  it('turns `false` into a single attempt', () => {
    expect(resolveRetryPolicy(false).attempts).toBe(1);
  });

  it.each([{ attempts: 0 }, { attempts: 1.5 }, { jitter: 2 }, { multiplier: 0.5 }, { initialDelayMs: -1 }])(
    'rejects %o',
    (settings) => {
      expect(() => resolveRetryPolicy(settings)).toThrow(InvalidArgumentError);
    },
  );
});
