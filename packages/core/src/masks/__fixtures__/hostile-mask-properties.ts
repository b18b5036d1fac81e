// Hostile-number properties of the mask functions, registered by `hostile-masks.test.ts` (a small
// sample in `pnpm test`) and `hostile-masks.fuzz.test.ts` (`pnpm test:fuzz`).
// Property: every call returns a valid result or throws a typed GeminiVisionError, quickly.
import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe } from 'vitest';

import {
  expectTypedOutcome,
  hostileNumber,
  hostileValue,
  mostly,
  type Validation,
} from '../../__fixtures__/fuzz-harness';
import type { NormalizedBox, PixelBox, Size } from '../../geometry/types';
import { decodeCocoRle, decompressCocoRleCounts } from '../decode-coco-rle';
import { encodeCocoRle } from '../encode-coco-rle';
import { createMask, type Mask } from '../mask';
import { maskArea } from '../mask-area';
import { maskIou } from '../mask-iou';
import { pasteMask } from '../paste-mask';
import { placeSegmentationMask } from '../place-segmentation-mask';
import { resizeMaskBilinear } from '../resize-mask-bilinear';
import { resizeMaskNearest } from '../resize-mask-nearest';
import { thresholdMask } from '../threshold-mask';
import { toFullFrameMask } from '../to-full-frame-mask';
import { arbitraryMask } from './load-mask-fixtures';

/** A mask that is usually well-formed; otherwise hostile sizes, wrong data, or not a mask at all. */
const hostileMask: fc.Arbitrary<Mask> = fc.oneof(
  { weight: 10, arbitrary: arbitraryMask({ maxSide: 32 }) },
  { weight: 2, arbitrary: arbitraryMask({ maxSide: 32, binary: true }) },
  {
    weight: 1,
    arbitrary: fc.record({
      width: hostileValue({ small: 32 }),
      height: hostileValue({ small: 32 }),
      data: fc.oneof(fc.uint8Array({ maxLength: 64 }), hostileValue() as fc.Arbitrary<never>, fc.constant(new Uint16Array(4) as never)),
    }) as fc.Arbitrary<Mask>,
  },
  { weight: 1, arbitrary: hostileValue() as fc.Arbitrary<Mask> },
);
/** An output side: usually 1..300 px, otherwise anything. */
const side = mostly(fc.integer({ min: 1, max: 300 }), hostileNumber({ small: 300 }));
const frameSide = mostly(fc.integer({ min: 1, max: 2048 }), hostileNumber({ small: 2048 }));
const hostileFrame = mostly(fc.record({ width: frameSide, height: frameSide }), hostileValue()) as fc.Arbitrary<Size>;
/** A threshold, or `undefined` for the default, or anything. */
const threshold: fc.Arbitrary<number | undefined> = mostly(fc.option(fc.integer({ min: -1, max: 255 }), { nil: undefined }), hostileValue({ small: 255 }));
const coordinate = mostly(fc.integer({ min: 0, max: 1000 }), hostileNumber({ small: 1000 }));
const orderedPair = fc.tuple(coordinate, coordinate).map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a]));
const hostileNormalizedBox = mostly(
  fc.tuple(orderedPair, orderedPair).map(([[ymin, ymax], [xmin, xmax]]) => [ymin, xmin, ymax, xmax] as NormalizedBox),
  fc.oneof(fc.array(hostileValue(), { maxLength: 5 }), hostileValue()),
);

function maskProblems(mask: Mask, width: number, height: number, label = 'mask'): string[] {
  if (mask.width !== width || mask.height !== height) return [`${label} is ${mask.width}×${mask.height}, expected ${width}×${height}`];
  if (!(mask.data instanceof Uint8Array) || mask.data.length !== width * height) return [`${label} data has the wrong length`];
  return [];
}

function binaryProblems(mask: Mask): string[] {
  return mask.data.every((value) => value === 0 || value === 255) ? [] : ['a thresholded mask holds values other than 0 and 255'];
}

function countForeground(mask: Mask, threshold: number): number {
  let count = 0;
  for (const value of mask.data) if (value > threshold) count += 1;
  return count;
}

/** Registers every mask property with `numRuns` cases each. */
export function describeHostileMaskProperties(numRuns: number): void {
  describe('masks on hostile numbers', () => {
    propertyIt.prop([side, side, fc.boolean()], { numRuns })(
      'createMask returns an empty mask of that size or throws a typed error',
      (width, height, withData) => {
        expectTypedOutcome(
          'createMask',
          () => createMask(width, height, withData && Number.isSafeInteger(width * height) && width * height >= 0 && width * height < 1e6 ? new Uint8Array(width * height) : undefined),
          (mask) => [...maskProblems(mask, width, height), ...(mask.data.every((value) => value === 0) ? [] : ['not empty'])],
        );
      },
    );

    propertyIt.prop([hostileMask, side, side], { numRuns })(
      'resizeMaskBilinear returns a mask of the requested size or throws a typed error',
      (mask, width, height) => {
        expectTypedOutcome('resizeMaskBilinear', () => resizeMaskBilinear(mask, width, height), (resized) => {
          const problems = maskProblems(resized, width, height);
          // A constant mask stays constant under a normalized non-negative filter.
          const first = mask.data[0] ?? 0;
          if (problems.length === 0 && mask.data.every((value) => value === first) && !resized.data.every((value) => value === first)) {
            problems.push('a constant mask did not stay constant');
          }
          return problems;
        });
      },
    );

    propertyIt.prop([hostileMask, side, side], { numRuns })(
      'resizeMaskNearest returns a mask of the requested size with source values only, or throws a typed error',
      (mask, width, height) => {
        expectTypedOutcome('resizeMaskNearest', () => resizeMaskNearest(mask, width, height), (resized) => {
          const problems = maskProblems(resized, width, height);
          const values = new Set(mask.data);
          if (resized.data.some((value) => !values.has(value) && value !== 0)) problems.push('a value not in the source');
          return problems;
        });
      },
    );

    propertyIt.prop([hostileMask, threshold], { numRuns })(
      'thresholdMask returns a 0/255 mask of the same size or throws a typed error',
      (mask, cut) => {
        expectTypedOutcome('thresholdMask', () => thresholdMask(mask, cut), (result) => {
          const problems = [...maskProblems(result, mask.width, mask.height), ...binaryProblems(result)];
          if (countForeground(result, 0) !== countForeground(mask, cut ?? 127)) problems.push('foreground count differs from the source');
          return problems;
        });
      },
    );

    propertyIt.prop(
      [
        hostileMask,
        mostly(fc.integer({ min: -64, max: 2048 }), hostileNumber()),
        mostly(fc.integer({ min: -64, max: 2048 }), hostileNumber()),
        fc.boolean(),
        hostileFrame,
      ],
      { numRuns },
    )('pasteMask returns a frame-sized mask holding the visible part or throws a typed error', (mask, x0, y0, fits, frame) => {
      // Usually a box of the mask's own size; sometimes any box.
      const sizeOf = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);
      const isObject = typeof mask === 'object' && (mask as unknown) !== null;
      const box: PixelBox = fits && isObject
        ? { x0, y0, x1: x0 + sizeOf(mask.width), y1: y0 + sizeOf(mask.height) }
        : { x0, y0, x1: y0, y1: x0 };
      expectTypedOutcome('pasteMask', () => pasteMask(mask, box, frame), (pasted) => {
        const problems = maskProblems(pasted, frame.width, frame.height, 'pasted');
        if (problems.length === 0 && countForeground(pasted, 0) > countForeground(mask, 0)) problems.push('more foreground than the mask has');
        return problems;
      });
    });

    propertyIt.prop(
      [hostileMask, hostileNormalizedBox, hostileFrame, threshold, fc.constantFrom<unknown>(undefined, 'floor', 'round', 'ceil')],
      { numRuns },
    )(
      'placeSegmentationMask places a box-sized 0/255 mask inside the frame, flags a degenerate box, or throws a typed error',
      (mask, box2d, frame, cut, rounding) => {
        expectTypedOutcome(
          'placeSegmentationMask',
          () => placeSegmentationMask(mask, box2d, frame, { threshold: cut, rounding: rounding as 'floor' }),
          (placed) => {
            const { box } = placed;
            const problems: string[] = [];
            if (!(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= frame.width && box.y1 <= frame.height)) problems.push(`box ${JSON.stringify(box)} outside the frame`);
            if (placed.degenerate) {
              if ((placed.area as number) !== 0 || (box.x1 > box.x0 && box.y1 > box.y0)) problems.push('degenerate flag on a non-empty box');
              return problems;
            }
            problems.push(...maskProblems(placed.mask, box.x1 - box.x0, box.y1 - box.y0), ...binaryProblems(placed.mask));
            if (countForeground(placed.mask, 0) !== placed.area) problems.push('area differs from the foreground count');
            if (problems.length === 0) {
              const full = toFullFrameMask(placed);
              problems.push(...maskProblems(full, frame.width, frame.height, 'full frame'));
              if (maskArea(full) !== placed.area) problems.push('full-frame area differs');
            }
            return problems;
          },
        );
      },
    );

    propertyIt.prop([hostileMask, threshold], { numRuns })(
      'encodeCocoRle round-trips through decodeCocoRle to the thresholded mask, or throws a typed error',
      (mask, cut) => {
        expectTypedOutcome(
          'encodeCocoRle',
          () => encodeCocoRle(mask, { threshold: cut }),
          (rle) => {
            const decoded = decodeCocoRle(rle);
            const expected = thresholdMask(mask, cut ?? 0);
            return maskIou(decoded, expected) === 1 || (maskArea(decoded) === 0 && maskArea(expected) === 0) ? [] : ['round trip changed the mask'];
          },
        );
      },
    );

    const counts = fc.oneof(
      fc.string({ unit: fc.integer({ min: 40, max: 119 }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
      fc.array(mostly(fc.nat(600), hostileValue()), { maxLength: 12 }),
      hostileValue(),
    );
    const encoded = arbitraryMask({ maxSide: 32, binary: true }).map((mask) => encodeCocoRle(mask));
    const uncompressed = encoded.map(({ size, counts: compressed }) => ({ size, counts: decompressCocoRleCounts(compressed) }));
    propertyIt.prop(
      [
        fc.oneof(
          { weight: 2, arbitrary: encoded },
          { weight: 2, arbitrary: uncompressed },
          { weight: 1, arbitrary: fc.record({ size: fc.tuple(side, side), counts }) },
          { weight: 1, arbitrary: fc.record({ size: hostileValue(), counts }, { requiredKeys: [] }) },
          { weight: 1, arbitrary: hostileValue() },
        ),
      ],
      { numRuns },
    )('decodeCocoRle returns a mask of the given size or throws a typed error', (rle) => {
      expectTypedOutcome(
        'decodeCocoRle',
        () => decodeCocoRle(rle as never),
        (mask) => {
          const [height, width] = (rle as { size: [number, number] }).size;
          return [...maskProblems(mask, width, height), ...binaryProblems(mask)];
        },
      );
    });

    const sameSizePair = arbitraryMask({ maxSide: 32 }).chain((a) =>
      fc.tuple(fc.constant(a), fc.uint8Array({ minLength: a.data.length, maxLength: a.data.length }).map((data) => createMask(a.width, a.height, data))),
    );
    propertyIt.prop([fc.oneof({ weight: 3, arbitrary: sameSizePair }, { weight: 1, arbitrary: fc.tuple(hostileMask, hostileMask) }), threshold], { numRuns })(
      'maskIou returns a number in 0..1 or throws a typed error',
      ([a, b], cut) => {
        expectTypedOutcome('maskIou', () => maskIou(a, b, { threshold: cut }), (iou): Validation =>
          Number.isFinite(iou) && iou >= 0 && iou <= 1 ? [] : [`IoU ${iou}`],
        );
      },
    );
  });
}
