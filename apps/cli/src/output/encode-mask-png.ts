import { crc32, deflateSync } from 'node:zlib';

import type { Mask } from '@gemini-vision/core';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Encodes a single-channel mask as an 8-bit greyscale PNG (values kept as they are: 0 or 255 for
 * a thresholded mask).
 *
 * @param mask - The mask (`width × height` bytes, row by row).
 * @returns The PNG file bytes.
 *
 * @example
 * ```ts
 * await writeOutputFile('out/masks/00-cup.png', encodeMaskPng(item.mask), { force: false });
 * ```
 */
export function encodeMaskPng(mask: Mask): Uint8Array {
  const { width, height, data } = mask;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit, greyscale, deflate, adaptive filtering, no interlace
  const raw = new Uint8Array((width + 1) * height);
  for (let row = 0; row < height; row += 1) {
    raw[row * (width + 1)] = 0; // filter: none
    raw.set(data.subarray(row * width, (row + 1) * width), row * (width + 1) + 1);
  }
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, body.length);
  for (let index = 0; index < 4; index += 1) bytes[4 + index] = type.charCodeAt(index);
  bytes.set(body, 8);
  view.setUint32(8 + body.length, crc32(bytes.subarray(4, 8 + body.length)));
  return bytes;
}
