import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertFiniteNumber } from '../internal/assert';
import type { NormalizedBox } from './types';

/**
 * The largest normalized coordinate Gemini uses: boxes and points are scaled to 0..1000.
 *
 * @example
 * ```ts
 * const fraction = 390 / NORMALIZED_COORDINATE_MAX; // => 0.39
 * ```
 */
export const NORMALIZED_COORDINATE_MAX = 1000;

/**
 * What {@link repairNormalizedBox} found wrong with a `box_2d` and fixed (or could not fix).
 *
 * - `reversed-y` / `reversed-x`: `ymin > ymax` or `xmin > xmax`; the corners were swapped.
 * - `clamped`: a value was outside 0..1000 and was clamped into range.
 * - `looks-like-pixels`: a value above 1000 suggests pixel coordinates rather than 0..1000.
 * - `degenerate`: after repair the box has zero width or height.
 *
 * @example
 * ```ts
 * const { repairs } = repairNormalizedBox([574, 64, 390, 203]);
 * repairs.includes('reversed-y' satisfies BoxRepair); // => true
 * ```
 */
export type BoxRepair = 'reversed-y' | 'reversed-x' | 'clamped' | 'looks-like-pixels' | 'degenerate';

/**
 * Result of {@link repairNormalizedBox}.
 *
 * @example
 * ```ts
 * const { box, repairs }: RepairedNormalizedBox = repairNormalizedBox([574, 64, 390, 203]);
 * ```
 */
export interface RepairedNormalizedBox {
  /** The box with ordered corners, every value inside 0..1000. */
  readonly box: NormalizedBox;
  /** Everything that was repaired or is still suspect; empty for a clean box. */
  readonly repairs: readonly BoxRepair[];
}

/**
 * Orders and clamps a Gemini `box_2d` (`[ymin, xmin, ymax, xmax]` in 0..1000), reporting every
 * change it made.
 *
 * @remarks
 * Models sometimes return reversed corners (`[400, 300, 100, 200]`) or values just outside the
 * range; this swaps and clamps them instead of silently dropping the box. Values above 1000 are
 * clamped and also flagged `looks-like-pixels`, because the model may have answered in pixels.
 * A box with zero width or height after repair is flagged `degenerate` and left for the caller
 * to drop or keep. The four values must be finite numbers; validate untrusted input first.
 *
 * @param box - Four finite numbers, `[ymin, xmin, ymax, xmax]`.
 * @returns The repaired box and the list of repairs.
 * @throws {@link InvalidArgumentError} If `box` is not an array of four finite numbers (NaN and
 * ±Infinity cannot be repaired).
 *
 * @example
 * ```ts
 * repairNormalizedBox([574, 64, 390, 1003]);
 * // => { box: [390, 64, 574, 1000], repairs: ['reversed-y', 'clamped', 'looks-like-pixels'] }
 * ```
 */
export function repairNormalizedBox(box: NormalizedBox): RepairedNormalizedBox {
  const input: unknown = box;
  if (!Array.isArray(input) || input.length !== 4) {
    throw new InvalidArgumentError({
      argument: 'box',
      expected: 'a box_2d [ymin, xmin, ymax, xmax] of four numbers',
      received: box,
    });
  }
  for (let index = 0; index < 4; index += 1) assertFiniteNumber(`box[${index}]`, box[index]);
  const repairs: BoxRepair[] = [];
  let [ymin, xmin, ymax, xmax] = box;

  if (ymin > ymax) {
    [ymin, ymax] = [ymax, ymin];
    repairs.push('reversed-y');
  }
  if (xmin > xmax) {
    [xmin, xmax] = [xmax, xmin];
    repairs.push('reversed-x');
  }

  const values = [ymin, xmin, ymax, xmax];
  if (values.some((value) => value < 0 || value > NORMALIZED_COORDINATE_MAX)) {
    repairs.push('clamped');
    if (values.some((value) => value > NORMALIZED_COORDINATE_MAX)) repairs.push('looks-like-pixels');
    [ymin, xmin, ymax, xmax] = values.map(clampCoordinate) as [number, number, number, number];
  }

  if (ymin === ymax || xmin === xmax) repairs.push('degenerate');

  return { box: [ymin, xmin, ymax, xmax], repairs };
}

function clampCoordinate(value: number): number {
  return Math.min(NORMALIZED_COORDINATE_MAX, Math.max(0, value));
}
