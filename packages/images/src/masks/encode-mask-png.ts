import { PNG } from 'pngjs';

import { InvalidArgumentError, type Mask } from '@gemini-vision/core';

import { toPlainBytes } from '../internal/to-plain-bytes';

/**
 * Encodes a {@link Mask} as an 8-bit greyscale PNG (one channel, values kept as they are: 0 and
 * 255 for a thresholded mask), synchronously, with pngjs.
 *
 * @remarks
 * The inverse of {@link createPngMaskDecoder}: decoding the result gives back the same `width`,
 * `height` and `data`. Rows use PNG's adaptive filtering and zlib's run-length strategy, which
 * suits masks (long runs of 0 and 255).
 *
 * @param mask - The mask: `width × height` bytes, row by row.
 * @returns The PNG file bytes.
 * @throws {@link InvalidArgumentError} If `mask` is not a mask: sides that are not positive
 * integers, or `data` that is not a `Uint8Array` of `width × height` bytes.
 *
 * @example
 * ```ts
 * const png = encodeMaskPng({ width: 2, height: 1, data: new Uint8Array([0, 255]) });
 * createPngMaskDecoder().decodePng(png); // { width: 2, height: 1, data: Uint8Array [0, 255] }
 * ```
 */
export function encodeMaskPng(mask: Mask): Uint8Array {
  assertMask(mask);
  const { width, height, data } = mask;
  // pngjs's sync writer reads only these fields of the `PNG` it is given (lib/packer-sync.js);
  // a real `PNG` would allocate a zeroed RGBA buffer of 4 × width × height bytes first.
  const image: Pick<PNG, 'width' | 'height' | 'data' | 'gamma'> = {
    width,
    height,
    data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    gamma: 0,
  };
  const png = PNG.sync.write(image as PNG, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  return toPlainBytes(png);
}

function assertMask(mask: unknown): asserts mask is Mask {
  const { width, height, data } = (typeof mask === 'object' && mask !== null ? mask : {}) as Partial<Mask>;
  if (!isPositiveInteger(width) || !isPositiveInteger(height)) {
    throw new InvalidArgumentError({
      argument: 'mask',
      expected: 'a mask with positive integer `width` and `height`',
      received: mask,
    });
  }
  if (!(data instanceof Uint8Array) || data.length !== width * height) {
    throw new InvalidArgumentError({
      argument: 'mask.data',
      expected: `a Uint8Array of ${width * height} bytes (width × height)`,
      received: data,
    });
  }
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
