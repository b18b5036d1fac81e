import { parseItemList, type ItemKind } from './parse-item-list';
import {
  BOX_KEYS,
  LABEL_KEYS,
  collectExtra,
  readBox,
  readConfidence,
  readLabel,
  type ItemContext,
} from './read-item-fields';
import type { Detection, ParseOptions, ParseResult } from './types';

const DETECTION_KIND: ItemKind<Detection> = {
  itemKeys: [...BOX_KEYS, ...LABEL_KEYS],
  readItem: readDetection,
};

/**
 * Parses a Gemini bounding-box reply into typed detections, recovering everything usable and
 * reporting the rest.
 *
 * @remarks
 * Finds the JSON with {@link extractJson} (fences, prose, several blocks, truncation, JSON Lines),
 * and uses the candidate yielding the most valid items (ties go to a complete one over a truncated
 * one, then to the earliest; a `multiple-candidates` issue says which). Accepts a top-level list, a wrapper
 * (`boxes`, `items`, `detections`, `objects`, `results`, `points`, `masks`, or any single key), or
 * a single item object. Per item it reads `box_2d` (or `bbox`, `box`, `bounding_box`) as
 * `[ymin, xmin, ymax, xmax]` in 0..1000 and repairs it with {@link repairNormalizedBox} (reversed
 * corners swapped, values clamped, degenerate boxes kept and flagged); `label` (or `name`, `class`,
 * `class_name`, `text`) verbatim; `confidence` (or `score`) as given; every other key goes to
 * `extra`. Numeric strings such as `"390"` are read with a warning; an item whose box is missing,
 * not four numbers, or not finite is dropped with an error issue.
 *
 * Never returns a silent empty list: an empty `items` always has at least one issue saying why.
 * Never throws for any string.
 *
 * @param text - The model's reply, as `response.text`.
 * @param options - Optional label filter and item limit.
 * @returns The detections in the model's order, the issues, whether the reply was truncated, and
 *   the JSON candidate used.
 * @throws {@link InvalidArgumentError} If `text` is not a string or `options` is malformed.
 *
 * @example
 * ```ts
 * const { items, issues } = parseDetections('```json\n[{"box_2d": [574, 64, 390, 203], "label": "red sprinkles"}]\n```');
 * items[0]; // => { index: 0, label: 'red sprinkles', box: [390, 64, 574, 203], repairs: ['reversed-y'] }
 * issues[0]?.code; // => 'box-repaired'
 * ```
 */
export function parseDetections(text: string, options?: ParseOptions): ParseResult<Detection> {
  return parseItemList(text, options, DETECTION_KIND);
}

function readDetection(raw: Readonly<Record<string, unknown>>, context: ItemContext): Detection | undefined {
  const repaired = readBox(raw, context);
  if (repaired === undefined) return undefined;
  const label = readLabel(raw, context);
  const confidence = readConfidence(raw, context);
  const extra = collectExtra(raw, context.consumedKeys);
  return {
    index: context.index,
    label,
    box: repaired.box,
    repairs: repaired.repairs,
    ...(confidence === undefined ? {} : { confidence }),
    ...(extra === undefined ? {} : { extra }),
  };
}
