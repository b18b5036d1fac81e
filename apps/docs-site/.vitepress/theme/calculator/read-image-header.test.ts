import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { HEADER_READ_BYTES, readFileHeader, readImageHeader } from './read-image-header';

const portrait = new Uint8Array(readFileSync(new URL('../../../examples/assets/portrait-orientation-6.jpg', import.meta.url)));

/** A minimal PNG signature + IHDR chunk: enough header for a size. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24);
  return bytes;
}

describe('readImageHeader', () => {
  it('reads a JPEG’s stored size and EXIF orientation 6 and swaps the displayed sides', () => {
    const outcome = readImageHeader(portrait);
    expect(outcome).toEqual({
      ok: true,
      header: {
        mimeType: 'image/jpeg',
        supportedByGemini: true,
        storedSize: { width: 1200, height: 800 },
        orientation: 6,
        displayedSize: { width: 800, height: 1200 },
      },
    });
  });

  it('reads a PNG header with no orientation as orientation 1', () => {
    const outcome = readImageHeader(pngHeader(640, 482));
    expect(outcome.ok && outcome.header).toMatchObject({ mimeType: 'image/png', orientation: 1, displayedSize: { width: 640, height: 482 } });
  });

  it('reports bytes that are not an image', () => {
    const outcome = readImageHeader(new TextEncoder().encode('hello, world'));
    expect(outcome.ok).toBe(false);
  });

  it('reports a JPEG cut off before its frame header', () => {
    expect(readImageHeader(portrait.subarray(0, 40)).ok).toBe(false);
  });
});

describe('readFileHeader', () => {
  it('reads the header from the start of a Blob', async () => {
    const outcome = await readFileHeader(new Blob([portrait]));
    expect(outcome.ok && outcome.header.displayedSize).toEqual({ width: 800, height: 1200 });
  });

  it('reads the whole file when the header lies beyond the first read', async () => {
    // A JPEG whose frame header sits after a large APP segment: SOI, a 600 KB APP15, then the rest.
    const padding = HEADER_READ_BYTES + 100_000;
    const app15 = new Uint8Array(4 + 60_000);
    app15.set([0xff, 0xef, 0xea, 0x62]); // APP15, length 60002
    const segments = Array.from({ length: Math.ceil(padding / app15.length) }, () => app15);
    const outcome = await readFileHeader(new Blob([portrait.subarray(0, 2), ...segments, portrait.subarray(2)]));
    expect(outcome.ok && outcome.header.storedSize).toEqual({ width: 1200, height: 800 });
  });
});
