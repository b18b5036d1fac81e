// Public API of the tasks domain: task options and results.
export { DEFAULT_MAX_OUTPUT_TOKENS, SPATIAL_TEMPERATURE, type GeminiVisionLogger, type ReplyContext } from './run-vision-task';
export type {
  AskResult,
  CaptionResult,
  ClassifyResult,
  DetectOptions,
  DetectResult,
  GeminiApiKind,
  ManyEntry,
  PointResult,
  SegmentOptions,
  SegmentResult,
  SpatialResultBase,
  TaskOptions,
  TaskResult,
  TaskResultBase,
} from './task-types';
