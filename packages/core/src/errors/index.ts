// Public API of the errors domain. Every export is named explicitly.
export {
  GeminiVisionError,
  type GeminiVisionErrorCode,
  type GeminiVisionErrorOptions,
} from './gemini-vision-error';
export { InvalidArgumentError, type InvalidArgumentErrorOptions } from './invalid-argument-error';
export { MaskDecodeError } from './mask-decode-error';
export { UnknownModelError } from './unknown-model-error';
export { ImageDecodeError, type ImageDecodeErrorOptions } from './image-decode-error';
export { type ImageErrorOptions, type ImageSource } from './image-error-source';
export { ImageTooLargeError, type ImageTooLargeErrorOptions } from './image-too-large-error';
export { ImageUnreadableError, type ImageUnreadableErrorOptions } from './image-unreadable-error';
export {
  ImageUnsupportedFormatError,
  type ImageUnsupportedFormatErrorOptions,
} from './image-unsupported-format-error';
export { UnsafePathError, type UnsafePathErrorOptions } from './unsafe-path-error';
export { AbortedError, type AbortedErrorOptions } from './aborted-error';
export { ApiCallError, type ApiCallErrorOptions } from './api-call-error';
export { ApiKeyMissingError, type ApiKeyMissingErrorOptions } from './api-key-missing-error';
export { BatchJobFailedError, type BatchJobFailedErrorOptions } from './batch-job-failed-error';
export { BudgetExceededError, type BudgetExceededErrorOptions } from './budget-exceeded-error';
export {
  CapabilityUnsupportedError,
  type CapabilityUnsupportedErrorOptions,
} from './capability-unsupported-error';
export {
  RequestLimitExceededError,
  type RequestLimitExceededErrorOptions,
} from './request-limit-exceeded-error';
