// Long property runs for the COCO RLE codec: `pnpm test:fuzz` (FUZZ_RUNS cases per property,
// default 100,000).
import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect } from 'vitest';

import { arbitraryMask } from './__fixtures__/load-mask-fixtures';
import { decodeCocoRle, decompressCocoRleCounts } from './decode-coco-rle';
import { compressCocoRleCounts, encodeCocoRle } from './encode-coco-rle';
import { thresholdMask } from './threshold-mask';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? 100_000);

/** Characters around the valid range '0'..'o' (ASCII 48..111): ASCII 40..119. */
const codeCharacter = fc.integer({ min: 40, max: 119 }).map((code) => String.fromCharCode(code));

describe('encodeCocoRle', () => {
  propertyIt.prop([arbitraryMask({ maxSide: 32 }), fc.integer({ min: -1, max: 255 })], { numRuns })(
    'round-trips through decodeCocoRle to the thresholded mask',
    (mask, threshold) => {
      expect(decodeCocoRle(encodeCocoRle(mask, { threshold }))).toEqual(thresholdMask(mask, threshold));
    },
  );
});

describe('decompressCocoRleCounts', () => {
  propertyIt.prop([fc.array(fc.nat({ max: 2 ** 40 }), { maxLength: 64 })], { numRuns })(
    'undoes compressCocoRleCounts',
    (counts) => {
      expect(decompressCocoRleCounts(compressCocoRleCounts(counts))).toEqual(counts);
    },
  );

  propertyIt.prop([fc.string({ unit: codeCharacter })], { numRuns })(
    'either returns non-negative runs or throws InvalidArgumentError on any string',
    (counts) => {
      try {
        expect(decompressCocoRleCounts(counts).every((run) => Number.isSafeInteger(run) && run >= 0)).toBe(true);
      } catch (error) {
        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
      }
    },
  );
});
