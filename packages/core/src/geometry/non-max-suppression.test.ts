import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { boxIou } from './box-iou';
import { nonMaxSuppression } from './non-max-suppression';
import type { NormalizedBox, PixelBox } from './types';

const A: NormalizedBox = [100, 100, 300, 300];
const A_SHIFTED: NormalizedBox = [105, 100, 300, 300]; // IoU with A = 0.975
const A_HALF: NormalizedBox = [100, 100, 300, 200]; // IoU with A = 0.5
const B: NormalizedBox = [500, 500, 900, 900];

describe('nonMaxSuppression', () => {
  it.each([
    { name: 'keeps the earlier of two overlapping items', boxes: [A, A_SHIFTED, B], threshold: 0.5, kept: [0, 2] },
    { name: 'keeps the earlier item whatever it is', boxes: [A_SHIFTED, A, B], threshold: 0.5, kept: [0, 2] },
    { name: 'suppresses only above the threshold, not at it', boxes: [A, A_HALF], threshold: 0.5, kept: [0, 1] },
    { name: 'suppresses just below it', boxes: [A, A_HALF], threshold: 0.49, kept: [0] },
    { name: 'keeps everything at threshold 1', boxes: [A, A, A], threshold: 1, kept: [0, 1, 2] },
    { name: 'keeps only disjoint boxes at threshold 0', boxes: [A, A_HALF, B], threshold: 0, kept: [0, 2] },
    { name: 'handles an empty list', boxes: [], threshold: 0.5, kept: [] },
  ])('$name', ({ boxes, threshold, kept }) => {
    const items = boxes.map((box) => ({ label: 'thing', box }));

    expect(nonMaxSuppression(items, { iouThreshold: threshold }).keptIndices).toEqual(kept);
  });

  it('reports what suppressed what, and returns kept items in input order', () => {
    const items = [
      { label: 'a', box: B },
      { label: 'b', box: A },
      { label: 'c', box: A_SHIFTED },
    ];
    const result = nonMaxSuppression(items, { iouThreshold: 0.5 });

    expect(result.items).toEqual([items[0], items[1]]);
    expect(result.suppressed).toEqual([{ index: 2, by: 1, iou: expect.closeTo(0.975, 9) as number }]);
  });

  it('lets the higher score win and still returns input order', () => {
    const items = [
      { label: 'x', box: A, score: 0.2 },
      { label: 'x', box: B, score: 0.5 },
      { label: 'x', box: A_SHIFTED, score: 0.9 },
    ];
    const result = nonMaxSuppression(items, { iouThreshold: 0.5, scoreOf: (item) => item.score });

    expect(result.keptIndices).toEqual([1, 2]);
    expect(result.suppressed).toEqual([{ index: 0, by: 2, iou: expect.any(Number) as number }]);
  });

  it('keeps input order among equal scores', () => {
    const items = [{ box: A }, { box: A_SHIFTED }];

    expect(nonMaxSuppression(items, { iouThreshold: 0.5, scoreOf: () => 1 }).keptIndices).toEqual([0]);
  });

  it('only compares items with the same label when class-aware', () => {
    const items = [
      { label: 'glass jar', box: A },
      { label: 'metal lid', box: A },
      { label: 'glass jar', box: A_SHIFTED },
    ];

    expect(nonMaxSuppression(items, { iouThreshold: 0.5 }).keptIndices).toEqual([0]);
    expect(nonMaxSuppression(items, { iouThreshold: 0.5, classAware: true }).keptIndices).toEqual([0, 1]);
  });

  it('reads boxes and labels through accessors and keeps items without a box', () => {
    const items = [
      { name: 'sock', box_2d: A as NormalizedBox | null },
      { name: 'sock', box_2d: null },
      { name: 'sock', box_2d: A_SHIFTED },
    ];
    const result = nonMaxSuppression(items, {
      iouThreshold: 0.5,
      classAware: true,
      boxOf: (item) => item.box_2d,
      labelOf: (item) => item.name,
    });

    expect(result.keptIndices).toEqual([0, 1]);
  });

  it('works on pixel boxes', () => {
    const items = [{ box: { x0: 0, y0: 0, x1: 10, y1: 10 } }, { box: { x0: 1, y0: 0, x1: 10, y1: 10 } }];

    expect(nonMaxSuppression(items, { iouThreshold: 0.5 }).keptIndices).toEqual([0]);
  });

  it.each([
    { items: [{ box: A }], options: { iouThreshold: 1.5 }, argument: 'options.iouThreshold' },
    { items: [{ box: A }, { box: { x0: 0, y0: 0, x1: 1, y1: 1 } }], options: { iouThreshold: 0.5 }, argument: 'items[1].box' },
    { items: [{ box: [300, 0, 100, 10] }], options: { iouThreshold: 0.5 }, argument: 'items[0].box[2]' },
    { items: [{ box: A }], options: { iouThreshold: 0.5, classAware: true }, argument: 'items[0].label' },
    { items: [{ box: A }], options: { iouThreshold: 0.5, scoreOf: () => Number.NaN }, argument: 'scoreOf(items[0])' },
  ])('rejects bad input naming $argument', ({ items, options, argument }) => {
    expect(() => nonMaxSuppression(items as never[], options as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }),
    );
  });

  const item = fc.record({
    label: fc.constantFrom('a', 'b', 'c'),
    box: fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }))
      .map(([x0, y0, width, height]): PixelBox => ({ x0, y0, x1: x0 + width, y1: y0 + height })),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  propertyIt.prop([fc.array(item, { maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.boolean()])(
    'returns a subset in input order with no kept pair above the threshold',
    (items, iouThreshold, classAware, scored) => {
      const result = nonMaxSuppression(items, {
        iouThreshold,
        classAware,
        ...(scored ? { scoreOf: (entry: (typeof items)[number]) => entry.score } : {}),
      });
      const kept = result.keptIndices;

      expect([...kept].sort((left, right) => left - right)).toEqual(kept);
      expect(new Set(kept).size).toBe(kept.length);
      expect(result.items).toEqual(kept.map((index) => items[index]));
      expect(kept.length + result.suppressed.length).toBe(items.length);
      for (const [position, left] of kept.entries()) {
        for (const right of kept.slice(position + 1)) {
          const a = items[left]!;
          const b = items[right]!;
          if (classAware && a.label !== b.label) continue;
          expect(boxIou(a.box, b.box)).toBeLessThanOrEqual(iouThreshold);
        }
      }
      for (const { index, by, iou } of result.suppressed) {
        expect(kept).toContain(by);
        expect(iou).toBeGreaterThan(iouThreshold);
        if (classAware) expect(items[by]!.label).toBe(items[index]!.label);
        if (scored) expect(items[by]!.score).toBeGreaterThanOrEqual(items[index]!.score);
      }
    },
  );

  propertyIt.prop([fc.array(item, { maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'is class-agnostic suppression run on each label separately when class-aware',
    (items, iouThreshold) => {
      const aware = nonMaxSuppression(items, { iouThreshold, classAware: true });
      const perLabel = ['a', 'b', 'c'].flatMap((label) => {
        const indices = items.flatMap((entry, index) => (entry.label === label ? [index] : []));
        const kept = nonMaxSuppression(indices.map((index) => items[index]!), { iouThreshold }).keptIndices;
        return kept.map((position) => indices[position]!);
      });

      expect(aware.keptIndices).toEqual(perLabel.sort((left, right) => left - right));
    },
  );
});
