// Test helpers for src/masks: fixture loading and fast-check arbitraries. Test code: Node-only,
// never imported by library code, and excluded (as all of __fixtures__) from the build and the
// published package. Core's purity rules are meant for library code, like the *.test.ts files
// they already exempt (see tooling/eslint/core-purity.js).
import { readFileSync } from 'node:fs';

import { fc } from '@fast-check/vitest';
import { decode } from 'fast-png';

import type { NormalizedBox } from '../../geometry/types';
import { createMask, type Mask } from '../mask';

const fixtures = new URL('./', import.meta.url);

/** Reads and parses a JSON file from this folder. */
export function readFixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
}

/** Bytes of a base64 string. */
export function bytesFromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** One segmentation item of a real response. */
export interface SegmentationItem {
  readonly box_2d: NormalizedBox;
  readonly mask: string;
  readonly label: string;
}

/**
 * The items of a saved segmentation response: the text between the ```json fence and the last
 * fence, parsed as is (the real, tolerant parser lives in `src/parse/`).
 */
export function readSegmentationItems(file: string): readonly SegmentationItem[] {
  const text = readFileSync(new URL(file, fixtures), 'utf8');
  const start = text.indexOf('```json') + '```json'.length;
  return JSON.parse(text.slice(start, text.lastIndexOf('```'))) as readonly SegmentationItem[];
}

/** Decodes a `data:image/png;base64,…` grayscale 8-bit mask with fast-png. */
export function decodeMaskDataUrl(dataUrl: string): Mask {
  const png = decode(bytesFromBase64(dataUrl.replace(/^data:image\/png;base64,/, '')));
  if (png.channels !== 1 || png.depth !== 8) {
    throw new Error(`Expected an 8-bit grayscale PNG, got ${png.channels} channels at ${png.depth} bits.`);
  }
  return createMask(png.width, png.height, new Uint8Array(png.data));
}

/** Masks up to `maxSide`×`maxSide` with arbitrary bytes, or only 0/255 when `binary`. */
export function arbitraryMask({ maxSide = 24, binary = false } = {}): fc.Arbitrary<Mask> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxSide }), fc.integer({ min: 1, max: maxSide }))
    .chain(([width, height]) => {
      const length = width * height;
      const data = binary
        ? fc.array(fc.constantFrom(0, 255), { minLength: length, maxLength: length }).map((values) => new Uint8Array(values))
        : fc.uint8Array({ minLength: length, maxLength: length });
      return data.map((bytes) => createMask(width, height, bytes));
    });
}

/**
 * Masks shaped like Gemini's: rectangles and ellipses of 255 on 0 with soft edges of mid values,
 * optional repeated rows and speckles. They exercise what the fast resampler skips by: runs of
 * equal values, rows of zeros and equal rows.
 */
export function arbitraryShapeMask({ maxSide = 64 } = {}): fc.Arbitrary<Mask> {
  const shape = fc.record({
    kind: fc.constantFrom('rectangle', 'ellipse'),
    cx: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
    cy: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
    rx: fc.double({ min: 0, max: 0.8, noNaN: true }),
    ry: fc.double({ min: 0, max: 0.8, noNaN: true }),
    edge: fc.double({ min: 0, max: 0.3, noNaN: true }),
  });
  return fc
    .record({
      width: fc.integer({ min: 1, max: maxSide }),
      height: fc.integer({ min: 1, max: maxSide }),
      shapes: fc.array(shape, { maxLength: 4 }),
      speckles: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    })
    .map(({ width, height, shapes, speckles }) => {
      const data = new Uint8Array(width * height);
      for (let y = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          let value = 0;
          for (const { kind, cx, cy, rx, ry, edge } of shapes) {
            const dx = Math.abs((x + 0.5) / width - cx) / Math.max(rx, 1e-9);
            const dy = Math.abs((y + 0.5) / height - cy) / Math.max(ry, 1e-9);
            const distance = kind === 'rectangle' ? Math.max(dx, dy) : Math.hypot(dx, dy);
            const inside = distance <= 1 ? 255 : edge === 0 ? 0 : Math.max(0, Math.round(255 * (1 - (distance - 1) / edge)));
            value = Math.max(value, inside);
          }
          data[y * width + x] = value;
        }
      }
      for (const [at, value] of speckles) data[at % data.length] = value;
      return createMask(width, height, data);
    });
}

/** `pil-resize-references.json`, written by `generate-pil-references.py` with Pillow. */
export interface PilReferences {
  readonly pillow: string;
  readonly cases: readonly {
    readonly name: string;
    readonly width: number;
    readonly height: number;
    readonly data: string;
    readonly resized: readonly {
      readonly filter: 'bilinear' | 'nearest';
      readonly width: number;
      readonly height: number;
      readonly data: string;
    }[];
  }[];
  readonly realMasks: readonly {
    readonly file: string;
    readonly index: number;
    readonly resized: readonly {
      readonly filter: 'bilinear' | 'nearest';
      readonly width: number;
      readonly height: number;
      readonly sha256: string;
    }[];
  }[];
}

/** Reads `pil-resize-references.json`. */
export function readPilReferences(): PilReferences {
  return readFixtureJson('pil-resize-references.json') as PilReferences;
}

/** Largest per-byte difference of two equally long byte arrays. */
export function maxAbsoluteDifference(a: Uint8Array, b: Uint8Array): number {
  let max = 0;
  for (let index = 0; index < a.length; index += 1) {
    max = Math.max(max, Math.abs((a[index] ?? 0) - (b[index] ?? 0)));
  }
  return max;
}
