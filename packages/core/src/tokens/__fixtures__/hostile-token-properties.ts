// Hostile-number properties of the token estimators, registered by `hostile-tokens.test.ts` (a
// small sample in `pnpm test`) and `hostile-tokens.fuzz.test.ts` (`pnpm test:fuzz`).
// Property: every call returns a valid result or throws a typed GeminiVisionError, quickly.
import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe } from 'vitest';

import { expectTypedOutcome, hostileNumber, hostileValue, mostly, type Validation } from '../../__fixtures__/fuzz-harness';
import type { Size } from '../../geometry/types';
import { adviseResize } from '../advise-resize';
import { estimateImageTokens, type ImageTokenEstimate } from '../estimate-image-tokens';
import { estimateRequestCost, type RequestImage } from '../estimate-request-cost';

const MODELS = [
  'gemini-1.5-flash',
  'gemini-2.0-flash',
  'gemini-2.5-flash',
  'gemini-2.5-pro',
  'gemini-3-flash-preview',
  'models/gemini-3.1-pro-preview',
  'gemini-robotics-er-1.6-preview',
  'gemini-flash-latest',
  'gemini-9-ultra',
];

const model = mostly(fc.constantFrom(...MODELS), fc.oneof(fc.string({ maxLength: 12 }), hostileValue()), 8);
const option = <T>(...values: T[]): fc.Arbitrary<T> => mostly(fc.constantFrom(...values), fc.constantFrom<unknown>('ultra', 7, null, ''), 8);
const settings = fc.record(
  {
    model,
    mediaResolution: option(undefined, 'low', 'medium', 'high', 'ultra_high'),
    backend: option(undefined, 'gemini-api', 'vertex-ai'),
    accounting: option(undefined, 'billed', 'count-tokens'),
  },
  { requiredKeys: ['model'] },
) as fc.Arbitrary<{ readonly model: string }>;
const side = mostly(fc.integer({ min: 1, max: 12_000 }), hostileNumber({ small: 12_000 }), 4);
const hostileSize = mostly(fc.record({ width: side, height: side }), hostileValue()) as fc.Arbitrary<Size>;

function estimateProblems(estimate: ImageTokenEstimate): string[] {
  const problems: string[] = [];
  // Integer-valued and finite; above 2^53 (sides near Number.MAX_SAFE_INTEGER) no longer exact.
  if (!(Number.isFinite(estimate.tokens) && Number.isInteger(estimate.tokens) && estimate.tokens > 0)) problems.push(`tokens ${estimate.tokens}`);
  if (typeof estimate.explanation !== 'string' || estimate.explanation.length === 0) problems.push('no explanation');
  if (estimate.rule === 'budget-grid' && estimate.tokens > estimate.budget) problems.push('over the budget');
  return problems;
}

/** Registers every token property with `numRuns` cases each. */
export function describeHostileTokenProperties(numRuns: number): void {
  describe('token estimators on hostile numbers', () => {
    propertyIt.prop([hostileSize, settings], { numRuns })(
      'estimateImageTokens returns a positive safe integer or throws a typed error',
      (size, options) => {
        expectTypedOutcome('estimateImageTokens', () => estimateImageTokens(size, options), estimateProblems);
      },
    );

    propertyIt.prop([hostileSize, settings, mostly(fc.constantFrom<number | undefined>(undefined, 1, 32, 224, 768), hostileValue())], {
      numRuns,
    })('adviseResize never recommends more tokens than the original, or throws a typed error', (size, options, minSide) => {
      expectTypedOutcome(
        'adviseResize',
        () => adviseResize(size, { ...options, minSide }),
        (advice): Validation => {
          const problems = estimateProblems(advice.estimate);
          const { recommended } = advice;
          if (!(Number.isInteger(recommended.tokens) && recommended.tokens > 0 && recommended.tokens <= advice.estimate.tokens)) {
            problems.push(`recommended ${recommended.tokens} tokens vs ${advice.estimate.tokens}`);
          }
          if (!(Number.isSafeInteger(recommended.size.width) && recommended.size.width >= 1 && Number.isSafeInteger(recommended.size.height) && recommended.size.height >= 1)) {
            problems.push(`recommended size ${JSON.stringify(recommended.size)}`);
          }
          return problems;
        },
      );
    });

    const requestImage = mostly(
      fc.record({ size: hostileSize, mediaResolution: option(undefined, 'low', 'medium', 'high', 'ultra_high') }, { requiredKeys: ['size'] }),
      hostileValue(),
      12,
    ) as fc.Arbitrary<RequestImage>;
    const tokenCount = mostly(fc.integer({ min: 0, max: 2_000_000 }), hostileNumber({ small: 10_000 }));
    propertyIt.prop(
      [
        settings,
        mostly(fc.array(requestImage, { maxLength: 4 }), hostileValue(), 8),
        mostly(fc.oneof(fc.string({ maxLength: 200 }), fc.record({ tokens: tokenCount })), hostileValue(), 8),
        tokenCount,
        option(undefined, true, false),
      ],
      { numRuns },
    )('estimateRequestCost adds up finite, non-negative tokens and dollars, or throws a typed error', (options, images, text, outputTokens, batch) => {
      expectTypedOutcome(
        'estimateRequestCost',
        () =>
          estimateRequestCost({
            ...options,
            images,
            text,
            outputTokens,
            batch,
          }),
        (cost): Validation => {
          const problems: string[] = [];
          const counts = [cost.imageTokens, cost.textTokens, cost.inputTokens, cost.outputTokens];
          if (!counts.every((count) => Number.isFinite(count) && Number.isInteger(count) && count >= 0)) problems.push(`token counts ${JSON.stringify(counts)}`);
          if (cost.inputTokens !== cost.imageTokens + cost.textTokens) problems.push('input ≠ image + text');
          if (cost.imageTokens !== cost.images.reduce((sum, estimate) => sum + estimate.tokens, 0)) problems.push('image tokens ≠ sum of images');
          if (cost.dollars !== undefined) {
            const { input, output, total } = cost.dollars;
            if (![input, output, total].every((value) => Number.isFinite(value) && value >= 0)) problems.push(`dollars ${JSON.stringify(cost.dollars)}`);
          }
          return problems;
        },
      );
    });
  });
}
