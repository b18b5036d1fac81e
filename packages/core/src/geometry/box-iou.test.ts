import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { boxIou, normalizedBoxIou } from './box-iou';
import type { NormalizedBox, PixelBox } from './types';

const pixelBox = fc
  .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }))
  .map(([a, b, c, d]): PixelBox => ({ x0: Math.min(a, b), x1: Math.max(a, b), y0: Math.min(c, d), y1: Math.max(c, d) }));
const positiveBox = pixelBox.filter((box) => box.x1 > box.x0 && box.y1 > box.y0);

describe('boxIou', () => {
  it.each([
    { a: { x0: 0, y0: 0, x1: 10, y1: 10 }, b: { x0: 0, y0: 0, x1: 10, y1: 10 }, expected: 1 },
    { a: { x0: 0, y0: 0, x1: 10, y1: 10 }, b: { x0: 5, y0: 0, x1: 15, y1: 10 }, expected: 1 / 3 },
    { a: { x0: 0, y0: 0, x1: 10, y1: 10 }, b: { x0: 0, y0: 0, x1: 5, y1: 5 }, expected: 0.25 },
    { a: { x0: 0, y0: 0, x1: 10, y1: 10 }, b: { x0: 10, y0: 0, x1: 20, y1: 10 }, expected: 0 },
    { a: { x0: 0, y0: 0, x1: 10, y1: 10 }, b: { x0: 20, y0: 20, x1: 30, y1: 30 }, expected: 0 },
    { a: { x0: 0, y0: 0, x1: 0, y1: 0 }, b: { x0: 0, y0: 0, x1: 0, y1: 0 }, expected: 0 },
    { a: { x0: 0.5, y0: 0.5, x1: 1.5, y1: 1.5 }, b: { x0: 1, y0: 1, x1: 2, y1: 2 }, expected: 0.25 / 1.75 },
  ])('gives $expected for $a and $b', ({ a, b, expected }) => {
    expect(boxIou(a, b)).toBeCloseTo(expected, 12);
  });

  it('rejects reversed corners', () => {
    expect(() => boxIou({ x0: 5, y0: 0, x1: 1, y1: 1 }, { x0: 0, y0: 0, x1: 1, y1: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'a.x1' }),
    );
  });

  propertyIt.prop([pixelBox, pixelBox])('is symmetric and inside 0..1', (a, b) => {
    const iou = boxIou(a, b);

    expect(iou).toBe(boxIou(b, a));
    expect(iou).toBeGreaterThanOrEqual(0);
    expect(iou).toBeLessThanOrEqual(1);
  });

  propertyIt.prop([positiveBox])('is 1 for a box with itself', (a) => {
    expect(boxIou(a, a)).toBe(1);
  });

  propertyIt.prop([positiveBox, positiveBox])('is 1 only for identical boxes', (a, b) => {
    const same = a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

    expect(boxIou(a, b) === 1).toBe(same);
  });
});

describe('normalizedBoxIou', () => {
  it.each([
    { a: [0, 0, 100, 100], b: [0, 50, 100, 150], expected: 1 / 3 },
    { a: [390, 64, 574, 203], b: [390, 64, 574, 203], expected: 1 },
    { a: [0, 0, 500, 500], b: [500, 500, 1000, 1000], expected: 0 },
  ] as const)('gives $expected for $a and $b', ({ a, b, expected }) => {
    expect(normalizedBoxIou(a, b)).toBeCloseTo(expected, 12);
  });

  propertyIt.prop([positiveBox, positiveBox, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })])(
    'equals the IoU of the same boxes stretched to any image size',
    (a, b, width, height) => {
      const toNormalized = (box: PixelBox): NormalizedBox => [box.y0 * 2, box.x0 * 2, box.y1 * 2, box.x1 * 2];
      const stretch = (box: PixelBox): PixelBox => ({
        x0: (box.x0 * width) / 500,
        y0: (box.y0 * height) / 500,
        x1: (box.x1 * width) / 500,
        y1: (box.y1 * height) / 500,
      });

      expect(normalizedBoxIou(toNormalized(a), toNormalized(b))).toBeCloseTo(boxIou(stretch(a), stretch(b)), 9);
    },
  );

  it('rejects a box outside 0..1000', () => {
    expect(() => normalizedBoxIou([0, 0, 10, 10], [0, 0, 10, 1200])).toThrow(expect.objectContaining({ argument: 'b[3]' }));
  });
});
