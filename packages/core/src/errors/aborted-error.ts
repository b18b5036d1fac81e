import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link AbortedError}.
 *
 * @example
 * ```ts
 * const options: AbortedErrorOptions = { operation: 'detect', cause: signal.reason };
 * ```
 */
export interface AbortedErrorOptions extends GeminiVisionErrorOptions {
  /** What was cancelled, e.g. `detect` or `models.generateContent`. */
  readonly operation: string;
}

/**
 * The caller cancelled an operation through its `AbortSignal`. The signal's `reason` is the
 * `cause`.
 *
 * @remarks
 * A request already on the wire may still be billed by the service; aborting only stops waiting
 * for it (and stops retries).
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * controller.abort();
 * throw new AbortedError({ operation: 'detect', cause: controller.signal.reason });
 * ```
 */
export class AbortedError extends GeminiVisionError {
  override readonly name = 'AbortedError';

  /** What was cancelled. */
  readonly operation: string;

  constructor({ operation, cause }: AbortedErrorOptions) {
    super('ABORTED', `\`${operation}\` was aborted by its AbortSignal before it finished.`, { cause });
    this.operation = operation;
  }

  /**
   * Tells whether `value` is an `AbortedError` from any copy of this package.
   *
   * @example
   * ```ts
   * AbortedError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is AbortedError {
    return GeminiVisionError.isInstance(value) && value.code === 'ABORTED';
  }
}
