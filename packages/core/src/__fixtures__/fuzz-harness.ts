// Test helpers shared by the hostile-input properties of every core domain: arbitraries for
// hostile numbers, plus the shared fuzz harness (`@gemini-vision/vitest-config/fuzz`: run counts,
// the "valid result or typed error, within a time budget" check, case counting) bound to core's
// error hierarchy.
//
// Each domain keeps its properties in one module (`<domain>/__fixtures__/hostile-*-properties.ts`)
// that registers them with a given number of runs. A `*.test.ts` file registers a small sample
// for the normal `pnpm test`; a `*.fuzz.test.ts` file registers the long run for
// `pnpm test:fuzz` (FUZZ_RUNS cases per property, default 100,000).
import { fc } from '@fast-check/vitest';

import { createFuzzChecks } from '@gemini-vision/vitest-config/fuzz';

import { GeminiVisionError } from '../errors/gemini-vision-error';

export { fuzzRuns, reportCasesAfterAll, SAMPLE_RUNS, type Validation } from '@gemini-vision/vitest-config/fuzz';

/**
 * `expectTypedOutcome(target, run, validate)`: a result `validate` accepts or a GeminiVisionError,
 * within the case budget. `expectValidResult`: a result `validate` accepts (for functions that
 * must never throw, the parsers).
 */
export const { expectTypedOutcome, expectValidResult } = createFuzzChecks({ isTypedError: (error) => GeminiVisionError.isInstance(error) });

/** Numbers no boundary check should let through unnoticed, and ones just inside the domain. */
const SPECIAL_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  0.5,
  1 - Number.EPSILON,
  1 + Number.EPSILON,
  Number.MIN_VALUE,
  1e-300,
  2 ** 20 + 1,
  2 ** 24,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 32 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e300,
  Number.MAX_VALUE,
  -(2 ** 31),
  -Number.MAX_VALUE,
];

/**
 * Any number a careless caller could pass: NaN, ±Infinity, -0, negative, non-integer, huge (up
 * to `Number.MAX_VALUE`), plus plenty of ordinary small integers so that valid calls are
 * exercised too.
 */
export function hostileNumber({ small = 2048 }: { small?: number } = {}): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
    { weight: 2, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.double({ min: -10, max: small + 10 }) },
    { weight: 5, arbitrary: fc.integer({ min: -3, max: small }) },
    { weight: 1, arbitrary: fc.integer({ min: 2 ** 21, max: 2 ** 31 - 1 }) },
  );
}

/** Now and then a value of the wrong type where a number belongs. */
export function hostileValue({ small = 2048 }: { small?: number } = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: hostileNumber({ small }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(undefined, null, '12', '', true, [], {}, 10n, Symbol('x'), [1, 2]),
    },
  );
}

/**
 * Mostly `valid` values (`validWeight` in `validWeight + 1`, default 3 in 4), otherwise `hostile`
 * ones, so that both the result path and the error path get exercised.
 */
export function mostly<T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>, validWeight = 3): fc.Arbitrary<T> {
  return fc.oneof({ weight: validWeight, arbitrary: valid }, { weight: 1, arbitrary: hostile as fc.Arbitrary<T> });
}

/** True for a finite number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
