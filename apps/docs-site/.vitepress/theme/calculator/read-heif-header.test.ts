import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { isHeifFamily, readHeifHeader } from './read-heif-header';
import { readImageHeader } from './read-image-header';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`__fixtures__/${name}`, import.meta.url)));

const ascii = (text: string): number[] => Array.from(new TextEncoder().encode(text));

function box(type: string, ...payload: (Uint8Array | number[])[]): Uint8Array {
  const body = payload.map((part) => (part instanceof Uint8Array ? [...part] : part)).flat();
  const size = 8 + body.length;
  return new Uint8Array([size >>> 24, (size >>> 16) & 255, (size >>> 8) & 255, size & 255, ...ascii(type), ...body]);
}
const u32 = (value: number): number[] => [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
const FULL_BOX = [0, 0, 0, 0];

/** A minimal HEIC: ftyp, then meta { pitm, iprp { ipco { ispe, …properties }, ipma } }. */
function heic(width: number, height: number, ...properties: Uint8Array[]): Uint8Array {
  const ipco = box('ipco', box('ispe', FULL_BOX, u32(width), u32(height)), ...properties);
  const indices = Array.from({ length: properties.length + 1 }, (_, index) => index + 1);
  const ipma = box('ipma', FULL_BOX, u32(1), [0, 1, indices.length, ...indices]);
  const meta = box('meta', FULL_BOX, box('pitm', FULL_BOX, [0, 1]), box('iprp', ipco, ipma));
  const ftyp = box('ftyp', ascii('heic'), u32(0), ascii('mif1heic'));
  return new Uint8Array([...ftyp, ...meta]);
}

describe('readHeifHeader', () => {
  it('reads a heif-enc HEIC (iloc version 1) that probe-image-size cannot', () => {
    expect(readHeifHeader(fixture('heif-enc-64x48.heic'))).toEqual({
      mimeType: 'image/heic',
      storedSize: { width: 64, height: 48 },
      orientation: 1,
    });
  });

  it('ignores EXIF orientation inside HEIC, as libheif does', () => {
    expect(readHeifHeader(fixture('heif-enc-64x48-exif-orientation-6.heic'))).toMatchObject({ orientation: 1 });
  });

  it.each([
    [[1], 8],
    [[2], 3],
    [[3], 6],
  ])('turns irot %o into EXIF orientation %d', ([quarterTurns], orientation) => {
    expect(readHeifHeader(heic(4032, 3024, box('irot', [quarterTurns ?? 0])))).toMatchObject({ orientation });
  });

  it('composes irot and imir in association order', () => {
    // Rotate 90° anticlockwise (8), then flip left-right (2): (x, y) → (−y, −x), EXIF 7, the transverse.
    expect(readHeifHeader(heic(40, 30, box('irot', [1]), box('imir', [1])))).toMatchObject({ orientation: 7 });
  });

  it('says why when there is no meta box in the bytes', () => {
    const start = heic(40, 30).subarray(0, 24);
    expect(readHeifHeader(start)).toBe('it has no `meta` box in the bytes read');
  });

  it('recognises the HEIF family by its ftyp box', () => {
    expect(isHeifFamily(fixture('heif-enc-64x48.heic'))).toBe(true);
    expect(isHeifFamily(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(false);
  });
});

describe('readImageHeader on HEIC', () => {
  it('swaps the displayed sides of a HEIC rotated a quarter turn', () => {
    const outcome = readImageHeader(heic(4032, 3024, box('irot', [3])));
    expect(outcome.ok && outcome.header).toEqual({
      mimeType: 'image/heic',
      supportedByGemini: true,
      storedSize: { width: 4032, height: 3024 },
      orientation: 6,
      displayedSize: { width: 3024, height: 4032 },
    });
  });
});
