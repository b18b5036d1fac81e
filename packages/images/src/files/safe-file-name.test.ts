import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '@gemini-vision/core';

import { safeFileName } from './safe-file-name';

const utf8 = (text: string): number => new TextEncoder().encode(text).length;

describe('safeFileName', () => {
  it.each([
    { label: 'glass jar', expected: 'glass jar' },
    { label: 'たい焼き (Taiyaki)', expected: 'たい焼き (Taiyaki)' },
    { label: '../../etc/passwd', expected: 'etc_passwd' },
    { label: '..', expected: 'untitled' },
    { label: '  .hidden  ', expected: 'hidden' },
    { label: 'C:\\Windows\\system32', expected: 'C_Windows_system32' },
    { label: 'a/b\\c:d*e?f"g<h>i|j', expected: 'a_b_c_d_e_f_g_h_i_j' },
    { label: 'line\nbreak\ttab\u0000nul', expected: 'line break tab_nul' },
    { label: 'CON', expected: '_CON' },
    { label: 'con.txt', expected: '_con.txt' },
    { label: 'LPT9', expected: '_LPT9' },
    { label: 'Cafe\u0301', expected: 'Café' },
    { label: "fox' shadow", expected: "fox' shadow" },
    { label: 'Spill: wipe it, then dry it.', expected: 'Spill_ wipe it, then dry it' },
    { label: '', expected: 'untitled' },
    { label: '\ud800 lone surrogate', expected: 'lone surrogate' },
  ])('turns $label into $expected', ({ label, expected }) => {
    expect(safeFileName(label)).toBe(expected);
  });

  it('appends an extension after truncation and stays within maxLength bytes', () => {
    const name = safeFileName('海苔巻煎餅'.repeat(40), { maxLength: 32, extension: '.png' });

    expect(name).toBe('海苔巻煎餅海苔巻煎.png');
    expect(utf8(name)).toBeLessThanOrEqual(32);
  });

  it('never cuts an emoji or a CJK character in half', () => {
    expect(safeFileName('🍣🍣🍣🍣🍣', { maxLength: 10 })).toBe('🍣🍣');
  });

  it('refuses invalid options', () => {
    expect(() => safeFileName('x', { maxLength: 4 })).toThrow(InvalidArgumentError);
    expect(() => safeFileName('x', { extension: '../png' })).toThrow(/options\.extension/u);
    expect(() => safeFileName('x', { fallback: '..' })).toThrow(/options\.fallback/u);
    expect(() => safeFileName(3 as unknown as string)).toThrow(/`label`/u);
  });

  property.prop([fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 8, max: 255 })])(
    'always returns a short, non-empty name with no separators, control characters or dot edges',
    (label, maxLength) => {
      const name = safeFileName(label, { maxLength, extension: '.png' });

      expect(name.length).toBeGreaterThan(4);
      expect(utf8(name)).toBeLessThanOrEqual(maxLength);
      // eslint-disable-next-line no-control-regex -- checking for control characters
      expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/u);
      expect(name).not.toMatch(/^[.\s]|[.\s]\.png$/u);
      expect(name.slice(0, -4)).not.toMatch(/^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/iu);
      expect(name).not.toMatch(/\p{Cs}/u); // no lone surrogates
    },
  );

  property.prop([fc.string({ unit: 'grapheme', maxLength: 60 })])('is idempotent', (label) => {
    const once = safeFileName(label);

    expect(safeFileName(once)).toBe(once);
  });
});
