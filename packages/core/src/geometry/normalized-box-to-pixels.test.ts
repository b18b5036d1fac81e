import { readFileSync } from 'node:fs';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { normalizedBoxToPixels, pixelBoxToNormalized } from './normalized-box-to-pixels';
import type { NormalizedBox } from './types';

interface SummaryItem {
  readonly label: string;
  readonly box_2d?: [number, number, number, number];
  readonly xyxy_px_trunc?: [number, number, number, number];
}

interface SummaryFixture {
  readonly stored_image_size: [number, number] | null;
  readonly items: readonly SummaryItem[];
}

const summary = JSON.parse(
  readFileSync(new URL('__fixtures__/expected-summary.json', import.meta.url), 'utf8'),
) as { fixtures: Record<string, SummaryFixture> };

const fixtureBoxes = Object.entries(summary.fixtures).flatMap(([name, fixture]) =>
  fixture.items.flatMap((item, index) =>
    fixture.stored_image_size !== null && item.box_2d !== undefined && item.xyxy_px_trunc !== undefined
      ? [
          {
            name: `${name}#${index}`,
            box: item.box_2d,
            width: fixture.stored_image_size[0],
            height: fixture.stored_image_size[1],
            expected: item.xyxy_px_trunc,
          },
        ]
      : [],
  ),
);

const coordinate = fc.integer({ min: 0, max: 1000 });
const orderedPair = fc.tuple(coordinate, coordinate).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
const normalizedBox = fc
  .tuple(orderedPair, orderedPair)
  .map(([[ymin, ymax], [xmin, xmax]]): NormalizedBox => [ymin, xmin, ymax, xmax]);
const dimension = fc.integer({ min: 1, max: 20_000 });

describe('normalizedBoxToPixels', () => {
  it('reproduces every xyxy_px_trunc in the real-Gemini fixtures exactly', () => {
    expect(fixtureBoxes.length).toBeGreaterThan(150);
    for (const { name, box, width, height, expected } of fixtureBoxes) {
      const { x0, y0, x1, y1 } = normalizedBoxToPixels(box, { width, height });
      expect([x0, y0, x1, y1], name).toEqual(expected);
    }
  });

  it.each([
    { box: [384, 65, 562, 203], width: 1024, height: 1024, expected: { x0: 66, y0: 393, x1: 207, y1: 575 } },
    { box: [0, 0, 1000, 1000], width: 640, height: 482, expected: { x0: 0, y0: 0, x1: 640, y1: 482 } },
    { box: [500, 500, 500, 500], width: 3, height: 3, expected: { x0: 1, y0: 1, x1: 1, y1: 1 } },
    { box: [999, 999, 1000, 1000], width: 100, height: 100, expected: { x0: 99, y0: 99, x1: 100, y1: 100 } },
  ] as const)('maps $box on $width×$height to $expected', ({ box, width, height, expected }) => {
    expect(normalizedBoxToPixels(box, { width, height })).toEqual(expected);
  });

  // Python: int(v / 1000 * dim). The float product lands just below an integer, so the cookbook
  // truncates one pixel below the exact rational floor; we follow the cookbook.
  it.each([
    { value: 290, dimension: 100, python: 28, exact: 29 },
    { value: 580, dimension: 50, python: 28, exact: 29 },
    { value: 700, dimension: 90, python: 62, exact: 63 },
    { value: 145, dimension: 200, python: 28, exact: 29 },
    { value: 820, dimension: 150, python: 122, exact: 123 },
    { value: 700, dimension: 1310, python: 916, exact: 917 },
    { value: 346, dimension: 4500, python: 1556, exact: 1557 },
    { value: 409, dimension: 5000, python: 2044, exact: 2045 },
    { value: 570, dimension: 3000, python: 1709, exact: 1710 },
    { value: 584, dimension: 3250, python: 1897, exact: 1898 },
  ])('floors $value/1000 of $dimension to $python like Python, not to $exact', ({ value, dimension, python, exact }) => {
    const box = normalizedBoxToPixels([0, 0, value, value], { width: dimension, height: dimension });

    expect(box.x1).toBe(python);
    expect(box.y1).toBe(python);
    expect(Math.floor((value * dimension) / 1000)).toBe(exact);
  });

  // 250/1000*482 = 120.5, 750/1000*482 = 361.5, 500/1000*1757 = 878.5 exactly in float64.
  it.each([
    { rounding: 'floor', expected: { x0: 120, y0: 0, x1: 361, y1: 878 } },
    { rounding: 'round', expected: { x0: 121, y0: 0, x1: 362, y1: 879 } },
    { rounding: 'none', expected: { x0: 120.5, y0: 0, x1: 361.5, y1: 878.5 } },
  ] as const)('applies $rounding rounding', ({ rounding, expected }) => {
    expect(normalizedBoxToPixels([0, 250, 500, 750], { width: 482, height: 1757 }, { rounding })).toEqual(expected);
  });

  it.each([
    { box: [10, 20, 5, 30], argument: 'box[2]' },
    { box: [10, 30, 20, 20], argument: 'box[3]' },
    { box: [-1, 0, 10, 10], argument: 'box[0]' },
    { box: [0, 0, 10, 1001], argument: 'box[3]' },
    { box: [0, Number.NaN, 10, 10], argument: 'box[1]' },
    { box: [0, 0, 10], argument: 'box' },
  ])('rejects $box naming $argument', ({ box, argument }) => {
    expect(() => normalizedBoxToPixels(box as unknown as NormalizedBox, { width: 10, height: 10 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }),
    );
  });

  it.each([
    { size: { width: 0, height: 10 }, argument: 'size.width' },
    { size: { width: 10, height: 2.5 }, argument: 'size.height' },
    { size: null, argument: 'size' },
  ])('rejects the size $size', ({ size, argument }) => {
    expect(() => normalizedBoxToPixels([0, 0, 1, 1], size as never)).toThrow(
      expect.objectContaining({ argument }),
    );
  });

  it('rejects an unknown rounding', () => {
    expect(() =>
      normalizedBoxToPixels([0, 0, 1, 1], { width: 1, height: 1 }, { rounding: 'ceil' as never }),
    ).toThrow(InvalidArgumentError);
  });

  propertyIt.prop([normalizedBox, dimension, dimension])(
    'round-trips through pixels within one pixel of the original box',
    (box, width, height) => {
      const back = pixelBoxToNormalized(normalizedBoxToPixels(box, { width, height }), { width, height });
      const tolerance = [1000 / height, 1000 / width, 1000 / height, 1000 / width];

      back.forEach((value, index) => {
        const original = box[index] ?? Number.NaN;
        expect(value).toBeLessThanOrEqual(original + 1e-9);
        expect(value).toBeGreaterThan(original - (tolerance[index] ?? 0) - 1e-9);
      });
    },
  );

  propertyIt.prop([normalizedBox, dimension, dimension])(
    'yields ordered integer boxes inside the image',
    (box, width, height) => {
      const { x0, y0, x1, y1 } = normalizedBoxToPixels(box, { width, height });

      expect([x0, y0, x1, y1].every(Number.isInteger)).toBe(true);
      expect(0 <= x0 && x0 <= x1 && x1 <= width).toBe(true);
      expect(0 <= y0 && y0 <= y1 && y1 <= height).toBe(true);
    },
  );
});

describe('pixelBoxToNormalized', () => {
  it.each([
    { box: { x0: 64, y0: 48, x1: 320, y1: 240 }, width: 640, height: 480, expected: [100, 100, 500, 500] },
    { box: { x0: 0, y0: 0, x1: 3, y1: 3 }, width: 3, height: 3, expected: [0, 0, 1000, 1000] },
    { box: { x0: 1, y0: 1, x1: 2, y1: 2 }, width: 3, height: 3, expected: [333.3333333333333, 333.3333333333333, 666.6666666666666, 666.6666666666666] },
  ])('maps $box on $width×$height to $expected', ({ box, width, height, expected }) => {
    expect(pixelBoxToNormalized(box, { width, height })).toEqual(expected);
  });

  it('rounds to Gemini-style integers on request', () => {
    expect(pixelBoxToNormalized({ x0: 1, y0: 1, x1: 2, y1: 2 }, { width: 3, height: 3 }, { rounding: 'round' })).toEqual([
      333, 333, 667, 667,
    ]);
  });

  it.each([
    { box: { x0: -1, y0: 0, x1: 5, y1: 5 }, argument: 'box.x0' },
    { box: { x0: 0, y0: 0, x1: 11, y1: 5 }, argument: 'box.x1' },
    { box: { x0: 0, y0: 0, x1: 5, y1: 11 }, argument: 'box.y1' },
    { box: { x0: 6, y0: 0, x1: 5, y1: 5 }, argument: 'box.x1' },
    { box: { x0: 0, y0: 0, x1: 5, y1: Number.POSITIVE_INFINITY }, argument: 'box.y1' },
  ])('rejects $box naming $argument', ({ box, argument }) => {
    expect(() => pixelBoxToNormalized(box, { width: 10, height: 10 })).toThrow(expect.objectContaining({ argument }));
  });
});
