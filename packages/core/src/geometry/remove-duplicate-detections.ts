import { InvalidArgumentError } from '../errors/invalid-argument-error';
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
 * Options of {@link removeDuplicateDetections}.
 *
 * @example
 * ```ts
 * const options: RemoveDuplicateDetectionsOptions<{ name: string; box_2d: NormalizedBox }> = {
 *   labelOf: (item) => item.name,
 *   boxOf: (item) => item.box_2d,
 * };
 * ```
 */
export interface RemoveDuplicateDetectionsOptions<T> {
  /**
   * Box of an item, normalized or in pixels (one convention for all); `null` or `undefined` for an
   * item without a box, which is never a duplicate.
   * @defaultValue `item.box`
   */
  readonly boxOf?: ((item: T) => DetectionBox | null | undefined) | undefined;
  /**
   * Label of an item; labels are compared exactly as returned, so normalize here if needed.
   * @defaultValue `item.label`
   */
  readonly labelOf?: ((item: T) => string) | undefined;
}

/**
 * One item removed by {@link removeDuplicateDetections}.
 *
 * @example
 * ```ts
 * const duplicate: Duplicate = { index: 4, of: 1 };
 * ```
 */
export interface Duplicate {
  /** Index of the removed item in the input. */
  readonly index: number;
  /** Index of the earlier, kept item it repeats. */
  readonly of: number;
}

/**
 * Result of {@link removeDuplicateDetections}.
 *
 * @example
 * ```ts
 * const { items, keptIndices, duplicates }: RemoveDuplicateDetectionsResult<{ label: string; box: PixelBox }> =
 *   removeDuplicateDetections([]);
 * ```
 */
export interface RemoveDuplicateDetectionsResult<T> {
  /** The kept items, in input order. */
  readonly items: readonly T[];
  /** Indices of the kept items in the input, ascending. */
  readonly keptIndices: readonly number[];
  /** Every removed item with the first occurrence it repeats, by ascending `index`. */
  readonly duplicates: readonly Duplicate[];
}

/**
 * Removes exact duplicates: items with the same label and exactly the same box as an earlier
 * item. The first occurrence is kept.
 *
 * @remarks
 * Models sometimes repeat an object verbatim, especially when they loop near their item limit.
 * This removes only identical repeats; use {@link nonMaxSuppression} for near-duplicates. Items
 * with the same box and different labels (e.g. "glass jar" and "metal lid" sharing one box) are
 * both kept.
 *
 * @param items - Anything with a box and a label; by default `{ box, label }` objects.
 * @param options - Accessors; see {@link RemoveDuplicateDetectionsOptions}.
 * @returns The kept items and indices, and which item each duplicate repeats.
 * @throws {@link InvalidArgumentError} If a box is malformed or in a different convention from the
 * others, or a label is not a string.
 *
 * @example
 * ```ts
 * removeDuplicateDetections([
 *   { label: 'sock', box: [10, 20, 30, 40] },
 *   { label: 'sock', box: [10, 20, 30, 40] },
 *   { label: 'face', box: [10, 20, 30, 40] },
 * ]).keptIndices; // => [0, 2]
 * ```
 */
export function removeDuplicateDetections<T>(
  items: readonly T[],
  options: RemoveDuplicateDetectionsOptions<T> = {},
): RemoveDuplicateDetectionsResult<T> {
  if (!Array.isArray(items)) {
    throw new InvalidArgumentError({ argument: 'items', expected: 'an array', received: items });
  }
  const boxOf: (item: T) => unknown = options.boxOf ?? defaultBoxOf;
  const labelOf: (item: T) => unknown = options.labelOf ?? defaultLabelOf;

  let firstKind: BoxCorners['kind'] | undefined;
  const firstIndexByKey = new Map<string, number>();
  const keptIndices: number[] = [];
  const duplicates: Duplicate[] = [];
  items.forEach((item: T, index) => {
    const box = readBoxCorners(`items[${index}].box`, boxOf(item));
    if (box === undefined) {
      keptIndices.push(index);
      return;
    }
    assertSameBoxKind(`items[${index}].box`, box, firstKind);
    firstKind = box.kind;
    const label = labelOf(item);
    assertLabel(`items[${index}].label`, label);

    const key = JSON.stringify([label, box.x0, box.y0, box.x1, box.y1]);
    const first = firstIndexByKey.get(key);
    if (first === undefined) {
      firstIndexByKey.set(key, index);
      keptIndices.push(index);
    } else {
      duplicates.push({ index, of: first });
    }
  });

  return { items: keptIndices.map((index) => items[index] as T), keptIndices, duplicates };
}
