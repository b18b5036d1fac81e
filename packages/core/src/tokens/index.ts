// Public API of the tokens domain: image-token rules, request cost, limits and resize advice.
export type {
  AppliedMediaResolution,
  EstimateConfidence,
  GeminiBackend,
  MediaResolution,
  ModelGeneration,
  TokenAccounting,
} from './types';
export {
  MODEL_ALIASES,
  MODEL_ALIASES_AS_OF,
  resolveModel,
  type ModelCapabilities,
  type ModelFamily,
  type ModelStage,
  type ResolvedModel,
} from './resolve-model';
export {
  estimateImageTokens,
  type BudgetGridImageTokenEstimate,
  type EstimateImageTokensOptions,
  type FlatImageTokenEstimate,
  type ImageTokenEstimate,
  type ImageTokenEstimateBase,
  type ImageTokenRule,
  type TiledImageTokenEstimate,
} from './estimate-image-tokens';
export { CHARACTERS_PER_TEXT_TOKEN, estimateTextTokens } from './estimate-text-tokens';
export {
  DEFAULT_PRICE_TABLE,
  LONG_CONTEXT_THRESHOLD_TOKENS,
  type ModelPrice,
  type PriceRates,
  type PriceTable,
} from './default-price-table';
export { findModelPrice } from './find-model-price';
export {
  estimateRequestCost,
  type EstimateRequestCostOptions,
  type RequestCostEstimate,
  type RequestDollars,
  type RequestImage,
} from './estimate-request-cost';
export {
  FILES_API_MAX_FILE_BYTES,
  FILES_API_MAX_PROJECT_BYTES,
  FILES_API_RETENTION_HOURS,
  INLINE_PAYLOAD_LIMIT_BYTES,
  INLINE_PAYLOAD_LIMIT_SINCE,
  LEGACY_INLINE_PAYLOAD_LIMIT_BYTES,
  MAX_IMAGES_PER_REQUEST,
  SUPPORTED_IMAGE_MIME_TYPES,
  checkRequestLimits,
  type CheckRequestLimitsOptions,
  type FileTooLargeViolation,
  type InlinePayloadTooLargeViolation,
  type RequestLimitCheck,
  type RequestLimitImage,
  type RequestLimitViolation,
  type SupportedImageMimeType,
  type TooManyImagesViolation,
  type UnsupportedMimeTypeViolation,
} from './check-request-limits';
export {
  ADVISE_RESIZE_MAX_SIDE_PX,
  GEMINI_3_ASSUMED_PATCH_SIDE_PX,
  adviseResize,
  type AdviseResizeOptions,
  type BudgetGridResizeAdvice,
  type FlatResizeAdvice,
  type ResizeAdvice,
  type ResizeAdviceBase,
  type SizedTokens,
  type TiledResizeAdvice,
} from './advise-resize';
