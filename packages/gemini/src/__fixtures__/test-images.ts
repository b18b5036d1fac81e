// Test images made on the fly (no binary fixtures needed): PNGs of any size, encoded with fast-png.
import { encode } from 'fast-png';

/** A smooth RGB gradient PNG of the given size; `seed` changes the colours (and so the hash). */
export function createGradientPng(width: number, height: number, seed = 0): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      data[offset] = (x * 255) / width;
      data[offset + 1] = (y * 255) / height;
      data[offset + 2] = seed % 256;
    }
  }
  return encode({ width, height, data, channels: 3, depth: 8 });
}

/** An RGB PNG of noise, which does not compress: about `width × height × 3` bytes. */
export function createNoisePng(width: number, height: number, seed = 1): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < data.length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data[index] = state & 0xff;
  }
  return encode({ width, height, data, channels: 3, depth: 8 });
}
