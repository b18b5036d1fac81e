import type { RequestLimitViolation } from '../tokens/check-request-limits';
import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link RequestLimitExceededError}.
 *
 * @example
 * ```ts
 * const options: RequestLimitExceededErrorOptions = { violations: checkRequestLimits({ model, images }).violations };
 * ```
 */
export interface RequestLimitExceededErrorOptions extends GeminiVisionErrorOptions {
  /** Every broken limit, as `checkRequestLimits` reports them; at least one. */
  readonly violations: readonly RequestLimitViolation[];
}

/**
 * A request breaks a Gemini limit that no transport can work around (too many images, an
 * unsupported MIME type, a file over the Files API's 2 GB), so it was not sent.
 *
 * @remarks
 * The message is the violations' own messages, each of which says how to fix it.
 *
 * @example
 * ```ts
 * const check = checkRequestLimits({ model: 'gemini-2.5-flash', images: [{ mimeType: 'image/gif', byteLength: 10 }] });
 * if (!check.ok) throw new RequestLimitExceededError({ violations: check.violations });
 * ```
 */
export class RequestLimitExceededError extends GeminiVisionError {
  override readonly name = 'RequestLimitExceededError';

  /** Every broken limit. */
  readonly violations: readonly RequestLimitViolation[];

  constructor({ violations, cause }: RequestLimitExceededErrorOptions) {
    const messages = violations.map((violation) => violation.message);
    super(
      'REQUEST_LIMIT_EXCEEDED',
      messages.length === 0 ? 'The request breaks a Gemini request limit.' : messages.join(' '),
      { cause },
    );
    this.violations = [...violations];
  }

  /**
   * Tells whether `value` is a `RequestLimitExceededError` from any copy of this package.
   *
   * @example
   * ```ts
   * RequestLimitExceededError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is RequestLimitExceededError {
    return GeminiVisionError.isInstance(value) && value.code === 'REQUEST_LIMIT_EXCEEDED';
  }
}
