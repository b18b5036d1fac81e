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

  it('throws ApiKeyMissingError naming both ways to provide a key', () => {
    const call = () => resolveApiKey(undefined, {});

    expect(call).toThrow(ApiKeyMissingError);
    expect(call).toThrow(/Pass `apiKey` to createGeminiVision\(\) or set the GEMINI_API_KEY \(or GOOGLE_API_KEY\) environment variable/u);
  });
});
