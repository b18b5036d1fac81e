// Hostile-number properties of the geometry functions, registered by `hostile-geometry.test.ts`
// (a small sample in `pnpm test`) and `hostile-geometry.fuzz.test.ts` (`pnpm test:fuzz`).
// Property: every call returns a valid result or throws a typed GeminiVisionError, quickly.
import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe } from 'vitest';

import {
  expectTypedOutcome,
  hostileNumber,
  hostileValue,
  isFiniteNumber,
  mostly,
  type Validation,
} from '../../__fixtures__/fuzz-harness';
import { boxIou, normalizedBoxIou } from '../box-iou';
import { createFrameTransform, type FrameMappingOptions, type FrameTransform } from '../create-frame-transform';
import { nonMaxSuppression } from '../non-max-suppression';
import { normalizedBoxToPixels, pixelBoxToNormalized } from '../normalized-box-to-pixels';
import { normalizedPointToPixels } from '../normalized-point-to-pixels';
import { repairNormalizedBox } from '../repair-normalized-box';
import type { NormalizedBox, PixelBox, PixelPoint, Size } from '../types';

/** Normalized coordinates: mostly 0..1000 with hostile values mixed in. */
const coordinate = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: hostileNumber({ small: 1100 }) },
);
/** `[low, high]` in 0..1000, ordered. */
const orderedPair = fc.tuple(coordinate, coordinate).map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a]));
const hostileNormalizedBox = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(orderedPair, orderedPair).map(([[ymin, ymax], [xmin, xmax]]) => [ymin, xmin, ymax, xmax]) },
  { weight: 3, arbitrary: fc.tuple(coordinate, coordinate, coordinate, coordinate) },
  { weight: 1, arbitrary: fc.array(hostileValue(), { maxLength: 6 }) },
  { weight: 1, arbitrary: hostileValue() },
) as fc.Arbitrary<NormalizedBox>;
const hostileSize = fc.oneof(
  { weight: 12, arbitrary: fc.record({ width: mostly(fc.integer({ min: 1, max: 8000 }), hostileValue({ small: 8000 })), height: mostly(fc.integer({ min: 1, max: 8000 }), hostileValue({ small: 8000 })) }) },
  { weight: 1, arbitrary: hostileValue() },
) as fc.Arbitrary<Size>;
const pixel = mostly(fc.oneof(fc.integer({ min: 0, max: 8000 }), fc.double({ min: 0, max: 8000, noNaN: true })), hostileNumber({ small: 8000 }));
const extent = mostly(fc.integer({ min: 0, max: 4000 }), hostileNumber({ small: 4000 }));
const hostilePixelBox = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ x0: pixel, y0: pixel, width: extent, height: extent }).map(({ x0, y0, width, height }) => ({ x0, y0, x1: x0 + width, y1: y0 + height })),
  },
  { weight: 3, arbitrary: fc.record({ x0: pixel, y0: pixel, x1: pixel, y1: pixel }) },
  { weight: 1, arbitrary: fc.record({ x0: hostileValue(), y0: hostileValue(), x1: hostileValue(), y1: hostileValue() }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: hostileValue() },
) as fc.Arbitrary<PixelBox>;
const hostilePixelPoint = fc.oneof(
  { weight: 12, arbitrary: fc.record({ x: pixel, y: pixel }) },
  { weight: 1, arbitrary: hostileValue() },
) as fc.Arbitrary<PixelPoint>;
const rounding = fc.constantFrom<unknown>(undefined, 'floor', 'round', 'none', 'ceil', 3);
const mappingOptions = fc.record(
  { clip: fc.constantFrom<unknown>(undefined, true, false, 'yes'), rounding },
  { requiredKeys: [] },
) as fc.Arbitrary<FrameMappingOptions>;

function finiteBox(box: PixelBox, label = 'box'): Validation {
  const values = [box.x0, box.y0, box.x1, box.y1];
  if (!values.every(isFiniteNumber)) return [`${label} has a non-finite corner ${JSON.stringify(values)}`];
  return box.x0 <= box.x1 && box.y0 <= box.y1 ? [] : [`${label} corners out of order ${JSON.stringify(values)}`];
}

function insideFrame(box: PixelBox, size: Size): Validation {
  return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= size.width && box.y1 <= size.height
    ? []
    : [`box ${JSON.stringify(box)} is outside ${size.width}×${size.height}`];
}

function unitInterval(value: number): Validation {
  return isFiniteNumber(value) && value >= 0 && value <= 1 ? [] : [`IoU ${value} outside 0..1`];
}

/** A frame-transform step that is usually valid (crops from the top-left corner stay small). */
const validStep = fc.oneof(
  fc.record({ type: fc.constant('crop'), box: fc.record({ x0: fc.constant(0), y0: fc.constant(0), x1: fc.integer({ min: 1, max: 8 }), y1: fc.integer({ min: 1, max: 8 }) }) }),
  fc.record({ type: fc.constant('resize'), size: fc.record({ width: fc.integer({ min: 1, max: 8000 }), height: fc.integer({ min: 1, max: 8000 }) }) }),
  fc.record({ type: fc.constant('pad'), top: fc.nat(64), right: fc.nat(64), bottom: fc.nat(64), left: fc.nat(64) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('letterbox'), size: fc.record({ width: fc.integer({ min: 1, max: 8000 }), height: fc.integer({ min: 1, max: 8000 }) }), align: fc.constantFrom<unknown>(undefined, 'center', 'top-left') }),
);

/** A frame-transform step with hostile numbers in every field. */
const hostileStep = fc.oneof(
  fc.record({ type: fc.constant('crop'), box: hostilePixelBox }),
  fc.record({ type: fc.constant('resize'), size: hostileSize }),
  fc.record(
    { type: fc.constant('pad'), top: hostileValue({ small: 64 }), right: hostileValue({ small: 64 }), bottom: hostileValue({ small: 64 }), left: hostileValue({ small: 64 }) },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('letterbox'), size: hostileSize, align: fc.constantFrom<unknown>(undefined, 'center', 'top-left', 'middle') }),
  fc.record({ type: fc.constantFrom<unknown>('rotate', undefined, 7) }),
  hostileValue(),
);

type FrameCall =
  | { readonly method: 'pointToOriginal' | 'pointToSent' | 'normalizedPointFromOriginal'; readonly point: PixelPoint }
  | { readonly method: 'boxToOriginal' | 'boxToSent' | 'normalizedBoxFromOriginal'; readonly box: PixelBox }
  | { readonly method: 'normalizedPointToOriginal'; readonly normalized: readonly [number, number] }
  | { readonly method: 'normalizedBoxToOriginal'; readonly normalizedBox: NormalizedBox };

const frameCall: fc.Arbitrary<FrameCall> = fc.oneof(
  fc.record({ method: fc.constantFrom('pointToOriginal' as const, 'pointToSent' as const, 'normalizedPointFromOriginal' as const), point: hostilePixelPoint }),
  fc.record({ method: fc.constantFrom('boxToOriginal' as const, 'boxToSent' as const, 'normalizedBoxFromOriginal' as const), box: hostilePixelBox }),
  fc.record({ method: fc.constant('normalizedPointToOriginal' as const), normalized: fc.tuple(coordinate, coordinate) }),
  fc.record({ method: fc.constant('normalizedBoxToOriginal' as const), normalizedBox: hostileNormalizedBox }),
);

const FRAME_METHODS: readonly FrameCall['method'][] = [
  'pointToOriginal',
  'pointToSent',
  'normalizedPointFromOriginal',
  'boxToOriginal',
  'boxToSent',
  'normalizedBoxFromOriginal',
  'normalizedPointToOriginal',
  'normalizedBoxToOriginal',
];

function expectFiniteMapping(frame: FrameTransform, call: FrameCall, mapping: FrameMappingOptions): void {
  expectTypedOutcome(
    `FrameTransform.${call.method}`,
    () => callFrame(frame, call, mapping),
    (values) => (values.every(isFiniteNumber) ? [] : [`non-finite output ${JSON.stringify(values)}`]),
  );
}

function callFrame(frame: FrameTransform, call: FrameCall, options: FrameMappingOptions): readonly number[] {
  switch (call.method) {
    case 'pointToOriginal':
    case 'pointToSent': {
      const { x, y } = frame[call.method](call.point, options);
      return [x, y];
    }
    case 'normalizedPointFromOriginal':
      return frame.normalizedPointFromOriginal(call.point, options);
    case 'boxToOriginal':
    case 'boxToSent': {
      const { x0, y0, x1, y1 } = frame[call.method](call.box, options);
      return [x0, y0, x1, y1];
    }
    case 'normalizedBoxFromOriginal':
      return frame.normalizedBoxFromOriginal(call.box, options);
    case 'normalizedPointToOriginal': {
      const { x, y } = frame.normalizedPointToOriginal(call.normalized, options);
      return [x, y];
    }
    case 'normalizedBoxToOriginal': {
      const { x0, y0, x1, y1 } = frame.normalizedBoxToOriginal(call.normalizedBox, options);
      return [x0, y0, x1, y1];
    }
  }
}

/** Registers every geometry property with `numRuns` cases each. */
export function describeHostileGeometryProperties(numRuns: number): void {
  describe('geometry on hostile numbers', () => {
    propertyIt.prop([hostileNormalizedBox, hostileSize, rounding], { numRuns })(
      'normalizedBoxToPixels returns an ordered finite box inside the image or throws a typed error',
      (box, size, roundingOption) => {
        expectTypedOutcome(
          'normalizedBoxToPixels',
          () => normalizedBoxToPixels(box, size, { rounding: roundingOption as never }),
          (pixels) => [...finiteBox(pixels), ...insideFrame(pixels, size)],
        );
      },
    );

    propertyIt.prop([hostilePixelBox, hostileSize, rounding], { numRuns })(
      'pixelBoxToNormalized returns an ordered finite box in 0..1000 or throws a typed error',
      (box, size, roundingOption) => {
        expectTypedOutcome(
          'pixelBoxToNormalized',
          () => pixelBoxToNormalized(box, size, { rounding: roundingOption as never }),
          ([ymin, xmin, ymax, xmax]) => [
            ...finiteBox({ x0: xmin, y0: ymin, x1: xmax, y1: ymax }),
            ...insideFrame({ x0: xmin, y0: ymin, x1: xmax, y1: ymax }, { width: 1000, height: 1000 }),
          ],
        );
      },
    );

    propertyIt.prop([fc.tuple(coordinate, coordinate), hostileSize, rounding], { numRuns })(
      'normalizedPointToPixels returns a finite point inside the image or throws a typed error',
      (point, size, roundingOption) => {
        expectTypedOutcome(
          'normalizedPointToPixels',
          () => normalizedPointToPixels(point, size, { rounding: roundingOption as never }),
          ({ x, y }) =>
            isFiniteNumber(x) && isFiniteNumber(y) && x >= 0 && y >= 0 && x <= size.width && y <= size.height
              ? []
              : [`point ${x},${y} outside ${size.width}×${size.height}`],
        );
      },
    );

    propertyIt.prop(
      [
        fc.record(
          {
            originalSize: hostileSize,
            orientation: fc.oneof(fc.integer({ min: 1, max: 8 }), hostileValue({ small: 9 })),
            steps: fc.oneof({ weight: 8, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: validStep }, { weight: 1, arbitrary: hostileStep }), { maxLength: 4 }) }, { weight: 1, arbitrary: hostileValue() }),
            originalSpace: fc.constantFrom<unknown>(undefined, 'displayed', 'stored', 'sent'),
          },
          { requiredKeys: ['originalSize'] },
        ),
        fc.array(fc.tuple(frameCall, mappingOptions), { minLength: 1, maxLength: 4 }),
      ],
      { numRuns },
    )(
      'createFrameTransform and each of its methods return finite numbers or throw typed errors',
      (options, calls) => {
        let frame: FrameTransform | undefined;
        expectTypedOutcome(
          'createFrameTransform',
          () => createFrameTransform(options as never),
          (created) => {
            frame = created;
            const sizes = [created.storedSize, created.displayedSize, created.sentSize, created.originalFrameSize];
            return sizes.every((size) => isFiniteNumber(size.width) && Number.isInteger(size.width) && size.width > 0 && isFiniteNumber(size.height) && Number.isInteger(size.height) && size.height > 0)
              ? []
              : [`bad sizes ${JSON.stringify(sizes)}`];
          },
        );
        if (frame === undefined) return;
        const created = frame;
        for (const [call, mapping] of calls) expectFiniteMapping(created, call, mapping);
      },
    );

    // Each method on its own, on a frame that is always valid, so every one gets `numRuns` cases.
    const validFrame = fc
      .record({
        width: fc.integer({ min: 1, max: 8000 }),
        height: fc.integer({ min: 1, max: 8000 }),
        orientation: fc.integer({ min: 1, max: 8 }),
        steps: fc.array(validStep, { maxLength: 3 }),
        originalSpace: fc.constantFrom('displayed' as const, 'stored' as const),
      })
      .map(({ width, height, orientation, steps, originalSpace }) => {
        try {
          return createFrameTransform({ originalSize: { width, height }, orientation: orientation as 1, steps: steps as never, originalSpace });
        } catch {
          // A crop larger than the image so far: fall back to the plain image.
          return createFrameTransform({ originalSize: { width, height }, orientation: orientation as 1, originalSpace });
        }
      });
    for (const method of FRAME_METHODS) {
      propertyIt.prop([validFrame, frameCall.filter((call) => call.method === method), mappingOptions], { numRuns })(
        `FrameTransform.${method} returns finite numbers or throws a typed error`,
        (frame, call, mapping) => {
          expectFiniteMapping(frame, call, mapping);
        },
      );
    }

    propertyIt.prop([hostilePixelBox, hostilePixelBox], { numRuns })(
      'boxIou returns a number in 0..1 or throws a typed error',
      (a, b) => {
        expectTypedOutcome('boxIou', () => boxIou(a, b), unitInterval);
      },
    );

    propertyIt.prop([hostileNormalizedBox, hostileNormalizedBox], { numRuns })(
      'normalizedBoxIou returns a number in 0..1 or throws a typed error',
      (a, b) => {
        expectTypedOutcome('normalizedBoxIou', () => normalizedBoxIou(a, b), unitInterval);
      },
    );

    const nmsItem = fc.record(
      {
        box: fc.oneof(hostilePixelBox, hostileNormalizedBox, fc.constant(null)),
        label: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('cat', 'dog', '') }, { weight: 1, arbitrary: hostileValue() }),
        score: hostileValue({ small: 1 }),
      },
      { requiredKeys: [] },
    );
    propertyIt.prop(
      [
        fc.oneof({ weight: 12, arbitrary: fc.array(nmsItem, { maxLength: 12 }) }, { weight: 1, arbitrary: hostileValue() }),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), hostileNumber({ small: 1 })),
        fc.constantFrom<unknown>(undefined, true, false, 'yes'),
        fc.boolean(),
      ],
      { numRuns },
    )(
      'nonMaxSuppression keeps an ordered subset or throws a typed error',
      (items, iouThreshold, classAware, scored) => {
        expectTypedOutcome(
          'nonMaxSuppression',
          () =>
            nonMaxSuppression(items as readonly { score?: unknown }[], {
              iouThreshold,
              classAware: classAware as boolean,
              ...(scored ? { scoreOf: (item: { score?: unknown }) => item.score as number } : {}),
            }),
          (result) => {
            const total = Array.isArray(items) ? items.length : 0;
            const kept = result.keptIndices;
            const problems: string[] = [];
            if (!kept.every((index, position) => Number.isInteger(index) && index >= 0 && index < total && (position === 0 || index > (kept[position - 1] ?? -1)))) {
              problems.push(`keptIndices ${JSON.stringify(kept)} not an ordered subset of ${total}`);
            }
            if (kept.length + result.suppressed.length !== total) problems.push('kept + suppressed ≠ items');
            if (!result.suppressed.every((entry) => unitInterval(entry.iou).length === 0 && entry.iou > iouThreshold)) {
              problems.push('a suppression IoU is not above the threshold');
            }
            return problems;
          },
        );
      },
    );

    propertyIt.prop([hostileNormalizedBox], { numRuns })(
      'repairNormalizedBox returns an ordered box in 0..1000 or throws a typed error',
      (box) => {
        expectTypedOutcome(
          'repairNormalizedBox',
          () => repairNormalizedBox(box),
          ({ box: [ymin, xmin, ymax, xmax], repairs }) => [
            ...finiteBox({ x0: xmin, y0: ymin, x1: xmax, y1: ymax }),
            ...insideFrame({ x0: xmin, y0: ymin, x1: xmax, y1: ymax }, { width: 1000, height: 1000 }),
            ...(Array.isArray(repairs) ? [] : ['repairs is not an array']),
          ],
        );
      },
    );
  });
}
