// The public API of @gemini-vision/core. Every export is named explicitly.
export { GeminiVisionError, type GeminiVisionErrorCode, type GeminiVisionErrorOptions } from './errors/gemini-vision-error';
export { InvalidArgumentError, type InvalidArgumentErrorOptions } from './errors/invalid-argument-error';
export { UnknownModelError } from './errors/unknown-model-error';
export { MaskDecodeError } from './errors/mask-decode-error';
export type { NormalizedBox, NormalizedPoint, PixelBox, PixelPoint, Size } from './geometry/types';
export { createMask, type Mask } from './masks/mask';
export type { MaskDecoder } from './ports/mask-decoder';
