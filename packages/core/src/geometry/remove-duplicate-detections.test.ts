import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { removeDuplicateDetections } from './remove-duplicate-detections';

describe('removeDuplicateDetections', () => {
  it('removes repeats of the same label and box, keeping the first', () => {
    const items = [
      { label: 'sock', box: [10, 20, 30, 40] as const },
      { label: 'sock', box: [10, 20, 30, 40] as const },
      { label: 'face', box: [10, 20, 30, 40] as const },
      { label: 'sock', box: [10, 20, 30, 41] as const },
      { label: 'sock', box: [10, 20, 30, 40] as const },
    ];
    const result = removeDuplicateDetections(items);

    expect(result.keptIndices).toEqual([0, 2, 3]);
    expect(result.items).toEqual([items[0], items[2], items[3]]);
    expect(result.duplicates).toEqual([
      { index: 1, of: 0 },
      { index: 4, of: 0 },
    ]);
  });

  it('compares labels exactly unless labelOf normalizes them', () => {
    const items = [
      { label: 'Sock', box: { x0: 0, y0: 0, x1: 5, y1: 5 } },
      { label: ' sock', box: { x0: 0, y0: 0, x1: 5, y1: 5 } },
    ];

    expect(removeDuplicateDetections(items).keptIndices).toEqual([0, 1]);
    expect(removeDuplicateDetections(items, { labelOf: (item) => item.label.trim().toLowerCase() }).keptIndices).toEqual([0]);
  });

  it('keeps items without a box', () => {
    const items = [
      { label: 'bread', point: [1, 2] },
      { label: 'bread', point: [1, 2] },
    ];

    expect(removeDuplicateDetections(items).keptIndices).toEqual([0, 1]);
  });

  it.each([
    { items: [{ box: [0, 0, 1, 1] }], argument: 'items[0].label' },
    { items: [{ label: 'a', box: [0, 0, 1, 1] }, { label: 'a', box: { x0: 0, y0: 0, x1: 1, y1: 1 } }], argument: 'items[1].box' },
  ])('rejects bad input naming $argument', ({ items, argument }) => {
    expect(() => removeDuplicateDetections(items as never[])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }));
  });

  propertyIt.prop([
    fc.array(
      fc.record({
        label: fc.constantFrom('a', 'b'),
        box: fc.constantFrom([0, 0, 10, 10] as const, [0, 0, 10, 20] as const, [5, 5, 6, 6] as const),
      }),
      { maxLength: 25 },
    ),
  ])('leaves no two kept items equal and drops only repeats of kept ones', (items) => {
    const result = removeDuplicateDetections(items);
    const keys = result.items.map((item) => JSON.stringify(item));

    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(items.map((item) => JSON.stringify(item))));
    for (const { index, of } of result.duplicates) {
      expect(of).toBeLessThan(index);
      expect(items[of]).toEqual(items[index]);
    }
  });
});
