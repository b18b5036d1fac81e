import { readFile } from 'node:fs/promises';

import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';

import {
  createFrameTransform,
  ImageDecodeError,
  ImageTooLargeError,
  ImageUnsupportedFormatError,
  InvalidArgumentError,
} from '@gemini-vision/core';

import { prepareImage } from './prepare-image';

const fixtures = new URL('../__fixtures__/', import.meta.url);

/** 40×30, stored top-left quadrant red, rest blue. */
function marked(): Sharp {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#2050c0"/><rect width="20" height="15" fill="#e02020"/></svg>';
  return sharp(Buffer.from(svg));
}

/** Whether the pixel at (x, y) of an encoded image is red. */
async function isRed(bytes: Uint8Array, x: number, y: number): Promise<boolean> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return (data[offset] ?? 0) > 150 && (data[offset + 2] ?? 0) < 100;
}

/** Where the stored top-left corner lands once displayed, for each orientation (on a 30×40 or 40×30 result). */
const STORED_TOP_LEFT_DISPLAYED_AT: Record<number, 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'> = {
  1: 'top-left', 2: 'top-right', 3: 'bottom-right', 4: 'bottom-left', 5: 'top-left', 6: 'top-right', 7: 'bottom-right', 8: 'bottom-left',
};

describe('prepareImage', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8].map((orientation) => ({ orientation })))(
    'turns a JPEG with EXIF orientation $orientation upright and records it',
    async ({ orientation }) => {
      const input = new Uint8Array(await marked().jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer());

      const prepared = await prepareImage(input, { format: 'png' });

      const swap = orientation >= 5;
      expect([prepared.width, prepared.height]).toEqual(swap ? [30, 40] : [40, 30]);
      expect(prepared.transform).toEqual({ originalSize: { width: 40, height: 30 }, orientation, steps: [] });
      const corner = STORED_TOP_LEFT_DISPLAYED_AT[orientation];
      const x = corner?.endsWith('left') === true ? 2 : prepared.width - 3;
      const y = corner?.startsWith('top') === true ? 2 : prepared.height - 3;
      expect(await isRed(prepared.bytes, x, y)).toBe(true);
    },
  );

  it('scales down to maxSide keeping the aspect ratio, and never up', async () => {
    const input = new Uint8Array(await sharp({ create: { width: 600, height: 400, channels: 3, background: '#888' } }).jpeg().toBuffer());

    const down = await prepareImage(input, { maxSide: 300 });
    const same = await prepareImage(input, { maxSide: 1000 });

    expect(down).toMatchObject({ width: 300, height: 200, mimeType: 'image/jpeg', format: 'jpeg' });
    expect(down.transform.steps).toEqual([{ type: 'resize', size: { width: 300, height: 200 } }]);
    expect(same).toMatchObject({ width: 600, height: 400 });
    expect(same.transform.steps).toEqual([]);
  });

  it('resizes to an exact target size after orientation, and the transform maps boxes back', async () => {
    const input = new Uint8Array(
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
    );

    const prepared = await prepareImage(input, { targetSize: { width: 150, height: 200 } });
    const frame = createFrameTransform(prepared.transform);

    expect([prepared.width, prepared.height]).toEqual([150, 200]);
    expect(frame.sentSize).toEqual({ width: 150, height: 200 });
    expect(frame.displayedSize).toEqual({ width: 300, height: 400 });
    expect(frame.normalizedBoxToOriginal([0, 0, 500, 500])).toEqual({ x0: 0, y0: 0, x1: 150, y1: 200 });
  });

  it('strips EXIF (GPS included) by default and keeps it on request', async () => {
    const input = new Uint8Array(
      await marked()
        .jpeg()
        .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } })
        .toBuffer(),
    );

    const stripped = await prepareImage(input);
    const kept = await prepareImage(input, { stripMetadata: false });

    expect((await sharp(stripped.bytes).metadata()).exif).toBeUndefined();
    expect((await sharp(kept.bytes).metadata()).exif?.includes('Phone')).toBe(true);
  });

  it('resets the orientation tag when keeping metadata of a turned image', async () => {
    const input = new Uint8Array(await marked().jpeg().withMetadata({ orientation: 6 }).toBuffer());

    const prepared = await prepareImage(input, { stripMetadata: false });

    expect([prepared.width, prepared.height]).toEqual([30, 40]);
    expect((await sharp(prepared.bytes).metadata()).orientation ?? 1).toBe(1);
  });

  it('keeps the stored pixels when autoOrient is false', async () => {
    const input = new Uint8Array(await marked().jpeg().withMetadata({ orientation: 6 }).toBuffer());

    const prepared = await prepareImage(input, { autoOrient: false });

    expect([prepared.width, prepared.height]).toEqual([40, 30]);
    expect(prepared.transform.orientation).toBe(1);
  });

  it('decodes AVIF already turned by its irot, and records the orientation', async () => {
    const input = new Uint8Array(await marked().avif().withMetadata({ orientation: 6 }).toBuffer());

    const prepared = await prepareImage(input, { autoOrient: false, format: 'png' });

    expect([prepared.width, prepared.height]).toEqual([30, 40]);
    expect(prepared.transform).toEqual({ originalSize: { width: 40, height: 30 }, orientation: 6, steps: [] });
    expect(await isRed(prepared.bytes, 27, 2)).toBe(true);
  });

  it.each([
    { from: 'png', to: undefined, mimeType: 'image/png' },
    { from: 'gif', to: undefined, mimeType: 'image/png' },
    { from: 'avif', to: undefined, mimeType: 'image/jpeg' },
    { from: 'png', to: 'webp', mimeType: 'image/webp' },
    { from: 'webp', to: 'jpeg', mimeType: 'image/jpeg' },
  ] as const)('encodes $from as $mimeType when format is $to', async ({ from, to, mimeType }) => {
    const input = new Uint8Array(await marked()[from]().toBuffer());

    const prepared = await prepareImage(input, to === undefined ? {} : { format: to });

    expect(prepared.mimeType).toBe(mimeType);
    expect((await sharp(prepared.bytes).metadata()).format).toBe(mimeType.slice(6));
  });

  it('refuses HEIC it cannot decode, saying to send it as it is or convert it', async () => {
    const path = new URL('heif-enc-64x48.heic', fixtures).pathname;

    const failure = await prepareImage(path).catch((caught: unknown) => caught);

    expect(failure).toBeInstanceOf(ImageUnsupportedFormatError);
    expect((failure as Error).message).toMatch(/HEVC/u);
    expect((failure as Error).message).toMatch(/send the original bytes unchanged/u);
    expect((failure as Error).message).toContain(path);
  });

  it('refuses a truncated JPEG with a decode error', async () => {
    const full = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).jpeg().toBuffer();

    const failure = await prepareImage(new Uint8Array(full.subarray(0, Math.floor(full.length / 2)))).catch((caught: unknown) => caught);

    expect(failure).toBeInstanceOf(ImageDecodeError);
    expect((failure as Error).message).toMatch(/a \d+-byte buffer with the `sharp` codec/u);
  });

  it('refuses a PNG whose header claims 100000×100000 before decoding it', async () => {
    const bytes = new Uint8Array(await readFile(new URL('japanese-bento-512.png', fixtures)));
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(16, 100_000);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(20, 100_000);

    await expect(prepareImage(bytes)).rejects.toBeInstanceOf(ImageTooLargeError);
  });

  it('refuses conflicting or invalid options', async () => {
    const input = new Uint8Array(await marked().png().toBuffer());

    await expect(prepareImage(input, { maxSide: 10, targetSize: { width: 5, height: 5 } })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(prepareImage(input, { quality: 0 })).rejects.toThrow(/options\.quality/u);
    await expect(prepareImage(input, { format: 'tiff' as 'png' })).rejects.toThrow(/options\.format/u);
    await expect(prepareImage(input, { maxSide: 1.5 })).rejects.toThrow(/options\.maxSide/u);
  });
});
