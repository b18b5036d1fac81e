import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link ApiKeyMissingError}.
 *
 * @example
 * ```ts
 * const options: ApiKeyMissingErrorOptions = { setting: 'apiKey', factory: 'createGeminiVision', variables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] };
 * ```
 */
export interface ApiKeyMissingErrorOptions extends GeminiVisionErrorOptions {
  /** The setting that takes the key, e.g. `apiKey`. */
  readonly setting: string;
  /** The factory or function the setting belongs to, e.g. `createGeminiVision`. */
  readonly factory: string;
  /** Environment variables that were consulted, in order of precedence. */
  readonly variables: readonly string[];
}

/**
 * No API key was passed and none of the environment variables that may hold one is set.
 *
 * @remarks
 * The message names both ways to provide a key; it never contains a key (there is none).
 *
 * @example
 * ```ts
 * throw new ApiKeyMissingError({ setting: 'apiKey', factory: 'createGeminiVision', variables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] });
 * // ApiKeyMissingError: Expected a Gemini API key, but none was found. Pass `apiKey` to createGeminiVision() or set the GEMINI_API_KEY (or GOOGLE_API_KEY) environment variable.
 * ```
 */
export class ApiKeyMissingError extends GeminiVisionError {
  override readonly name = 'ApiKeyMissingError';

  /** Environment variables that were consulted, in order of precedence. */
  readonly variables: readonly string[];

  constructor({ setting, factory, variables, cause }: ApiKeyMissingErrorOptions) {
    const [first, ...others] = variables;
    const environment =
      first === undefined
        ? ''
        : ` or set the ${first}${others.length === 0 ? '' : ` (or ${others.join(', ')})`} environment variable`;
    super(
      'API_KEY_MISSING',
      `Expected a Gemini API key, but none was found. Pass \`${setting}\` to ${factory}()${environment}. Get a key at https://aistudio.google.com/apikey.`,
      { cause },
    );
    this.variables = [...variables];
  }

  /**
   * Tells whether `value` is an `ApiKeyMissingError` from any copy of this package.
   *
   * @example
   * ```ts
   * ApiKeyMissingError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is ApiKeyMissingError {
    return GeminiVisionError.isInstance(value) && value.code === 'API_KEY_MISSING';
  }
}
