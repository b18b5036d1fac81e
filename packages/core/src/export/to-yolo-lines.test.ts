import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { normalizedBoxToPixels } from '../geometry/normalized-box-to-pixels';
import type { NormalizedBox } from '../geometry/types';
import { createYoloClasses, toYoloLines } from './to-yolo-lines';

describe('toYoloLines', () => {
  it.each([
    { box: { x0: 64, y0: 48, x1: 320, y1: 240 }, line: '0 0.300000 0.300000 0.400000 0.400000' },
    { box: { x0: 0, y0: 0, x1: 640, y1: 480 }, line: '0 0.500000 0.500000 1.000000 1.000000' },
    { box: { x0: 10, y0: 10, x1: 10, y1: 10 }, line: '0 0.015625 0.020833 0.000000 0.000000' },
    { box: [100, 100, 500, 500] as const, line: '0 0.300000 0.300000 0.400000 0.400000' },
    { box: [0, 250, 1000, 750] as const, line: '0 0.500000 0.500000 0.500000 1.000000' },
  ])('formats $box on 640×480 as "$line"', ({ box, line }) => {
    expect(toYoloLines([{ label: 'sock', box }], { width: 640, height: 480 }, () => 0)).toEqual([line]);
  });

  it('puts x before y, unlike Gemini', () => {
    // A wide, short box at the top: Gemini [ymin, xmin, ymax, xmax] = [0, 0, 100, 1000].
    const [line] = toYoloLines([{ label: 'shelf', box: [0, 0, 100, 1000] }], { width: 100, height: 100 }, () => 3);

    expect(line).toBe('3 0.500000 0.050000 1.000000 0.100000');
  });

  it('uses the requested number of decimals', () => {
    expect(toYoloLines([{ label: 'a', box: { x0: 0, y0: 0, x1: 1, y1: 1 } }], { width: 3, height: 3 }, () => 1, { decimals: 3 })).toEqual([
      '1 0.167 0.167 0.333 0.333',
    ]);
  });

  it('keeps item order and looks classes up by label', () => {
    const classes = createYoloClasses(['sock', 'face']);
    const lines = toYoloLines(
      [
        { label: 'sock', box: { x0: 0, y0: 0, x1: 2, y1: 2 } },
        { label: 'face', box: { x0: 2, y0: 2, x1: 4, y1: 4 } },
      ],
      { width: 4, height: 4 },
      classes.indexOf,
    );

    expect(lines.map((line) => line.split(' ')[0])).toEqual(['1', '0']);
  });

  it.each([
    { name: 'an unknown label', classIndexOf: () => undefined, argument: 'items[0].label' },
    { name: 'a negative class', classIndexOf: () => -1, argument: 'items[0].label' },
    { name: 'a fractional class', classIndexOf: () => 0.5, argument: 'items[0].label' },
  ])('rejects $name', ({ classIndexOf, argument }) => {
    expect(() => toYoloLines([{ label: 'x', box: { x0: 0, y0: 0, x1: 1, y1: 1 } }], { width: 2, height: 2 }, classIndexOf)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }),
    );
  });

  it.each([
    { box: { x0: 0, y0: 0, x1: 3, y1: 1 }, argument: 'items[0].box.x1' },
    { box: [0, 0, 1200, 10], argument: 'items[0].box[2]' },
  ])('rejects the box $box', ({ box, argument }) => {
    expect(() => toYoloLines([{ label: 'x', box: box as unknown as NormalizedBox }], { width: 2, height: 2 }, () => 0)).toThrow(
      expect.objectContaining({ argument }),
    );
  });

  it('rejects 18 decimals', () => {
    expect(() => toYoloLines([], { width: 1, height: 1 }, () => 0, { decimals: 18 })).toThrow(
      expect.objectContaining({ argument: 'options.decimals' }),
    );
  });

  const normalizedBox = fc
    .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
    .map(([a, b, c, d]): NormalizedBox => [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]);

  propertyIt.prop([normalizedBox, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })])(
    'gives values in 0..1 that decode back to the box within the rounding',
    (box, width, height) => {
      const [line = ''] = toYoloLines([{ label: 'a', box }], { width, height }, () => 0, { decimals: 9 });
      const [classIndex, centerX = 0, centerY = 0, boxWidth = 0, boxHeight = 0] = line.split(' ').map(Number);

      expect(classIndex).toBe(0);
      for (const value of [centerX, centerY, boxWidth, boxHeight]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      expect((centerX - boxWidth / 2) * 1000).toBeCloseTo(box[1], 5);
      expect((centerY - boxHeight / 2) * 1000).toBeCloseTo(box[0], 5);
      expect((centerX + boxWidth / 2) * 1000).toBeCloseTo(box[3], 5);
      expect((centerY + boxHeight / 2) * 1000).toBeCloseTo(box[2], 5);
    },
  );

  propertyIt.prop([normalizedBox, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })])(
    'agrees with the floored pixel box to within one pixel',
    (box, width, height) => {
      const parse = (line: string) => line.split(' ').slice(1).map(Number);
      const [direct = []] = toYoloLines([{ label: 'a', box }], { width, height }, () => 0, { decimals: 9 }).map(parse);
      const [viaPixels = []] = toYoloLines([{ label: 'a', box: normalizedBoxToPixels(box, { width, height }) }], { width, height }, () => 0, {
        decimals: 9,
      }).map(parse);

      expect(Math.abs((direct[0] ?? 0) - (viaPixels[0] ?? 0))).toBeLessThanOrEqual(1 / width + 1e-9);
      expect(Math.abs((direct[1] ?? 0) - (viaPixels[1] ?? 0))).toBeLessThanOrEqual(1 / height + 1e-9);
    },
  );
});

describe('createYoloClasses', () => {
  it('sorts distinct labels by code units by default', () => {
    const classes = createYoloClasses(['sock', 'Face', 'face', 'sock', '弁当']);

    expect(classes.names).toEqual(['Face', 'face', 'sock', '弁当']);
    expect(classes.indexOf('sock')).toBe(2);
    expect(classes.indexOf('cat')).toBeUndefined();
  });

  it('keeps first-occurrence order when asked', () => {
    expect(createYoloClasses(['sock', 'face', 'sock'], { order: 'given' }).names).toEqual(['sock', 'face']);
  });

  it('normalizes names and lookups alike with nfkc-trim', () => {
    const classes = createYoloClasses([' ｓｏｃｋ', 'sock '], { labelNormalization: 'nfkc-trim' });

    expect(classes.names).toEqual(['sock']);
    expect(classes.indexOf('ｓｏｃｋ  ')).toBe(0);
  });

  it('rejects an unknown order', () => {
    expect(() => createYoloClasses([], { order: 'random' as never })).toThrow(expect.objectContaining({ argument: 'options.order' }));
  });
});
