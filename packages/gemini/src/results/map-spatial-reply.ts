import {
  createFrameTransform,
  createMask,
  extractJson,
  GeminiVisionError,
  maskArea,
  parseDetections,
  parsePoints,
  parseSegmentations,
  placeSegmentationMask,
  resizeMaskBilinear,
  thresholdMask,
  type FrameTransform,
  type FrameTransformOptions,
  type Mask,
  type NormalizedBox,
  type MaskDecoder,
  type ParseIssue,
  type PixelBox,
  type PlacedSegmentationMask,
  type DegenerateSegmentationMask,
} from '@gemini-vision/core';

import { filterItems, labelKey } from './filter-items';
import type { DetectedObject, PointedObject, SegmentedObject } from './located-items';

/** Item filters applied after parsing. */
export interface ItemFilter {
  /** Keep only these labels (matched ignoring case and width). */
  readonly labels: readonly string[] | undefined;
  /** Keep at most this many items. */
  readonly maxItems: number | undefined;
}

/** Parsed and located items of a spatial reply. */
export interface LocatedItems<Item> {
  readonly items: readonly Item[];
  readonly issues: readonly ParseIssue[];
  readonly truncated: boolean;
}

/** Parses a bounding-box reply and maps every box to the original image. */
export function mapDetections(
  text: string,
  transform: FrameTransformOptions,
  filter: ItemFilter,
  finishReason: string | undefined,
): LocatedItems<DetectedObject> {
  const frame = createFrameTransform(transform);
  const parsed = parseDetections(text);
  const located = parsed.items.map((item) => locateDetection(item, frame));
  const filtered = filterItems(located, filter.labels, filter.maxItems);
  return {
    items: filtered.items,
    issues: [...parsed.issues, ...filtered.issues],
    truncated: parsed.truncated || finishReason === 'MAX_TOKENS',
  };
}

/** Parses a pointing reply and maps every point to the original image. */
export function mapPoints(
  text: string,
  transform: FrameTransformOptions,
  filter: ItemFilter,
  finishReason: string | undefined,
): LocatedItems<PointedObject> {
  const frame = createFrameTransform(transform);
  const parsed = parsePoints(text);
  const located = parsed.items.map((item): PointedObject => {
    const base = {
      index: item.index,
      label: item.label,
      point: frame.normalizedPointToOriginal(item.point),
      normalizedPoint: item.point,
      repairs: item.repairs,
    };
    return item.extra === undefined ? base : { ...base, extra: item.extra };
  });
  const filtered = filterItems(located, filter.labels, filter.maxItems);
  return {
    items: filtered.items,
    issues: [...parsed.issues, ...filtered.issues],
    truncated: parsed.truncated || finishReason === 'MAX_TOKENS',
  };
}

/**
 * Parses a segmentation reply, decodes every PNG mask, places it on the sent frame with core's
 * `placeSegmentationMask` and maps it to the original image (see {@link SegmentedObject}). A
 * mask that does not decode becomes an `invalid-mask` issue; its item keeps its box.
 */
export async function mapSegmentations(
  text: string,
  transform: FrameTransformOptions,
  filter: ItemFilter,
  finishReason: string | undefined,
  decoder: MaskDecoder,
): Promise<LocatedItems<SegmentedObject>> {
  const frame = createFrameTransform(transform);
  const parsed = parseSegmentations(text);
  const issues: ParseIssue[] = [...parsed.issues];
  const filtered = filterItems(parsed.items, filter.labels, filter.maxItems);
  const items: SegmentedObject[] = [];
  for (const item of filtered.items) {
    const detection = locateDetection(item, frame);
    let sentPlacement: PlacedSegmentationMask | DegenerateSegmentationMask | null = null;
    if (item.mask !== null) {
      try {
        const decoded = await decoder.decodePng(item.mask.bytes);
        sentPlacement = placeSegmentationMask(decoded, item.box, frame.sentSize);
      } catch (error) {
        if (!GeminiVisionError.isInstance(error)) throw error;
        issues.push({
          code: 'invalid-mask',
          severity: 'error',
          message: `The mask of item ${item.index} could not be decoded by \`${decoder.name}\`: ${error.message}`,
          itemIndex: item.index,
        });
      }
    }
    const placement = sentPlacement === null ? null : placeOnOriginal(sentPlacement, item.box, detection.box, frame);
    items.push({
      ...detection,
      mask: placement?.mask ?? null,
      area: placement?.area ?? 0,
      placement,
      sentPlacement,
    });
  }
  return {
    items,
    issues: [...issues, ...filtered.issues],
    truncated: parsed.truncated || finishReason === 'MAX_TOKENS',
  };
}

/**
 * Reads a classification reply: `{"label": …}` JSON (or a bare label) matched against the labels
 * ignoring case. Returns the canonical label as given in `labels`, or `null` with an issue.
 */
export function mapClassification(
  text: string,
  labels: readonly string[],
): { readonly label: string | null; readonly answer: string | undefined; readonly issues: readonly ParseIssue[] } {
  const extraction = extractJson(text);
  let answer: string | undefined;
  for (const candidate of extraction.candidates) {
    const value: unknown = candidate.value;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    const record = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
    const field = record?.['label'] ?? record?.['class'] ?? record?.['category'];
    if (typeof field === 'string') {
      answer = field;
      break;
    }
  }
  const issues: ParseIssue[] = [];
  if (answer === undefined) {
    const bare = text.trim().replace(/^["'`]+|["'`.]+$/gu, '');
    if (bare !== '' && labels.some((label) => labelKey(label) === labelKey(bare))) answer = bare;
    else issues.push(...extraction.issues);
  }
  if (answer === undefined) {
    if (issues.length === 0) {
      issues.push({ code: 'no-json-found', severity: 'error', message: 'The reply holds no `{"label": …}` object and no bare label.' });
    }
    return { label: null, answer, issues };
  }
  const match = labels.find((label) => labelKey(label) === labelKey(answer));
  if (match === undefined) {
    issues.push({
      code: 'invalid-label',
      severity: 'warning',
      message: `The model answered ${JSON.stringify(answer.slice(0, 80))}, which is not one of the labels.`,
      itemIndex: 0,
    });
    return { label: null, answer, issues };
  }
  return { label: match, answer, issues };
}

function locateDetection(
  item: { index: number; label: string; box: readonly [number, number, number, number]; repairs: DetectedObject['repairs']; confidence?: number; extra?: Readonly<Record<string, unknown>> },
  frame: FrameTransform,
): DetectedObject {
  const base: DetectedObject = {
    index: item.index,
    label: item.label,
    box: frame.normalizedBoxToOriginal(item.box),
    normalizedBox: item.box,
    repairs: item.repairs,
  };
  return {
    ...base,
    ...(item.confidence === undefined ? {} : { confidence: item.confidence }),
    ...(item.extra === undefined ? {} : { extra: item.extra }),
  };
}

/**
 * Maps a mask placed on the sent frame to the original: the crop-local mask is stretched to the
 * model's box mapped to original pixels without clipping (bilinear, re-thresholded at 127), then
 * cut to `box`, the part inside the image. Without preparation the sizes match and the mask is
 * the cookbook's, unchanged.
 */
function placeOnOriginal(
  sent: PlacedSegmentationMask | DegenerateSegmentationMask,
  normalizedBox: NormalizedBox,
  box: PixelBox,
  frame: FrameTransform,
): PlacedSegmentationMask | DegenerateSegmentationMask {
  const originalFrame = frame.originalFrameSize;
  const size = { width: originalFrame.width, height: originalFrame.height };
  if (sent.degenerate || box.x1 <= box.x0 || box.y1 <= box.y0) {
    return { degenerate: true, frame: size, box, mask: null, area: 0 };
  }
  const full = frame.normalizedBoxToOriginal(normalizedBox, { clip: false });
  const fullWidth = Math.max(1, full.x1 - full.x0);
  const fullHeight = Math.max(1, full.y1 - full.y0);
  const stretched =
    fullWidth === sent.mask.width && fullHeight === sent.mask.height
      ? sent.mask
      : thresholdMask(resizeMaskBilinear(sent.mask, fullWidth, fullHeight));
  const mask = cropMask(stretched, box.x0 - full.x0, box.y0 - full.y0, box.x1 - box.x0, box.y1 - box.y0);
  return { degenerate: false, frame: size, box, mask, area: maskArea(mask) };
}

/** Cuts a `width × height` window at (`left`, `top`) out of a mask; outside pixels are background. */
function cropMask(mask: Mask, left: number, top: number, width: number, height: number): Mask {
  if (left === 0 && top === 0 && width === mask.width && height === mask.height) return mask;
  const result = createMask(width, height);
  for (let y = 0; y < height; y += 1) {
    const sourceY = y + top;
    if (sourceY < 0 || sourceY >= mask.height) continue;
    for (let x = 0; x < width; x += 1) {
      const sourceX = x + left;
      if (sourceX < 0 || sourceX >= mask.width) continue;
      result.data[y * width + x] = mask.data[sourceY * mask.width + sourceX] ?? 0;
    }
  }
  return result;
}
