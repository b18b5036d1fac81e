import { parseItemList, type ItemKind } from './parse-item-list';
import {
  BOX_KEYS,
  LABEL_KEYS,
  MASK_KEYS,
  collectExtra,
  readBox,
  readConfidence,
  readLabel,
  type ItemContext,
} from './read-item-fields';
import { readMask } from './read-mask';
import type { ParseOptions, ParseResult, Segmentation } from './types';

const SEGMENTATION_KIND: ItemKind<Segmentation> = {
  itemKeys: [...BOX_KEYS, ...LABEL_KEYS, ...MASK_KEYS],
  readItem: readSegmentation,
};

/**
 * Parses a Gemini segmentation reply into typed items with their PNG mask bytes, recovering
 * everything usable and reporting the rest.
 *
 * @remarks
 * Everything {@link parseDetections} does, plus the `mask` (or `segmentation_mask`,
 * `segmentation`): a base64 PNG with or without the `data:image/png;base64,` prefix, with line
 * breaks or spaces inside, in the standard or URL-safe alphabet. The bytes are checked for the PNG
 * signature, not decoded; pass them to a {@link MaskDecoder}.
 *
 * An item whose mask is missing (Gemini 3 answers segmentation prompts with boxes only), in
 * another encoding (`<seg_N>` tokens, a polygon, a JPEG) or corrupt stays in `items` with
 * `mask: null`, so its box can still be used, and gets an issue: `missing-mask`,
 * `unsupported-mask-encoding` (polygon points and token codes are kept in the issue) or
 * `invalid-mask`. Filter with `items.filter((item) => item.mask !== null)` when only masks matter.
 * An item without a usable box is dropped, as in {@link parseDetections}.
 *
 * @param text - The model's reply, as `response.text`.
 * @param options - Optional label filter and item limit.
 * @returns The items in the model's order, the issues, whether the reply was truncated, and the
 *   JSON candidate used.
 * @throws {@link InvalidArgumentError} If `text` is not a string or `options` is malformed.
 *
 * @example
 * ```ts
 * const { items, issues } = parseSegmentations('[{"box_2d": [395, 66, 574, 206], "label": "cupcake"}]');
 * items[0]?.mask; // => null
 * issues[0]?.code; // => 'missing-mask'
 * ```
 */
export function parseSegmentations(text: string, options?: ParseOptions): ParseResult<Segmentation> {
  return parseItemList(text, options, SEGMENTATION_KIND);
}

function readSegmentation(raw: Readonly<Record<string, unknown>>, context: ItemContext): Segmentation | undefined {
  const repaired = readBox(raw, context);
  if (repaired === undefined) return undefined;
  const label = readLabel(raw, context);
  const confidence = readConfidence(raw, context);
  const mask = readMask(raw, context);
  const extra = collectExtra(raw, context.consumedKeys);
  return {
    index: context.index,
    label,
    box: repaired.box,
    repairs: repaired.repairs,
    ...(confidence === undefined ? {} : { confidence }),
    ...(extra === undefined ? {} : { extra }),
    mask,
  };
}
