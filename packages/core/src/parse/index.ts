// Public API of the parse domain: model text → typed items plus issues. Every export is named.
export { extractJson, type JsonCandidate, type JsonExtraction, type MarkdownFence } from './extract-json';
export { parseDetections } from './parse-detections';
export type {
  JsonRepair,
  ParseIssue,
  ParseIssueCode,
  ParseIssueSeverity,
  UnsupportedMaskEncoding,
} from './parse-issue';
export { parsePoints } from './parse-points';
export { parseSegmentations } from './parse-segmentations';
export type {
  Detection,
  LabeledPoint,
  ParseOptions,
  ParseResult,
  PointRepair,
  Segmentation,
  SegmentationMask,
} from './types';
