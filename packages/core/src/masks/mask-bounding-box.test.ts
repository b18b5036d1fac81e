import { it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { arbitraryMask } from './__fixtures__/load-mask-fixtures';
import { createMask } from './mask';
import { maskArea } from './mask-area';
import { maskBoundingBox } from './mask-bounding-box';

describe('maskBoundingBox', () => {
  it.each([
    { rows: ['....', '....', '....'], box: null },
    { rows: ['....', '...#', '....'], box: { x0: 3, y0: 1, x1: 4, y1: 2 } },
    { rows: ['#...', '....', '...#'], box: { x0: 0, y0: 0, x1: 4, y1: 3 } },
    { rows: ['....', '.##.', '.#..'], box: { x0: 1, y0: 1, x1: 3, y1: 3 } },
    { rows: ['####', '####', '####'], box: { x0: 0, y0: 0, x1: 4, y1: 3 } },
  ])('bounds $rows by $box', ({ rows, box }) => {
    const data = new Uint8Array(rows.join('').split('').map((cell) => (cell === '#' ? 255 : 0)));

    expect(maskBoundingBox(createMask(4, 3, data))).toEqual(box);
  });

  it('applies the threshold option', () => {
    const mask = createMask(3, 1, new Uint8Array([100, 200, 100]));

    expect(maskBoundingBox(mask, { threshold: 127 })).toEqual({ x0: 1, y0: 0, x1: 2, y1: 1 });
    expect(maskBoundingBox(mask, { threshold: 200 })).toBeNull();
  });

  propertyIt.prop([arbitraryMask()])('contains all the foreground and touches it on every side', (mask) => {
    const box = maskBoundingBox(mask);
    if (box === null) {
      expect(maskArea(mask)).toBe(0);
      return;
    }
    const inside = (x: number, y: number): boolean => x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
    let touchesLeft = false;
    let touchesRight = false;
    let touchesTop = false;
    let touchesBottom = false;
    for (let y = 0; y < mask.height; y += 1) {
      for (let x = 0; x < mask.width; x += 1) {
        if (mask.data[y * mask.width + x] === 0) continue;
        expect(inside(x, y)).toBe(true);
        touchesLeft ||= x === box.x0;
        touchesRight ||= x === box.x1 - 1;
        touchesTop ||= y === box.y0;
        touchesBottom ||= y === box.y1 - 1;
      }
    }
    expect([touchesLeft, touchesRight, touchesTop, touchesBottom]).toEqual([true, true, true, true]);
  });
});
