import { describe, expect, it } from 'vitest';

import { bytesFromBase64, readFixtureJson } from './__fixtures__/load-mask-fixtures';
import { decodeCocoRle, decompressCocoRleCounts } from './decode-coco-rle';
import type { UncompressedCocoRle } from './encode-coco-rle';
import { maskArea } from './mask-area';
import { maskBoundingBox } from './mask-bounding-box';

/** `coco-rle-references.json`, written by `generate-coco-rle-references.py`. */
interface CocoRleReferences {
  readonly published: {
    readonly squares25: readonly { readonly box: readonly [number, number, number, number]; readonly string: string }[];
    readonly zeroLeading: { readonly size: readonly [number, number]; readonly counts: string; readonly area: number };
    readonly invalid: { readonly size: readonly [number, number]; readonly counts: string };
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

describe('decodeCocoRle', () => {
  it.each(references.published.squares25)('decodes the pycocotools string $string to the square $box', ({ box, string }) => {
    const mask = decodeCocoRle({ size: [25, 25], counts: string });
    const [x0, y0, x1, y1] = box;

    expect(maskBoundingBox(mask)).toEqual({ x0, y0, x1, y1 });
    expect(maskArea(mask)).toBe((x1 - x0) * (y1 - y0));
  });

  it.each(references.vectors)('decodes "$name" from its string and from its counts', ({ height, width, mask, counts, string }) => {
    const expected = bytesFromBase64(mask).map((value) => value * 255);

    expect(decodeCocoRle({ size: [height, width], counts: string })).toEqual({ width, height, data: expected });
    expect(decodeCocoRle({ size: [height, width], counts })).toEqual({ width, height, data: expected });
  });

  it("decodes pycocotools' testZeroLeadingRLE (three leading zero runs)", () => {
    const { size, counts, area } = references.published.zeroLeading;
    const mask = decodeCocoRle({ size, counts });

    expect({ width: mask.width, height: mask.height }).toEqual({ width: 1080, height: 1350 });
    expect(maskArea(mask)).toBe(area);
  });

  it("rejects pycocotools' testInvalidRLECounts, whose runs do not add up", () => {
    expect(() => decodeCocoRle(references.published.invalid)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'rle.counts' }) as Error,
    );
  });

  it('orders pixels column-major (COCO/Fortran order)', () => {
    // 2 rows × 3 columns; runs: 1 background, 2 foreground, 3 background → (0,1), (1,0) are on.
    const mask = decodeCocoRle({ size: [2, 3], counts: [1, 2, 3] });

    expect([...mask.data]).toEqual([0, 255, 0, 255, 0, 0]);
  });

  it.each([
    { rle: { size: [2, 2], counts: [1, 2] }, message: 'Expected run lengths adding up to height × width = 4 for `rle.counts`, but received 3.' },
    { rle: { size: [2, 2], counts: '13x' }, message: "Expected a character in '0'..'o' (ASCII 48..111) for `rle.counts[2]`, but received \"x\"." },
    { rle: { size: [2, 2], counts: '1W' }, message: 'Expected a compressed COCO counts string whose last number (from index 1) is complete for `rle.counts`' },
    { rle: { size: [2, 2], counts: [1, -1, 4] }, message: 'Expected a non-negative integer run length for `rle.counts[1]`, but received -1.' },
    { rle: { size: [0, 2], counts: [] }, message: 'Expected a positive integer for `rle.size[0]`, but received 0.' },
    { rle: { size: [2], counts: [] }, message: 'Expected a [height, width] pair for `rle.size`' },
    { rle: { size: [2, 2], counts: 4 }, message: 'Expected a compressed counts string or an array of run lengths for `rle.counts`' },
    { rle: null, message: 'Expected a COCO RLE { size, counts } for `rle`' },
  ])('throws InvalidArgumentError: $message', ({ rle, message }) => {
    expect(() => decodeCocoRle(rle as unknown as UncompressedCocoRle)).toThrow(message);
  });

  it('rejects a compressed string that decodes to a negative run', () => {
    // Runs 1, 1, 1, then a delta of -2 to the run two before (1) → -1.
    expect(() => decodeCocoRle({ size: [1, 3], counts: '111N' })).toThrow(
      'Expected a non-negative length for run 3 (characters 3..3) for `rle.counts`, but received -1.',
    );
  });
});

describe('decompressCocoRleCounts', () => {
  it.each([
    { string: '05d00000000d?', counts: [0, 5, 20, 5, 20, 5, 20, 5, 20, 5, 520] },
    { string: '0ac0', counts: [0, 625] },
    { string: 'PXRj3', counts: [4_000_000] },
    { string: '', counts: [] },
  ])('unpacks $string to $counts', ({ string, counts }) => {
    expect(decompressCocoRleCounts(string)).toEqual(counts);
  });

  it('throws InvalidArgumentError for a non-string', () => {
    expect(() => decompressCocoRleCounts([1, 2] as unknown as string)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'counts' }) as Error,
    );
  });
});
