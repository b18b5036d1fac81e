// Boundary checks shared by the geometry and export modules. Not part of the public API: the
// folder index does not re-export this file.
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertFiniteNumber, assertPositiveInteger } from '../internal/assert';
import { NORMALIZED_COORDINATE_MAX } from './repair-normalized-box';
import type { NormalizedBox, NormalizedPoint, PixelBox, PixelPoint, Size } from './types';

const REPAIR_HINT = 'Repair model output with repairNormalizedBox() before converting it.';

/** Throws unless `size` has positive integer `width` and `height`. */
export function assertSize(argument: string, size: unknown): asserts size is Size {
  if (typeof size !== 'object' || size === null) {
    throw new InvalidArgumentError({
      argument,
      expected: 'a size { width, height } in pixels',
      received: size,
    });
  }
  const { width, height } = size as Partial<Size>;
  assertPositiveInteger(`${argument}.width`, width);
  assertPositiveInteger(`${argument}.height`, height);
}

/** Throws unless `value` is a finite number inside 0..1000. */
export function assertNormalizedCoordinate(argument: string, value: unknown): asserts value is number {
  assertFiniteNumber(argument, value);
  if (value < 0 || value > NORMALIZED_COORDINATE_MAX) {
    throw new InvalidArgumentError({
      argument,
      expected: `a number in 0..${NORMALIZED_COORDINATE_MAX}`,
      received: value,
      hint: REPAIR_HINT,
    });
  }
}

/** Throws unless `box` is `[ymin, xmin, ymax, xmax]`, finite, inside 0..1000 and ordered. */
export function assertNormalizedBox(argument: string, box: unknown): asserts box is NormalizedBox {
  if (!Array.isArray(box) || box.length !== 4) {
    throw new InvalidArgumentError({
      argument,
      expected: 'a box_2d [ymin, xmin, ymax, xmax] of four numbers',
      received: box,
    });
  }
  const values = box as readonly unknown[];
  for (let index = 0; index < 4; index += 1) {
    assertNormalizedCoordinate(`${argument}[${index}]`, values[index]);
  }
  const [ymin, xmin, ymax, xmax] = box as unknown as NormalizedBox;
  if (ymin > ymax) {
    throw new InvalidArgumentError({
      argument: `${argument}[2]`,
      expected: `ymax ≥ ymin (${ymin})`,
      received: ymax,
      hint: REPAIR_HINT,
    });
  }
  if (xmin > xmax) {
    throw new InvalidArgumentError({
      argument: `${argument}[3]`,
      expected: `xmax ≥ xmin (${xmin})`,
      received: xmax,
      hint: REPAIR_HINT,
    });
  }
}

/** Throws unless `point` is `[y, x]`, finite and inside 0..1000. */
export function assertNormalizedPoint(argument: string, point: unknown): asserts point is NormalizedPoint {
  if (!Array.isArray(point) || point.length !== 2) {
    throw new InvalidArgumentError({
      argument,
      expected: 'a point [y, x] of two numbers',
      received: point,
    });
  }
  const values = point as readonly unknown[];
  assertNormalizedCoordinate(`${argument}[0]`, values[0]);
  assertNormalizedCoordinate(`${argument}[1]`, values[1]);
}

/** Throws unless `point` is `{ x, y }` with finite numbers. */
export function assertPixelPoint(argument: string, point: unknown): asserts point is PixelPoint {
  if (typeof point !== 'object' || point === null) {
    throw new InvalidArgumentError({ argument, expected: 'a pixel point { x, y }', received: point });
  }
  const { x, y } = point as Partial<PixelPoint>;
  assertFiniteNumber(`${argument}.x`, x);
  assertFiniteNumber(`${argument}.y`, y);
}

/**
 * Throws unless `box` is `{ x0, y0, x1, y1 }` with finite numbers, `x0 ≤ x1` and `y0 ≤ y1`, and,
 * when `bounds` is given, inside `0..bounds.width` × `0..bounds.height`.
 */
export function assertPixelBox(argument: string, box: unknown, bounds?: Size): asserts box is PixelBox {
  if (typeof box !== 'object' || box === null || Array.isArray(box)) {
    throw new InvalidArgumentError({
      argument,
      expected: 'a pixel box { x0, y0, x1, y1 }',
      received: box,
    });
  }
  const { x0, y0, x1, y1 } = box as Partial<PixelBox>;
  assertFiniteNumber(`${argument}.x0`, x0);
  assertFiniteNumber(`${argument}.y0`, y0);
  assertFiniteNumber(`${argument}.x1`, x1);
  assertFiniteNumber(`${argument}.y1`, y1);
  if (x1 < x0) {
    throw new InvalidArgumentError({
      argument: `${argument}.x1`,
      expected: `x1 ≥ x0 (${x0})`,
      received: x1,
      hint: 'Order the corners so that x0,y0 is the top-left one.',
    });
  }
  if (y1 < y0) {
    throw new InvalidArgumentError({
      argument: `${argument}.y1`,
      expected: `y1 ≥ y0 (${y0})`,
      received: y1,
      hint: 'Order the corners so that x0,y0 is the top-left one.',
    });
  }
  if (bounds === undefined) return;
  const outside =
    x0 < 0 ? (['x0', x0, `0..${bounds.width}`] as const)
    : x1 > bounds.width ? (['x1', x1, `0..${bounds.width}`] as const)
    : y0 < 0 ? (['y0', y0, `0..${bounds.height}`] as const)
    : y1 > bounds.height ? (['y1', y1, `0..${bounds.height}`] as const)
    : undefined;
  if (outside !== undefined) {
    const [name, value, range] = outside;
    throw new InvalidArgumentError({
      argument: `${argument}.${name}`,
      expected: `a coordinate in ${range} (inside the ${bounds.width}×${bounds.height} image)`,
      received: value,
      hint: 'Clip the box to the image first.',
    });
  }
}

/** Throws unless `value` is a number in 0..1. */
export function assertUnitInterval(argument: string, value: unknown): asserts value is number {
  assertFiniteNumber(argument, value);
  if (value < 0 || value > 1) {
    throw new InvalidArgumentError({ argument, expected: 'a number in 0..1', received: value });
  }
}
