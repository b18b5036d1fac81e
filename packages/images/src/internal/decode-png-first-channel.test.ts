import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { MaskDecodeError } from '@gemini-vision/core';

import { pngChunk } from '../__fixtures__/png-chunk';

import { createPngMaskDecoder } from '../masks/create-png-mask-decoder';
import { containsImageData, decodePngFirstChannel } from './decode-png-first-channel';

const fixtures = new URL('../__fixtures__/', import.meta.url);

/** pngjs's decode, first channel: what createPngMaskDecoder returned before the fast path. */
function firstChannelWithPngjs(bytes: Uint8Array): Uint8Array {
  const png = PNG.sync.read(Buffer.from(bytes));
  const out = new Uint8Array(png.width * png.height);
  for (let index = 0; index < out.length; index += 1) out[index] = png.data[index * 4] ?? 0;
  return out;
}

/** An RGBA image: random noise, or a blob of 255 on 0 with a soft edge in every channel. */
function makeImage(width: number, height: number, seed: number, kind: 'noise' | 'blob'): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state >>> 24;
  };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const distance = Math.hypot(x / width - 0.5, y / height - 0.5) * 4;
      const blob = distance < 1 ? 255 : distance < 1.2 ? Math.round(255 * (1.2 - distance) * 5) : 0;
      for (let channel = 0; channel < 4; channel += 1) data[(y * width + x) * 4 + channel] = kind === 'noise' ? next() : blob;
    }
  }
  return data;
}

/** Encodes with pngjs's writer: `colorType` 0, 2, 4 or 6 at 8 bits, one filter type for every row. */
function encodeWithPngjs(width: number, height: number, rgba: Buffer, colorType: 0 | 2 | 4 | 6, filterType: number): Uint8Array {
  const png = new PNG({ width, height });
  rgba.copy(png.data);
  return new Uint8Array(PNG.sync.write(png, { colorType, inputColorType: 6, bitDepth: 8, filterType }));
}

/** Rebuilds `png` with its IDAT data split into `parts` chunks (valid CRCs). */
function splitIdat(png: Uint8Array, parts: number): Uint8Array {
  const view = Buffer.from(png);
  const chunks: Buffer[] = [view.subarray(0, 8)];
  const idat: Buffer[] = [];
  let iend = Buffer.alloc(0);
  for (let position = 8; position < view.length; ) {
    const length = view.readUInt32BE(position);
    const type = view.toString('latin1', position + 4, position + 8);
    const whole = view.subarray(position, position + 12 + length);
    if (type === 'IDAT') idat.push(view.subarray(position + 8, position + 8 + length));
    else if (type === 'IEND') iend = whole;
    else chunks.push(whole);
    position += 12 + length;
  }
  const data = Buffer.concat(idat);
  const size = Math.ceil(data.length / parts);
  for (let start = 0; start < data.length; start += size) chunks.push(pngChunk('IDAT', data.subarray(start, start + size)));
  return new Uint8Array(Buffer.concat([...chunks, iend]));
}

/** A copy of `bytes` with the byte at `index` set to `value`. */
function withByte(bytes: Uint8Array, index: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = value;
  return copy;
}

describe('decodePngFirstChannel', () => {
  const cases = ([0, 2, 4, 6] as const).flatMap((colorType) =>
    [0, 1, 2, 3, 4].flatMap((filterType) =>
      (['noise', 'blob'] as const).map((kind) => ({ colorType, filterType, kind })),
    ),
  );

  it.each(cases)('equals pngjs on colour type $colorType, filter $filterType, $kind', ({ colorType, filterType, kind }) => {
    const width = 37;
    const height = 23;
    const png = encodeWithPngjs(width, height, makeImage(width, height, colorType * 10 + filterType, kind), colorType, filterType);

    const decoded = decodePngFirstChannel(png);

    expect(decoded).toMatchObject({ width, height });
    expect(decoded?.data).toEqual(firstChannelWithPngjs(png));
  });

  it('equals pngjs on all 51 real Gemini masks', async () => {
    const items = JSON.parse(
      (await readFile(new URL('cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt', fixtures), 'utf8'))
        .replace(/^```json\s*/u, '')
        .replace(/```\s*$/u, ''),
    ) as { mask: string }[];
    const masks = items.map((item) => new Uint8Array(Buffer.from(item.mask.replace(/^data:image\/png;base64,/u, ''), 'base64')));

    expect(masks.length).toBeGreaterThan(0);
    for (const png of masks) expect(decodePngFirstChannel(png)?.data).toEqual(firstChannelWithPngjs(png));
  });

  it('returns plain arrays that own their memory, also for small masks Node serves from its buffer pool', () => {
    const small = decodePngFirstChannel(encodeWithPngjs(8, 4, makeImage(8, 4, 5, 'blob'), 0, 0));
    const large = decodePngFirstChannel(encodeWithPngjs(256, 256, makeImage(256, 256, 5, 'blob'), 0, 0));

    expect(Object.getPrototypeOf(small?.data)).toBe(Uint8Array.prototype);
    expect(small?.data.buffer.byteLength).toBe(8 * 4);
    expect(large?.data.buffer.byteLength).toBe(257 * 256); // the inflated rows, filter bytes included
  });

  it('joins IDAT data split over several chunks', () => {
    const png = encodeWithPngjs(64, 48, makeImage(64, 48, 7, 'noise'), 0, 4);
    const split = splitIdat(png, 5);

    expect(split.length).toBeGreaterThan(png.length);
    expect(decodePngFirstChannel(split)?.data).toEqual(firstChannelWithPngjs(png));
  });

  it('leaves palette, 16-bit, interlaced and tRNS PNGs to pngjs', async () => {
    const raw = { raw: { width: 8, height: 8, channels: 1 as const } };
    const grey = Buffer.alloc(64, 200);
    const palette = await sharp(grey, raw).png({ palette: true }).toBuffer();
    const sixteen = await sharp(grey, raw).toColourspace('grey16').png().toBuffer();
    const interlaced = await sharp(grey, raw).png({ progressive: true }).toBuffer();
    const plain = encodeWithPngjs(8, 8, makeImage(8, 8, 1, 'blob'), 0, 0);
    const withTrns = new Uint8Array(Buffer.concat([plain.subarray(0, 33), pngChunk('tRNS', new Uint8Array([0, 0])), plain.subarray(33)]));

    expect([palette[25], sixteen[24], interlaced[28]]).toEqual([3, 16, 1]); // what sharp wrote
    for (const png of [palette, sixteen, interlaced, withTrns]) expect(decodePngFirstChannel(new Uint8Array(png))).toBeUndefined();
    expect(decodePngFirstChannel(plain)).toBeDefined();
  });

  it.each([
    { name: 'a flipped data byte (bad CRC)', damage: (png: Uint8Array) => withByte(png, 40, (png[40] ?? 0) ^ 1) },
    { name: 'no IEND', damage: (png: Uint8Array) => png.subarray(0, png.length - 12) },
    { name: 'a cut IDAT', damage: (png: Uint8Array) => png.subarray(0, 50) },
  ])('returns undefined for $name', ({ damage }) => {
    const png = encodeWithPngjs(16, 16, makeImage(16, 16, 3, 'noise'), 0, 1);

    expect(decodePngFirstChannel(png)).toBeDefined();
    expect(decodePngFirstChannel(damage(png))).toBeUndefined();
  });

  it('refuses a mask whose IDAT chunk was renamed, where pngjs reads uninitialised memory', () => {
    const png = encodeWithPngjs(24, 16, makeImage(24, 16, 1, 'blob'), 0, 0);
    const renamed = withByte(png, 37, 0x71); // 'IDAT' → 'qDAT', an unknown ancillary chunk

    expect(containsImageData(png)).toBe(true);
    expect(containsImageData(renamed)).toBe(false);
    expect(() => createPngMaskDecoder().decodePng(renamed)).toThrow(/no image data \(no IDAT chunk\)/u);
  });

  it('returns undefined for a zlib stream that inflates to more or less than the image', () => {
    const png = encodeWithPngjs(4, 4, makeImage(4, 4, 3, 'blob'), 0, 0);
    const rebuild = (raw: Uint8Array): Uint8Array =>
      new Uint8Array(Buffer.concat([png.subarray(0, 33), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array(0))]));

    expect(decodePngFirstChannel(rebuild(new Uint8Array(4 * 5)))?.data).toEqual(new Uint8Array(16));
    expect(decodePngFirstChannel(rebuild(new Uint8Array(4 * 5 + 1)))).toBeUndefined();
    expect(decodePngFirstChannel(rebuild(new Uint8Array(4 * 5 - 1)))).toBeUndefined();
    expect(decodePngFirstChannel(rebuild(new Uint8Array(4 * 5).fill(5)))).toBeUndefined(); // filter type 5
  });

  propertyIt.prop([fc.nat(), fc.integer({ min: 1, max: 255 }), fc.integer({ min: 0, max: 4 })], { numRuns: 300 })(
    'makes createPngMaskDecoder agree with pngjs or throw MaskDecodeError on a damaged mask',
    async (at, flip, filterType) => {
      const png = encodeWithPngjs(24, 16, makeImage(24, 16, at, 'blob'), 0, filterType);
      const damaged = withByte(png, at % png.length, (png[at % png.length] ?? 0) ^ flip);
      // Without an IDAT chunk pngjs returns garbage or random errors: the decoder must refuse it.
      let expected: Uint8Array | undefined;
      try {
        expected = containsImageData(damaged) ? firstChannelWithPngjs(damaged) : undefined;
      } catch {
        expected = undefined;
      }
      let actual: Uint8Array | MaskDecodeError;
      try {
        actual = (await createPngMaskDecoder().decodePng(damaged)).data;
      } catch (error) {
        expect(error).toBeInstanceOf(MaskDecodeError);
        actual = error as MaskDecodeError;
      }

      if (expected === undefined) expect(actual).toBeInstanceOf(MaskDecodeError);
      else expect(actual).toEqual(expected);
    },
  );
});
