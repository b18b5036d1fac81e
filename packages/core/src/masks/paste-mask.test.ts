import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { arbitraryMask } from './__fixtures__/load-mask-fixtures';
import { createMask } from './mask';
import { maskArea } from './mask-area';
import { maskBoundingBox } from './mask-bounding-box';
import { pasteMask } from './paste-mask';

const ones = (width: number, height: number) => createMask(width, height, new Uint8Array(width * height).fill(255));

describe('pasteMask', () => {
  it.each([
    { box: { x0: 1, y0: 0, x1: 3, y1: 2 }, expected: ['.##.', '.##.', '....'] },
    { box: { x0: -1, y0: -1, x1: 1, y1: 1 }, expected: ['#...', '....', '....'] },
    { box: { x0: 3, y0: 2, x1: 5, y1: 4 }, expected: ['....', '....', '...#'] },
    { box: { x0: 4, y0: 0, x1: 6, y1: 2 }, expected: ['....', '....', '....'] },
    { box: { x0: -5, y0: 1, x1: -3, y1: 3 }, expected: ['....', '....', '....'] },
  ])('pastes a 2×2 square at $box into a 4×3 frame, clipping', ({ box, expected }) => {
    const full = pasteMask(ones(2, 2), box, { width: 4, height: 3 });
    const rows = Array.from({ length: 3 }, (_, y) =>
      [...full.data.subarray(y * 4, y * 4 + 4)].map((value) => (value === 255 ? '#' : '.')).join(''),
    );

    expect(rows).toEqual(expected);
  });

  it('copies values unchanged, without thresholding', () => {
    const mask = createMask(2, 1, new Uint8Array([7, 200]));

    expect([...pasteMask(mask, { x0: 1, y0: 0, x1: 3, y1: 1 }, { width: 3, height: 1 }).data]).toEqual([0, 7, 200]);
  });

  it.each([
    { box: { x0: 0, y0: 0, x1: 3, y1: 2 }, message: 'Expected a 3×2 mask (the size of `box`) for `mask`, but received "2×2".' },
    { box: { x0: 0.5, y0: 0, x1: 2.5, y1: 2 }, message: 'Expected an integer for `box.x0`, but received 0.5.' },
    { box: { x0: 2, y0: 0, x1: 2, y1: 2 }, message: 'Expected x1 > x0 (2) for `box.x1`, but received 2.' },
  ])('throws InvalidArgumentError: $message', ({ box, message }) => {
    expect(() => pasteMask(ones(2, 2), box, { width: 4, height: 4 })).toThrow(message);
  });

  it('throws InvalidArgumentError for an invalid frame', () => {
    expect(() => pasteMask(ones(1, 1), { x0: 0, y0: 0, x1: 1, y1: 1 }, { width: 0, height: 4 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'frame.width' }) as Error,
    );
  });

  propertyIt.prop([
    arbitraryMask({ maxSide: 16 }),
    fc.integer({ min: 0, max: 16 }),
    fc.integer({ min: 0, max: 16 }),
    fc.integer({ min: 0, max: 8 }),
    fc.integer({ min: 0, max: 8 }),
  ])('keeps the area when the box lies inside the frame', (mask, x0, y0, extraWidth, extraHeight) => {
    const box = { x0, y0, x1: x0 + mask.width, y1: y0 + mask.height };
    const frame = { width: box.x1 + extraWidth, height: box.y1 + extraHeight };
    const full = pasteMask(mask, box, frame);
    const bounds = maskBoundingBox(full);

    expect(maskArea(full)).toBe(maskArea(mask));
    if (bounds !== null) {
      expect(bounds.x0).toBeGreaterThanOrEqual(box.x0);
      expect(bounds.y1).toBeLessThanOrEqual(box.y1);
    }
  });

  propertyIt.prop([arbitraryMask({ maxSide: 12 }), fc.integer({ min: -15, max: 15 }), fc.integer({ min: -15, max: 15 })])(
    'never creates foreground, wherever the box is',
    (mask, x0, y0) => {
      const full = pasteMask(mask, { x0, y0, x1: x0 + mask.width, y1: y0 + mask.height }, { width: 10, height: 10 });

      expect(maskArea(full)).toBeLessThanOrEqual(maskArea(mask));
    },
  );
});
