import type { GeminiVisionErrorCode } from '@gemini-vision/core';

/**
 * The process exit codes of `gemini-vision`, by name. Stable: scripts may branch on them.
 *
 * @example
 * ```ts
 * if (failures > 0) return EXIT_CODES.input;
 * ```
 */
export const EXIT_CODES = {
  /** Everything succeeded. */
  ok: 0,
  /** An unexpected error: a bug. Rerun with `--debug` for the stack trace. */
  unexpected: 1,
  /** A bad command, flag or argument value (nothing was done). */
  usage: 2,
  /** An input file is missing, unreadable, not a supported image or too large. Others were still processed. */
  input: 3,
  /** An output file exists (pass `--force`), a path is unsafe, or writing failed. */
  output: 4,
  /** The Gemini API refused or failed: missing key, HTTP error, failed batch job. */
  api: 5,
  /** Refused before spending: `--max-cost` or a request limit would be exceeded. */
  budget: 6,
  /** The model's reply could not be used (no items, unsupported capability). */
  modelOutput: 7,
  /** Interrupted by Ctrl-C or SIGTERM; rerun to resume. */
  interrupted: 130,
} as const;

/**
 * One of the values of {@link EXIT_CODES}.
 *
 * @example
 * ```ts
 * const code: ExitCode = EXIT_CODES.usage; // 2
 * ```
 */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

const EXIT_CODE_BY_ERROR_CODE: Readonly<Record<GeminiVisionErrorCode, ExitCode>> = {
  INVALID_ARGUMENT: EXIT_CODES.usage,
  UNKNOWN_MODEL: EXIT_CODES.usage,
  IMAGE_UNREADABLE: EXIT_CODES.input,
  IMAGE_UNSUPPORTED_FORMAT: EXIT_CODES.input,
  IMAGE_TOO_LARGE: EXIT_CODES.input,
  IMAGE_DECODE_FAILED: EXIT_CODES.input,
  MASK_DECODE_FAILED: EXIT_CODES.modelOutput,
  UNSAFE_PATH: EXIT_CODES.output,
  API_KEY_MISSING: EXIT_CODES.api,
  API_CALL_FAILED: EXIT_CODES.api,
  BATCH_JOB_FAILED: EXIT_CODES.api,
  REQUEST_LIMIT_EXCEEDED: EXIT_CODES.budget,
  BUDGET_EXCEEDED: EXIT_CODES.budget,
  CAPABILITY_UNSUPPORTED: EXIT_CODES.modelOutput,
  MODEL_OUTPUT_INVALID: EXIT_CODES.modelOutput,
  ABORTED: EXIT_CODES.interrupted,
};

/**
 * Maps a `GeminiVisionError` code to the exit code the CLI ends with.
 *
 * @param code - The error's stable `code`.
 * @returns The exit code; {@link EXIT_CODES.unexpected} for a code this version does not know.
 *
 * @example
 * ```ts
 * exitCodeForErrorCode('BUDGET_EXCEEDED'); // => 6
 * ```
 */
export function exitCodeForErrorCode(code: GeminiVisionErrorCode): ExitCode {
  return Object.hasOwn(EXIT_CODE_BY_ERROR_CODE, code) ? EXIT_CODE_BY_ERROR_CODE[code] : EXIT_CODES.unexpected;
}

/**
 * The exit-code table shown by `gemini-vision --help` and in the CLI README, one row per code.
 *
 * @example
 * ```ts
 * for (const row of EXIT_CODE_TABLE) console.log(row.code, row.meaning);
 * ```
 */
export const EXIT_CODE_TABLE: readonly { readonly code: ExitCode; readonly meaning: string }[] = [
  { code: EXIT_CODES.ok, meaning: 'success' },
  { code: EXIT_CODES.unexpected, meaning: 'unexpected error (a bug; rerun with --debug)' },
  { code: EXIT_CODES.usage, meaning: 'bad command, flag or value; nothing was done' },
  { code: EXIT_CODES.input, meaning: 'an input file is missing, unreadable or not a supported image (the others were processed)' },
  { code: EXIT_CODES.output, meaning: 'an output file exists (use --force) or cannot be written' },
  { code: EXIT_CODES.api, meaning: 'the Gemini API failed: no key, HTTP error, failed batch job' },
  { code: EXIT_CODES.budget, meaning: 'refused before spending: --max-cost or a request limit' },
  { code: EXIT_CODES.modelOutput, meaning: "the model's reply could not be used" },
  { code: EXIT_CODES.interrupted, meaning: 'interrupted (Ctrl-C); rerun the same command to resume' },
];
