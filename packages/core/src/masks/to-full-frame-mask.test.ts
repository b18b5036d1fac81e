import { describe, expect, it } from 'vitest';

import { createMask } from './mask';
import { maskArea } from './mask-area';
import { maskBoundingBox } from './mask-bounding-box';
import { placeSegmentationMask } from './place-segmentation-mask';
import { toFullFrameMask } from './to-full-frame-mask';

describe('toFullFrameMask', () => {
  it('pastes the crop-local mask at its box', () => {
    const placed = placeSegmentationMask(createMask(2, 2, new Uint8Array([255, 255, 255, 255])), [250, 500, 500, 1000], {
      width: 8,
      height: 4,
    });
    const full = toFullFrameMask(placed);

    expect({ width: full.width, height: full.height }).toEqual({ width: 8, height: 4 });
    expect(maskBoundingBox(full)).toEqual({ x0: 4, y0: 1, x1: 8, y1: 2 });
    expect(maskArea(full)).toBe(placed.area);
  });

  it('returns an empty frame for a degenerate result', () => {
    const placed = placeSegmentationMask(createMask(2, 2), [500, 500, 500, 600], { width: 8, height: 4 });
    const full = toFullFrameMask(placed);

    expect(placed.degenerate).toBe(true);
    expect({ width: full.width, height: full.height, area: maskArea(full) }).toEqual({ width: 8, height: 4, area: 0 });
  });

  it('throws InvalidArgumentError when the mask no longer fits its box', () => {
    const placed = placeSegmentationMask(createMask(2, 2), [0, 0, 1000, 1000], { width: 4, height: 4 });
    if (placed.degenerate) throw new Error('unexpected degenerate box');

    expect(() => toFullFrameMask({ ...placed, mask: createMask(3, 3) })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'mask' }) as Error,
    );
  });
});
