import { readFile } from 'node:fs/promises';

import { fc, test as property } from '@fast-check/vitest';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  GeminiVisionError,
  ImageTooLargeError,
  ImageUnreadableError,
  ImageUnsupportedFormatError,
  InvalidArgumentError,
} from '@gemini-vision/core';

import { probeImage } from '../probe/probe-image';
import { DEFAULT_MAX_PIXELS, readImageHeaderFromBytes } from './read-image-header-from-bytes';

const fixtures = new URL('../__fixtures__/', import.meta.url);
const ascii = (text: string): number[] => Array.from(new TextEncoder().encode(text));
const u32 = (value: number): number[] => [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
const FULL_BOX = [0, 0, 0, 0];

/** An ISO BMFF box: 32-bit size, type, payload. */
function box(type: string, ...payload: (Uint8Array | number[])[]): Uint8Array {
  const body = payload.flatMap((part) => Array.from(part));
  return new Uint8Array([...u32(8 + body.length), ...ascii(type), ...body]);
}

/** A minimal HEIC: ftyp, then meta { pitm, iprp { ipco { ispe, …properties }, ipma } }, associated in order. */
function heic(width: number, height: number, ...properties: Uint8Array[]): Uint8Array {
  const ipco = box('ipco', box('ispe', FULL_BOX, u32(width), u32(height)), ...properties);
  const indices = Array.from({ length: properties.length + 1 }, (_, index) => index + 1);
  const ipma = box('ipma', FULL_BOX, u32(1), [0, 1, indices.length, ...indices]);
  const meta = box('meta', FULL_BOX, box('pitm', FULL_BOX, [0, 1]), box('iprp', ipco, ipma));
  const ftyp = box('ftyp', ascii('heic'), u32(0), ascii('mif1heic'));
  return new Uint8Array([...ftyp, ...meta]);
}

let portraitJpeg: Uint8Array;
let heifEnc: Uint8Array;
let heifEncWithExif: Uint8Array;
beforeAll(async () => {
  portraitJpeg = new Uint8Array(
    await sharp({ create: { width: 120, height: 80, channels: 3, background: '#2050c0', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );
  heifEnc = new Uint8Array(await readFile(new URL('heif-enc-64x48.heic', fixtures)));
  heifEncWithExif = new Uint8Array(await readFile(new URL('heif-enc-64x48-exif-orientation-6.heic', fixtures)));
});

describe('readImageHeaderFromBytes', () => {
  it('reads a JPEG’s stored size and EXIF orientation 6 and swaps the displayed sides', () => {
    expect(readImageHeaderFromBytes(portraitJpeg)).toEqual({
      mimeType: 'image/jpeg',
      format: 'jpeg',
      width: 120,
      height: 80,
      orientation: 6,
      displayWidth: 80,
      displayHeight: 120,
      byteLength: portraitJpeg.byteLength,
    });
  });

  it('returns what probeImage returns for the same bytes', async () => {
    for (const bytes of [portraitJpeg, heifEnc, heic(4032, 3024, box('irot', [3]))]) {
      expect(readImageHeaderFromBytes(bytes)).toEqual(await probeImage(bytes));
    }
  });

  it('reads a heif-enc HEIC (iloc version 1) that probe-image-size cannot', () => {
    expect(readImageHeaderFromBytes(heifEnc)).toMatchObject({ format: 'heic', mimeType: 'image/heic', width: 64, height: 48, orientation: 1 });
  });

  it('ignores EXIF orientation inside HEIC, as libheif does', () => {
    expect(readImageHeaderFromBytes(heifEncWithExif)).toMatchObject({ orientation: 1, displayWidth: 64, displayHeight: 48 });
  });

  it.each([
    { quarterTurns: 1, orientation: 8 },
    { quarterTurns: 2, orientation: 3 },
    { quarterTurns: 3, orientation: 6 },
  ])('turns HEIC irot $quarterTurns (anticlockwise) into EXIF orientation $orientation', ({ quarterTurns, orientation }) => {
    expect(readImageHeaderFromBytes(heic(4032, 3024, box('irot', [quarterTurns])))).toMatchObject({ orientation });
  });

  it('composes HEIC irot and imir in association order', () => {
    // Rotate 90° anticlockwise (8), then flip left-right (2): (x, y) → (−y, −x), EXIF 7, the transverse.
    expect(readImageHeaderFromBytes(heic(40, 30, box('irot', [1]), box('imir', [1])))).toMatchObject({ orientation: 7 });
    // The other order: flip left-right, then rotate: EXIF 5, the transpose.
    expect(readImageHeaderFromBytes(heic(40, 30, box('imir', [1]), box('irot', [1])))).toMatchObject({ orientation: 5 });
  });

  it('swaps the displayed sides of a HEIC rotated a quarter turn', () => {
    expect(readImageHeaderFromBytes(heic(4032, 3024, box('irot', [3])))).toMatchObject({
      mimeType: 'image/heic',
      width: 4032,
      height: 3024,
      orientation: 6,
      displayWidth: 3024,
      displayHeight: 4032,
    });
  });

  it('reports a HEIC cut before its meta box as truncated', () => {
    const ftypOnly = heic(40, 30).subarray(0, 24);

    expect(() => readImageHeaderFromBytes(ftypOnly)).toThrow(ImageUnreadableError);
    expect(() => readImageHeaderFromBytes(ftypOnly)).toThrow(/HEIC header is truncated/u);
  });

  it('does not report a damaged box size as the length of a truncated HEIC', () => {
    const ftyp = heic(40, 30).subarray(0, 24);
    // After ftyp, a box claiming 0xFFFFFFF0 bytes: the next box would start past the data.
    const huge = new Uint8Array([...ftyp, 0xff, 0xff, 0xff, 0xf0, ...new TextEncoder().encode('free'), 0, 0, 0, 0]);
    const claimedEnd = 24 + 0xff_ff_ff_f0;

    expect(() => readImageHeaderFromBytes(huge)).toThrow(`its boxes claim ${claimedEnd} bytes, but the data ends before the header is complete`);
    expect(() => readImageHeaderFromBytes(ftyp)).toThrow('the data ends after 24 bytes');
  });

  it('reads the header from the start of a file, and says when the start is too short', () => {
    expect(readImageHeaderFromBytes(portraitJpeg.subarray(0, 2048))).toMatchObject({ width: 120, height: 80, orientation: 6, byteLength: 2048 });
    expect(() => readImageHeaderFromBytes(portraitJpeg.subarray(0, 40))).toThrow(/JPEG header is truncated/u);
  });

  it('names the image after options.fileName in errors, and by its size otherwise', () => {
    const text = new TextEncoder().encode('hello, world');

    expect(() => readImageHeaderFromBytes(text, { fileName: 'notes.jpg' })).toThrow(
      'Could not recognise the image `notes.jpg`: its bytes match no supported image format.',
    );
    expect(() => readImageHeaderFromBytes(text)).toThrow(/the image a 12-byte buffer/u);
  });

  it('refuses formats it cannot read with ImageUnsupportedFormatError saying what they are', () => {
    expect(() => readImageHeaderFromBytes(new Uint8Array([0x42, 0x4d, 0, 0, 0, 0]))).toThrow(ImageUnsupportedFormatError);
    expect(() => readImageHeaderFromBytes(new Uint8Array([0x42, 0x4d, 0, 0, 0, 0]))).toThrow(/a BMP image/u);
  });

  it('refuses more than maxPixels pixels, unless the limit is lifted', () => {
    const huge = heic(20_000, 20_000);

    expect(() => readImageHeaderFromBytes(huge)).toThrow(ImageTooLargeError);
    expect(() => readImageHeaderFromBytes(heic(40, 30), { maxPixels: 1000 })).toThrow(ImageTooLargeError);
    expect(readImageHeaderFromBytes(huge, { maxPixels: Infinity })).toMatchObject({ width: 20_000, height: 20_000 });
    expect(DEFAULT_MAX_PIXELS).toBe(0x3fff * 0x3fff);
  });

  it('refuses invalid arguments', () => {
    expect(() => readImageHeaderFromBytes([0xff, 0xd8] as unknown as Uint8Array)).toThrow(InvalidArgumentError);
    expect(() => readImageHeaderFromBytes(heifEnc, { maxPixels: 0 })).toThrow(/options\.maxPixels/u);
    expect(() => readImageHeaderFromBytes(heifEnc, { fileName: '' })).toThrow(/options\.fileName/u);
  });

  property.prop([fc.uint8Array({ maxLength: 256 })])('returns a sane size or throws an image error for any bytes', (bytes) => {
    expectSaneOrImageError(bytes);
  });

  property.prop([fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 4096 })])(
    'returns a sane size or throws an image error for damaged and truncated images',
    (position, value, length) => {
      for (const original of [portraitJpeg, heifEnc]) {
        const damaged = original.slice(0, Math.max(length, position + 1));
        if (position < damaged.length) damaged[position] = value;
        expectSaneOrImageError(damaged);
      }
    },
  );
});

function expectSaneOrImageError(bytes: Uint8Array): void {
  let info;
  try {
    info = readImageHeaderFromBytes(bytes);
  } catch (error) {
    expect(GeminiVisionError.isInstance(error)).toBe(true);
    return;
  }
  expect(info.width).toBeGreaterThan(0);
  expect(info.height).toBeGreaterThan(0);
  expect(info.orientation).toBeGreaterThanOrEqual(1);
  expect(info.orientation).toBeLessThanOrEqual(8);
  expect([info.displayWidth, info.displayHeight].sort()).toEqual([info.width, info.height].sort());
}
