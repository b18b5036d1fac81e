/**
 * EXIF orientations as 2×2 integer matrices acting on `(x, y)` with y pointing down:
 * `displayed = M · stored`. Index = EXIF value (1..8).
 */
type Matrix = readonly [number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1];

const ORIENTATION_MATRICES: readonly Matrix[] = [
  [1, 0, 0, 1], // placeholder for index 0
  [1, 0, 0, 1], // 1 identity
  [-1, 0, 0, 1], // 2 mirror left-right
  [-1, 0, 0, -1], // 3 rotate 180°
  [1, 0, 0, -1], // 4 mirror top-bottom
  [0, 1, 1, 0], // 5 transpose
  [0, -1, 1, 0], // 6 rotate 90° clockwise
  [0, -1, -1, 0], // 7 transverse
  [0, 1, -1, 0], // 8 rotate 90° anticlockwise
];

/** Composes two orientations: first `first`, then `second`. Returns the EXIF value 1..8. */
export function composeOrientations(first: number, second: number): number {
  const [a, b, c, d] = ORIENTATION_MATRICES[second] ?? IDENTITY;
  const [e, f, g, h] = ORIENTATION_MATRICES[first] ?? IDENTITY;
  const product = [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h];
  const index = ORIENTATION_MATRICES.findIndex(
    (matrix, position) =>
      position > 0 && matrix.every((value, component) => value === product[component]),
  );
  return index;
}

/** `irot`: rotation anticlockwise by `quarterTurns × 90°`, as an EXIF orientation. */
export function orientationFromRotation(quarterTurns: number): number {
  let orientation = 1;
  for (let turn = 0; turn < (quarterTurns & 3); turn++) orientation = composeOrientations(orientation, 8);
  return orientation;
}

/**
 * `imir`: mirroring, as libheif writes it (and as sharp and probe-image-size read it): axis 0
 * flips top-bottom, axis 1 flips left-right.
 */
export function orientationFromMirror(axis: number): number {
  return (axis & 1) === 0 ? 4 : 2;
}

/** Whether an orientation swaps width and height (5..8). */
export function swapsSides(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/** Whether `value` is an EXIF orientation 1..8. */
export function isOrientation(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8;
}
