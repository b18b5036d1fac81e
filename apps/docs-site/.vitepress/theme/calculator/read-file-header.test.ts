import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { HEADER_READ_BYTES, readFileHeader } from './read-file-header';

const portrait = new Uint8Array(readFileSync(new URL('../../../examples/assets/portrait-orientation-6.jpg', import.meta.url)));

/** The portrait JPEG with `bytes` of APP15 segments between its start and its frame header. */
function withPaddingBeforeFrame(bytes: number): Blob {
  const app15 = new Uint8Array(4 + 60_000);
  app15.set([0xff, 0xef, 0xea, 0x62]); // APP15, length 60002
  const segments = Array.from({ length: Math.ceil(bytes / app15.length) }, () => app15);
  return new Blob([portrait.subarray(0, 2), ...segments, portrait.subarray(2)]);
}

describe('readFileHeader', () => {
  it('reads a JPEG’s stored size and EXIF orientation 6 from the start of a Blob', async () => {
    const outcome = await readFileHeader(new Blob([portrait]), 'portrait.jpg');

    expect(outcome).toEqual({
      ok: true,
      info: expect.objectContaining({ mimeType: 'image/jpeg', width: 1200, height: 800, orientation: 6, displayWidth: 800, displayHeight: 1200 }) as unknown,
    });
  });

  it('reads the whole file when the header lies beyond the first read', async () => {
    const outcome = await readFileHeader(withPaddingBeforeFrame(HEADER_READ_BYTES + 100_000));

    expect(outcome.ok && outcome.info).toMatchObject({ width: 1200, height: 800 });
  });

  it('reports why a file is not an image, naming it', async () => {
    const outcome = await readFileHeader(new Blob(['hello, world']), 'notes.txt');

    expect(outcome).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Could not recognise the image `notes\.txt`: its bytes match no supported image format\./u) as unknown,
    });
  });

  it('reports a header that is cut short in the whole file', async () => {
    const outcome = await readFileHeader(new Blob([portrait.subarray(0, 40)]), 'cut.jpg');

    expect(outcome.ok || outcome.reason).toMatch(/`cut\.jpg`: its JPEG header is truncated/u);
  });

  it('has no pixel limit: nothing is decoded', async () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 100_000);
    new DataView(png.buffer).setUint32(20, 100_000);

    expect(await readFileHeader(new Blob([png]))).toMatchObject({ ok: true, info: { width: 100_000, height: 100_000 } });
  });
});
