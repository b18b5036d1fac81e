// The public API of @gemini-vision/images. Every export is named explicitly.
export { resolveInsideDirectory, safeFileName, type SafeFileNameOptions } from './files/index';
export { readImageHeaderFromBytes, type ReadImageHeaderOptions } from './header/index';
export { createPngMaskDecoder, DEFAULT_MAX_MASK_PIXELS, encodeMaskPng, type PngMaskDecoderSettings } from './masks/index';
export {
  renderOverlay,
  type OverlayDrawing,
  type OverlayGrid,
  type OverlayItem,
  type PlacedMask,
  type RenderOverlayOptions,
} from './overlay/index';
export { prepareImage, type PreparedImage, type PreparedImageFormat, type PrepareImageOptions } from './prepare/index';
export {
  createImageProber,
  DEFAULT_MAX_PIXELS,
  probeImage,
  probeImages,
  type ProbeImageInput,
  type ProbeImageOptions,
  type ProbeImagesOptions,
  type ProbeImagesResult,
} from './probe/index';
