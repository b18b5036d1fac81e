import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertUnitInterval } from './assert-geometry';
import { intersectionOverUnion } from './box-iou';
import {
  assertLabel,
  assertSameBoxKind,
  defaultBoxOf,
  defaultLabelOf,
  readBoxCorners,
  type BoxCorners,
  type DetectionBox,
} from './detection-box';

/**
 * Options of {@link nonMaxSuppression}.
 *
 * @example
 * ```ts
 * const options: NonMaxSuppressionOptions<{ label: string; box: NormalizedBox }> = {
 *   iouThreshold: 0.5,
 *   classAware: true,
 * };
 * ```
 */
export interface NonMaxSuppressionOptions<T> {
  /** An item is suppressed when its IoU with a kept item is strictly greater than this (0..1). */
  readonly iouThreshold: number;
  /**
   * Only suppress items with the same label (labels compared exactly, as `labelOf` returns them).
   * @defaultValue `false` (any two overlapping items compete)
   */
  readonly classAware?: boolean | undefined;
  /**
   * Score of an item; higher scores win. Gemini returns no scores (a self-reported "confidence"
   * is not calibrated), so by default the earlier item wins, i.e. the model's own order.
   * @defaultValue none: priority is the input order
   */
  readonly scoreOf?: ((item: T, index: number) => number) | undefined;
  /**
   * Box of an item, normalized or in pixels (all boxes must use one convention); `null` or
   * `undefined` for an item without a box, which is always kept and never suppresses.
   * @defaultValue `item.box`
   */
  readonly boxOf?: ((item: T) => DetectionBox | null | undefined) | undefined;
  /**
   * Label of an item, read only when `classAware` is `true`. Normalize here if you want
   * `'Cat '` and `'cat'` to be one class, e.g. `(item) => item.label.normalize('NFKC').trim().toLowerCase()`.
   * @defaultValue `item.label`
   */
  readonly labelOf?: ((item: T) => string) | undefined;
}

/**
 * One item removed by {@link nonMaxSuppression}.
 *
 * @example
 * ```ts
 * const suppression: Suppression = { index: 3, by: 1, iou: 0.82 };
 * ```
 */
export interface Suppression {
  /** Index of the removed item in the input. */
  readonly index: number;
  /** Index of the kept item that removed it (the first kept, in priority order, above the threshold). */
  readonly by: number;
  /** IoU between the two, greater than the threshold. */
  readonly iou: number;
}

/**
 * Result of {@link nonMaxSuppression}.
 *
 * @example
 * ```ts
 * const { items, keptIndices, suppressed }: NonMaxSuppressionResult<{ box: PixelBox }> = nonMaxSuppression([], { iouThreshold: 0.5 });
 * ```
 */
export interface NonMaxSuppressionResult<T> {
  /** The kept items, in input order. */
  readonly items: readonly T[];
  /** Indices of the kept items in the input, ascending. */
  readonly keptIndices: readonly number[];
  /** Every removed item with the item that removed it, by ascending `index`. */
  readonly suppressed: readonly Suppression[];
}

/**
 * Greedy non-maximum suppression: removes items whose box overlaps a higher-priority kept item's
 * box by more than `iouThreshold`.
 *
 * @remarks
 * Items are visited by priority, highest score first when `scoreOf` is given (ties keep input
 * order), otherwise in input order; each is kept unless its IoU with an already kept item (of the
 * same label when `classAware`) exceeds the threshold. The result lists kept items **in input
 * order**, not priority order. IoU is computed in the boxes' own units; normalized and pixel IoU
 * agree ({@link normalizedBoxIou}). O(n²) comparisons.
 *
 * @param items - Anything with a box; by default `{ box, label }` objects.
 * @param options - Threshold, class awareness and accessors; see {@link NonMaxSuppressionOptions}.
 * @returns The kept items and indices, and what was suppressed by what.
 * @throws {@link InvalidArgumentError} If the threshold is outside 0..1, a box is malformed or in
 * a different convention from the others, a score is not finite, or (with `classAware`) a label is
 * not a string.
 *
 * @example
 * ```ts
 * const items = [
 *   { label: 'cupcake', box: [100, 100, 300, 300] as const },
 *   { label: 'cupcake', box: [105, 100, 300, 300] as const },
 *   { label: 'plate', box: [500, 500, 900, 900] as const },
 * ];
 * nonMaxSuppression(items, { iouThreshold: 0.5 }).keptIndices; // => [0, 2]
 * ```
 */
export function nonMaxSuppression<T>(
  items: readonly T[],
  options: NonMaxSuppressionOptions<T>,
): NonMaxSuppressionResult<T> {
  if (!Array.isArray(items)) {
    throw new InvalidArgumentError({ argument: 'items', expected: 'an array', received: items });
  }
  assertUnitInterval('options.iouThreshold', options.iouThreshold);
  const classAware = options.classAware ?? false;
  const boxOf: (item: T) => unknown = options.boxOf ?? defaultBoxOf;
  const labelOf: (item: T) => unknown = options.labelOf ?? defaultLabelOf;

  let firstKind: BoxCorners['kind'] | undefined;
  const corners = items.map((item: T, index) => {
    const box = readBoxCorners(`items[${index}].box`, boxOf(item));
    if (box === undefined) return undefined;
    assertSameBoxKind(`items[${index}].box`, box, firstKind);
    firstKind = box.kind;
    return box;
  });
  const labels = classAware
    ? items.map((item: T, index) => {
        const label = labelOf(item);
        assertLabel(`items[${index}].label`, label);
        return label;
      })
    : undefined;
  const order = priorityOrder(items, options.scoreOf);

  const keptByClass = new Map<string, number[]>();
  const kept = new Array<boolean>(items.length).fill(false);
  const suppressed: Suppression[] = [];
  for (const index of order) {
    const box = corners[index];
    if (box === undefined) {
      kept[index] = true;
      continue;
    }
    const group = labels?.[index] ?? '';
    const rivals = keptByClass.get(group) ?? [];
    const winner = findSuppressor(box, rivals, corners, options.iouThreshold);
    if (winner === undefined) {
      kept[index] = true;
      rivals.push(index);
      keptByClass.set(group, rivals);
    } else {
      suppressed.push({ index, by: winner.index, iou: winner.iou });
    }
  }

  const keptIndices = kept.flatMap((isKept, index) => (isKept ? [index] : []));
  return {
    items: keptIndices.map((index) => items[index] as T),
    keptIndices,
    suppressed: suppressed.sort((left, right) => left.index - right.index),
  };
}

function priorityOrder<T>(
  items: readonly T[],
  scoreOf: ((item: T, index: number) => number) | undefined,
): number[] {
  const indices = items.map((_item, index) => index);
  if (scoreOf === undefined) return indices;
  const scores = items.map((item, index) => {
    const score = scoreOf(item, index);
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw new InvalidArgumentError({
        argument: `scoreOf(items[${index}])`,
        expected: 'a finite number',
        received: score,
      });
    }
    return score;
  });
  // Array.prototype.sort is stable (ES2019), so equal scores keep input order.
  return indices.sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0));
}

function findSuppressor(
  box: BoxCorners,
  rivals: readonly number[],
  corners: readonly (BoxCorners | undefined)[],
  threshold: number,
): { index: number; iou: number } | undefined {
  for (const rival of rivals) {
    const other = corners[rival];
    if (other === undefined) continue;
    const iou = intersectionOverUnion(box.x0, box.y0, box.x1, box.y1, other.x0, other.y0, other.x1, other.y1);
    if (iou > threshold) return { index: rival, iou };
  }
  return undefined;
}
