import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { estimateTextTokens } from './estimate-text-tokens';

describe('estimateTextTokens', () => {
  it.each([
    { text: '', tokens: 0 },
    { text: 'a', tokens: 1 },
    { text: 'abcd', tokens: 1 },
    { text: 'abcde', tokens: 2 },
    { text: 'Describe this image.', tokens: 5 },
    { text: 'x'.repeat(4000), tokens: 1000 },
  ])('approximates $tokens tokens for a $text.length-character text', ({ text, tokens }) => {
    expect(estimateTextTokens(text)).toBe(tokens);
  });

  it.each([42, null, undefined, { text: 'hi' }])('rejects %j, which is not a string', (text) => {
    expect(() => estimateTextTokens(text as unknown as string)).toThrow(InvalidArgumentError);
  });
});
