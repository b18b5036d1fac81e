import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import type { NormalizedBox } from '../geometry/types';
import {
  arbitraryMask,
  arbitraryShapeMask,
  decodeMaskDataUrl,
  readFixtureJson,
  readSegmentationItems,
} from './__fixtures__/load-mask-fixtures';
import { resizeMaskBilinearReference } from './__fixtures__/resize-mask-bilinear-reference';
import { createMask } from './mask';
import { maskArea } from './mask-area';
import { placeSegmentationMask } from './place-segmentation-mask';
import { resizeMaskBilinear } from './resize-mask-bilinear';
import { thresholdMask } from './threshold-mask';
import { toFullFrameMask } from './to-full-frame-mask';

/** The parts of `expected-summary.json` (derived with Python/PIL) this test reads. */
interface ExpectedSummary {
  readonly fixtures: Readonly<
    Record<
      string,
      {
        readonly file: string;
        readonly items: readonly {
          readonly box_2d: NormalizedBox;
          readonly xyxy_px_trunc: readonly [number, number, number, number];
          readonly cookbook_full_mask_fg_pixels?: { readonly gt127: number };
        }[];
      }
    >
  >;
}

const FRAME = { width: 1024, height: 1024 };
const summary = readFixtureJson('expected-summary.json') as ExpectedSummary;
const segmentationFixtures = Object.values(summary.fixtures).filter((fixture) =>
  fixture.file.startsWith('responses/cupcakes__segment__'),
);
const realMasks = segmentationFixtures.flatMap((fixture) => {
  const file = fixture.file.replace('responses/', '');
  const items = readSegmentationItems(file);
  return fixture.items.map((expected, index) => ({ file, index, item: items[index]!, expected }));
});

describe('placeSegmentationMask', () => {
  it('places all 51 real Gemini masks exactly as the cookbook (PIL) does', () => {
    const rows = realMasks.map(({ file, index, item, expected }) => {
      const placed = placeSegmentationMask(decodeMaskDataUrl(item.mask), item.box_2d, FRAME);
      const full = toFullFrameMask(placed);
      const reference = expected.cookbook_full_mask_fg_pixels!.gt127;
      const foreground = maskArea(full);
      return {
        id: `${file}#${index}`,
        box: [placed.box.x0, placed.box.y0, placed.box.x1, placed.box.y1],
        expectedBox: expected.xyxy_px_trunc,
        foreground,
        area: placed.area,
        reference,
        relativeError: Math.abs(foreground - reference) / reference,
      };
    });

    expect(rows).toHaveLength(51);
    for (const row of rows) {
      expect(row.box, row.id).toEqual(row.expectedBox);
      expect(row.area, row.id).toBe(row.foreground);
      expect(row.relativeError, row.id).toBeLessThanOrEqual(0.01);
    }
    // With the Pillow-exact resampler every count is identical, not just within 1 %.
    expect(rows.filter((row) => row.foreground === row.reference)).toHaveLength(51);
  });

  it('keeps the mask crop-local: box-sized, thresholded to 0/255', () => {
    const { item } = realMasks[0]!;
    const placed = placeSegmentationMask(decodeMaskDataUrl(item.mask), item.box_2d, FRAME);

    expect(placed.degenerate).toBe(false);
    expect(placed.box).toEqual({ x0: 718, y0: 271, x1: 831, y1: 443 });
    expect({ width: placed.mask?.width, height: placed.mask?.height }).toEqual({ width: 113, height: 172 });
    expect(new Set(placed.mask?.data)).toEqual(new Set([0, 255]));
  });

  it.each([
    { box2d: [500, 100, 500, 300], box: { x0: 102, y0: 512, x1: 307, y1: 512 } },
    { box2d: [500, 100, 500.5, 300], box: { x0: 102, y0: 512, x1: 307, y1: 512 } },
    { box2d: [0, 0, 0, 0], box: { x0: 0, y0: 0, x1: 0, y1: 0 } },
    { box2d: [10, 1000, 20, 1000], box: { x0: 1024, y0: 10, x1: 1024, y1: 20 } },
  ] as const)('flags the empty box $box2d as degenerate instead of throwing', ({ box2d, box }) => {
    const placed = placeSegmentationMask(createMask(256, 256), box2d, FRAME);

    expect(placed).toEqual({ degenerate: true, frame: FRAME, box, mask: null, area: 0 });
    expect(maskArea(toFullFrameMask(placed))).toBe(0);
  });

  it('rounds box corners to the nearest pixel with rounding: round', () => {
    const decoded = createMask(1, 1, new Uint8Array([255]));
    const box2d = [100, 100, 200, 200] as const; // 102.4 .. 204.8 on 1024

    expect(placeSegmentationMask(decoded, box2d, FRAME).box).toEqual({ x0: 102, y0: 102, x1: 204, y1: 204 });
    expect(placeSegmentationMask(decoded, box2d, FRAME, { rounding: 'round' }).box).toEqual({ x0: 102, y0: 102, x1: 205, y1: 205 });
  });

  it('applies the threshold option', () => {
    const decoded = createMask(2, 1, new Uint8Array([100, 200]));
    const box2d = [0, 0, 1000, 1000] as const;
    const frame = { width: 2, height: 1 };

    expect(placeSegmentationMask(decoded, box2d, frame).area).toBe(1);
    expect(placeSegmentationMask(decoded, box2d, frame, { threshold: 50 }).area).toBe(2);
    expect(placeSegmentationMask(decoded, box2d, frame, { threshold: 200 }).area).toBe(0);
  });

  it.each([
    { box2d: [400, 300, 100, 200], argument: 'box2d[2]' },
    { box2d: [-5, 10, 100, 20], argument: 'box2d[0]' },
    { box2d: [0, 0, 1003, 20], argument: 'box2d[2]' },
    { box2d: [0, 0, 10], argument: 'box2d' },
  ])('throws InvalidArgumentError for the unrepaired box $box2d', ({ box2d, argument }) => {
    expect(() => placeSegmentationMask(createMask(2, 2), box2d as unknown as NormalizedBox, FRAME)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }) as Error,
    );
  });

  it.each([
    { options: { rounding: 'none' }, argument: 'options.rounding' },
    { options: { threshold: Number.NaN }, argument: 'options.threshold' },
  ])('throws InvalidArgumentError for $options', ({ options, argument }) => {
    expect(() => placeSegmentationMask(createMask(2, 2), [0, 0, 10, 10], FRAME, options as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }) as Error,
    );
  });

  it('throws InvalidArgumentError for an invalid frame', () => {
    expect(() => placeSegmentationMask(createMask(2, 2), [0, 0, 10, 10], { width: 10, height: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'frame.height' }) as Error,
    );
  });

  propertyIt.prop([
    arbitraryMask({ maxSide: 8 }),
    fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
    fc.integer({ min: 1, max: 64 }),
    fc.integer({ min: 1, max: 64 }),
  ])('equals resize, threshold and paste done by hand', (decoded, [a, b, c, d], width, height) => {
    const box2d = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)] as const;
    const frame = { width, height };
    const placed = placeSegmentationMask(decoded, box2d, frame);
    const full = toFullFrameMask(placed);

    expect(maskArea(full)).toBe(placed.area);
    if (placed.degenerate) return;
    const { x0, y0, x1, y1 } = placed.box;
    expect(placed.mask).toEqual(thresholdMask(resizeMaskBilinear(decoded, x1 - x0, y1 - y0)));
    expect(x1).toBeLessThanOrEqual(width);
    expect(y1).toBeLessThanOrEqual(height);
  });

  propertyIt.prop(
    [
      fc.oneof(arbitraryMask({ maxSide: 24 }), arbitraryShapeMask({ maxSide: 64 })),
      fc.integer({ min: 1, max: 96 }),
      fc.integer({ min: 1, max: 96 }),
      fc.oneof(fc.integer({ min: -2, max: 257 }), fc.double({ min: -300, max: 300, noNaN: true })),
    ],
    { numRuns: 150 },
  )('thresholds in the resize pass exactly as thresholdMask after the plain Pillow port', (decoded, width, height, threshold) => {
    const placed = placeSegmentationMask(decoded, [0, 0, 1000, 1000], { width, height }, { threshold });
    const expected = thresholdMask(resizeMaskBilinearReference(decoded, width, height), threshold);

    expect(placed.mask?.data).toEqual(expected.data);
    expect(placed.area).toBe(maskArea(expected));
  }, 30_000); // the plain port is slow; headroom for a loaded CI machine
});
