import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { arbitraryMask } from './__fixtures__/load-mask-fixtures';
import { createMask } from './mask';
import { DEFAULT_MASK_THRESHOLD, thresholdMask } from './threshold-mask';

describe('thresholdMask', () => {
  it.each([
    { values: [0, 127, 128, 255], threshold: undefined, expected: [0, 0, 255, 255] },
    { values: [0, 127, 128, 255], threshold: 128, expected: [0, 0, 0, 255] },
    { values: [0, 1, 2, 255], threshold: 0, expected: [0, 255, 255, 255] },
    { values: [0, 1, 2, 255], threshold: -1, expected: [255, 255, 255, 255] },
    { values: [0, 1, 254, 255], threshold: 255, expected: [0, 0, 0, 0] },
    { values: [127, 128, 200, 10], threshold: 127.5, expected: [0, 255, 255, 0] },
  ])('thresholds $values at $threshold to $expected', ({ values, threshold, expected }) => {
    const mask = createMask(4, 1, new Uint8Array(values));

    expect([...thresholdMask(mask, threshold).data]).toEqual(expected);
  });

  it('uses the guide and cookbook threshold, value > 127, by default', () => {
    expect(DEFAULT_MASK_THRESHOLD).toBe(127);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '127'])('throws InvalidArgumentError for the threshold %s', (threshold) => {
    expect(() => thresholdMask(createMask(1, 1), threshold as number)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'threshold' }) as Error,
    );
  });

  it('throws InvalidArgumentError for something that is not a mask', () => {
    expect(() => thresholdMask({ width: 1, height: 1, data: [0] } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'mask.data' }) as Error,
    );
  });

  propertyIt.prop([arbitraryMask(), fc.integer({ min: -1, max: 255 })])(
    'yields only 0 and 255 and is idempotent',
    (mask, threshold) => {
      const once = thresholdMask(mask, threshold);

      expect([...once.data].every((value) => value === 0 || value === 255)).toBe(true);
      expect(thresholdMask(once, threshold).data).toEqual(once.data);
      expect(mask.data).not.toBe(once.data);
    },
  );
});
