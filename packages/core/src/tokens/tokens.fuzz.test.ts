// Long property runs for the token estimators: `pnpm test:fuzz` (FUZZ_RUNS cases per property,
// default 100,000).
import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect } from 'vitest';

import { UnknownModelError } from '../errors/unknown-model-error';
import { adviseResize } from './advise-resize';
import { estimateImageTokens } from './estimate-image-tokens';
import { resolveModel } from './resolve-model';
import type { GeminiBackend, MediaResolution, TokenAccounting } from './types';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? 100_000);

const models = [
  'gemini-1.0-pro-vision',
  'gemini-1.5-flash',
  'gemini-1.5-pro-002',
  'gemini-2.0-flash',
  'gemini-2.0-flash-lite',
  'gemini-2.5-flash',
  'gemini-2.5-pro',
  'gemini-2.5-flash-image',
  'gemini-3-flash-preview',
  'gemini-3.1-pro-preview',
  'gemini-3-pro-image-preview',
  'gemini-3.1-flash-image-preview',
  'gemini-robotics-er-1.6-preview',
  'gemini-flash-latest',
  'gemini-4-argon',
];

const settings = fc.record({
  model: fc.constantFrom(...models),
  mediaResolution: fc.constantFrom<MediaResolution | undefined>(undefined, 'low', 'medium', 'high'),
  backend: fc.constantFrom<GeminiBackend>('gemini-api', 'vertex-ai'),
  accounting: fc.constantFrom<TokenAccounting>('billed', 'count-tokens'),
});
const side = fc.integer({ min: 1, max: 1_000_000 });

describe('estimateImageTokens', () => {
  propertyIt.prop([side, side, settings], { numRuns })('yields a positive integer for every size and setting', (width, height, options) => {
    const estimate = estimateImageTokens({ width, height }, options);

    expect(Number.isSafeInteger(estimate.tokens) && estimate.tokens > 0).toBe(true);
    expect(estimateImageTokens({ width: height, height: width }, options).tokens).toBe(estimate.tokens);
  });

  propertyIt.prop([side, side, fc.constantFrom<MediaResolution>('low', 'medium', 'high', 'ultra_high')], { numRuns })(
    'keeps the Gemini 3 grid within its budget',
    (width, height, mediaResolution) => {
      const estimate = estimateImageTokens({ width, height }, { model: 'gemini-3.6-flash', mediaResolution });

      expect(estimate.rule === 'budget-grid' && estimate.tokens <= estimate.budget && estimate.columns >= 1 && estimate.rows >= 1).toBe(true);
    },
  );
});

describe('resolveModel', () => {
  propertyIt.prop([fc.oneof(fc.string(), fc.stringMatching(/^(models\/)?gemini-[0-9.]{0,4}-?[a-z0-9.-]{0,30}$/))], { numRuns })(
    'either resolves or throws UnknownModelError on any string',
    (id) => {
      try {
        const model = resolveModel(id);
        expect(['1.0', '1.5', '2.0', '2.5', '3']).toContain(model.generation);
      } catch (error) {
        expect(error).toBeInstanceOf(UnknownModelError);
      }
    },
  );
});

describe('adviseResize', () => {
  propertyIt.prop([fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), settings, fc.integer({ min: 1, max: 1500 })], {
    numRuns: Math.max(1, Math.floor(numRuns / 10)),
  })('never advises more tokens than the original', (width, height, options, minSide) => {
    const advice = adviseResize({ width, height }, { ...options, minSide });

    expect(advice.recommended.tokens).toBeLessThanOrEqual(advice.estimate.tokens);
  });
});
