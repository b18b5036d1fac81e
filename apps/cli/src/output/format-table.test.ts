import { describe, expect, it } from 'vitest';

import { displayWidth, formatTable } from './format-table';

describe('formatTable', () => {
  it('pads columns to the widest cell and right-aligns numbers', () => {
    const lines = formatTable(
      [{ header: 'file' }, { header: 'tokens', align: 'right' }, { header: 'why' }],
      [
        ['a.jpg', '258', 'flat'],
        ['photos/long-name.png', '1,290', 'tiles'],
      ],
    );

    expect(lines).toEqual([
      'file                  tokens  why',
      'a.jpg                    258  flat',
      'photos/long-name.png   1,290  tiles',
    ]);
  });

  it('cuts the last column to the terminal width with an ellipsis', () => {
    const lines = formatTable([{ header: 'a' }, { header: 'why' }], [['x', 'a very long explanation of the rule']], { maxWidth: 16 });

    expect(lines[1]).toBe('x  a very long…');
    expect(lines.every((line) => displayWidth(line) <= 16)).toBe(true);
  });

  it('aligns wide characters by terminal columns', () => {
    const lines = formatTable([{ header: 'label' }, { header: 'n', align: 'right' }], [['梅干し', '1'], ['abc', '22']]);

    expect(lines).toEqual(['label    n', '梅干し   1', 'abc     22']);
  });

  it('styles the heading and chosen rows after padding', () => {
    const lines = formatTable([{ header: 'a' }], [['x'], ['total']], {
      styleHeader: (text) => `<${text}>`,
      styleRows: new Map([[1, (text: string) => `*${text}*`]]),
    });

    expect(lines).toEqual(['<a>', 'x', '*total*']);
  });
});

describe('displayWidth', () => {
  it.each([
    { text: 'abc', width: 3 },
    { text: '梅干し (Umeboshi)', width: 17 },
    { text: 'たい焼き', width: 8 },
    { text: '', width: 0 },
  ])('measures $text as $width columns', ({ text, width }) => {
    expect(displayWidth(text)).toBe(width);
  });
});
