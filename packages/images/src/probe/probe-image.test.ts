import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  ImageTooLargeError,
  ImageUnreadableError,
  ImageUnsupportedFormatError,
  InvalidArgumentError,
} from '@gemini-vision/core';

import { createImageProber } from './create-image-prober';
import { probeImage } from './probe-image';

const fixtures = new URL('../__fixtures__/', import.meta.url);
const ORIENTATIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** A 40×30 image whose stored top-left quadrant is red, so orientation is visible in pixels. */
function marked(): Sharp {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#2050c0"/><rect width="20" height="15" fill="#e02020"/></svg>';
  return sharp(Buffer.from(svg));
}

async function encode(format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif', orientation?: number): Promise<Uint8Array> {
  const image = marked()[format]();
  return new Uint8Array(await (orientation === undefined ? image : image.withMetadata({ orientation })).toBuffer());
}

/** A PNG signature and IHDR claiming `width × height`, with nothing after it. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 2, 0, 0, 0], 24);
  return bytes;
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'probe-image-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('probeImage', () => {
  it.each(ORIENTATIONS.flatMap((orientation) => (['jpeg', 'png', 'webp'] as const).map((format) => ({ format, orientation }))))(
    'reads EXIF orientation $orientation from $format like sharp does',
    async ({ format, orientation }) => {
      const bytes = await encode(format, orientation);

      const info = await probeImage(bytes);
      const sharpInfo = await sharp(bytes).metadata();

      expect(info).toMatchObject({ format, mimeType: `image/${format}`, width: 40, height: 30, orientation });
      expect([info.displayWidth, info.displayHeight]).toEqual(orientation >= 5 ? [30, 40] : [40, 30]);
      expect([info.displayWidth, info.displayHeight]).toEqual([sharpInfo.autoOrient.width, sharpInfo.autoOrient.height]);
    },
  );

  it.each(ORIENTATIONS.map((orientation) => ({ orientation })))(
    'maps AVIF irot/imir written for orientation $orientation back to $orientation',
    async ({ orientation }) => {
      const bytes = await encode('avif', orientation);

      const info = await probeImage(bytes);
      const sharpInfo = await sharp(bytes).metadata(); // libheif applies irot/imir itself

      expect(info).toMatchObject({ format: 'avif', mimeType: 'image/avif', width: 40, height: 30, orientation });
      expect([info.displayWidth, info.displayHeight]).toEqual([sharpInfo.width, sharpInfo.height]);
    },
  );

  it('reads a GIF', async () => {
    expect(await probeImage(await encode('gif'))).toMatchObject({ format: 'gif', mimeType: 'image/gif', width: 40, height: 30, orientation: 1 });
  });

  it('reads a HEIC made by heif-enc (iloc version 1, a grid item) that probe-image-size cannot', async () => {
    const info = await probeImage(new URL('heif-enc-64x48.heic', fixtures).pathname);

    expect(info).toEqual({
      format: 'heic',
      mimeType: 'image/heic',
      width: 64,
      height: 48,
      orientation: 1,
      displayWidth: 64,
      displayHeight: 48,
      byteLength: 547,
    });
  });

  it('ignores EXIF orientation inside HEIC, as libheif and sharp do', async () => {
    const path = new URL('heif-enc-64x48-exif-orientation-6.heic', fixtures).pathname;

    const info = await probeImage(path);
    const sharpInfo = await sharp(path).metadata();

    expect(info.orientation).toBe(1);
    expect([info.displayWidth, info.displayHeight]).toEqual([sharpInfo.width, sharpInfo.height]);
  });

  it('reports image/heif for a HEIF whose major brand is mif1', async () => {
    const bytes = new Uint8Array(await readFile(new URL('heif-enc-64x48.heic', fixtures)));
    bytes.set([0x6d, 0x69, 0x66, 0x31], 8); // major brand 'heic' → 'mif1'

    expect(await probeImage(bytes)).toMatchObject({ format: 'heif', mimeType: 'image/heif', width: 64, height: 48 });
  });

  it('sniffs the real type: the cookbook "cupcakes.jpg" is a PNG', async () => {
    const info = await probeImage(new URL('cupcakes.jpg', fixtures).pathname);

    expect(info).toMatchObject({ mimeType: 'image/png', format: 'png', width: 1024, height: 1024, byteLength: 1_619_989 });
  });

  it('finds the frame header of a JPEG behind 1 MB of XMP segments', async () => {
    const jpeg = await marked().jpeg().withMetadata({ orientation: 8 }).toBuffer();
    const segment = Buffer.alloc(4 + 65_533, 0x20);
    segment.set([0xff, 0xe1, 0xff, 0xff]);
    const bytes = Buffer.concat([jpeg.subarray(0, 2), ...Array.from({ length: 16 }, () => segment), jpeg.subarray(2)]);

    expect(await probeImage(new Uint8Array(bytes))).toMatchObject({ width: 40, height: 30, orientation: 8, displayWidth: 30 });
  });

  it('reads from a stream in small chunks', async () => {
    const bytes = await encode('webp', 6);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) => bytes.subarray(index * 7, index * 7 + 7));

    const info = await probeImage(Readable.from(chunks));

    expect(info).toMatchObject({ format: 'webp', orientation: 6, displayWidth: 30, displayHeight: 40, byteLength: undefined });
  });

  it('stops reading a stream at the header and leaves it open', async () => {
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .toBuffer();
    const chunks = Array.from({ length: Math.ceil(photo.length / 1024) }, (_, index) => photo.subarray(index * 1024, index * 1024 + 1024));
    const stream = Readable.from(chunks);

    const info = await probeImage(stream);

    expect(info).toMatchObject({ width: 600, height: 400 });
    expect(stream.destroyed).toBe(false);
    expect(stream.readableEnded).toBe(false);
  });

  it('reads the same from a file asynchronously', async () => {
    const path = join(directory, 'async.webp');
    await writeFile(path, await encode('webp', 5));

    expect(await probeImage(path, { fileAccess: 'async' })).toEqual(await probeImage(path));
  });

  it.each([
    { name: 'an empty file', bytes: new Uint8Array(0), error: ImageUnreadableError, message: /empty \(0 bytes\)/u },
    { name: 'a PNG cut inside its IHDR', bytes: pngHeader(10, 10).subarray(0, 20), error: ImageUnreadableError, message: /PNG header is truncated/u },
    { name: 'a JPEG cut before its frame header', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), error: ImageUnreadableError, message: /JPEG header is truncated/u },
    { name: 'a text file', bytes: new TextEncoder().encode('hello, world\n'), error: ImageUnsupportedFormatError, message: /match no supported image format/u },
    { name: 'an SVG', bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), error: ImageUnsupportedFormatError, message: /markup/u },
    { name: 'a TIFF', bytes: new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), error: ImageUnsupportedFormatError, message: /a TIFF image/u },
    { name: 'an MP4 video', bytes: new Uint8Array([0, 0, 0, 16, ...new TextEncoder().encode('ftypisom'), 0, 0, 0, 0]), error: ImageUnsupportedFormatError, message: /ISO media file of brand "isom"/u },
    { name: 'a 100000×100000 PNG header (decompression bomb)', bytes: pngHeader(100_000, 100_000), error: ImageTooLargeError, message: /at most 268402689 pixels .* claims 100000×100000/u },
    { name: 'a JPEG whose frame header says 0×0', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]), error: ImageUnreadableError, message: /claims a size of 0×0/u },
  ])('refuses $name with a typed error naming the file', async ({ name, bytes, error, message }) => {
    const path = join(directory, `${name.replaceAll(/[^a-z0-9]+/gu, '-')}.jpg`);
    await writeFile(path, bytes);

    const failure = await probeImage(path).catch((caught: unknown) => caught);

    expect(failure).toBeInstanceOf(error);
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).toContain(path);
    expect((failure as { source: string }).source).toBe(path);
  });

  it('describes in-memory input by its size, not its content', async () => {
    await expect(probeImage(new TextEncoder().encode('secret text'))).rejects.toThrow(/the image a 11-byte buffer/u);
  });

  it('refuses a missing file and a directory', async () => {
    await mkdir(join(directory, 'folder.png'), { recursive: true });

    await expect(probeImage(join(directory, 'missing.png'))).rejects.toThrow(/does not exist/u);
    await expect(probeImage(join(directory, 'folder.png'))).rejects.toThrow(/is a directory/u);
    await expect(probeImage(join(directory, 'missing.png'), { fileAccess: 'async' })).rejects.toBeInstanceOf(ImageUnreadableError);
  });

  it('reads a huge header when the pixel limit is lifted', async () => {
    const info = await probeImage(pngHeader(100_000, 100_000), { maxPixels: Infinity });

    expect(info).toMatchObject({ width: 100_000, height: 100_000 });
  });

  it('refuses invalid arguments', async () => {
    await expect(probeImage(42 as unknown as string)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(probeImage(new Uint8Array(1), { maxPixels: 0 })).rejects.toThrow(/options\.maxPixels/u);
    await expect(probeImage('x', { fileAccess: 'fast' as 'sync' })).rejects.toThrow(/options\.fileAccess/u);
  });
});

describe('createImageProber', () => {
  it('returns an ImageProber port that applies its settings', async () => {
    const prober = createImageProber({ maxPixels: 100 });

    expect(prober.name).toBe('probe-image-size');
    await expect(prober.probe(await encode('png'))).rejects.toBeInstanceOf(ImageTooLargeError);
    await expect(createImageProber().probe(await encode('png'))).resolves.toMatchObject({ width: 40 });
  });
});
