import { describeValue } from '../internal/describe-value';
import { GeminiVisionError } from './gemini-vision-error';

/**
 * A model id is not a Gemini model this package knows how to price or estimate.
 *
 * @example
 * ```ts
 * resolveModel('gpt-4o'); // throws UnknownModelError (code UNKNOWN_MODEL)
 * ```
 */
export class UnknownModelError extends GeminiVisionError {
  override readonly name = 'UnknownModelError';

  /** The model id as received. */
  readonly model: string;

  constructor(model: string) {
    super(
      'UNKNOWN_MODEL',
      `Expected a Gemini model id such as \`gemini-2.5-flash\` or \`models/gemini-3-flash-preview\` for \`model\`, but received ${describeValue(model)}. Pass a Gemini model id (1.0–3.x and later).`,
    );
    this.model = model;
  }

  /**
   * Tells whether `value` is an `UnknownModelError` from any copy of this package.
   *
   * @example
   * ```ts
   * UnknownModelError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is UnknownModelError {
    return GeminiVisionError.isInstance(value) && value.code === 'UNKNOWN_MODEL';
  }
}
