import { readFileSync } from 'node:fs';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { createFrameTransform, type FrameStep, type FrameTransform, type OriginalSpace } from './create-frame-transform';
import type { ExifOrientation } from './exif-orientation';
import type { PixelBox, Size } from './types';

interface SummaryFixture {
  readonly stored_image_size: [number, number] | null;
  readonly sent_image_size: [number, number];
  readonly items: readonly {
    readonly box_2d?: [number, number, number, number];
    readonly xyxy_px_trunc?: [number, number, number, number];
  }[];
}

const summary = JSON.parse(
  readFileSync(new URL('__fixtures__/expected-summary.json', import.meta.url), 'utf8'),
) as { fixtures: Record<string, SummaryFixture> };

const ORIENTATIONS: readonly ExifOrientation[] = [1, 2, 3, 4, 5, 6, 7, 8];

describe('createFrameTransform', () => {
  describe('with the real-Gemini fixtures', () => {
    it.each(Object.entries(summary.fixtures).filter(([, fixture]) => fixture.stored_image_size !== null))(
      'maps %s from the sent image back to xyxy_px_trunc on the stored image',
      (_name, fixture) => {
        const [width, height] = fixture.stored_image_size ?? [0, 0];
        const [sentWidth, sentHeight] = fixture.sent_image_size;
        const frame = createFrameTransform({
          originalSize: { width, height },
          steps: [{ type: 'resize', size: { width: sentWidth, height: sentHeight } }],
        });

        expect(frame.sentSize).toEqual({ width: sentWidth, height: sentHeight });
        for (const item of fixture.items) {
          if (item.box_2d === undefined) continue;
          const { x0, y0, x1, y1 } = frame.normalizedBoxToOriginal(item.box_2d);
          expect([x0, y0, x1, y1]).toEqual(item.xyxy_px_trunc);
        }
      },
    );
  });

  describe('sizes', () => {
    it.each([
      { orientation: 1, displayed: { width: 4032, height: 3024 } },
      { orientation: 3, displayed: { width: 4032, height: 3024 } },
      { orientation: 6, displayed: { width: 3024, height: 4032 } },
      { orientation: 7, displayed: { width: 3024, height: 4032 } },
    ] as const)('reports stored, displayed and original-frame sizes for orientation $orientation', ({ orientation, displayed }) => {
      const stored = { width: 4032, height: 3024 };
      const inDisplayed = createFrameTransform({ originalSize: stored, orientation });
      const inStored = createFrameTransform({ originalSize: stored, orientation, originalSpace: 'stored' });

      expect(inDisplayed).toMatchObject({ storedSize: stored, displayedSize: displayed, originalFrameSize: displayed, sentSize: displayed });
      expect(inStored).toMatchObject({ storedSize: stored, displayedSize: displayed, originalFrameSize: stored, sentSize: displayed });
    });

    it.each([
      { steps: [{ type: 'crop', box: { x0: 10, y0: 20, x1: 110, y1: 70 } }], sent: { width: 100, height: 50 } },
      { steps: [{ type: 'resize', size: { width: 64, height: 48 } }], sent: { width: 64, height: 48 } },
      { steps: [{ type: 'pad', top: 1, right: 2, bottom: 3, left: 4 }], sent: { width: 206, height: 104 } },
      { steps: [{ type: 'letterbox', size: { width: 640, height: 640 } }], sent: { width: 640, height: 640 } },
    ] as const)('gives the sent size $sent after $steps', ({ steps, sent }) => {
      expect(createFrameTransform({ originalSize: { width: 200, height: 100 }, steps }).sentSize).toEqual(sent);
    });
  });

  describe('EXIF orientation', () => {
    // Stored 3×2 grid "abc / def"; for each orientation, where each letter is displayed.
    const stored = { width: 3, height: 2 };
    const storedCell: Record<string, PixelBox> = {
      a: cell(0, 0), b: cell(1, 0), c: cell(2, 0),
      d: cell(0, 1), e: cell(1, 1), f: cell(2, 1),
    };
    const displayed: Record<ExifOrientation, readonly string[]> = {
      1: ['abc', 'def'],
      2: ['cba', 'fed'],
      3: ['fed', 'cba'],
      4: ['def', 'abc'],
      5: ['ad', 'be', 'cf'],
      6: ['da', 'eb', 'fc'],
      7: ['fc', 'eb', 'da'],
      8: ['cf', 'be', 'ad'],
    };

    it.each(ORIENTATIONS)('maps each displayed pixel back to its stored pixel under orientation %i', (orientation) => {
      const frame = createFrameTransform({ originalSize: stored, orientation, originalSpace: 'stored' });
      displayed[orientation].forEach((row, y) => {
        Array.from(row).forEach((letter, x) => {
          expect(frame.boxToOriginal(cell(x, y)), `${letter} at ${x},${y}`).toEqual(storedCell[letter]);
          expect(frame.boxToSent(storedCell[letter] ?? cell(0, 0))).toEqual(cell(x, y));
        });
      });
    });

    it.each(ORIENTATIONS)('leaves displayed coordinates alone in the displayed space under orientation %i', (orientation) => {
      const frame = createFrameTransform({ originalSize: stored, orientation });
      const size = frame.displayedSize;

      expect(frame.boxToOriginal({ x0: 0, y0: 0, x1: size.width, y1: 1 })).toEqual({ x0: 0, y0: 0, x1: size.width, y1: 1 });
    });

    it('maps the displayed top-left quarter of a portrait photo to the stored bottom-left quarter', () => {
      const frame = createFrameTransform({
        originalSize: { width: 4000, height: 3000 },
        orientation: 6,
        steps: [{ type: 'resize', size: { width: 300, height: 400 } }],
        originalSpace: 'stored',
      });

      expect(frame.normalizedBoxToOriginal([0, 0, 500, 500])).toEqual({ x0: 0, y0: 1500, x1: 2000, y1: 3000 });
      expect(frame.normalizedPointToOriginal([0, 0])).toEqual({ x: 0, y: 3000 });
      expect(frame.normalizedBoxFromOriginal({ x0: 0, y0: 1500, x1: 2000, y1: 3000 })).toEqual([0, 0, 500, 500]);
    });
  });

  describe('crop and resize', () => {
    const frame = createFrameTransform({
      originalSize: { width: 2000, height: 1000 },
      steps: [
        { type: 'crop', box: { x0: 500, y0: 250, x1: 1500, y1: 750 } },
        { type: 'resize', size: { width: 500, height: 250 } },
      ],
    });

    it.each([
      { sent: { x: 0, y: 0 }, original: { x: 500, y: 250 } },
      { sent: { x: 250, y: 125 }, original: { x: 1000, y: 500 } },
      { sent: { x: 500, y: 250 }, original: { x: 1500, y: 750 } },
      { sent: { x: 0.5, y: 0.5 }, original: { x: 501, y: 251 } },
    ])('maps sent $sent to original $original and back', ({ sent, original }) => {
      expect(frame.pointToOriginal(sent)).toEqual(original);
      expect(frame.pointToSent(original)).toEqual(sent);
    });

    it('maps a full-frame normalized box to the crop rectangle', () => {
      expect(frame.normalizedBoxToOriginal([0, 0, 1000, 1000])).toEqual({ x0: 500, y0: 250, x1: 1500, y1: 750 });
      expect(frame.normalizedBoxFromOriginal({ x0: 500, y0: 250, x1: 1500, y1: 750 })).toEqual([0, 0, 1000, 1000]);
    });

    it('clips original boxes outside the crop to the sent frame unless told not to', () => {
      const outside = { x0: 0, y0: 0, x1: 1000, y1: 500 };

      expect(frame.boxToSent(outside)).toEqual({ x0: 0, y0: 0, x1: 250, y1: 125 });
      expect(frame.boxToSent(outside, { clip: false })).toEqual({ x0: -250, y0: -125, x1: 250, y1: 125 });
      expect(frame.normalizedPointFromOriginal({ x: 0, y: 0 }, { clip: false })).toEqual([-500, -500]);
    });
  });

  describe('letterbox', () => {
    it.each([
      // 1000×500 into 640×640: scale 0.64, content 640×320, 160 rows above and below.
      { original: { width: 1000, height: 500 }, align: 'center', sent: { x: 320, y: 160 }, expected: { x: 500, y: 0 } },
      { original: { width: 1000, height: 500 }, align: 'center', sent: { x: 640, y: 480 }, expected: { x: 1000, y: 500 } },
      { original: { width: 1000, height: 500 }, align: 'top-left', sent: { x: 640, y: 320 }, expected: { x: 1000, y: 500 } },
      // 500×1000: content 320×640, 160 columns left and right.
      { original: { width: 500, height: 1000 }, align: 'center', sent: { x: 160, y: 0 }, expected: { x: 0, y: 0 } },
      { original: { width: 500, height: 1000 }, align: 'center', sent: { x: 480, y: 640 }, expected: { x: 500, y: 1000 } },
      // 1000×501: content 640×321 (320.64 rounded), 159 rows above, 160 below.
      { original: { width: 1000, height: 501 }, align: 'center', sent: { x: 0, y: 159 }, expected: { x: 0, y: 0 } },
    ] as const)('undoes scale and offset: $original $align, sent $sent → $expected', ({ original, align, sent, expected }) => {
      const frame = createFrameTransform({ originalSize: original, steps: [{ type: 'letterbox', size: { width: 640, height: 640 }, align }] });

      const mapped = frame.pointToOriginal(sent);
      expect(mapped.x).toBeCloseTo(expected.x, 9);
      expect(mapped.y).toBeCloseTo(expected.y, 9);
    });

    it('clips boxes in the padding to the original image', () => {
      const frame = createFrameTransform({
        originalSize: { width: 1000, height: 500 },
        steps: [{ type: 'letterbox', size: { width: 640, height: 640 } }],
      });

      expect(frame.boxToOriginal({ x0: 0, y0: 0, x1: 640, y1: 160 })).toEqual({ x0: 0, y0: 0, x1: 1000, y1: 0 });
      expect(frame.boxToOriginal({ x0: 0, y0: 0, x1: 640, y1: 160 }, { clip: false })).toEqual({ x0: 0, y0: -250, x1: 1000, y1: 0 });
      expect(frame.normalizedBoxToOriginal([0, 0, 1000, 1000])).toEqual({ x0: 0, y0: 0, x1: 1000, y1: 500 });
      expect(frame.normalizedBoxToOriginal([250, 0, 750, 1000])).toEqual({ x0: 0, y0: 0, x1: 1000, y1: 500 });
      expect(frame.normalizedPointToOriginal([100, 500])).toEqual({ x: 500, y: 0 });
    });
  });

  describe('pad', () => {
    it('shifts by the left and top padding', () => {
      const frame = createFrameTransform({
        originalSize: { width: 100, height: 100 },
        steps: [{ type: 'pad', left: 20, top: 10 }],
      });

      expect(frame.sentSize).toEqual({ width: 120, height: 110 });
      expect(frame.pointToOriginal({ x: 20, y: 10 })).toEqual({ x: 0, y: 0 });
      expect(frame.pointToSent({ x: 100, y: 100 })).toEqual({ x: 120, y: 110 });
    });
  });

  describe('rounding', () => {
    const frame = createFrameTransform({
      originalSize: { width: 1000, height: 1000 },
      steps: [{ type: 'resize', size: { width: 3, height: 3 } }],
    });

    it.each([
      { rounding: 'floor', expected: { x0: 333, y0: 333, x1: 666, y1: 666 } },
      { rounding: 'round', expected: { x0: 333, y0: 333, x1: 667, y1: 667 } },
      { rounding: 'none', expected: { x0: 333.3333333333333, y0: 333.3333333333333, x1: 666.6666666666666, y1: 666.6666666666666 } },
    ] as const)('rounds sent-pixel boxes with $rounding', ({ rounding, expected }) => {
      expect(frame.boxToOriginal({ x0: 1, y0: 1, x1: 2, y1: 2 }, { rounding })).toEqual(expected);
    });

    it('floors normalized boxes and leaves normalized points and sent-pixel boxes as floats by default', () => {
      const point = frame.normalizedPointToOriginal([333.5, 666.5]);

      expect(frame.normalizedBoxToOriginal([333.5, 333.5, 666.5, 666.5])).toEqual({ x0: 333, y0: 333, x1: 666, y1: 666 });
      expect(point.x).toBeCloseTo(666.5, 9);
      expect(point.y).toBeCloseTo(333.5, 9);
      expect(frame.boxToOriginal({ x0: 1, y0: 1, x1: 2, y1: 2 }).x1).toBeCloseTo(666.667, 3);
    });
  });

  describe('validation', () => {
    it.each([
      { options: { originalSize: { width: 0, height: 1 } }, argument: 'options.originalSize.width' },
      { options: { originalSize: { width: 1, height: 1 }, orientation: 9 }, argument: 'options.orientation' },
      { options: { originalSize: { width: 1, height: 1 }, originalSpace: 'file' }, argument: 'options.originalSpace' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'rotate' }] }, argument: 'options.steps[0].type' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'crop', box: { x0: 0, y0: 0, x1: 11, y1: 5 } }] }, argument: 'options.steps[0].box.x1' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'crop', box: { x0: 0.5, y0: 0, x1: 5, y1: 5 } }] }, argument: 'options.steps[0].box.x0' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'crop', box: { x0: 5, y0: 0, x1: 5, y1: 5 } }] }, argument: 'options.steps[0].box' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'resize', size: { width: 5, height: 0 } }] }, argument: 'options.steps[0].size.height' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'pad', left: -1 }] }, argument: 'options.steps[0].left' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'letterbox', size: { width: 5, height: 5 }, align: 'middle' }] }, argument: 'options.steps[0].align' },
      { options: { originalSize: { width: 10, height: 10 }, steps: [{ type: 'resize', size: { width: 5, height: 5 } }, { type: 'crop', box: { x0: 0, y0: 0, x1: 6, y1: 5 } }] }, argument: 'options.steps[1].box.x1' },
    ])('rejects options naming $argument', ({ options, argument }) => {
      expect(() => createFrameTransform(options as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }));
    });

    it('rejects malformed input to the mapping methods', () => {
      const frame = createFrameTransform({ originalSize: { width: 10, height: 10 } });

      expect(() => frame.normalizedBoxToOriginal([5, 0, 1, 10])).toThrow(expect.objectContaining({ argument: 'box[2]' }));
      expect(() => frame.pointToOriginal({ x: Number.NaN, y: 0 })).toThrow(expect.objectContaining({ argument: 'point.x' }));
      expect(() => frame.boxToSent({ x0: 0, y0: 0, x1: 1, y1: 1 }, { rounding: 'ceil' as never })).toThrow(
        expect.objectContaining({ argument: 'options.rounding' }),
      );
    });
  });

  describe('properties', () => {
    // Float error grows with the original's magnitude times the chain's magnification (a 1-pixel
    // crop blown up 4,000×), so tolerances are relative to both.
    propertyIt.prop([frameArbitrary(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
      'round-trips sent points through the original: toSent(toOriginal(p)) ≈ p',
      ({ frame }, u, v) => {
        const point = { x: u * frame.sentSize.width, y: v * frame.sentSize.height };
        const back = frame.pointToSent(frame.pointToOriginal(point, { clip: false }), { clip: false });
        const tolerance = roundTripTolerance(frame);

        expect(Math.abs(back.x - point.x)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(back.y - point.y)).toBeLessThanOrEqual(tolerance);
      },
    );

    propertyIt.prop([frameArbitrary(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
      'round-trips original points through the sent image: toOriginal(toSent(p)) ≈ p',
      ({ frame }, u, v) => {
        const point = { x: u * frame.originalFrameSize.width, y: v * frame.originalFrameSize.height };
        const back = frame.pointToOriginal(frame.pointToSent(point, { clip: false }), { clip: false });

        expect(back.x).toBeCloseTo(point.x, 6);
        expect(back.y).toBeCloseTo(point.y, 6);
      },
    );

    propertyIt.prop([frameArbitrary(), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true })])(
      'round-trips normalized points: fromOriginal(toOriginal(p)) ≈ p',
      ({ frame }, y, x) => {
        const [backY, backX] = frame.normalizedPointFromOriginal(frame.normalizedPointToOriginal([y, x], { clip: false }), { clip: false });
        const { width, height } = frame.sentSize;
        const tolerance = roundTripTolerance(frame) * (1000 / Math.min(width, height));

        expect(Math.abs(backY - y)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(backX - x)).toBeLessThanOrEqual(tolerance);
      },
    );

    propertyIt.prop([frameArbitrary(), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 })])(
      'yields ordered boxes inside the original frame',
      ({ frame }, [a = 0, b = 0, c = 0, d = 0]) => {
        const box = frame.normalizedBoxToOriginal([Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]);
        const { width, height } = frame.originalFrameSize;

        expect(0 <= box.x0 && box.x0 <= box.x1 && box.x1 <= width).toBe(true);
        expect(0 <= box.y0 && box.y0 <= box.y1 && box.y1 <= height).toBe(true);
      },
    );

    propertyIt.prop([frameArbitrary({ steps: false })])(
      'maps the whole sent image onto the whole original without steps, in either space',
      ({ frame }) => {
        const { width, height } = frame.originalFrameSize;

        expect(frame.normalizedBoxToOriginal([0, 0, 1000, 1000])).toEqual({ x0: 0, y0: 0, x1: width, y1: height });
      },
    );
  });
});

/** 1e-9 sent pixels, plus float64 resolution of the original frame magnified by the chain. */
function roundTripTolerance(frame: FrameTransform): number {
  const origin = frame.pointToSent({ x: 0, y: 0 }, { clip: false });
  const stepX = frame.pointToSent({ x: 1, y: 0 }, { clip: false });
  const stepY = frame.pointToSent({ x: 0, y: 1 }, { clip: false });
  const magnification = Math.max(
    Math.abs(stepX.x - origin.x) + Math.abs(stepX.y - origin.y),
    Math.abs(stepY.x - origin.x) + Math.abs(stepY.y - origin.y),
  );
  const { width, height } = frame.originalFrameSize;
  return 1e-9 + 1e-12 * magnification * Math.max(width, height);
}

function cell(x: number, y: number): PixelBox {
  return { x0: x, y0: y, x1: x + 1, y1: y + 1 };
}

/** A random original (size, orientation, space) and a random valid chain of up to four steps. */
function frameArbitrary({ steps = true }: { steps?: boolean } = {}) {
  const fraction = fc.double({ min: 0, max: 1, noNaN: true });
  const stepSeed = fc.oneof(
    fc.record({ type: fc.constant('crop' as const), a: fraction, b: fraction, c: fraction, d: fraction }),
    fc.record({ type: fc.constant('resize' as const), width: fc.integer({ min: 1, max: 4000 }), height: fc.integer({ min: 1, max: 4000 }) }),
    fc.record({ type: fc.constant('pad' as const), top: fc.nat(50), right: fc.nat(50), bottom: fc.nat(50), left: fc.nat(50) }),
    fc.record({
      type: fc.constant('letterbox' as const),
      width: fc.integer({ min: 1, max: 2000 }),
      height: fc.integer({ min: 1, max: 2000 }),
      align: fc.constantFrom('center' as const, 'top-left' as const),
    }),
  );
  return fc
    .record({
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 6000 }),
      orientation: fc.constantFrom(...ORIENTATIONS),
      originalSpace: fc.constantFrom<OriginalSpace>('displayed', 'stored'),
      seeds: fc.array(stepSeed, { maxLength: steps ? 4 : 0 }),
    })
    .map(({ width, height, orientation, originalSpace, seeds }) => {
      let current: Size = orientation >= 5 ? { width: height, height: width } : { width, height };
      const chain: FrameStep[] = [];
      for (const seed of seeds) {
        switch (seed.type) {
          case 'crop': {
            const [x0, x1] = integerSpan(seed.a, seed.b, current.width);
            const [y0, y1] = integerSpan(seed.c, seed.d, current.height);
            chain.push({ type: 'crop', box: { x0, y0, x1, y1 } });
            current = { width: x1 - x0, height: y1 - y0 };
            break;
          }
          case 'resize':
            chain.push({ type: 'resize', size: { width: seed.width, height: seed.height } });
            current = { width: seed.width, height: seed.height };
            break;
          case 'pad':
            chain.push(seed);
            current = { width: current.width + seed.left + seed.right, height: current.height + seed.top + seed.bottom };
            break;
          case 'letterbox':
            chain.push({ type: 'letterbox', size: { width: seed.width, height: seed.height }, align: seed.align });
            current = { width: seed.width, height: seed.height };
            break;
        }
      }
      const frame = createFrameTransform({ originalSize: { width, height }, orientation, steps: chain, originalSpace });
      return { frame, steps: chain };
    });
}

/** A non-empty integer interval inside 0..length from two fractions. */
function integerSpan(a: number, b: number, length: number): [number, number] {
  const start = Math.min(length - 1, Math.floor(Math.min(a, b) * length));
  const end = Math.max(start + 1, Math.min(length, Math.ceil(Math.max(a, b) * length)));
  return [start, end];
}
