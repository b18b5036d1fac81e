/**
 * A width and height in whole pixels.
 *
 * @example
 * ```ts
 * const size: Size = { width: 1920, height: 1080 };
 * ```
 */
export interface Size {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
}

/**
 * Gemini's `box_2d`: `[ymin, xmin, ymax, xmax]`, each normalized to 0..1000 of the image as sent.
 *
 * @remarks
 * y comes first, contrary to most libraries. Values are relative to the image the model
 * received, not to the original file, so map them back with a frame transform.
 *
 * @example
 * ```ts
 * const box: NormalizedBox = [390, 64, 574, 203];
 * ```
 */
export type NormalizedBox = readonly [ymin: number, xmin: number, ymax: number, xmax: number];

/**
 * Gemini's `point`: `[y, x]`, each normalized to 0..1000 of the image as sent.
 *
 * @example
 * ```ts
 * const point: NormalizedPoint = [263, 404];
 * ```
 */
export type NormalizedPoint = readonly [y: number, x: number];

/**
 * An axis-aligned rectangle in pixels: `x0,y0` is the top-left corner (inclusive) and `x1,y1`
 * the bottom-right corner (exclusive), so the width is `x1 - x0`.
 *
 * @example
 * ```ts
 * const box: PixelBox = { x0: 66, y0: 393, x1: 207, y1: 575 };
 * ```
 */
export interface PixelBox {
  /** Left edge, pixels from the left of the image. */
  readonly x0: number;
  /** Top edge, pixels from the top of the image. */
  readonly y0: number;
  /** Right edge (exclusive), pixels from the left. */
  readonly x1: number;
  /** Bottom edge (exclusive), pixels from the top. */
  readonly y1: number;
}

/**
 * A point in pixels, measured from the top-left corner of the image.
 *
 * @example
 * ```ts
 * const point: PixelPoint = { x: 323.2, y: 158.3 };
 * ```
 */
export interface PixelPoint {
  /** Pixels from the left edge. */
  readonly x: number;
  /** Pixels from the top edge. */
  readonly y: number;
}
