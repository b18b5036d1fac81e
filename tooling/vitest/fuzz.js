// @ts-check
// The fuzz harness shared by every package's hostile-input properties: how many cases to run, the
// "valid result or typed error, within a time budget" check, and per-target case counts.
//
// Each package keeps its properties in `__fixtures__` modules that register them with a given
// number of runs. A `*.test.ts` file registers a small sample (SAMPLE_RUNS) for `pnpm test`; a
// `*.fuzz.test.ts` file registers the long run (fuzzRuns()) for `pnpm test:fuzz`.
// `tooling/scripts/summarize-fuzz.mjs` adds up the reports written by reportCasesAfterAll.
import { mkdirSync, writeFileSync } from 'node:fs';

import { afterAll } from 'vitest';

/** Cases per property in the normal test run. */
export const SAMPLE_RUNS = 200;

/** Cases per property in `pnpm test:fuzz`: `FUZZ_RUNS`, default 100,000. */
export function fuzzRuns() {
  const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got ${String(process.env['FUZZ_RUNS'])}`);
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

/** @typedef {{ cases: number, results: number, typedErrors: number, slowestMs: number, totalMs: number }} TargetStats */

/** @type {Map<string, TargetStats>} */
const stats = new Map();

/** @param {string} target */
function statsOf(target) {
  let entry = stats.get(target);
  if (entry === undefined) {
    entry = { cases: 0, results: 0, typedErrors: 0, slowestMs: 0, totalMs: 0 };
    stats.set(target, entry);
  }
  return entry;
}

/**
 * Writes the per-target case counts of this test file to `.cache/fuzz-report/<name>.json` and
 * prints them, after all its tests.
 * @param {string} name
 */
export function reportCasesAfterAll(name) {
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

/** @param {unknown} error */
function describeThrown(error) {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}`;
  return typeof error === 'string' ? JSON.stringify(error.slice(0, 300)) : typeof error;
}

/**
 * Records the time of one case and fails it when over budget.
 * @param {string} target
 * @param {TargetStats} entry
 * @param {number} started
 */
function recordTime(target, entry, started) {
  const elapsed = performance.now() - started;
  entry.totalMs += elapsed;
  if (elapsed > entry.slowestMs) entry.slowestMs = elapsed;
  if (elapsed > CASE_BUDGET_MS) throw new Error(`${target}: one case took ${elapsed.toFixed(0)} ms (budget ${CASE_BUDGET_MS} ms)`);
}

/**
 * The checks of one package, for its error hierarchy. Each fails the property (with a description
 * fast-check shrinks and reports) on an untyped throw, an invalid result or a near-hang.
 *
 * @param {{ isTypedError: (error: unknown) => boolean }} options - `isTypedError`: whether a thrown
 *   value belongs to the package's error hierarchy (it must also carry a string `code` and a
 *   message of 1–2,000 characters).
 */
export function createFuzzChecks({ isTypedError }) {
  /**
   * @param {string} target
   * @param {TargetStats} entry
   * @param {{ value: unknown } | { error: unknown }} outcome
   * @param {(value: any) => readonly string[]} validate
   */
  const judge = (target, entry, outcome, validate) => {
    if ('error' in outcome) {
      const { error } = outcome;
      if (!isTypedError(error)) throw new Error(`${target}: untyped throw ${describeThrown(error)}`, { cause: error });
      const { code, message } = /** @type {{ code?: unknown, message?: unknown }} */ (error);
      if (typeof code !== 'string' || typeof message !== 'string' || message.length === 0 || message.length > MAX_MESSAGE_LENGTH) {
        throw new Error(`${target}: malformed typed error (code ${JSON.stringify(code)}, message length ${typeof message === 'string' ? message.length : 'none'})`);
      }
      if (process.env['FUZZ_DEBUG'] !== undefined) console.log(target, message.slice(0, 160));
      entry.typedErrors += 1;
      return;
    }
    const problems = validate(outcome.value);
    if (problems.length > 0) throw new Error(`${target}: invalid result: ${problems.join('; ')}`);
    entry.results += 1;
  };

  return {
    /**
     * One case: `run()` returns a value `validate` accepts (no problems listed), or throws a typed
     * error; within the case budget.
     * @template T
     * @param {string} target
     * @param {() => T} run
     * @param {(value: T) => readonly string[]} validate
     */
    expectTypedOutcome(target, run, validate) {
      const entry = statsOf(target);
      entry.cases += 1;
      const started = performance.now();
      /** @type {{ value: unknown } | { error: unknown }} */
      let outcome;
      try {
        outcome = { value: run() };
      } catch (error) {
        outcome = { error };
      }
      recordTime(target, entry, started);
      judge(target, entry, outcome, validate);
    },

    /**
     * {@link expectTypedOutcome} for a `run` that may return a promise.
     * @template T
     * @param {string} target
     * @param {() => T | Promise<T>} run
     * @param {(value: T) => readonly string[]} validate
     */
    async expectTypedOutcomeAsync(target, run, validate) {
      const entry = statsOf(target);
      entry.cases += 1;
      const started = performance.now();
      /** @type {{ value: unknown } | { error: unknown }} */
      let outcome;
      try {
        outcome = { value: await run() };
      } catch (error) {
        outcome = { error };
      }
      recordTime(target, entry, started);
      judge(target, entry, outcome, validate);
    },

    /**
     * One case of a function that must never throw (the parsers): `validate` must accept the
     * result, within the case budget.
     * @template T
     * @param {string} target
     * @param {() => T} run
     * @param {(value: T) => readonly string[]} validate
     */
    expectValidResult(target, run, validate) {
      const entry = statsOf(target);
      entry.cases += 1;
      const started = performance.now();
      /** @type {T} */
      let value;
      try {
        value = run();
      } catch (error) {
        throw new Error(`${target}: threw ${describeThrown(error)}`, { cause: error });
      }
      recordTime(target, entry, started);
      judge(target, entry, { value }, validate);
    },
  };
}
