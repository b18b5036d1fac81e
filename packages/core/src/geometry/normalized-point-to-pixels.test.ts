import { readFileSync } from 'node:fs';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { normalizedPointToPixels, pixelPointToNormalized } from './normalized-point-to-pixels';
import type { NormalizedPoint } from './types';

interface SummaryItem {
  readonly point?: [number, number];
  readonly xy_px?: [number, number];
}

interface SummaryFixture {
  readonly stored_image_size: [number, number] | null;
  readonly items: readonly SummaryItem[];
}

const summary = JSON.parse(
  readFileSync(new URL('__fixtures__/expected-summary.json', import.meta.url), 'utf8'),
) as { fixtures: Record<string, SummaryFixture> };

const fixturePoints = Object.values(summary.fixtures).flatMap((fixture) =>
  fixture.items.flatMap((item) =>
    fixture.stored_image_size !== null && item.point !== undefined && item.xy_px !== undefined
      ? [{ point: item.point, width: fixture.stored_image_size[0], height: fixture.stored_image_size[1], expected: item.xy_px }]
      : [],
  ),
);

describe('normalizedPointToPixels', () => {
  it('reproduces every xy_px in the real-Gemini fixtures bit for bit', () => {
    expect(fixturePoints.length).toBeGreaterThanOrEqual(10);
    for (const { point, width, height, expected } of fixturePoints) {
      const { x, y } = normalizedPointToPixels(point, { width, height });
      expect([x, y]).toEqual(expected);
    }
  });

  it.each([
    { point: [263, 404], rounding: 'none', expected: { x: 323.20000000000005, y: 158.326 } },
    { point: [263, 404], rounding: 'floor', expected: { x: 323, y: 158 } },
    { point: [263, 404], rounding: 'round', expected: { x: 323, y: 158 } },
    { point: [0, 1000], rounding: 'none', expected: { x: 800, y: 0 } },
  ] as const)('maps $point with $rounding rounding to $expected', ({ point, rounding, expected }) => {
    expect(normalizedPointToPixels(point, { width: 800, height: 602 }, { rounding })).toEqual(expected);
  });

  it.each([
    { point: [1001, 0], argument: 'point[0]' },
    { point: [0, -0.5], argument: 'point[1]' },
    { point: [0], argument: 'point' },
    { point: { x: 1, y: 2 }, argument: 'point' },
  ])('rejects $point naming $argument', ({ point, argument }) => {
    expect(() => normalizedPointToPixels(point as unknown as NormalizedPoint, { width: 10, height: 10 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }),
    );
  });

  propertyIt.prop([
    fc.tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true })),
    fc.integer({ min: 1, max: 20_000 }),
    fc.integer({ min: 1, max: 20_000 }),
  ])('round-trips through float pixels', (point, width, height) => {
    const [y, x] = pixelPointToNormalized(normalizedPointToPixels(point, { width, height }), { width, height });

    expect(y).toBeCloseTo(point[0], 9);
    expect(x).toBeCloseTo(point[1], 9);
  });
});

describe('pixelPointToNormalized', () => {
  it.each([
    { point: { x: 400, y: 150.5 }, expected: [250, 500] },
    { point: { x: 0, y: 602 }, expected: [1000, 0] },
  ])('maps $point on 800×602 to $expected', ({ point, expected }) => {
    expect(pixelPointToNormalized(point, { width: 800, height: 602 })).toEqual(expected);
  });

  it.each([
    { point: { x: 801, y: 0 }, argument: 'point.x' },
    { point: { x: 0, y: -1 }, argument: 'point.y' },
    { point: { x: Number.NaN, y: 0 }, argument: 'point.x' },
  ])('rejects $point naming $argument', ({ point, argument }) => {
    expect(() => pixelPointToNormalized(point, { width: 800, height: 602 })).toThrow(expect.objectContaining({ argument }));
  });
});
