// A small sample of the hostile-number properties in the normal run; `pnpm test:fuzz` runs the
// same properties with 100,000 cases each (hostile-geometry.fuzz.test.ts). Below them, the
// counterexamples the fuzzing found, kept as regression tests.
import { describe, expect, it } from 'vitest';

import { SAMPLE_RUNS } from '../__fixtures__/fuzz-harness';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeHostileGeometryProperties } from './__fixtures__/hostile-geometry-properties';
import { createFrameTransform } from './create-frame-transform';
import { normalizedBoxToPixels } from './normalized-box-to-pixels';
import { repairNormalizedBox } from './repair-normalized-box';
import type { NormalizedBox } from './types';

describeHostileGeometryProperties(SAMPLE_RUNS);

describe('repairNormalizedBox', () => {
  it.each([
    { box: [0, Number.NaN, 0, 0], argument: 'box[1]' },
    { box: [0, 0, Number.POSITIVE_INFINITY, 10], argument: 'box[2]' },
    { box: [1, 2, 3], argument: 'box' },
    { box: [], argument: 'box' },
    { box: null, argument: 'box' },
  ])('throws InvalidArgumentError for $box instead of returning NaN or crashing', ({ box, argument }) => {
    expect(() => repairNormalizedBox(box as unknown as NormalizedBox)).toThrow(InvalidArgumentError);
    expect(() => repairNormalizedBox(box as unknown as NormalizedBox)).toThrow(`\`${argument}\``);
  });
});

describe('createFrameTransform', () => {
  it('refuses sizes past Number.MAX_SAFE_INTEGER, which overflow in the first sum', () => {
    expect(() => createFrameTransform({ originalSize: { width: 1, height: 2 ** 53 } })).toThrow(InvalidArgumentError);
    expect(() => createFrameTransform({ originalSize: { width: 1e308, height: 1 } })).toThrow(/options\.originalSize\.width/u);
    expect(() => createFrameTransform({ originalSize: { width: 10, height: 10 }, steps: [{ type: 'pad', left: 1e308 }] })).toThrow(
      /options\.steps\[0\]\.left/u,
    );
  });

  it('throws InvalidArgumentError when an unclipped mapping overflows to Infinity', () => {
    const frame = createFrameTransform({ originalSize: { width: 1, height: 1 } });

    expect(() => frame.normalizedBoxFromOriginal({ x0: -1.7976931348623157e308, y0: 0, x1: 1, y1: 1 }, { clip: false })).toThrow(
      InvalidArgumentError,
    );
    expect(frame.normalizedBoxFromOriginal({ x0: -1.7976931348623157e308, y0: 0, x1: 1, y1: 1 })).toEqual([0, 0, 1000, 1000]);
  });
});

describe('normalizedBoxToPixels', () => {
  it('refuses an image side of 2^53', () => {
    expect(() => normalizedBoxToPixels([0, 0, 10, 10], { width: 2 ** 53, height: 1 })).toThrow(/size\.width/u);
  });
});
