// The box type NMS and duplicate removal accept, plus the helpers (not re-exported by the folder
// index) that read boxes and labels out of caller-shaped items.
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertNormalizedBox, assertPixelBox } from './assert-geometry';
import type { NormalizedBox, PixelBox } from './types';

/**
 * A box in either convention: Gemini's normalized `[ymin, xmin, ymax, xmax]` (0..1000) or a
 * pixel box `{ x0, y0, x1, y1 }`.
 *
 * @example
 * ```ts
 * const boxes: DetectionBox[] = [[390, 64, 574, 203], { x0: 66, y0: 393, x1: 207, y1: 575 }];
 * ```
 */
export type DetectionBox = PixelBox | NormalizedBox;

/** A validated box as corners, remembering which convention it came in. */
export interface BoxCorners {
  readonly kind: 'normalized' | 'pixel';
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Reads `item.box` (the default `boxOf`). */
export function defaultBoxOf(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return undefined;
  return (item as { readonly box?: unknown }).box;
}

/** Reads `item.label` (the default `labelOf`). */
export function defaultLabelOf(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return undefined;
  return (item as { readonly label?: unknown }).label;
}

/** Validates a box read from an item and returns its corners, or `undefined` for no box. */
export function readBoxCorners(argument: string, box: unknown): BoxCorners | undefined {
  if (box === undefined || box === null) return undefined;
  if (Array.isArray(box)) {
    assertNormalizedBox(argument, box);
    const [ymin, xmin, ymax, xmax] = box as NormalizedBox;
    return { kind: 'normalized', x0: xmin, y0: ymin, x1: xmax, y1: ymax };
  }
  assertPixelBox(argument, box);
  return { kind: 'pixel', x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 };
}

/** Throws unless `label` is a string. */
export function assertLabel(argument: string, label: unknown): asserts label is string {
  if (typeof label !== 'string') {
    throw new InvalidArgumentError({
      argument,
      expected: 'a string label',
      received: label,
      hint: 'Pass `labelOf` when your items keep the label under another name.',
    });
  }
}

/** Throws when `corners` is in a different convention than the first box seen. */
export function assertSameBoxKind(
  argument: string,
  corners: BoxCorners,
  firstKind: BoxCorners['kind'] | undefined,
): void {
  if (firstKind !== undefined && corners.kind !== firstKind) {
    throw new InvalidArgumentError({
      argument,
      expected: firstKind === 'normalized' ? 'a normalized box like the earlier ones' : 'a pixel box like the earlier ones',
      received: corners.kind === 'normalized' ? 'a normalized box' : 'a pixel box',
      hint: 'Convert every box to one convention first.',
    });
  }
}
