// The public API of @gemini-vision/gemini. Every export is named explicitly; each domain folder
// lists its own exports in its index.ts. The emulator is a separate entry point
// (`@gemini-vision/gemini/emulator`).
export {
  createGeminiVision,
  DEFAULT_MODEL,
  type GeminiVision,
  type GeminiVisionSettings,
  type PreflightResult,
} from './create-gemini-vision';
export {
  INLINE_BATCH_LIMIT_BYTES,
  readBatchJobRecord,
  type BatchEntry,
  type BatchJobRecord,
  type BatchOptions,
  type BatchProgress,
  type BatchRecordStage,
  type BatchRequest,
  type BatchResult,
  type StoredReply,
  type StoredRequest,
} from './batch/index';
export { TOKEN_OPTIMAL_MIN_SIDE, type ImageInput, type PrepareSetting, type SentImage } from './inputs/index';
export {
  createCostLedger,
  type BilledUsage,
  type CostLedger,
  type CostLedgerOptions,
  type LedgerEntry,
  type LedgerReservation,
  type LedgerSettlement,
  type LedgerTotals,
} from './ledger/index';
export { resolveModelProfile, type ModelProfile, type ThinkingControl } from './models/index';
export {
  buildTaskPrompt,
  DEFAULT_MAX_ITEMS,
  DEFAULT_PROMPTS,
  type ReplyKind,
  type TaskPrompt,
  type TaskPromptOptions,
  type VisionTask,
} from './prompts/index';
export { type TextPlacement, type TransportSetting } from './requests/index';
export {
  type DetectedObject,
  type ModelReply,
  type OrientationNotAppliedIssue,
  type PointedObject,
  type ResultIssue,
  type SegmentedObject,
} from './results/index';
export {
  computeRetryDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  resolveRetryPolicy,
  type RetryPolicy,
  type RetrySettings,
} from './retry/index';
export { API_KEY_VARIABLES, BASE_URL_VARIABLE } from './settings/index';
export {
  DEFAULT_MAX_OUTPUT_TOKENS,
  SPATIAL_TEMPERATURE,
  type AskResult,
  type CaptionResult,
  type ClassifyResult,
  type DetectOptions,
  type DetectResult,
  type GeminiApiKind,
  type GeminiVisionLogger,
  type ManyEntry,
  type ReplyContext,
  type PointResult,
  type SegmentOptions,
  type SegmentResult,
  type SpatialResultBase,
  type TaskOptions,
  type TaskResult,
  type TaskResultBase,
} from './tasks/index';
