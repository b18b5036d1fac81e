import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link ApiKeyMissingError}.
 *
 * @example
 * ```ts
 * const options: ApiKeyMissingErrorOptions = { setting: 'apiKey', variables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] };
 * ```
 */
export interface ApiKeyMissingErrorOptions extends GeminiVisionErrorOptions {
  /** The setting that takes the key, e.g. `apiKey`. */
  readonly setting: string;
  /**
   * The factory or function the setting belongs to, e.g. `createGeminiVision`; when omitted the
   * message says "in code", so it reads well for library and command-line users alike.
   */
  readonly factory?: string | undefined;
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
 * throw new ApiKeyMissingError({ setting: 'apiKey', variables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] });
 * // ApiKeyMissingError: Expected a Gemini API key, but none was found. Set GEMINI_API_KEY (or
 * // GOOGLE_API_KEY) in the environment, or pass `apiKey` in code. Get a key at https://aistudio.google.com/apikey.
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
        : `Set ${first}${others.length === 0 ? '' : ` (or ${others.join(', ')})`} in the environment, or `;
    const code = factory === undefined ? 'in code' : `to ${factory}()`;
    const fix = `${environment}pass \`${setting}\` ${code}`;
    super(
      'API_KEY_MISSING',
      `Expected a Gemini API key, but none was found. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Get a key at https://aistudio.google.com/apikey.`,
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
