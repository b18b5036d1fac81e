import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { arbitraryMask } from './__fixtures__/load-mask-fixtures';
import { createMask } from './mask';
import { maskArea } from './mask-area';
import { thresholdMask } from './threshold-mask';

describe('maskArea', () => {
  it.each([
    { values: [0, 1, 128, 255], threshold: undefined, area: 3 },
    { values: [0, 1, 128, 255], threshold: 127, area: 2 },
    { values: [0, 0, 0, 0], threshold: undefined, area: 0 },
    { values: [255, 255, 255, 255], threshold: 254, area: 4 },
  ])('counts $area pixels of $values above $threshold', ({ values, threshold, area }) => {
    expect(maskArea(createMask(2, 2, new Uint8Array(values)), { threshold })).toBe(area);
  });

  it('throws InvalidArgumentError for a non-finite threshold', () => {
    expect(() => maskArea(createMask(1, 1), { threshold: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'options.threshold' }) as Error,
    );
  });

  propertyIt.prop([arbitraryMask(), fc.integer({ min: -1, max: 255 })])(
    'equals the area of the thresholded mask',
    (mask, threshold) => {
      const area = maskArea(mask, { threshold });

      expect(maskArea(thresholdMask(mask, threshold))).toBe(area);
      expect(area).toBeGreaterThanOrEqual(0);
      expect(area).toBeLessThanOrEqual(mask.width * mask.height);
    },
  );
});
