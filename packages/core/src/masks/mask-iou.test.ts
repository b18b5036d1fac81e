import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { arbitraryMask } from './__fixtures__/load-mask-fixtures';
import { createMask, type Mask } from './mask';
import { maskIou } from './mask-iou';

/** Two random masks of the same size. */
const maskPair: fc.Arbitrary<readonly [Mask, Mask]> = arbitraryMask().chain((a) =>
  fc
    .uint8Array({ minLength: a.data.length, maxLength: a.data.length })
    .map((data) => [a, createMask(a.width, a.height, data)] as const),
);

function row(values: readonly number[]): Mask {
  return createMask(values.length, 1, new Uint8Array(values));
}

describe('maskIou', () => {
  it.each([
    { a: [255, 255, 0, 0], b: [0, 255, 255, 0], iou: 1 / 3 },
    { a: [255, 255, 0, 0], b: [255, 255, 0, 0], iou: 1 },
    { a: [255, 0, 0, 0], b: [0, 0, 0, 255], iou: 0 },
    { a: [0, 0, 0, 0], b: [0, 0, 0, 0], iou: 0 },
    { a: [255, 255, 255, 255], b: [255, 0, 0, 0], iou: 0.25 },
  ])('gives $iou for $a and $b', ({ a, b, iou }) => {
    expect(maskIou(row(a), row(b))).toBeCloseTo(iou, 12);
  });

  it('applies the threshold option to both masks', () => {
    expect(maskIou(row([100, 200]), row([200, 200]), { threshold: 127 })).toBe(0.5);
  });

  it('throws InvalidArgumentError for masks of different sizes', () => {
    expect(() => maskIou(createMask(2, 3), createMask(3, 2))).toThrow(
      'Expected a 2×3 mask (the size of `a`) for `b`, but received "3×2".',
    );
  });

  propertyIt.prop([maskPair, fc.integer({ min: -1, max: 255 })])(
    'is symmetric and within 0..1',
    ([a, b], threshold) => {
      const iou = maskIou(a, b, { threshold });

      expect(maskIou(b, a, { threshold })).toBe(iou);
      expect(iou).toBeGreaterThanOrEqual(0);
      expect(iou).toBeLessThanOrEqual(1);
    },
  );

  propertyIt.prop([arbitraryMask()])('is 1 for a mask with itself, unless it is empty', (mask) => {
    const hasForeground = mask.data.some((value) => value > 0);

    expect(maskIou(mask, mask)).toBe(hasForeground ? 1 : 0);
  });
});
