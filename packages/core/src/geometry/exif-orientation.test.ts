import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import {
  invertOrientation,
  isExifOrientation,
  orientBox,
  orientPoint,
  orientSize,
  type ExifOrientation,
} from './exif-orientation';

const ORIENTATIONS: readonly ExifOrientation[] = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * A 3×2 stored grid and how it must look when displayed, per the EXIF definition of each value
 * ("the 0th row is the visual …, the 0th column is the visual …"):
 *
 *   stored   a b c
 *            d e f
 */
const STORED = { width: 3, height: 2, rows: ['abc', 'def'] };
const DISPLAYED: Record<ExifOrientation, readonly string[]> = {
  1: ['abc', 'def'], // row 0 top, column 0 left
  2: ['cba', 'fed'], // row 0 top, column 0 right (mirrored)
  3: ['fed', 'cba'], // row 0 bottom, column 0 right (180°)
  4: ['def', 'abc'], // row 0 bottom, column 0 left (flipped)
  5: ['ad', 'be', 'cf'], // row 0 left, column 0 top (transpose)
  6: ['da', 'eb', 'fc'], // row 0 right, column 0 top (90° clockwise)
  7: ['fc', 'eb', 'da'], // row 0 right, column 0 bottom (transverse)
  8: ['cf', 'be', 'ad'], // row 0 left, column 0 bottom (90° counter-clockwise)
};

/** Moves every stored pixel (by its centre) to where orientPoint puts it. */
function renderDisplayed(orientation: ExifOrientation): string[] {
  const size = orientSize(STORED, orientation);
  const grid = Array.from({ length: size.height }, () => Array.from({ length: size.width }, () => '?'));
  STORED.rows.forEach((row, y) => {
    Array.from(row).forEach((letter, x) => {
      const displayed = orientPoint({ x: x + 0.5, y: y + 0.5 }, STORED, orientation);
      const target = grid[Math.floor(displayed.y)];
      if (target !== undefined) target[Math.floor(displayed.x)] = letter;
    });
  });
  return grid.map((row) => row.join(''));
}

const storedSize = fc.record({ width: fc.integer({ min: 1, max: 10_000 }), height: fc.integer({ min: 1, max: 10_000 }) });
const orientation = fc.constantFrom(...ORIENTATIONS);
const pointIn = (size: { width: number; height: number }) =>
  fc.record({ x: fc.double({ min: 0, max: size.width, noNaN: true }), y: fc.double({ min: 0, max: size.height, noNaN: true }) });

describe('orientPoint', () => {
  it.each(ORIENTATIONS)('puts every stored pixel where EXIF orientation %i displays it', (value) => {
    expect(renderDisplayed(value)).toEqual(DISPLAYED[value]);
  });

  it.each([
    { orientation: 6, point: { x: 0, y: 0 }, expected: { x: 3024, y: 0 } },
    { orientation: 6, point: { x: 4032, y: 0 }, expected: { x: 3024, y: 4032 } },
    { orientation: 8, point: { x: 0, y: 0 }, expected: { x: 0, y: 4032 } },
    { orientation: 3, point: { x: 10, y: 20 }, expected: { x: 4022, y: 3004 } },
    { orientation: 5, point: { x: 10, y: 20 }, expected: { x: 20, y: 10 } },
    { orientation: 7, point: { x: 10, y: 20 }, expected: { x: 3004, y: 4022 } },
  ] as const)('maps stored corner $point under $orientation to $expected', ({ orientation: value, point, expected }) => {
    expect(orientPoint(point, { width: 4032, height: 3024 }, value)).toEqual(expected);
  });

  // Each EXIF value expressed as a sequence of simpler ones, as the specification describes them.
  it.each([
    { first: 6, then: 8, equals: 1 },
    { first: 6, then: 6, equals: 3 },
    { first: 8, then: 8, equals: 3 },
    { first: 2, then: 3, equals: 4 },
    { first: 2, then: 8, equals: 5 }, // mirror, then 90° counter-clockwise
    { first: 2, then: 6, equals: 7 }, // mirror, then 90° clockwise
    { first: 3, then: 6, equals: 8 },
    { first: 5, then: 5, equals: 1 },
    { first: 7, then: 7, equals: 1 },
  ] as const)('applies $first then $then as $equals', ({ first, then, equals }) => {
    const size = { width: 40, height: 30 };
    for (const point of [{ x: 1, y: 2 }, { x: 39, y: 0 }, { x: 17.5, y: 29 }]) {
      const once = orientPoint(point, size, first);
      expect(orientPoint(once, orientSize(size, first), then)).toEqual(orientPoint(point, size, equals));
    }
  });

  propertyIt.prop([storedSize.chain((size) => fc.tuple(fc.constant(size), pointIn(size))), orientation])(
    'is undone by the inverse orientation on the displayed size',
    ([size, point], value) => {
      const displayed = orientPoint(point, size, value);
      const back = orientPoint(displayed, orientSize(size, value), invertOrientation(value));

      expect(back.x).toBeCloseTo(point.x, 9);
      expect(back.y).toBeCloseTo(point.y, 9);
    },
  );

  propertyIt.prop([storedSize.chain((size) => fc.tuple(fc.constant(size), pointIn(size)))])(
    'returns to the start after orientation 6 then 8',
    ([size, point]) => {
      const turned = orientPoint(point, size, 6);
      const back = orientPoint(turned, orientSize(size, 6), 8);

      expect(back.x).toBeCloseTo(point.x, 9);
      expect(back.y).toBeCloseTo(point.y, 9);
    },
  );

  propertyIt.prop([storedSize, orientation, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'keeps points inside the displayed frame',
    (size, value, u, v) => {
      const displayed = orientPoint({ x: u * size.width, y: v * size.height }, size, value);
      const frame = orientSize(size, value);

      expect(displayed.x).toBeGreaterThanOrEqual(0);
      expect(displayed.x).toBeLessThanOrEqual(frame.width);
      expect(displayed.y).toBeGreaterThanOrEqual(0);
      expect(displayed.y).toBeLessThanOrEqual(frame.height);
    },
  );

  it('rejects orientation 9', () => {
    expect(() => orientPoint({ x: 0, y: 0 }, { width: 1, height: 1 }, 9 as ExifOrientation)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'orientation' }),
    );
  });
});

describe('orientBox', () => {
  it.each([
    { orientation: 1, expected: { x0: 0, y0: 0, x1: 100, y1: 50 } },
    { orientation: 2, expected: { x0: 300, y0: 0, x1: 400, y1: 50 } },
    { orientation: 3, expected: { x0: 300, y0: 250, x1: 400, y1: 300 } },
    { orientation: 4, expected: { x0: 0, y0: 250, x1: 100, y1: 300 } },
    { orientation: 5, expected: { x0: 0, y0: 0, x1: 50, y1: 100 } },
    { orientation: 6, expected: { x0: 250, y0: 0, x1: 300, y1: 100 } },
    { orientation: 7, expected: { x0: 250, y0: 300, x1: 300, y1: 400 } },
    { orientation: 8, expected: { x0: 0, y0: 300, x1: 50, y1: 400 } },
  ] as const)('moves the stored top-left 100×50 box of a 400×300 image under $orientation to $expected', ({ orientation: value, expected }) => {
    expect(orientBox({ x0: 0, y0: 0, x1: 100, y1: 50 }, { width: 400, height: 300 }, value)).toEqual(expected);
  });

  propertyIt.prop([orientation, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })])(
    'keeps boxes ordered and their area unchanged',
    (value, a, b, c, d) => {
      const box = { x0: Math.min(a, b), x1: Math.max(a, b), y0: Math.min(c, d), y1: Math.max(c, d) };
      const oriented = orientBox(box, { width: 50, height: 50 }, value);

      expect(oriented.x0).toBeLessThanOrEqual(oriented.x1);
      expect(oriented.y0).toBeLessThanOrEqual(oriented.y1);
      expect((oriented.x1 - oriented.x0) * (oriented.y1 - oriented.y0)).toBe((box.x1 - box.x0) * (box.y1 - box.y0));
    },
  );
});

describe('orientSize', () => {
  it.each([
    { orientation: 1, expected: { width: 4032, height: 3024 } },
    { orientation: 4, expected: { width: 4032, height: 3024 } },
    { orientation: 5, expected: { width: 3024, height: 4032 } },
    { orientation: 6, expected: { width: 3024, height: 4032 } },
    { orientation: 8, expected: { width: 3024, height: 4032 } },
  ] as const)('gives $expected for orientation $orientation', ({ orientation: value, expected }) => {
    expect(orientSize({ width: 4032, height: 3024 }, value)).toEqual(expected);
  });
});

describe('invertOrientation', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 8],
    [7, 7],
    [8, 6],
  ] as const)('inverts %i to %i', (value, expected) => {
    expect(invertOrientation(value)).toBe(expected);
  });
});

describe('isExifOrientation', () => {
  it.each([
    { value: 1, expected: true },
    { value: 8, expected: true },
    { value: 0, expected: false },
    { value: 9, expected: false },
    { value: 6.5, expected: false },
    { value: '6', expected: false },
  ])('tells $value → $expected', ({ value, expected }) => {
    expect(isExifOrientation(value)).toBe(expected);
  });
});
