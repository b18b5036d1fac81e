import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';

import { encodeGrayscalePng } from './encode-grayscale-png';

describe('encodeGrayscalePng', () => {
  it.each([
    [1, 1],
    [3, 2],
    [256, 256],
  ])('round-trips a %i×%i gradient through fast-png', (width, height) => {
    const pixels = Uint8Array.from({ length: width * height }, (_, index) => (index * 37) % 256);

    const png = decode(encodeGrayscalePng(width, height, pixels));

    expect([png.width, png.height, png.channels, png.depth]).toEqual([width, height, 1, 8]);
    expect(Array.from(png.data)).toEqual(Array.from(pixels));
  });
});
