import { describeValue } from '../internal/describe-value';
import { GeminiVisionError } from './gemini-vision-error';

/**
 * Constructor options of {@link InvalidArgumentError}.
 *
 * @example
 * ```ts
 * const options: InvalidArgumentErrorOptions = { argument: 'size.width', expected: 'a positive integer', received: 0 };
 * ```
 */
export interface InvalidArgumentErrorOptions {
  /** Path of the offending argument as the caller wrote it, e.g. `size.width`. */
  readonly argument: string;
  /** What was expected, as a noun phrase: `a positive integer`. */
  readonly expected: string;
  /** The value received. Only its shape is printed, never bulk content. */
  readonly received: unknown;
  /** One sentence telling the caller how to fix the call. */
  readonly hint?: string | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * An argument passed to a public function is outside its documented domain.
 *
 * @example
 * ```ts
 * throw new InvalidArgumentError({ argument: 'size.width', expected: 'a positive integer', received: -1 });
 * // InvalidArgumentError: Expected a positive integer for `size.width`, but received -1.
 * ```
 */
export class InvalidArgumentError extends GeminiVisionError {
  override readonly name = 'InvalidArgumentError';

  /** Path of the offending argument, e.g. `size.width`. */
  readonly argument: string;

  constructor({ argument, expected, received, hint, cause }: InvalidArgumentErrorOptions) {
    const sentence = `Expected ${expected} for \`${argument}\`, but received ${describeValue(received)}.`;
    super('INVALID_ARGUMENT', hint === undefined ? sentence : `${sentence} ${hint}`, { cause });
    this.argument = argument;
  }

  /**
   * Tells whether `value` is an `InvalidArgumentError` from any copy of this package.
   *
   * @example
   * ```ts
   * InvalidArgumentError.isInstance(error); // true for bad arguments
   * ```
   */
  static override isInstance(value: unknown): value is InvalidArgumentError {
    return GeminiVisionError.isInstance(value) && value.code === 'INVALID_ARGUMENT';
  }
}
