// A small sample of the hostile-number properties in the normal run; `pnpm test:fuzz` runs the
// same properties with 100,000 cases each (hostile-masks.fuzz.test.ts). Below them, the
// counterexamples the fuzzing found, kept as regression tests.
import { describe, expect, it } from 'vitest';

import { SAMPLE_RUNS } from '../__fixtures__/fuzz-harness';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeHostileMaskProperties } from './__fixtures__/hostile-mask-properties';
import { decodeCocoRle } from './decode-coco-rle';
import { createMask } from './mask';
import { pasteMask } from './paste-mask';
import { placeSegmentationMask } from './place-segmentation-mask';
import { resizeMaskBilinear } from './resize-mask-bilinear';
import { resizeMaskNearest } from './resize-mask-nearest';

describeHostileMaskProperties(SAMPLE_RUNS);

describe('mask allocation limits', () => {
  const one = createMask(1, 1, new Uint8Array([255]));

  // Before the limit these threw an untyped RangeError ("Invalid typed array length") or, just
  // under 2^32 bytes, allocated gigabytes and ran for tens of seconds.
  it.each([
    { name: 'createMask', run: () => createMask(2 ** 31, 3) },
    { name: 'resizeMaskBilinear', run: () => resizeMaskBilinear(one, 2 ** 21, 1) },
    { name: 'resizeMaskNearest', run: () => resizeMaskNearest(one, 40_000, 40_000) },
    { name: 'pasteMask', run: () => pasteMask(one, { x0: 0, y0: 0, x1: 1, y1: 1 }, { width: 1000, height: 2 ** 32 }) },
    { name: 'placeSegmentationMask', run: () => placeSegmentationMask(one, [0, 0, 1, 1], { width: 1000, height: 4_294_967_296 }) },
    { name: 'decodeCocoRle', run: () => decodeCocoRle({ size: [2 ** 21, 1], counts: [2 ** 21] }) },
  ])('$name throws InvalidArgumentError for a mask beyond 2^20 px per side or 2^30 pixels', ({ run }) => {
    expect(run).toThrow(InvalidArgumentError);
    expect(run).toThrow(/at most 1048576 px per side and 1073741824 pixels/u);
  });

  it('still allocates masks at the limits', () => {
    expect(createMask(2 ** 20, 1).data).toHaveLength(2 ** 20);
    expect(resizeMaskNearest(one, 1, 2 ** 20).height).toBe(2 ** 20);
  });
});
