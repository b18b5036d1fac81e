import { describe, expect, it } from 'vitest';

import { normalizeLabel } from './normalize-label';

describe('normalizeLabel', () => {
  it.each([
    { label: ' Ｃａｔ ', normalization: 'nfkc-trim', expected: 'Cat' },
    { label: ' Ｃａｔ ', normalization: 'verbatim', expected: ' Ｃａｔ ' },
    { label: 'ﬁsh\n', normalization: 'nfkc-trim', expected: 'fish' },
    { label: "fox' shadow", normalization: 'nfkc-trim', expected: "fox' shadow" },
    { label: 'ｶﾂ丼 (katsudon)', normalization: 'nfkc-trim', expected: 'カツ丼 (katsudon)' },
  ] as const)('turns $label into $expected with $normalization', ({ label, normalization, expected }) => {
    expect(normalizeLabel(label, normalization)).toBe(expected);
  });

  it('rejects a label that is not a string', () => {
    expect(() => normalizeLabel(3 as never, 'verbatim')).toThrow(expect.objectContaining({ argument: 'label' }));
  });
});
