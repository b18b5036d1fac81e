import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { readFromBytes, runSync } from './run-byte-requester';
import { readImageHeader, type ReadRequest } from './read-image-header';

/** Runs the header reader over `bytes`, counting what it reads. */
function readCounting(bytes: Uint8Array): { outcome: ReturnType<typeof runSync<unknown>>; bytesRead: number; reads: number } {
  const read = readFromBytes(bytes);
  let bytesRead = 0;
  let reads = 0;
  const outcome = runSync(readImageHeader(), (request: ReadRequest) => {
    const chunk = read(request);
    bytesRead += chunk.length;
    reads += 1;
    return chunk;
  });
  return { outcome, bytesRead, reads };
}

/** Inserts `count` APP1 segments of 65,533 payload bytes (extended XMP) right after a JPEG's SOI. */
function withSegmentsAfterStart(jpeg: Uint8Array, count: number): Uint8Array {
  const segment = new Uint8Array(4 + 65_533);
  segment.set([0xff, 0xe1, 0xff, 0xff]);
  segment.set(new TextEncoder().encode('http://ns.adobe.com/xmp/extension/\0'), 4);
  const out = new Uint8Array(jpeg.length + count * segment.length);
  out.set(jpeg.subarray(0, 2));
  for (let index = 0; index < count; index += 1) out.set(segment, 2 + index * segment.length);
  out.set(jpeg.subarray(2), 2 + count * segment.length);
  return out;
}

describe('readImageHeader', () => {
  it('jumps over 2 MB of extended-XMP segments before a JPEG frame header instead of reading them', async () => {
    const jpeg = new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } }).jpeg().toBuffer());
    const bytes = withSegmentsAfterStart(jpeg, 32);

    const { outcome, bytesRead } = readCounting(bytes);

    expect(outcome).toMatchObject({ ok: true, header: { format: 'jpeg', width: 64, height: 48 } });
    expect(bytes.length).toBeGreaterThan(2_000_000);
    expect(bytesRead).toBeLessThan(200_000); // one 4 KB read per 64 KB segment instead of all of it
  });

  it('reads a large WebP with EXIF at its end without reading the bitstream', async () => {
    const bytes = new Uint8Array(
      await sharp({ create: { width: 1500, height: 1000, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .webp({ quality: 95 })
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    );

    const { outcome, bytesRead } = readCounting(bytes);

    expect(outcome).toMatchObject({ ok: true, header: { format: 'webp', width: 1500, height: 1000, orientation: 6 } });
    expect(bytes.length).toBeGreaterThan(200_000);
    expect(bytesRead).toBeLessThan(70_000);
  });

  it('needs a single 16 KB read for an ordinary PNG', async () => {
    const bytes = new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 4, background: '#0f0a' } }).png().toBuffer());

    const { outcome, reads } = readCounting(bytes);

    expect(outcome).toMatchObject({ ok: true, header: { format: 'png', width: 300, height: 200, orientation: 1 } });
    expect(reads).toBe(1);
  });
});
