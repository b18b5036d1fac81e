import { describe, expect, it } from 'vitest';

import { ApiKeyMissingError } from '@gemini-vision/core';

import { resolveApiKey } from './resolve-api-key';

describe('resolveApiKey', () => {
  it.each([
    { explicit: 'k1', environment: { GEMINI_API_KEY: 'k2', GOOGLE_API_KEY: 'k3' }, key: 'k1' },
    { explicit: undefined, environment: { GEMINI_API_KEY: 'k2', GOOGLE_API_KEY: 'k3' }, key: 'k2' },
    { explicit: '', environment: { GEMINI_API_KEY: ' ', GOOGLE_API_KEY: 'k3' }, key: 'k3' },
  ])('picks $key', ({ explicit, environment, key }) => {
    expect(resolveApiKey(explicit, environment)).toBe(key);
  });

  it('throws ApiKeyMissingError naming both ways to provide a key, and no function', () => {
    const call = () => resolveApiKey(undefined, { GEMINI_API_KEY: '', GOOGLE_API_KEY: ' ' });

    expect(call).toThrow(ApiKeyMissingError);
    expect(call).toThrow(
      'Expected a Gemini API key, but none was found. Set GEMINI_API_KEY (or GOOGLE_API_KEY) in the environment, or pass `apiKey` in code. Get a key at https://aistudio.google.com/apikey.',
    );
    expect(call).not.toThrow(/createGeminiVision/u);
  });

  it('gives the error its stable code, the variables and a stack that starts with the same message', () => {
    let error: unknown;
    try {
      resolveApiKey(undefined, {});
    } catch (caught) {
      error = caught;
    }

    expect(error).toMatchObject({ code: 'API_KEY_MISSING', name: 'ApiKeyMissingError', variables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] });
    expect((error as Error).stack?.split('\n')[0]).toBe(`ApiKeyMissingError: ${(error as Error).message}`);
  });
});
