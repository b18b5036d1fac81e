import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { arbitraryMask, bytesFromBase64, readFixtureJson } from './__fixtures__/load-mask-fixtures';
import { decodeCocoRle, decompressCocoRleCounts } from './decode-coco-rle';
import { compressCocoRleCounts, encodeCocoRle } from './encode-coco-rle';
import { createMask, type Mask } from './mask';
import { thresholdMask } from './threshold-mask';

/** `coco-rle-references.json`, written by `generate-coco-rle-references.py`. */
interface CocoRleReferences {
  readonly published: {
    readonly squares25: readonly { readonly box: readonly [number, number, number, number]; readonly string: string }[];
  };
  readonly vectors: readonly {
    readonly name: string;
    readonly height: number;
    readonly width: number;
    readonly mask: string;
    readonly counts: readonly number[];
    readonly string: string;
  }[];
}

const references = readFixtureJson('coco-rle-references.json') as CocoRleReferences;

/** A 25×25 mask with 255 inside `[x0, x1) × [y0, y1)`. */
function square25([x0, y0, x1, y1]: readonly [number, number, number, number]): Mask {
  const mask = createMask(25, 25);
  for (let y = y0; y < y1; y += 1) mask.data.fill(255, y * 25 + x0, y * 25 + x1);
  return mask;
}

describe('encodeCocoRle', () => {
  // Strings produced by pycocotools.mask.encode, as published in pytorchcocotools' test suite.
  it.each(references.published.squares25)('encodes the 25×25 square $box as pycocotools: $string', ({ box, string }) => {
    expect(encodeCocoRle(square25(box))).toEqual({ size: [25, 25], counts: string });
  });

  it.each(references.vectors)('encodes "$name" as the pycocotools port does', ({ height, width, mask, string }) => {
    const data = bytesFromBase64(mask).map((value) => value * 255);

    expect(encodeCocoRle(createMask(width, height, data))).toEqual({ size: [height, width], counts: string });
  });

  it('treats any non-zero value as foreground by default, so 0/1 masks work', () => {
    expect(encodeCocoRle(createMask(2, 2, new Uint8Array([0, 1, 1, 1]))).counts).toBe('13');
  });

  it('applies the threshold option', () => {
    const mask = createMask(2, 2, new Uint8Array([0, 127, 128, 255]));

    // Column-major: (0,0)=0, (0,1)=128, (1,0)=127, (1,1)=255 → runs 1 bg, 1 fg, 1 bg, 1 fg.
    expect(decompressCocoRleCounts(encodeCocoRle(mask, { threshold: 127 }).counts)).toEqual([1, 1, 1, 1]);
    expect(decompressCocoRleCounts(encodeCocoRle(mask).counts)).toEqual([1, 3]);
  });

  it('throws InvalidArgumentError for a non-finite threshold', () => {
    expect(() => encodeCocoRle(createMask(1, 1), { threshold: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'options.threshold' }) as Error,
    );
  });

  propertyIt.prop([arbitraryMask(), fc.integer({ min: -1, max: 255 })])(
    'round-trips through decodeCocoRle to the thresholded mask',
    (mask, threshold) => {
      const decoded = decodeCocoRle(encodeCocoRle(mask, { threshold }));

      expect(decoded).toEqual(thresholdMask(mask, threshold));
    },
  );
});

describe('compressCocoRleCounts', () => {
  it.each([
    { counts: [0, 5, 20, 5, 20, 5, 20, 5, 20, 5, 520], string: '05d00000000d?' },
    { counts: [1, 3], string: '13' },
    { counts: [4_000_000], string: 'PXRj3' },
    { counts: [3_999_999, 1], string: 'oWRj31' },
    { counts: [0, 4_000_000], string: '0PXRj3' },
    { counts: [5, 1_000_000, 3, 1_000_000, 2_999_992], string: '5Pb`n030eeak2' },
    { counts: [], string: '' },
  ])('packs $counts as $string', ({ counts, string }) => {
    expect(compressCocoRleCounts(counts)).toBe(string);
  });

  it.each(references.vectors)('packs the runs of "$name" as the pycocotools port does', ({ counts, string }) => {
    expect(compressCocoRleCounts(counts)).toBe(string);
  });

  it.each([
    { counts: [1, -2], argument: 'counts[1]' },
    { counts: [1.5], argument: 'counts[0]' },
    { counts: [Number.NaN], argument: 'counts[0]' },
  ])('throws InvalidArgumentError for $counts', ({ counts, argument }) => {
    expect(() => compressCocoRleCounts(counts)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }) as Error,
    );
  });

  propertyIt.prop([fc.array(fc.nat({ max: 2 ** 40 }), { maxLength: 40 })])(
    'is undone by decompressCocoRleCounts',
    (counts) => {
      expect(decompressCocoRleCounts(compressCocoRleCounts(counts))).toEqual(counts);
    },
  );
});
