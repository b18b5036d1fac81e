// Types of fuzz.js (see there).

/** Cases per property in the normal test run. */
export declare const SAMPLE_RUNS: number;

/** Cases per property in `pnpm test:fuzz`: `FUZZ_RUNS`, default 100,000. */
export declare function fuzzRuns(): number;

/** Writes and prints the per-target case counts of this test file after all its tests. */
export declare function reportCasesAfterAll(name: string): void;

/** Problems found in a result: empty when it is valid. */
export type Validation = readonly string[];

/** The checks of one package, for its error hierarchy; see {@link createFuzzChecks}. */
export interface FuzzChecks {
  /** One case: `run()` returns a value `validate` accepts, or throws a typed error; within the case budget. */
  readonly expectTypedOutcome: <T>(target: string, run: () => T, validate: (value: T) => Validation) => void;
  /** `expectTypedOutcome` for a `run` that may return a promise. */
  readonly expectTypedOutcomeAsync: <T>(target: string, run: () => T | Promise<T>, validate: (value: T) => Validation) => Promise<void>;
  /** One case of a function that must never throw: `validate` must accept the result, within the case budget. */
  readonly expectValidResult: <T>(target: string, run: () => T, validate: (value: T) => Validation) => void;
}

/** Creates the checks for a package whose typed errors `isTypedError` recognises. */
export declare function createFuzzChecks(options: { isTypedError: (error: unknown) => boolean }): FuzzChecks;
