import { describe, expect, it } from 'vitest';

import { formatDollars, formatInteger } from './format-amounts';

describe('formatInteger', () => {
  it.each([
    [0, '0'],
    [1100, '1,100'],
    [3_248_600, '3,248,600'],
  ])('formats %d as %s', (value, expected) => {
    expect(formatInteger(value)).toBe(expected);
  });
});

describe('formatDollars', () => {
  it.each([
    [undefined, 'no price'],
    [0, '$0'],
    [0.000_129, '$0.000129'],
    [0.1 * 0.55, '$0.055'], // 0.05500000000000001
    [1.0303, '$1.03'],
    [1234.5, '$1,234.50'],
  ])('formats %s as %s', (value, expected) => {
    expect(formatDollars(value)).toBe(expected);
  });
});
