import type { ExitCode } from './exit-codes';

/**
 * An expected failure of the command line itself (a bad flag combination, an output file that
 * exists, a response file that cannot be read), with the exit code it ends in.
 *
 * @remarks
 * Library failures are `GeminiVisionError`s from `@gemini-vision/core` and keep their own codes;
 * this class covers what only the CLI knows about. The message is one sentence that says what
 * to do, printed as is.
 *
 * @example
 * ```ts
 * throw new CliError('`out.png` exists. Pass --force to overwrite it.', EXIT_CODES.output);
 * ```
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** The exit code the CLI ends with. */
  readonly exitCode: ExitCode;

  /**
   * @param message - One line for people, ending with a period.
   * @param exitCode - One of `EXIT_CODES`.
   * @param options - `cause`, shown with `--debug`.
   */
  constructor(message: string, exitCode: ExitCode, options: { readonly cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = exitCode;
  }

  /**
   * Tells whether `value` is a {@link CliError}.
   *
   * @example
   * ```ts
   * if (CliError.isInstance(error)) return error.exitCode;
   * ```
   */
  static isInstance(value: unknown): value is CliError {
    return value instanceof CliError;
  }
}
