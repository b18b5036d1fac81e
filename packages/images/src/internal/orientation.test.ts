import { describe, expect, it } from 'vitest';

import {
  composeOrientations,
  orientationFromMirror,
  orientationFromRotation,
  swapsSides,
} from './orientation';

describe('composeOrientations', () => {
  it.each([
    { first: 6, second: 6, expected: 3 }, // 90° clockwise twice = 180°
    { first: 6, second: 8, expected: 1 }, // clockwise then anticlockwise
    { first: 2, second: 2, expected: 1 }, // mirror twice
    { first: 2, second: 3, expected: 4 }, // mirror left-right then 180° = mirror top-bottom
    { first: 2, second: 8, expected: 5 }, // mirror left-right then 90° anticlockwise = transpose
    { first: 2, second: 6, expected: 7 }, // mirror left-right then 90° clockwise = transverse
    { first: 1, second: 7, expected: 7 },
  ])('composes $first then $second into $expected', ({ first, second, expected }) => {
    expect(composeOrientations(first, second)).toBe(expected);
  });

  it('has an inverse for every orientation', () => {
    for (let orientation = 1; orientation <= 8; orientation += 1) {
      const inverses = [1, 2, 3, 4, 5, 6, 7, 8].filter((other) => composeOrientations(orientation, other) === 1);

      expect(inverses).toHaveLength(1);
    }
  });
});

describe('orientationFromRotation', () => {
  it.each([
    { quarterTurns: 0, expected: 1 },
    { quarterTurns: 1, expected: 8 },
    { quarterTurns: 2, expected: 3 },
    { quarterTurns: 3, expected: 6 },
  ])('maps irot $quarterTurns (anticlockwise) to $expected', ({ quarterTurns, expected }) => {
    expect(orientationFromRotation(quarterTurns)).toBe(expected);
  });
});

describe('orientationFromMirror', () => {
  it('maps imir axis 0 to a top-bottom flip and 1 to a left-right flip', () => {
    expect([orientationFromMirror(0), orientationFromMirror(1)]).toEqual([4, 2]);
  });
});

describe('swapsSides', () => {
  it('is true exactly for 5..8', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(swapsSides)).toEqual([false, false, false, false, true, true, true, true]);
  });
});
