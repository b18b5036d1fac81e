import { createHash } from 'node:crypto';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import {
  arbitraryMask,
  bytesFromBase64,
  decodeMaskDataUrl,
  maxAbsoluteDifference,
  readPilReferences,
  readSegmentationItems,
} from './__fixtures__/load-mask-fixtures';
import { createMask } from './mask';
import { resizeMaskNearest } from './resize-mask-nearest';

const references = readPilReferences();

describe('resizeMaskNearest', () => {
  it.each(
    references.cases.flatMap((reference) =>
      reference.resized
        .filter((resized) => resized.filter === 'nearest')
        .map((resized) => ({
          name: reference.name,
          source: createMask(reference.width, reference.height, bytesFromBase64(reference.data)),
          width: resized.width,
          height: resized.height,
          expected: bytesFromBase64(resized.data),
        })),
    ),
  )('matches Pillow on $name → $width×$height byte for byte', ({ source, width, height, expected }) => {
    expect(maxAbsoluteDifference(resizeMaskNearest(source, width, height).data, expected)).toBe(0);
  });

  it('matches Pillow byte for byte on all 51 real Gemini masks, at the box size and five other sizes', () => {
    const mismatches: string[] = [];
    for (const file of new Set(references.realMasks.map((entry) => entry.file))) {
      const items = readSegmentationItems(file);
      for (const entry of references.realMasks.filter((candidate) => candidate.file === file)) {
        const source = decodeMaskDataUrl(items[entry.index]!.mask);
        for (const reference of entry.resized.filter((resized) => resized.filter === 'nearest')) {
          const resized = resizeMaskNearest(source, reference.width, reference.height);
          if (createHash('sha256').update(resized.data).digest('hex') !== reference.sha256) {
            mismatches.push(`${file}#${entry.index} ${reference.width}×${reference.height}`);
          }
        }
      }
    }

    expect(mismatches).toEqual([]);
  });

  // Expected values are Pillow 9.4.0's output.
  it.each([
    { source: [0, 255], width: 4, expected: [0, 0, 255, 255] },
    { source: [0, 255], width: 1, expected: [255] },
    { source: [10, 20, 30, 40], width: 2, expected: [20, 40] },
    { source: [1, 2, 3, 4, 5], width: 2, expected: [2, 4] },
  ])('resizes the row $source to width $width as $expected', ({ source, width, expected }) => {
    const mask = createMask(source.length, 1, new Uint8Array(source));

    expect([...resizeMaskNearest(mask, width, 1).data]).toEqual(expected);
  });

  it('throws InvalidArgumentError for a non-integer size', () => {
    expect(() => resizeMaskNearest(createMask(2, 2), 1.5, 1)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'width' }) as Error,
    );
  });

  propertyIt.prop([arbitraryMask()])('returns an equal copy when the size does not change', (mask) => {
    const resized = resizeMaskNearest(mask, mask.width, mask.height);

    expect(resized.data).toEqual(mask.data);
    expect(resized.data).not.toBe(mask.data);
  });

  propertyIt.prop([arbitraryMask(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })])(
    'only produces values present in the source',
    (mask, width, height) => {
      const values = new Set(mask.data);

      expect([...resizeMaskNearest(mask, width, height).data].every((value) => values.has(value))).toBe(true);
    },
  );
});
