import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { loadBundledFont, measureText, outlineText } from './glyph-text';

const fixtures = new URL('../__fixtures__/', import.meta.url);

describe('outlineText', () => {
  it('has a glyph for every character of the real Japanese bento labels', async () => {
    const text = await readFile(new URL('japanese-bento__detect__gemini-2.5-flash-preview-05-20__cookbook-ts.txt', fixtures), 'utf8');
    const labels = (JSON.parse(text.replace(/^```json\s*/u, '').replace(/```\s*$/u, '')) as { label: string }[]).map((item) => item.label);
    const fonts = [loadBundledFont()];

    const outlines = labels.map((label) => outlineText(label, 0, 20, 16, fonts));

    expect(labels).toHaveLength(9);
    expect(outlines.map((outline) => outline.missing)).toEqual(Array.from({ length: 9 }, () => 0));
    expect(outlines.every((outline) => outline.pathData.length > 100 && outline.width > 50)).toBe(true);
  });

  it('counts characters the font lacks (Hangul, emoji) and still advances', () => {
    const outline = outlineText('김밥 🍣', 0, 20, 16, [loadBundledFont()]);

    expect(outline.missing).toBe(3);
    expect(outline.width).toBeGreaterThan(30);
  });

  it('measures the same width it lays out, growing with the font size', () => {
    const fonts = [loadBundledFont()];

    expect(measureText('Taiyaki たい焼き', 20, fonts)).toBeCloseTo(outlineText('Taiyaki たい焼き', 5, 30, 20, fonts).width, 6);
    expect(measureText('AV', 40, fonts)).toBeCloseTo(2 * measureText('AV', 20, fonts), 6);
  });
});

describe('outlineText path data', () => {
  it('contains only finite numbers wherever the text sits', () => {
    const fonts = [loadBundledFont()];

    for (let x = 0; x < 400; x += 7.3) {
      expect(outlineText('あんパン (Anpan) 海苔巻煎餅', x, 20.5, 16, fonts).pathData).toMatch(/^(?:[MLQCZ](?:-?\d+(?:\.\d+)?(?: |(?=[MLQCZ]|$)))*)+$/u);
    }
  });
});
