import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { arbitraryShapeMask } from './__fixtures__/load-mask-fixtures';

import { createMask } from './mask';
import { maskArea } from './mask-area';
import { maskBoundingBox } from './mask-bounding-box';
import { placeSegmentationMask } from './place-segmentation-mask';
import { toFullFrameMask, toFullFrameMasks } from './to-full-frame-mask';

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

describe('toFullFrameMasks', () => {
  const placement = fc
    .record({
      mask: arbitraryShapeMask({ maxSide: 16 }),
      box: fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
      width: fc.integer({ min: 1, max: 48 }),
      height: fc.integer({ min: 1, max: 48 }),
    })
    .map(({ mask, box: [a, b, c, d], width, height }) =>
      placeSegmentationMask(mask, [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)], { width, height }),
    );

  propertyIt.prop([fc.array(placement, { maxLength: 12 })])('equals toFullFrameMask item by item', (placed) => {
    const masks = toFullFrameMasks(placed);

    expect(masks).toEqual(placed.map((item) => toFullFrameMask(item)));
  });

  it('backs all masks with one buffer', () => {
    const decoded = createMask(2, 2, new Uint8Array([255, 0, 0, 255]));
    const placed = [
      placeSegmentationMask(decoded, [0, 0, 500, 500], { width: 8, height: 8 }),
      placeSegmentationMask(decoded, [500, 500, 500, 900], { width: 4, height: 6 }),
      placeSegmentationMask(decoded, [500, 500, 1000, 1000], { width: 8, height: 8 }),
    ];
    const masks = toFullFrameMasks(placed);

    expect(masks.map((mask) => mask.data.buffer)).toEqual([masks[0]?.data.buffer, masks[0]?.data.buffer, masks[0]?.data.buffer]);
    expect(masks[0]?.data.buffer.byteLength).toBe(64 + 24 + 64);
    expect(masks.map((mask) => maskArea(mask))).toEqual([8, 0, 8]);
  });

  it('starts a new buffer before one would pass 2^30 bytes', () => {
    // 2 × (2^29 + 2^15) bytes: calloc'd and never touched, so cheap.
    const frame = { width: 32_768, height: 16_385 };
    const placed = [
      placeSegmentationMask(createMask(1, 1, new Uint8Array([255])), [0, 0, 1, 1], frame),
      placeSegmentationMask(createMask(1, 1, new Uint8Array([255])), [999, 999, 1000, 1000], frame),
    ];
    const masks = toFullFrameMasks(placed);

    expect(masks[0]?.data.buffer).not.toBe(masks[1]?.data.buffer);
    expect(masks.map((mask) => mask.data.length)).toEqual([32_768 * 16_385, 32_768 * 16_385]);
  });

  it('returns an empty array for no items', () => {
    expect(toFullFrameMasks([])).toEqual([]);
  });

  it('throws InvalidArgumentError for a non-array or an altered item', () => {
    const placed = placeSegmentationMask(createMask(2, 2), [0, 0, 1000, 1000], { width: 4, height: 4 });
    if (placed.degenerate) throw new Error('unexpected degenerate box');

    expect(() => toFullFrameMasks(placed as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'placed' }) as Error);
    expect(() => toFullFrameMasks([placed, { ...placed, mask: createMask(3, 3) }])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'mask' }) as Error,
    );
  });
});

