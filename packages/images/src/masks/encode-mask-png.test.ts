import { fc, test as property } from '@fast-check/vitest';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { createMask, InvalidArgumentError, type Mask } from '@gemini-vision/core';

import { createPngMaskDecoder } from './create-png-mask-decoder';
import { encodeMaskPng } from './encode-mask-png';

const decoder = createPngMaskDecoder();

/** Any mask up to 40×40 with arbitrary byte values (probabilities, not only 0 and 255). */
const masks = fc
  .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }) })
  .chain(({ width, height }) =>
    fc.uint8Array({ minLength: width * height, maxLength: width * height }).map((data) => createMask(width, height, data)),
  );

describe('encodeMaskPng', () => {
  property.prop([masks])('round-trips every mask through createPngMaskDecoder', async (mask) => {
    const decoded = await decoder.decodePng(encodeMaskPng(mask));

    expect(decoded).toEqual({ width: mask.width, height: mask.height, data: mask.data });
  });

  it('writes an 8-bit, one-channel greyscale PNG', async () => {
    const mask = createMask(3, 2, new Uint8Array([0, 255, 0, 255, 255, 0]));

    const png = encodeMaskPng(mask);

    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Array.from(png.subarray(24, 26))).toEqual([8, 0]); // IHDR bit depth 8, colour type 0 (grey)
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 3, height: 2, channels: 1, depth: 'uchar' });
    expect(Array.from(await sharp(png).extractChannel(0).raw().toBuffer())).toEqual([0, 255, 0, 255, 255, 0]);
  });

  it('encodes a view into a larger buffer without the bytes around it', async () => {
    const backing = new Uint8Array([9, 9, 0, 255, 255, 0, 9]);
    const mask: Mask = { width: 2, height: 2, data: backing.subarray(2, 6) };

    expect((await decoder.decodePng(encodeMaskPng(mask))).data).toEqual(new Uint8Array([0, 255, 255, 0]));
  });

  it('returns a plain Uint8Array, not a Node Buffer', () => {
    const png = encodeMaskPng(createMask(1, 1));

    expect(Object.getPrototypeOf(png)).toBe(Uint8Array.prototype);
  });

  it('compresses a 1024×1024 mask of two regions to a few kilobytes', () => {
    const mask = createMask(1024, 1024);
    for (let row = 200; row < 800; row += 1) mask.data.fill(255, row * 1024 + 300, row * 1024 + 700);

    expect(encodeMaskPng(mask).byteLength).toBeLessThan(8 * 1024);
  });

  it.each([
    { name: 'a missing mask', mask: undefined, message: /`mask`/u },
    { name: 'a zero width', mask: { width: 0, height: 1, data: new Uint8Array(0) }, message: /`mask`/u },
    { name: 'a fractional height', mask: { width: 1, height: 1.5, data: new Uint8Array(1) }, message: /`mask`/u },
    { name: 'data of the wrong length', mask: { width: 2, height: 2, data: new Uint8Array(3) }, message: /a Uint8Array of 4 bytes .* for `mask\.data`/u },
    { name: 'data that is an array', mask: { width: 1, height: 1, data: [255] }, message: /`mask\.data`/u },
  ])('refuses $name with InvalidArgumentError', ({ mask, message }) => {
    expect(() => encodeMaskPng(mask as unknown as Mask)).toThrow(InvalidArgumentError);
    expect(() => encodeMaskPng(mask as unknown as Mask)).toThrow(message);
  });
});
