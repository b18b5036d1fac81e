import { describe, expect, it } from 'vitest';

import { describeValue } from './describe-value';

describe('describeValue', () => {
  it.each([
    { value: -1, text: '-1' },
    { value: 'abc', text: '"abc"' },
    { value: 'x'.repeat(41), text: 'a string of length 41' },
    { value: [1, 2, 3], text: 'an array of length 3' },
    { value: new Uint8Array(2048), text: 'a Uint8Array of 2048 bytes' },
    { value: null, text: 'null' },
    { value: undefined, text: 'undefined' },
    { value: { apiKey: 'secret' }, text: 'an object' },
  ])('describes $value as $text', ({ value, text }) => {
    expect(describeValue(value)).toBe(text);
  });
});
