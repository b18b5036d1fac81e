import { createHash } from 'node:crypto';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import {
  arbitraryMask,
  arbitraryShapeMask,
  bytesFromBase64,
  decodeMaskDataUrl,
  maxAbsoluteDifference,
  readPilReferences,
  readSegmentationItems,
} from './__fixtures__/load-mask-fixtures';
import { resizeMaskBilinearReference } from './__fixtures__/resize-mask-bilinear-reference';
import { createMask, type Mask } from './mask';
import { resizeMaskBilinear } from './resize-mask-bilinear';

const references = readPilReferences();

const syntheticCases = references.cases.flatMap((reference) =>
  reference.resized
    .filter((resized) => resized.filter === 'bilinear')
    .map((resized) => ({
      name: reference.name,
      source: createMask(reference.width, reference.height, bytesFromBase64(reference.data)),
      width: resized.width,
      height: resized.height,
      expected: bytesFromBase64(resized.data),
    })),
);

describe('resizeMaskBilinear', () => {
  it.each(syntheticCases)(
    'matches Pillow on $name → $width×$height byte for byte',
    ({ source, width, height, expected }) => {
      const resized = resizeMaskBilinear(source, width, height);

      expect({ width: resized.width, height: resized.height }).toEqual({ width, height });
      expect(maxAbsoluteDifference(resized.data, expected)).toBe(0);
    },
  );

  it('matches Pillow byte for byte on all 51 real Gemini masks, at the box size and five other sizes', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const file of new Set(references.realMasks.map((entry) => entry.file))) {
      const items = readSegmentationItems(file);
      for (const entry of references.realMasks.filter((candidate) => candidate.file === file)) {
        const source: Mask = decodeMaskDataUrl(items[entry.index]!.mask);
        for (const reference of entry.resized.filter((resized) => resized.filter === 'bilinear')) {
          const resized = resizeMaskBilinear(source, reference.width, reference.height);
          const sha256 = createHash('sha256').update(resized.data).digest('hex');
          compared += 1;
          if (sha256 !== reference.sha256) mismatches.push(`${file}#${entry.index} ${reference.width}×${reference.height}`);
        }
      }
    }

    expect(compared).toBe(51 + 6 * 5);
    expect(mismatches).toEqual([]);
  });

  // Expected values are Pillow 9.4.0's output.
  it.each([
    { source: [0, 255], width: 4, expected: [0, 64, 191, 255] },
    { source: [0, 255], width: 1, expected: [128] },
    { source: [10, 20, 30, 40], width: 2, expected: [17, 33] },
    { source: [100], width: 3, expected: [100, 100, 100] },
  ])('resizes the row $source to width $width as $expected', ({ source, width, expected }) => {
    const mask = createMask(source.length, 1, new Uint8Array(source));

    expect([...resizeMaskBilinear(mask, width, 1).data]).toEqual(expected);
  });

  it('does not modify or share the source data', () => {
    const mask = createMask(3, 2, new Uint8Array([1, 2, 3, 4, 5, 6]));
    const resized = resizeMaskBilinear(mask, 3, 2);
    resized.data[0] = 99;

    expect([...mask.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each([
    { width: 0, height: 1, argument: 'width' },
    { width: 1, height: 2.5, argument: 'height' },
    { width: Number.NaN, height: 1, argument: 'width' },
  ])('throws InvalidArgumentError for $width×$height', ({ width, height, argument }) => {
    expect(() => resizeMaskBilinear(createMask(2, 2), width, height)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }) as Error,
    );
  });

  it('throws InvalidArgumentError for data of the wrong length', () => {
    const mask = { width: 2, height: 2, data: new Uint8Array(3) };

    expect(() => resizeMaskBilinear(mask, 1, 1)).toThrow(
      'Expected a Uint8Array of 4 bytes (width × height) for `mask.data`, but received a Uint8Array of 3 bytes.',
    );
  });

  propertyIt.prop([arbitraryMask()])('returns an equal copy when the size does not change', (mask) => {
    const resized = resizeMaskBilinear(mask, mask.width, mask.height);

    expect(resized.data).toEqual(mask.data);
    expect(resized.data).not.toBe(mask.data);
  });

  propertyIt.prop([fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })])(
    'keeps a constant mask constant at any size',
    (sourceWidth, sourceHeight, value, width, height) => {
      const constant = createMask(sourceWidth, sourceHeight, new Uint8Array(sourceWidth * sourceHeight).fill(value));

      expect(new Set(resizeMaskBilinear(constant, width, height).data)).toEqual(new Set([value]));
    },
  );

  propertyIt.prop([arbitraryMask(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })])(
    'stays within the source value range',
    (mask, width, height) => {
      const resized = resizeMaskBilinear(mask, width, height);

      expect(Math.min(...resized.data)).toBeGreaterThanOrEqual(Math.min(...mask.data));
      expect(Math.max(...resized.data)).toBeLessThanOrEqual(Math.max(...mask.data));
    },
  );

  propertyIt.prop([fc.oneof(arbitraryMask({ maxSide: 40 }), arbitraryShapeMask({ maxSide: 80 })), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 })], { numRuns: 200 })(
    'equals the plain port of Pillow\'s loops on random and mask-shaped sources',
    (mask, width, height) => {
      expect(resizeMaskBilinear(mask, width, height).data).toEqual(resizeMaskBilinearReference(mask, width, height).data);
    },
    30_000, // the plain port is slow; headroom for a loaded CI machine
  );

  it('equals the plain port on every real Gemini mask resized to 20 sizes', () => {
    const sizes = Array.from({ length: 20 }, (_, index) => ({ width: 1 + ((index * 37) % 300), height: 1 + ((index * 53) % 300) }));
    let differing = 0;
    let compared = 0;
    for (const file of new Set(references.realMasks.map((entry) => entry.file))) {
      for (const item of readSegmentationItems(file)) {
        const source = decodeMaskDataUrl(item.mask);
        for (const { width, height } of sizes) {
          compared += 1;
          if (maxAbsoluteDifference(resizeMaskBilinear(source, width, height).data, resizeMaskBilinearReference(source, width, height).data) !== 0) differing += 1;
        }
      }
    }

    expect(compared).toBe(51 * 20);
    expect(differing).toBe(0);
  }, 30_000);

  it.each([
    { width: 30_000, height: 2, toWidth: 3, toHeight: 1 },
    { width: 2, height: 30_000, toWidth: 1, toHeight: 3 },
    { width: 9_000, height: 3, toWidth: 1, toHeight: 2 },
  ])('equals the plain port on an extreme downscale $width×$height → $toWidth×$toHeight', ({ width, height, toWidth, toHeight }) => {
    // Windows of thousands of taps, where rounded weights no longer sum to exactly 2^22.
    const data = new Uint8Array(width * height);
    for (let index = 0; index < data.length; index += 1) data[index] = index % 7_001 < 3_000 ? 255 : index % 13 === 0 ? 90 : 0;
    const mask = createMask(width, height, data);

    expect(resizeMaskBilinear(mask, toWidth, toHeight).data).toEqual(resizeMaskBilinearReference(mask, toWidth, toHeight).data);
  });
});

