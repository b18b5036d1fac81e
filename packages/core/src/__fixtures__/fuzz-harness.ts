// Test helpers shared by the hostile-input properties of every domain: arbitraries for hostile
// numbers, the "valid result or typed error, within a time budget" check, and case counting.
//
// Each domain keeps its properties in one module (`<domain>/__fixtures__/hostile-*-properties.ts`)
// that registers them with a given number of runs. A `*.test.ts` file registers a small sample
// for the normal `pnpm test`; a `*.fuzz.test.ts` file registers the long run for
// `pnpm test:fuzz` (FUZZ_RUNS cases per property, default 100,000). Test code only: Node-only
// APIs are fine here, as in the other `__fixtures__` helpers.
import { mkdirSync, writeFileSync } from 'node:fs';

import { fc } from '@fast-check/vitest';
import { afterAll } from 'vitest';

import { GeminiVisionError } from '../errors/gemini-vision-error';

/** Cases per property in the normal test run. */
export const SAMPLE_RUNS = 200;

/** Cases per property in `pnpm test:fuzz`: `FUZZ_RUNS`, default 100,000. */
export function fuzzRuns(): number {
  const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got ${String(runs)}`);
  return runs;
}

/**
 * Longest a single case may take (ms), `FUZZ_CASE_BUDGET_MS`, default 2,000. Every function under
 * test is linear in small inputs, so a case this slow means a hang or a runaway allocation. The
 * default leaves room for GC pauses on a loaded 2-core machine.
 */
const CASE_BUDGET_MS = Number(process.env['FUZZ_CASE_BUDGET_MS'] ?? 2000);

/** Typed errors carry a message for people; one this long would hold bulk data. */
const MAX_MESSAGE_LENGTH = 2000;

interface TargetStats {
  cases: number;
  results: number;
  typedErrors: number;
  slowestMs: number;
  totalMs: number;
}

const stats = new Map<string, TargetStats>();

function statsOf(target: string): TargetStats {
  let entry = stats.get(target);
  if (entry === undefined) {
    entry = { cases: 0, results: 0, typedErrors: 0, slowestMs: 0, totalMs: 0 };
    stats.set(target, entry);
  }
  return entry;
}

/**
 * Writes the per-target case counts of this test file to `.cache/fuzz-report/<name>.json` and
 * prints them, after all its tests. `tooling/scripts/summarize-fuzz.mjs` adds the files up.
 */
export function reportCasesAfterAll(name: string): void {
  afterAll(() => {
    const targets = Object.fromEntries([...stats.entries()].sort(([a], [b]) => a.localeCompare(b)));
    mkdirSync('.cache/fuzz-report', { recursive: true });
    writeFileSync(`.cache/fuzz-report/${name}.json`, `${JSON.stringify({ name, targets }, null, 2)}\n`);
    const lines = Object.entries(targets).map(
      ([target, entry]) =>
        `  ${target}: ${entry.cases} cases (${entry.results} results, ${entry.typedErrors} typed errors), ` +
        `slowest ${entry.slowestMs.toFixed(1)} ms, total ${(entry.totalMs / 1000).toFixed(1)} s`,
    );
    console.log(`[fuzz] ${name}\n${lines.join('\n')}`);
  });
}

/** Problems found in a result: empty when it is valid. */
export type Validation = readonly string[];

/**
 * Runs one case of `target`: `run()` must return a value that `validate` accepts, or throw a
 * `GeminiVisionError` with a code and a short message, and take less than the case budget.
 * Anything else (an untyped throw such as `TypeError`/`RangeError`, an invalid result, a
 * near-hang) fails the property with a description fast-check shrinks and reports.
 */
export function expectTypedOutcome<T>(target: string, run: () => T, validate: (value: T) => Validation): void {
  const entry = statsOf(target);
  entry.cases += 1;
  const started = performance.now();
  let value: T | undefined;
  let thrown: { error: unknown } | undefined;
  try {
    value = run();
  } catch (error) {
    thrown = { error };
  }
  const elapsed = performance.now() - started;
  entry.totalMs += elapsed;
  if (elapsed > entry.slowestMs) entry.slowestMs = elapsed;
  if (elapsed > CASE_BUDGET_MS) {
    throw new Error(`${target}: one case took ${elapsed.toFixed(0)} ms (budget ${CASE_BUDGET_MS} ms)`);
  }
  if (thrown !== undefined) {
    const { error } = thrown;
    if (!GeminiVisionError.isInstance(error)) {
      throw new Error(`${target}: untyped throw ${describeThrown(error)}`, { cause: error });
    }
    const code: unknown = error.code;
    if (typeof code !== 'string' || error.message.length === 0 || error.message.length > MAX_MESSAGE_LENGTH) {
      throw new Error(`${target}: malformed GeminiVisionError (code ${JSON.stringify(code)}, message length ${error.message.length})`);
    }
    entry.typedErrors += 1;
    return;
  }
  const problems = validate(value as T);
  if (problems.length > 0) throw new Error(`${target}: invalid result: ${problems.join('; ')}`);
  entry.results += 1;
}

/**
 * Runs one case of a function that must never throw (the parsers): `validate` must accept the
 * result, within the case budget.
 */
export function expectValidResult<T>(target: string, run: () => T, validate: (value: T) => Validation): void {
  const entry = statsOf(target);
  entry.cases += 1;
  const started = performance.now();
  let value: T;
  try {
    value = run();
  } catch (error) {
    throw new Error(`${target}: threw ${describeThrown(error)}`, { cause: error });
  }
  const elapsed = performance.now() - started;
  entry.totalMs += elapsed;
  if (elapsed > entry.slowestMs) entry.slowestMs = elapsed;
  if (elapsed > CASE_BUDGET_MS) {
    throw new Error(`${target}: one case took ${elapsed.toFixed(0)} ms (budget ${CASE_BUDGET_MS} ms)`);
  }
  const problems = validate(value);
  if (problems.length > 0) throw new Error(`${target}: invalid result: ${problems.join('; ')}`);
  entry.results += 1;
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}`;
  return typeof error === 'string' ? JSON.stringify(error.slice(0, 300)) : typeof error;
}

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
