const brand = Symbol.for('gemini-vision.error');

/**
 * Stable, machine-readable identifiers for every error the `@gemini-vision/*` packages throw.
 *
 * @remarks
 * Programs branch on these; messages are for people and may be reworded in any release.
 * Codes are only ever added, never renamed.
 *
 * @example
 * ```ts
 * const code: GeminiVisionErrorCode = 'UNKNOWN_MODEL';
 * ```
 */
export type GeminiVisionErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_MODEL'
  | 'MASK_DECODE_FAILED'
  | 'IMAGE_UNREADABLE'
  | 'IMAGE_UNSUPPORTED_FORMAT'
  | 'IMAGE_TOO_LARGE'
  | 'IMAGE_DECODE_FAILED'
  | 'UNSAFE_PATH'
  | 'API_KEY_MISSING'
  | 'API_CALL_FAILED'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'BUDGET_EXCEEDED'
  | 'CAPABILITY_UNSUPPORTED'
  | 'MODEL_OUTPUT_INVALID'
  | 'BATCH_JOB_FAILED'
  | 'ABORTED';

/**
 * Options shared by every {@link GeminiVisionError} constructor.
 *
 * @example
 * ```ts
 * const options: GeminiVisionErrorOptions = { cause: new Error('socket hang up') };
 * ```
 */
export interface GeminiVisionErrorOptions {
  /** The underlying error, kept for debugging (`error.cause`). */
  readonly cause?: unknown;
}

/**
 * Base class of every error thrown by `@gemini-vision/*` packages.
 *
 * @remarks
 * Branch on {@link GeminiVisionError.code}, never on `message`. Use
 * {@link GeminiVisionError.isInstance} rather than `instanceof` when the error may come from
 * another copy of the package (duplicated installs, bundles, realms): it checks a
 * `Symbol.for` brand instead of the prototype chain.
 *
 * @example
 * ```ts
 * try {
 *   estimateImageTokens({ width: 0, height: 10 }, { model: 'gemini-2.5-flash' });
 * } catch (error) {
 *   if (GeminiVisionError.isInstance(error)) console.error(error.code, error.message);
 * }
 * ```
 */
export class GeminiVisionError extends Error {
  override readonly name: string = 'GeminiVisionError';

  /** Machine-readable reason. Stable across releases. */
  readonly code: GeminiVisionErrorCode;

  protected constructor(
    code: GeminiVisionErrorCode,
    message: string,
    options: GeminiVisionErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }

  /**
   * Tells whether `value` is a `GeminiVisionError`, including one created by another copy of
   * this package.
   *
   * @example
   * ```ts
   * if (GeminiVisionError.isInstance(error)) process.exitCode = 2;
   * ```
   */
  static isInstance(value: unknown): value is GeminiVisionError {
    return typeof value === 'object' && value !== null && brand in value;
  }
}
