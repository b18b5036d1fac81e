import { describe, expect, it } from 'vitest';

import { formatDollars, formatTokens } from './format-amounts';

describe('formatDollars', () => {
  it.each([
    { dollars: undefined, text: 'n/a' },
    { dollars: 0, text: '$0' },
    { dollars: 1234.5, text: '$1,234.50' },
    { dollars: 1, text: '$1.00' },
    { dollars: 0.031, text: '$0.0310' },
    { dollars: 0.0000774, text: '$0.0000774' },
    { dollars: 0.000464, text: '$0.000464' },
    { dollars: 0.005, text: '$0.00500' },
  ])('formats $dollars as $text', ({ dollars, text }) => {
    expect(formatDollars(dollars)).toBe(text);
  });
});

describe('formatTokens', () => {
  it('groups thousands', () => {
    expect(formatTokens(1234567)).toBe('1,234,567');
  });
});
