import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import {
  InvalidArgumentError,
  type NormalizedBox,
  type PixelBox,
  placeSegmentationMask,
} from '@gemini-vision/core';

import { createPngMaskDecoder } from '../masks/create-png-mask-decoder';
import { renderOverlay, type OverlayItem } from './render-overlay';

const fixtures = new URL('../__fixtures__/', import.meta.url);
const cupcakes = fileURLToPath(new URL('cupcakes.jpg', fixtures));
const bento = fileURLToPath(new URL('japanese-bento-512.png', fixtures));

async function readItems<T>(name: string): Promise<T[]> {
  const text = await readFile(new URL(name, fixtures), 'utf8');
  return JSON.parse(text.replace(/^```json\s*/u, '').replace(/```\s*$/u, '')) as T[];
}

async function rgb(bytes: Uint8Array | string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function pixel(image: { data: Buffer; width: number }, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 3;
  return [image.data[offset] ?? 0, image.data[offset + 1] ?? 0, image.data[offset + 2] ?? 0];
}

function toPixelBox([y0 = 0, x0 = 0, y1 = 0, x1 = 0]: readonly number[], size: number): PixelBox {
  return { x0: Math.floor((x0 / 1000) * size), y0: Math.floor((y0 / 1000) * size), x1: Math.floor((x1 / 1000) * size), y1: Math.floor((y1 / 1000) * size) };
}

async function bentoItems(): Promise<OverlayItem[]> {
  const items = await readItems<{ box_2d: number[]; label: string }>('japanese-bento__detect__gemini-2.5-flash-preview-05-20__cookbook-ts.txt');
  return items.map((item) => ({ label: item.label, box: toPixelBox(item.box_2d, 512) }));
}

/** Near-white or near-black pixels: label text on a grey canvas. */
function textPixels(image: { data: Buffer; width: number; height: number }): number {
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 3) {
    const [red = 0, green = 0, blue = 0] = [image.data[offset], image.data[offset + 1], image.data[offset + 2]];
    if ((red > 225 && green > 225 && blue > 225) || (red < 30 && green < 30 && blue < 30)) count += 1;
  }
  return count;
}

describe('renderOverlay', () => {
  it('tints the masks of a real segmentation response and leaves the rest of the photo alone', async () => {
    const items = await readItems<{ box_2d: NormalizedBox; mask: string; label: string }>('cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt');
    const decoder = createPngMaskDecoder();
    const placed = await Promise.all(
      items.map(async (item) => {
        const result = placeSegmentationMask(await decoder.decodePng(new Uint8Array(Buffer.from(item.mask.split(',')[1] ?? '', 'base64'))), item.box_2d, { width: 1024, height: 1024 });
        return { label: item.label, result };
      }),
    );
    const drawn: OverlayItem[] = placed.map(({ label, result }) => ({
      label,
      box: result.box,
      ...(result.degenerate ? {} : { mask: { box: result.box, mask: result.mask } }),
      color: '#ff00ff',
    }));

    const overlay = await rgb(await renderOverlay(cupcakes, { items: drawn }));
    const original = await rgb(cupcakes);

    expect([overlay.width, overlay.height]).toEqual([1024, 1024]);
    // The first item (a metal pot, box 404..592 × 159..370): its mask centre turns magenta-ish.
    const [red = 0, green = 0, blue = 0] = pixel(overlay, 498, 300);
    const [, originalGreen = 0] = pixel(original, 498, 300);
    expect(red).toBeGreaterThan(green + 60);
    expect(blue).toBeGreaterThan(green + 60);
    expect(green).toBeLessThan(originalGreen);
    // A cupcake at the bottom is in no box: untouched, byte for byte.
    expect(pixel(overlay, 230, 860)).toEqual(pixel(original, 230, 860));
  });

  it('draws every Japanese label of the real bento response with the bundled font', async () => {
    const items = await bentoItems();
    // On a mid-grey canvas, near-white or near-black pixels can only be label text.
    const grey = new Uint8Array(await sharp({ create: { width: 512, height: 512, channels: 3, background: '#808080' } }).png().toBuffer());

    for (const item of items) {
      const overlay = await rgb(await renderOverlay(grey, { items: [item] }, { fontSize: 16 }));

      expect(textPixels(overlay)).toBeGreaterThan(8 * Array.from(item.label ?? '').length);
    }
  });

  it('places labels so that no tag hides another', async () => {
    const items = await bentoItems();
    const grey = new Uint8Array(await sharp({ create: { width: 512, height: 512, channels: 3, background: '#808080' } }).png().toBuffer());
    let separately = 0;
    for (const item of items) separately += textPixels(await rgb(await renderOverlay(grey, { items: [item] }, { fontSize: 16 })));

    const together = textPixels(await rgb(await renderOverlay(grey, { items }, { fontSize: 16 })));

    expect(together).toBeGreaterThan(0.97 * separately);
  });

  it('renders the same labels when fontconfig has no fonts at all', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'overlay-fonts-'));
    try {
      const emptyConfig = join(directory, 'fonts.conf');
      await writeFile(emptyConfig, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
      const output = join(directory, 'child.png');
      const items = await bentoItems();
      const script = [
        `import { writeFileSync } from 'node:fs';`,
        `import { renderOverlay } from ${JSON.stringify(fileURLToPath(new URL('render-overlay.ts', import.meta.url)))};`,
        `writeFileSync(${JSON.stringify(output)}, await renderOverlay(${JSON.stringify(bento)}, { items: ${JSON.stringify(items)} }));`,
      ].join('\n');

      await promisify(execFile)(
        process.execPath,
        ['--conditions=@gemini-vision/source', '--import', 'tsx', '--input-type=module', '--eval', script],
        { cwd: fileURLToPath(new URL('../..', import.meta.url)), env: { ...process.env, FONTCONFIG_FILE: emptyConfig, FONTCONFIG_PATH: directory, HOME: directory } },
      );

      const inProcess = await renderOverlay(bento, { items });
      expect(new Uint8Array(await readFile(output))).toEqual(inProcess);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('draws a token grid with a caption', async () => {
    const plain = await rgb(bento);

    const overlay = await rgb(await renderOverlay(bento, { grid: { columns: 4, rows: 2, caption: '4 × 2 = 8 tiles' } }));

    const changed = (x: number, y: number): boolean => pixel(overlay, x, y).some((value, channel) => Math.abs(value - (pixel(plain, x, y)[channel] ?? 0)) > 30);
    expect(changed(128, 300)).toBe(true); // the line between columns 1 and 2
    expect(changed(300, 256)).toBe(true); // the line between the rows
    expect(changed(190, 300)).toBe(false); // inside a cell
    expect(changed(5, 505)).toBe(true); // the caption in the bottom-left corner
  });

  it('marks points and encodes JPEG when asked', async () => {
    const jpeg = await renderOverlay(bento, { items: [{ point: { x: 256, y: 400 }, label: 'here', color: '#00ff00' }] }, { format: 'jpeg' });

    const image = await rgb(jpeg);

    expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
    const [red = 0, green = 0, blue = 0] = pixel(image, 256, 400);
    expect(green).toBeGreaterThan(200);
    expect(red + blue).toBeLessThan(120);
  });

  it('refuses invalid drawings and options', async () => {
    await expect(renderOverlay(bento, { items: [{ color: 'red' }] })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(renderOverlay(bento, { grid: { columns: 0, rows: 1 } })).rejects.toThrow(/drawing\.grid\.columns/u);
    await expect(renderOverlay(bento, {}, { format: 'gif' as 'png' })).rejects.toThrow(/options\.format/u);
    await expect(renderOverlay(bento, { items: [{ box: { x0: 5, y0: 5, x1: 1, y1: 9 } }] })).rejects.toThrow(/drawing\.items\[0\]\.box/u);
  });
});
