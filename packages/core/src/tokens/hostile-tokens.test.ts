// A small sample of the hostile-number properties in the normal run; `pnpm test:fuzz` runs the
// same properties with 100,000 cases each (hostile-tokens.fuzz.test.ts). Below them, the
// counterexamples the fuzzing found, kept as regression tests.
import { describe, expect, it } from 'vitest';

import { SAMPLE_RUNS } from '../__fixtures__/fuzz-harness';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { Size } from '../geometry/types';
import { describeHostileTokenProperties } from './__fixtures__/hostile-token-properties';
import { adviseResize } from './advise-resize';
import { estimateImageTokens } from './estimate-image-tokens';
import { estimateRequestCost } from './estimate-request-cost';

describeHostileTokenProperties(SAMPLE_RUNS);

describe('estimateImageTokens', () => {
  // 1e300 passes Number.isInteger; the Gemini 3 grid search then looped forever (n + 1 === n).
  it.each([1e300, 1e21, 2 ** 53])('throws InvalidArgumentError for a side of %d instead of hanging', (side) => {
    expect(() => estimateImageTokens({ width: side, height: 7 }, { model: 'gemini-3-flash-preview' })).toThrow(InvalidArgumentError);
    expect(() => estimateImageTokens({ width: 7, height: side }, { model: 'gemini-2.0-flash' })).toThrow(/size\.height/u);
  });

  it('still estimates the largest safe side', () => {
    expect(estimateImageTokens({ width: Number.MAX_SAFE_INTEGER, height: 7 }, { model: 'gemini-3-flash-preview' }).tokens).toBeGreaterThan(0);
  });

  it.each([undefined, null, 42])('throws InvalidArgumentError for a size of %s', (size) => {
    expect(() => estimateImageTokens(size as unknown as Size, { model: 'gemini-2.5-flash' })).toThrow(InvalidArgumentError);
  });
});

describe('adviseResize', () => {
  it('throws InvalidArgumentError for a missing size', () => {
    expect(() => adviseResize(undefined as unknown as Size, { model: 'gemini-1.5-flash' })).toThrow(InvalidArgumentError);
  });
});

describe('estimateRequestCost', () => {
  it('refuses token counts past Number.MAX_SAFE_INTEGER', () => {
    expect(() => estimateRequestCost({ model: 'gemini-1.5-flash', outputTokens: 2 ** 53 })).toThrow(/options\.outputTokens/u);
  });
});
