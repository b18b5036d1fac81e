import { NORMALIZED_COORDINATE_MAX } from '../geometry/repair-normalized-box';
import type { NormalizedPoint } from '../geometry/types';
import { parseItemList, type ItemKind } from './parse-item-list';
import {
  LABEL_KEYS,
  POINT_KEYS,
  collectExtra,
  noteNumericStrings,
  pickKey,
  readCoordinates,
  readLabel,
  type ItemContext,
} from './read-item-fields';
import type { LabeledPoint, ParseOptions, ParseResult, PointRepair } from './types';

const POINT_KIND: ItemKind<LabeledPoint> = {
  itemKeys: [...POINT_KEYS, ...LABEL_KEYS],
  readItem: readPoint,
};

/**
 * Parses a Gemini pointing reply (`[{"point": [y, x], "label": …}, …]`) into typed points,
 * recovering everything usable and reporting the rest.
 *
 * @remarks
 * Finds the JSON as {@link parseDetections} does (fences, prose, wrappers, truncation, JSON Lines).
 * Per item it reads `point` (or `points`, also as a one-point list `[[y, x]]`) as `[y, x]` in
 * 0..1000 — y first — and clamps values outside the range (`point-repaired`, with
 * `looks-like-pixels` above 1000); `label` (or `name`, `class`, `class_name`, `text`) verbatim;
 * other keys go to `extra`. An item without two finite numbers is dropped with an error issue.
 * Never returns a silent empty list; never throws for any string.
 *
 * @param text - The model's reply, as `response.text`.
 * @param options - Optional label filter and item limit.
 * @returns The points in the model's order, the issues, whether the reply was truncated, and the
 *   JSON candidate used.
 * @throws {@link InvalidArgumentError} If `text` is not a string or `options` is malformed.
 *
 * @example
 * ```ts
 * const { items } = parsePoints('[{"point": [263, 404], "label": "blue bowl"}, {"point": [1200, 5], "label": "edge"}]');
 * items[0]; // => { index: 0, label: 'blue bowl', point: [263, 404], repairs: [] }
 * items[1]?.point; // => [1000, 5], with repairs ['clamped', 'looks-like-pixels']
 * ```
 */
export function parsePoints(text: string, options?: ParseOptions): ParseResult<LabeledPoint> {
  return parseItemList(text, options, POINT_KIND);
}

function readPoint(raw: Readonly<Record<string, unknown>>, context: ItemContext): LabeledPoint | undefined {
  const picked = pickKey(raw, POINT_KEYS, context);
  if (picked === undefined) {
    context.issues.push({
      code: 'missing-point',
      severity: 'error',
      itemIndex: context.index,
      message: `Item ${context.index} has no \`point\`; dropped it.`,
    });
    return undefined;
  }
  const value = unwrapSinglePoint(picked.value);
  const coordinates = readCoordinates(value, 2);
  if (!coordinates.ok) {
    context.issues.push({
      code: 'invalid-point',
      severity: 'error',
      itemIndex: context.index,
      message: `Item ${context.index} has an unusable \`${picked.key}\`: ${coordinates.reason}; dropped it.`,
    });
    return undefined;
  }
  if (coordinates.fromStrings) noteNumericStrings(context, picked.key);

  const [y = 0, x = 0] = coordinates.values;
  const { point, repairs } = clampPoint([y, x]);
  if (repairs.length > 0) {
    context.issues.push({
      code: 'point-repaired',
      severity: 'warning',
      itemIndex: context.index,
      repairs,
      message: `Item ${context.index} has a point outside 0..1000; clamped it (${repairs.join(', ')}).`,
    });
  }
  const label = readLabel(raw, context);
  const extra = collectExtra(raw, context.consumedKeys);
  return { index: context.index, label, point, repairs, ...(extra === undefined ? {} : { extra }) };
}

/** `[[y, x]]` (a list holding one point) → `[y, x]`; anything else unchanged. */
function unwrapSinglePoint(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0])) return value[0] as unknown;
  return value;
}

function clampPoint(point: NormalizedPoint): { point: NormalizedPoint; repairs: PointRepair[] } {
  const repairs: PointRepair[] = [];
  if (point.some((value) => value < 0 || value > NORMALIZED_COORDINATE_MAX)) {
    repairs.push('clamped');
    if (point.some((value) => value > NORMALIZED_COORDINATE_MAX)) repairs.push('looks-like-pixels');
  }
  const [y, x] = point;
  return { point: [clampCoordinate(y), clampCoordinate(x)], repairs };
}

function clampCoordinate(value: number): number {
  return Math.min(NORMALIZED_COORDINATE_MAX, Math.max(0, value));
}
