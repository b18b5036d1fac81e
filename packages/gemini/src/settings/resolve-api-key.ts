import { ApiKeyMissingError } from '@gemini-vision/core';

/**
 * Environment variables that may hold the Gemini API key, in order of precedence.
 *
 * @example
 * ```ts
 * API_KEY_VARIABLES; // ['GEMINI_API_KEY', 'GOOGLE_API_KEY']
 * ```
 */
export const API_KEY_VARIABLES: readonly ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] = Object.freeze(['GEMINI_API_KEY', 'GOOGLE_API_KEY'] as const);

/**
 * Environment variable that points the SDK at another server (the emulator, a proxy).
 *
 * @example
 * ```ts
 * process.env[BASE_URL_VARIABLE] = 'http://127.0.0.1:8787';
 * ```
 */
export const BASE_URL_VARIABLE = 'GOOGLE_GEMINI_BASE_URL';

/**
 * Resolves the API key: the explicit one, else `GEMINI_API_KEY`, else `GOOGLE_API_KEY`. Empty
 * strings count as absent.
 *
 * @param explicit - The `apiKey` setting.
 * @param environment - Where to read the variables.
 * @returns The key.
 * @throws {@link ApiKeyMissingError} If there is none; its message names both fixes (the
 * variables, and `apiKey` in code) and no function, so it can be shown to anyone as it is.
 */
export function resolveApiKey(explicit: string | undefined, environment: Readonly<Record<string, string | undefined>>): string {
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  for (const variable of API_KEY_VARIABLES) {
    const value = environment[variable];
    if (value !== undefined && value.trim() !== '') return value;
  }
  throw createApiKeyMissingError();
}

/** Core's `ApiKeyMissingError` naming the variables and `apiKey` "in code", no function. */
function createApiKeyMissingError(): ApiKeyMissingError {
  return new ApiKeyMissingError({ setting: 'apiKey', variables: API_KEY_VARIABLES });
}
