import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';

import { PNG, type PNGOptions } from 'pngjs';
import sharp, { type PngOptions } from 'sharp';
import { describe, expect, it } from 'vitest';

import {
  InvalidArgumentError,
  MaskDecodeError,
  type NormalizedBox,
  placeSegmentationMask,
} from '@gemini-vision/core';

import { pngChunk } from '../__fixtures__/png-chunk';
import { createPngMaskDecoder } from './create-png-mask-decoder';

const fixtures = new URL('../__fixtures__/', import.meta.url);

/** A 4×2 mask: left half 0, right half 255 (as grey, or red in colour PNGs). */
const EXPECTED = [0, 0, 255, 255, 0, 0, 255, 255];

function encodeWithPngjs(options: PNGOptions, bitDepth: 8): Uint8Array {
  const png = new PNG({ width: 4, height: 2, ...options, bitDepth });
  EXPECTED.forEach((value, index) => {
    png.data.set([value, value, value, 255], index * 4);
  });
  return new Uint8Array(PNG.sync.write(png, { ...options, bitDepth }));
}

/** A hand-made 4×2 greyscale PNG with 1 bit per pixel (rows 0b0011…). */
function greyOneBit(): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(2, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, colour type 0 (grey)
  const rows = Buffer.from([0, 0b0011_0000, 0, 0b0011_0000]); // filter byte + 4 one-bit pixels per row
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array(0))]),
  );
}

async function encodeWithSharp(
  channels: 1 | 2 | 3 | 4,
  options: PngOptions = {},
  colourspace?: 'grey16' | 'rgb16',
): Promise<Uint8Array> {
  const pixels = Buffer.alloc(8 * channels);
  EXPECTED.forEach((value, index) => {
    for (let channel = 0; channel < channels; channel += 1) {
      pixels[index * channels + channel] = channels % 2 === 0 && channel === channels - 1 ? 255 : value;
    }
  });
  const image = sharp(pixels, { raw: { width: 4, height: 2, channels } });
  const png = await (colourspace === undefined ? image : image.toColourspace(colourspace)).png(options).toBuffer();
  if (colourspace !== undefined) expect(png[24]).toBe(16); // IHDR bit depth
  return new Uint8Array(png);
}

interface SegmentationItem {
  readonly box_2d: NormalizedBox;
  readonly mask: string;
  readonly label: string;
}

describe('createPngMaskDecoder', () => {
  it.each([
    { name: 'grey 8-bit', make: () => encodeWithSharp(1) },
    { name: 'grey + alpha', make: () => encodeWithSharp(2) },
    { name: 'RGB', make: () => encodeWithSharp(3) },
    { name: 'RGBA', make: () => encodeWithSharp(4) },
    { name: 'palette 8-bit', make: () => encodeWithSharp(3, { palette: true, colours: 256 }) },
    { name: 'palette 1-bit', make: () => encodeWithSharp(3, { palette: true, colours: 2 }) },
    { name: 'grey 16-bit', make: () => encodeWithSharp(1, {}, 'grey16') },
    { name: 'RGB 16-bit', make: () => encodeWithSharp(3, {}, 'rgb16') },
    { name: 'grey (pngjs writer)', make: () => Promise.resolve(encodeWithPngjs({ colorType: 0, inputColorType: 6 }, 8)) },
    { name: 'grey 1-bit', make: () => Promise.resolve(greyOneBit()) },
  ])('decodes a $name PNG to one channel', async ({ make }) => {
    const mask = createPngMaskDecoder().decodePng(await make());

    expect(mask).toMatchObject({ width: 4, height: 2 });
    expect(Array.from((await mask).data)).toEqual(EXPECTED);
  });

  it('returns a plain Uint8Array, not a Buffer', async () => {
    const mask = await createPngMaskDecoder().decodePng(await encodeWithSharp(1));

    expect(Object.getPrototypeOf(mask.data)).toBe(Uint8Array.prototype);
  });

  it('refuses bytes that are not a PNG', () => {
    const decoder = createPngMaskDecoder();

    expect(() => decoder.decodePng(new TextEncoder().encode('data:image/png;base64,iVBOR'))).toThrow(MaskDecodeError);
    expect(() => decoder.decodePng(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toThrow(/PNG signature/u);
  });

  it('refuses a truncated PNG', async () => {
    const bytes = await encodeWithSharp(1);

    expect(() => createPngMaskDecoder().decodePng(bytes.subarray(0, 20))).toThrow(/truncated or malformed/u);
    expect(() => createPngMaskDecoder().decodePng(bytes.subarray(0, bytes.length - 20))).toThrow(MaskDecodeError);
  });

  it('refuses a header claiming 100000×100000 before inflating anything', async () => {
    const bytes = await encodeWithSharp(1);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(16, 100_000);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(20, 100_000);

    const failure = (() => {
      try {
        return createPngMaskDecoder().decodePng(bytes);
      } catch (error) {
        return error;
      }
    })();

    expect(failure).toBeInstanceOf(MaskDecodeError);
    expect((failure as MaskDecodeError).decoder).toBe('pngjs');
    expect((failure as Error).message).toMatch(/claims 100000×100000/u);
  });

  it('honours a custom pixel limit and refuses an invalid one', async () => {
    expect(() => createPngMaskDecoder({ maxPixels: 4 }).decodePng(new Uint8Array(0))).toThrow(MaskDecodeError);
    await expect(async () => createPngMaskDecoder({ maxPixels: 7 }).decodePng(await encodeWithSharp(1))).rejects.toThrow(/at most 7 pixels/u);
    expect(() => createPngMaskDecoder({ maxPixels: 0 })).toThrow(InvalidArgumentError);
  });

  it('runs the guide pipeline on a real segmentation response with areas within 1% of the PIL reference', async () => {
    const text = await readFile(new URL('cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt', fixtures), 'utf8');
    const items = JSON.parse(text.replace(/^```json\s*/u, '').replace(/```\s*$/u, '')) as SegmentationItem[];
    const expected = JSON.parse(await readFile(new URL('expected-summary.json', fixtures), 'utf8')) as {
      fixtures: Record<string, { items: { label: string; xyxy_px_trunc: number[]; cookbook_full_mask_fg_pixels: { gt127: number } }[] }>;
    };
    const reference = expected.fixtures['cupcakes-segment-gemini-2.5-flash-preview-05-20-ts']?.items ?? [];
    const decoder = createPngMaskDecoder();
    const frame = { width: 1024, height: 1024 }; // cupcakes.jpg as sent

    const placed = await Promise.all(
      items.map(async (item) => {
        const png = new Uint8Array(Buffer.from(item.mask.replace(/^data:image\/png;base64,/u, ''), 'base64'));
        return placeSegmentationMask(await decoder.decodePng(png), item.box_2d, frame);
      }),
    );

    expect(placed).toHaveLength(16);
    expect(reference).toHaveLength(16);
    placed.forEach((result, index) => {
      const want = reference[index];
      expect([result.box.x0, result.box.y0, result.box.x1, result.box.y1]).toEqual(want?.xyxy_px_trunc);
      const area = want?.cookbook_full_mask_fg_pixels.gt127 ?? Number.NaN;
      expect(Math.abs(result.area - area) / area).toBeLessThan(0.01);
    });
  });
});
