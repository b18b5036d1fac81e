// Boundary checks shared by the mask modules. Not part of the public API: the folder index does
// not re-export this file.
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { PixelBox, Size } from '../geometry/types';
import { assertFiniteNumber, assertPositiveInteger } from '../internal/assert';
import type { Mask } from './mask';

/** Throws unless `mask` is `{ width, height, data }` with positive integer sides and `width * height` bytes. */
export function assertMask(argument: string, mask: unknown): asserts mask is Mask {
  if (typeof mask !== 'object' || mask === null) {
    throw new InvalidArgumentError({
      argument,
      expected: 'a mask { width, height, data: Uint8Array }',
      received: mask,
      hint: 'Create one with createMask(width, height, data).',
    });
  }
  const { width, height, data } = mask as Partial<Mask>;
  assertPositiveInteger(`${argument}.width`, width);
  assertPositiveInteger(`${argument}.height`, height);
  if (!(data instanceof Uint8Array) || data.length !== width * height) {
    throw new InvalidArgumentError({
      argument: `${argument}.data`,
      expected: `a Uint8Array of ${width * height} bytes (width × height)`,
      received: data,
    });
  }
}

/** Throws unless `threshold` is a finite number. */
export function assertThreshold(argument: string, threshold: unknown): asserts threshold is number {
  assertFiniteNumber(argument, threshold);
}

/** Throws unless `value` is an integer (of any sign). */
export function assertInteger(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidArgumentError({ argument, expected: 'an integer', received: value });
  }
}

/** Throws unless `box` is `{ x0, y0, x1, y1 }` with integer corners, `x0 < x1` and `y0 < y1`. */
export function assertIntegerPixelBox(argument: string, box: unknown): asserts box is PixelBox {
  if (typeof box !== 'object' || box === null || Array.isArray(box)) {
    throw new InvalidArgumentError({ argument, expected: 'a pixel box { x0, y0, x1, y1 }', received: box });
  }
  const { x0, y0, x1, y1 } = box as Partial<PixelBox>;
  assertInteger(`${argument}.x0`, x0);
  assertInteger(`${argument}.y0`, y0);
  assertInteger(`${argument}.x1`, x1);
  assertInteger(`${argument}.y1`, y1);
  const hint =
    'A mask cannot be placed in an empty box; skip it (placeSegmentationMask flags such boxes as degenerate).';
  if (x1 <= x0) {
    throw new InvalidArgumentError({ argument: `${argument}.x1`, expected: `x1 > x0 (${x0})`, received: x1, hint });
  }
  if (y1 <= y0) {
    throw new InvalidArgumentError({ argument: `${argument}.y1`, expected: `y1 > y0 (${y0})`, received: y1, hint });
  }
}

/** Throws unless `frame` has positive integer `width` and `height`. */
export function assertFrame(argument: string, frame: unknown): asserts frame is Size {
  if (typeof frame !== 'object' || frame === null) {
    throw new InvalidArgumentError({ argument, expected: 'a size { width, height } in pixels', received: frame });
  }
  const { width, height } = frame as Partial<Size>;
  assertPositiveInteger(`${argument}.width`, width);
  assertPositiveInteger(`${argument}.height`, height);
  assertMaskSizeLimit(argument, width, height);
}

/**
 * Largest side (px) of a mask or frame that the mask functions allocate: 2^20 = 1,048,576. No
 * image format Gemini reads comes near it; the bound keeps the resampling tables small.
 */
export const MAX_MASK_SIDE = 1_048_576;

/**
 * Largest area (pixels, one byte each) of a mask or frame that the mask functions allocate:
 * 2^30 = 1,073,741,824 (1 GiB, e.g. 32768 × 32768). Beyond it `new Uint8Array` fails with an
 * untyped `RangeError` (above 2^32 in V8) or takes the process's memory.
 */
export const MAX_MASK_PIXELS = 1_073_741_824;

/**
 * Throws {@link InvalidArgumentError} unless a `width × height` mask (positive integers, checked
 * by the caller) may be allocated: at most {@link MAX_MASK_SIDE} per side and
 * {@link MAX_MASK_PIXELS} in all.
 */
export function assertMaskSizeLimit(argument: string, width: number, height: number): void {
  if (width > MAX_MASK_SIDE || height > MAX_MASK_SIDE || width * height > MAX_MASK_PIXELS) {
    throw new InvalidArgumentError({
      argument,
      expected: `a mask size of at most ${MAX_MASK_SIDE} px per side and ${MAX_MASK_PIXELS} pixels in all`,
      received: `${width}×${height}`,
      hint: 'Masks are held in memory, one byte per pixel; work on a smaller frame or a crop.',
    });
  }
}
