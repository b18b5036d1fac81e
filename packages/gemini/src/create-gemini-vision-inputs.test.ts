// Inputs Gemini cannot take as they are (GIF, AVIF) and EXIF-rotated photos, end to end: the real
// SDK against the emulator, the real prober and preparer from @gemini-vision/images.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { RequestLimitExceededError, type ImagePreparer } from '@gemini-vision/core';
import { createImageProber, createPngMaskDecoder, prepareImage } from '@gemini-vision/images';

import { createGeminiVision, type GeminiVisionSettings } from './create-gemini-vision';
import { startEmulator, type Emulator } from './emulator/index';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`__fixtures__/${name}`, import.meta.url)));
/** 48×32 palette GIF, left half opaque blue, right half transparent with a yellow disc. */
const gif = fixture('palette-48x32.gif');
/** 64×40 AVIF photo. */
const avif = fixture('photo-64x40.avif');
/** JPEG stored 80×60 with EXIF orientation 6: displayed 60×80 (portrait). */
const rotatedJpeg = fixture('exif-6-80x60.jpg');
const REPLY = '[{"box_2d": [100, 200, 300, 400], "label": "square"}]';
const sharpPreparer: ImagePreparer = { name: 'sharp', prepare: prepareImage };

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterEach(() => {
  emulator.reset();
});

afterAll(async () => {
  await emulator.close();
});

function createVision(settings: Partial<GeminiVisionSettings> = {}) {
  return createGeminiVision({
    apiKey: 'test-key',
    baseUrl: emulator.url,
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    imagePreparer: sharpPreparer,
    retry: false,
    ...settings,
  });
}

/** The MIME types of the image parts of every generateContent call the emulator received. */
function sentMimeTypes(): string[] {
  return emulator.requests
    .filter((request) => request.route === 'generateContent')
    .flatMap((request) => (request.body as { contents: { parts: { inlineData?: { mimeType: string } }[] }[] }).contents)
    .flatMap((content) => content.parts.flatMap((part) => (part.inlineData === undefined ? [] : [part.inlineData.mimeType])));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('createGeminiVision (GIF and AVIF, which Gemini does not accept)', () => {
  it.each([
    { name: 'GIF', bytes: gif, sentType: 'image/png', size: { width: 48, height: 32 } },
    { name: 'AVIF', bytes: avif, sentType: 'image/jpeg', size: { width: 64, height: 40 } },
  ])('converts $name through the imagePreparer to $sentType at its own size', async ({ bytes, sentType, size }) => {
    emulator.addFixtures([{ id: 'square', match: { promptIncludes: ['bounding boxes of the squares'] }, text: REPLY }]);
    const vision = createVision();

    const result = await vision.detect(bytes, { target: 'the squares' });

    expect(result.images[0]).toMatchObject({ prepared: true, mimeType: sentType, sentSize: size, transport: 'inline' });
    expect(result.images[0]?.sha256).not.toBe(sha256(bytes));
    expect(result.imageSize).toEqual(size);
    expect(result.items[0]?.box).toEqual({
      x0: Math.floor(0.2 * size.width),
      y0: Math.floor(0.1 * size.height),
      x1: Math.floor(0.4 * size.width),
      y1: Math.floor(0.3 * size.height),
    });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(sentMimeTypes()).toEqual([sentType]);
  });

  it('converts and resizes in one step when a resize is asked for, and maps back to the original’s pixels', async () => {
    emulator.addFixtures([{ id: 'square', match: { promptIncludes: ['bounding boxes of the squares'] }, text: REPLY }]);
    const vision = createVision({ prepare: { maxSide: 24 } });

    const result = await vision.detect(gif, { target: 'the squares' });

    expect(result.images[0]).toMatchObject({ mimeType: 'image/png', sentSize: { width: 24, height: 16 } });
    expect(result.imageSize).toEqual({ width: 48, height: 32 });
    expect(result.items[0]?.box).toEqual({ x0: 9, y0: 3, x1: 19, y1: 9 });
    expect(sentMimeTypes()).toEqual(['image/png']);
  });

  it('converts every unaccepted image of a multi-image prompt and leaves the others as they are', async () => {
    const png = await prepareImage(gif, { format: 'png' });
    const vision = createVision();

    const result = await vision.caption([png.bytes, avif]);

    expect(result.images.map((image) => [image.prepared, image.mimeType])).toEqual([
      [false, 'image/png'],
      [true, 'image/jpeg'],
    ]);
    expect(result.images[0]?.sha256).toBe(sha256(png.bytes));
    expect(sentMimeTypes()).toEqual(['image/png', 'image/jpeg']);
  });

  it('estimates on the converted image without sending anything', async () => {
    const vision = createVision();

    const { images, estimate } = await vision.estimate('caption', avif);

    expect(images[0]).toMatchObject({ mimeType: 'image/jpeg', sentSize: { width: 64, height: 40 } });
    expect(estimate.imageTokens).toBe(258);
    expect(emulator.requests).toEqual([]);
  });

  it.each([
    { name: 'GIF', bytes: gif, type: 'image/gif' },
    { name: 'AVIF', bytes: avif, type: 'image/avif' },
  ])('refuses $name without an imagePreparer, saying to configure one or convert the file', async ({ bytes, type }) => {
    const vision = createVision({ imagePreparer: undefined });

    const error: unknown = await vision.detect(bytes).catch((caught: unknown) => caught);

    expect(RequestLimitExceededError.isInstance(error)).toBe(true);
    expect((error as RequestLimitExceededError).violations).toEqual([
      { code: 'UNSUPPORTED_MIME_TYPE', index: 0, mimeType: type, message: (error as Error).message },
    ]);
    expect((error as Error).message).toBe(
      `Image 0 (a ${bytes.byteLength}-byte buffer) is \`${type}\`, which Gemini does not accept (only image/png, image/jpeg, image/webp, image/heic, image/heif). ` +
        "Configure an `imagePreparer` (e.g. `{ name: 'sharp', prepare: prepareImage }` from @gemini-vision/images) to convert it automatically, or convert the file to PNG, JPEG or WebP.",
    );
    await expect(vision.estimate('caption', bytes)).rejects.toSatisfy((error) => RequestLimitExceededError.isInstance(error));
    expect(emulator.requests).toEqual([]);
  });

  it('refuses a conversion that still gives a type Gemini does not accept, naming the preparer', async () => {
    const keepsGif: ImagePreparer = {
      name: 'passthrough',
      prepare: async (input) => {
        const prepared = await prepareImage(input);
        return { ...prepared, bytes: gif, mimeType: 'image/gif' };
      },
    };
    const vision = createVision({ imagePreparer: keepsGif });

    await expect(vision.caption(avif)).rejects.toThrow(/is `image\/gif`, .* The `imagePreparer` `passthrough` produced it from image\/avif/u);
    expect(emulator.requests).toEqual([]);
  });
});

describe('createGeminiVision (EXIF-rotated photos)', () => {
  it('sends a rotated photo upright with an imagePreparer, so results are in displayed pixels', async () => {
    emulator.addFixtures([{ id: 'square', match: { promptIncludes: ['bounding boxes of the squares'] }, text: REPLY }]);
    const vision = createVision();

    const result = await vision.detect(rotatedJpeg, { target: 'the squares' });

    expect(result.images[0]).toMatchObject({ prepared: true, sentSize: { width: 60, height: 80 }, transform: { orientation: 6 } });
    expect(result.imageSize).toEqual({ width: 60, height: 80 });
    expect(result.items[0]?.box).toEqual({ x0: 12, y0: 8, x1: 24, y1: 24 });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('sends a rotated photo as stored without an imagePreparer, with a typed issue that coordinates are on the stored grid', async () => {
    emulator.addFixtures([{ id: 'square', match: { promptIncludes: ['bounding boxes of the squares'] }, text: REPLY }]);
    const vision = createVision({ imagePreparer: undefined });

    const result = await vision.detect(rotatedJpeg, { target: 'the squares' });

    expect(result.images[0]).toMatchObject({ prepared: false, mimeType: 'image/jpeg', sentSize: { width: 80, height: 60 }, sha256: sha256(rotatedJpeg) });
    expect(result.imageSize).toEqual({ width: 80, height: 60 });
    expect(result.items[0]?.box).toEqual({ x0: 16, y0: 6, x1: 32, y1: 18 });
    expect(result.issues).toEqual([
      {
        code: 'orientation-not-applied',
        severity: 'warning',
        message:
          'Image 0 has EXIF orientation 6 but was sent as stored, so coordinates refer to its stored 80×60 pixel grid, not to the 60×80 image as displayed. ' +
          'Configure an `imagePreparer` to send it upright.',
        imageIndex: 0,
        orientation: 6,
        storedSize: { width: 80, height: 60 },
        displayedSize: { width: 60, height: 80 },
      },
    ]);
    expect(result.warnings).toEqual([
      'Image 0 has EXIF orientation 6 but was sent unrotated (no imagePreparer); coordinates refer to its stored pixel grid.',
    ]);
  });

  it.each(['point', 'segment'] as const)('reports the stored grid on %s results too, before the parse issues', async (task) => {
    const vision = createVision({ imagePreparer: undefined });

    const result = task === 'point' ? await vision.point(rotatedJpeg, { maxItems: 1 }) : await vision.segment(rotatedJpeg, { maxItems: 1 });

    expect(result.imageSize).toEqual({ width: 80, height: 60 });
    expect(result.issues[0]).toMatchObject({ code: 'orientation-not-applied', imageIndex: 0, orientation: 6 });
    for (const item of result.items) {
      const x = 'point' in item ? item.point.x : item.box.x1;
      expect(x).toBeLessThanOrEqual(80);
    }
  });

  it('reports no orientation issue for an upright photo sent as it is', async () => {
    const upright = await prepareImage(rotatedJpeg, { format: 'jpeg' });
    const vision = createVision({ imagePreparer: undefined });

    const result = await vision.detect(upright.bytes);

    expect(result.images[0]).toMatchObject({ prepared: false, original: { orientation: 1 } });
    expect(result.imageSize).toEqual({ width: 60, height: 80 });
    expect(result.issues.map((issue) => issue.code)).not.toContain('orientation-not-applied');
  });
});
