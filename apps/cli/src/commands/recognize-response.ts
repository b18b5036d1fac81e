import {
  type NormalizedBox,
  type NormalizedPoint,
  parseDetections,
  type ParseIssue,
  parsePoints,
  parseSegmentations,
  type SegmentationMask,
} from '@gemini-vision/core';

/**
 * What a saved model reply contains: boxes (`detect`), boxes with masks (`segment`) or points
 * (`point`).
 *
 * @example
 * ```ts
 * const kind: ResponseKind = 'segment';
 * ```
 */
export type ResponseKind = 'detect' | 'segment' | 'point';

/**
 * One item of a recognised reply, in Gemini's normalized 0..1000 coordinates.
 *
 * @example
 * ```ts
 * const item: RecognizedItem = { index: 0, label: 'sock', box: [53, 248, 388, 527], point: undefined, mask: undefined };
 * ```
 */
export interface RecognizedItem {
  /** Position in the model's list. */
  readonly index: number;
  /** The label as the model wrote it. */
  readonly label: string;
  /** `[ymin, xmin, ymax, xmax]` (repaired), or `undefined` for a point. */
  readonly box: NormalizedBox | undefined;
  /** `[y, x]`, or `undefined` for a box. */
  readonly point: NormalizedPoint | undefined;
  /** The mask of a `segment` item (`null` when the model gave none usable); `undefined` otherwise. */
  readonly mask: SegmentationMask | null | undefined;
}

/**
 * A reply recognised by {@link recognizeResponse}.
 *
 * @example
 * ```ts
 * const { kind, items, issues }: RecognizedResponse = recognizeResponse(text, 'auto');
 * ```
 */
export interface RecognizedResponse {
  /** The kind the items were read as. */
  readonly kind: ResponseKind;
  /** The items, in the model's order. */
  readonly items: readonly RecognizedItem[];
  /** Core's parse issues for that kind. */
  readonly issues: readonly ParseIssue[];
}

const MASK_ISSUES = new Set<ParseIssue['code']>(['unsupported-mask-encoding', 'invalid-mask', 'mask-mime-mismatch']);

/**
 * Reads a saved Gemini reply as detections, segmentations or points, recognising which from
 * its content unless `kind` says.
 *
 * @remarks
 * `auto` tries, in order: segmentation (when any item carries a mask, even one this version
 * cannot decode), detection (when any item has a usable `box_2d`), pointing (when any item has
 * a usable `point`). When nothing parses, the detection issues are returned; they say why
 * (no JSON, empty list, …).
 *
 * @param text - The reply text (`response.text`), fences and prose included.
 * @param kind - `auto`, or the kind to force.
 * @returns The kind, the items in 0..1000 coordinates, and the parse issues.
 *
 * @example
 * ```ts
 * recognizeResponse('[{"point": [263, 404], "label": "blue bowl"}]', 'auto').kind; // => 'point'
 * ```
 */
export function recognizeResponse(text: string, kind: ResponseKind | 'auto'): RecognizedResponse {
  if (kind === 'segment' || kind === 'auto') {
    const segmentations = parseSegmentations(text);
    const hasMasks =
      segmentations.items.some((item) => item.mask !== null) || segmentations.issues.some((issue) => MASK_ISSUES.has(issue.code));
    if (kind === 'segment' || hasMasks) {
      return {
        kind: 'segment',
        items: segmentations.items.map((item) => ({ index: item.index, label: item.label, box: item.box, point: undefined, mask: item.mask })),
        issues: segmentations.issues,
      };
    }
  }
  const detections = kind === 'point' ? undefined : parseDetections(text);
  if (detections !== undefined && (kind === 'detect' || detections.items.length > 0)) {
    return {
      kind: 'detect',
      items: detections.items.map((item) => ({ index: item.index, label: item.label, box: item.box, point: undefined, mask: undefined })),
      issues: detections.issues,
    };
  }
  const points = parsePoints(text);
  if (kind === 'point' || points.items.length > 0 || detections === undefined) {
    return {
      kind: 'point',
      items: points.items.map((item) => ({ index: item.index, label: item.label, box: undefined, point: item.point, mask: undefined })),
      issues: points.issues,
    };
  }
  return { kind: 'detect', items: [], issues: detections.issues };
}
