import { describe, expect, it } from 'vitest';

import { collectValues, parseDollars, parseNumberInRange, parsePositiveInteger } from './parse-option-values';

describe('parsePositiveInteger', () => {
  it('reads positive integers and refuses the rest', () => {
    const parse = parsePositiveInteger('--concurrency');

    expect(parse('8')).toBe(8);
    for (const text of ['0', '-1', '2.5', 'x', '']) expect(() => parse(text)).toThrow(/positive integer for `--concurrency`/u);
  });
});

describe('parseNumberInRange', () => {
  it('reads numbers within the range and refuses the rest', () => {
    const parse = parseNumberInRange('--fault-rate', 0, 1);

    expect(parse('0.25')).toBe(0.25);
    expect(parse('1')).toBe(1);
    for (const text of ['1.5', '-0.1', 'NaN', '']) expect(() => parse(text)).toThrow(/from 0 to 1 for `--fault-rate`/u);
  });
});

describe('parseDollars', () => {
  it.each([
    { text: '0.50', dollars: 0.5 },
    { text: '$2', dollars: 2 },
    { text: '0', dollars: 0 },
  ])('reads $text as $dollars', ({ text, dollars }) => {
    expect(parseDollars(text)).toBe(dollars);
  });

  it('refuses negative and non-numeric amounts', () => {
    for (const text of ['-1', 'ten', '']) expect(() => parseDollars(text)).toThrow(/dollar amount/u);
  });
});

describe('collectValues', () => {
  it('appends each parsed value', () => {
    const collect = collectValues(Number);

    expect(collect('2', collect('1', undefined))).toEqual([1, 2]);
  });
});
