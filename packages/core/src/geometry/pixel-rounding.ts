import { assertOneOf } from '../internal/assert';

/**
 * How a pixel coordinate computed in floating point is turned into the number returned.
 *
 * - `'floor'`: `Math.floor`, the guide's and cookbook's rule for boxes (`int(v / 1000 * dim)`).
 *   Use it for raster work (cropping, pasting masks) so results match the reference.
 * - `'round'`: `Math.round`, halves go up (`120.5` → `121`; Python's `round` would give `120`).
 * - `'none'`: the float as computed, for exports and further maths.
 *
 * @example
 * ```ts
 * const rounding: PixelRounding = 'floor';
 * normalizedBoxToPixels([390, 64, 574, 203], { width: 1024, height: 1024 }, { rounding });
 * ```
 */
export type PixelRounding = 'floor' | 'round' | 'none';

/** Every {@link PixelRounding}, for validation. */
export const PIXEL_ROUNDINGS: readonly PixelRounding[] = ['floor', 'round', 'none'];

/** Throws unless `value` is a {@link PixelRounding}. */
export function assertPixelRounding(argument: string, value: unknown): asserts value is PixelRounding {
  assertOneOf(argument, value, PIXEL_ROUNDINGS);
}

/** Applies `rounding` to one coordinate; turns `-0` into `0`. */
export function roundCoordinate(value: number, rounding: PixelRounding): number {
  const rounded =
    rounding === 'floor' ? Math.floor(value) : rounding === 'round' ? Math.round(value) : value;
  return rounded === 0 ? 0 : rounded;
}
