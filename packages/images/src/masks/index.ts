// Public API of the masks domain. Every export is named explicitly.
export { createPngMaskDecoder, DEFAULT_MAX_MASK_PIXELS, type PngMaskDecoderSettings } from './create-png-mask-decoder';
export { encodeMaskPng } from './encode-mask-png';
