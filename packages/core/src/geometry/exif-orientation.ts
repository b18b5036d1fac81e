import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertPixelBox, assertPixelPoint, assertSize } from './assert-geometry';
import type { PixelBox, PixelPoint, Size } from './types';

/**
 * The EXIF `Orientation` tag (0x0112), 1..8: how the stored pixel grid must be transformed to be
 * displayed upright.
 *
 * @remarks
 * "Stored" is the pixel grid as encoded in the file (what a decoder that ignores EXIF returns,
 * `width × height` in the header); "displayed" is what a browser or `sharp().rotate()` shows.
 *
 * | value | stored → displayed | EXIF wording: stored row 0 is…, column 0 is… | displayed size |
 * |---|---|---|---|
 * | 1 | unchanged | top, left | W × H |
 * | 2 | mirror left↔right | top, right | W × H |
 * | 3 | rotate 180° | bottom, right | W × H |
 * | 4 | mirror top↔bottom | bottom, left | W × H |
 * | 5 | transpose (mirror left↔right, then rotate 90° counter-clockwise) | left, top | H × W |
 * | 6 | rotate 90° clockwise | right, top | H × W |
 * | 7 | transverse (mirror left↔right, then rotate 90° clockwise) | right, bottom | H × W |
 * | 8 | rotate 90° counter-clockwise (270° clockwise) | left, bottom | H × W |
 *
 * A phone photo held upright is typically stored landscape with orientation 6.
 *
 * @example
 * ```ts
 * const orientation: ExifOrientation = 6; // rotate the stored image 90° clockwise to display it
 * ```
 */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/**
 * Tells whether `value` is a valid EXIF orientation, an integer 1..8.
 *
 * @param value - Anything, e.g. a value read from image metadata.
 * @returns `true` for 1, 2, …, 8.
 *
 * @example
 * ```ts
 * isExifOrientation(6); // => true
 * isExifOrientation(0); // => false
 * ```
 */
export function isExifOrientation(value: unknown): value is ExifOrientation {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8;
}

/**
 * Returns the displayed size of an image stored with `storedSize` and the given EXIF orientation:
 * orientations 5–8 swap width and height.
 *
 * @param size - The stored size in pixels (positive integers).
 * @param orientation - EXIF orientation 1..8.
 * @returns The size as displayed.
 * @throws {@link InvalidArgumentError} If the size is not two positive integers or the
 * orientation is not 1..8.
 *
 * @example
 * ```ts
 * orientSize({ width: 4032, height: 3024 }, 6); // => { width: 3024, height: 4032 }
 * ```
 */
export function orientSize(size: Size, orientation: ExifOrientation): Size {
  assertSize('size', size);
  assertExifOrientation('orientation', orientation);
  return swapsAxes(orientation)
    ? { width: size.height, height: size.width }
    : { width: size.width, height: size.height };
}

/**
 * Returns the orientation that undoes `orientation`: applying one and then the other (on the
 * oriented size) is the identity. Rotations by 90° swap (6 ↔ 8); every other orientation is its
 * own inverse.
 *
 * @param orientation - EXIF orientation 1..8.
 * @returns The inverse orientation.
 * @throws {@link InvalidArgumentError} If the orientation is not 1..8.
 *
 * @example
 * ```ts
 * invertOrientation(6); // => 8
 * // displayed → stored: orientPoint(displayedPoint, displayedSize, invertOrientation(orientation))
 * ```
 */
export function invertOrientation(orientation: ExifOrientation): ExifOrientation {
  assertExifOrientation('orientation', orientation);
  return orientation === 6 ? 8 : orientation === 8 ? 6 : orientation;
}

/**
 * Maps a point on the stored pixel grid to where it appears on the displayed (EXIF-oriented)
 * image.
 *
 * @remarks
 * Coordinates are continuous: pixel `(i, j)` covers `[i, i + 1) × [j, j + 1)`, so its centre is
 * `(i + 0.5, j + 0.5)` and corners map to corners. With stored size `W × H`:
 * 1 `(x, y)`, 2 `(W − x, y)`, 3 `(W − x, H − y)`, 4 `(x, H − y)`, 5 `(y, x)`, 6 `(H − y, x)`,
 * 7 `(H − y, W − x)`, 8 `(y, W − x)`. To go back from displayed to stored, pass the displayed size
 * and {@link invertOrientation}.
 *
 * @param point - A point on the stored grid, in pixels.
 * @param storedSize - The stored size `W × H` in pixels (positive integers).
 * @param orientation - EXIF orientation 1..8.
 * @returns The point on the displayed image, in pixels.
 * @throws {@link InvalidArgumentError} If an argument is malformed.
 *
 * @example
 * ```ts
 * // Orientation 6: the stored top-left corner is displayed at the top-right.
 * orientPoint({ x: 0, y: 0 }, { width: 4032, height: 3024 }, 6); // => { x: 3024, y: 0 }
 * ```
 */
export function orientPoint(point: PixelPoint, storedSize: Size, orientation: ExifOrientation): PixelPoint {
  assertPixelPoint('point', point);
  assertSize('storedSize', storedSize);
  assertExifOrientation('orientation', orientation);
  return orientPointUnchecked(point.x, point.y, storedSize, orientation);
}

/**
 * Maps an axis-aligned pixel box on the stored grid to the displayed (EXIF-oriented) image.
 *
 * @remarks
 * Both corners are mapped with {@link orientPoint} and re-ordered, so the result is again a box
 * with `x0 ≤ x1` and `y0 ≤ y1`; under rotation width and height trade places.
 *
 * @param box - A box on the stored grid, in pixels.
 * @param storedSize - The stored size in pixels (positive integers).
 * @param orientation - EXIF orientation 1..8.
 * @returns The box on the displayed image.
 * @throws {@link InvalidArgumentError} If an argument is malformed.
 *
 * @example
 * ```ts
 * orientBox({ x0: 0, y0: 0, x1: 100, y1: 50 }, { width: 400, height: 300 }, 6);
 * // => { x0: 250, y0: 0, x1: 300, y1: 100 }
 * ```
 */
export function orientBox(box: PixelBox, storedSize: Size, orientation: ExifOrientation): PixelBox {
  assertPixelBox('box', box);
  assertSize('storedSize', storedSize);
  assertExifOrientation('orientation', orientation);
  return orientBoxUnchecked(box, storedSize, orientation);
}

/** Throws {@link InvalidArgumentError} unless `value` is an integer 1..8. */
export function assertExifOrientation(argument: string, value: unknown): asserts value is ExifOrientation {
  if (!isExifOrientation(value)) {
    throw new InvalidArgumentError({
      argument,
      expected: 'an EXIF orientation, an integer 1..8',
      received: value,
      hint: 'Use 1 when the image has no orientation tag.',
    });
  }
}

/** Whether the orientation turns the image by 90° (width and height trade places). */
export function swapsAxes(orientation: ExifOrientation): boolean {
  return orientation >= 5;
}

/** {@link orientPoint} without validation. */
export function orientPointUnchecked(
  x: number,
  y: number,
  { width, height }: Size,
  orientation: ExifOrientation,
): PixelPoint {
  switch (orientation) {
    case 1:
      return { x, y };
    case 2:
      return { x: width - x, y };
    case 3:
      return { x: width - x, y: height - y };
    case 4:
      return { x, y: height - y };
    case 5:
      return { x: y, y: x };
    case 6:
      return { x: height - y, y: x };
    case 7:
      return { x: height - y, y: width - x };
    case 8:
      return { x: y, y: width - x };
  }
}

/** {@link orientBox} without validation. */
export function orientBoxUnchecked(box: PixelBox, storedSize: Size, orientation: ExifOrientation): PixelBox {
  const first = orientPointUnchecked(box.x0, box.y0, storedSize, orientation);
  const second = orientPointUnchecked(box.x1, box.y1, storedSize, orientation);
  return {
    x0: Math.min(first.x, second.x),
    y0: Math.min(first.y, second.y),
    x1: Math.max(first.x, second.x),
    y1: Math.max(first.y, second.y),
  };
}
