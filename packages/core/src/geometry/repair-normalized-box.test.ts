import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { repairNormalizedBox } from './repair-normalized-box';

describe('repairNormalizedBox', () => {
  it.each([
    { input: [390, 64, 574, 203], box: [390, 64, 574, 203], repairs: [] },
    { input: [400, 300, 100, 200], box: [100, 200, 400, 300], repairs: ['reversed-y', 'reversed-x'] },
    { input: [0, 0, 1000, 1000], box: [0, 0, 1000, 1000], repairs: [] },
    { input: [-5, 10, 1003, 20], box: [0, 10, 1000, 20], repairs: ['clamped', 'looks-like-pixels'] },
    { input: [-5, 10, 20, 20], box: [0, 10, 20, 20], repairs: ['clamped'] },
    { input: [100, 50, 100, 60], box: [100, 50, 100, 60], repairs: ['degenerate'] },
    { input: [1200, 10, 1500, 20], box: [1000, 10, 1000, 20], repairs: ['clamped', 'looks-like-pixels', 'degenerate'] },
  ] as const)('repairs $input to $box with $repairs', ({ input, box, repairs }) => {
    expect(repairNormalizedBox(input)).toEqual({ box, repairs });
  });

  propertyIt.prop([fc.tuple(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }))])(
    'always yields ordered corners inside 0..1000',
    (input) => {
      const { box } = repairNormalizedBox(input);

      expect(box[0]).toBeLessThanOrEqual(box[2]);
      expect(box[1]).toBeLessThanOrEqual(box[3]);
      expect(Math.min(...box)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...box)).toBeLessThanOrEqual(1000);
    },
  );
});
