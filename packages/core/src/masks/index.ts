// Public API of the masks domain. Every export is named explicitly; `assert-mask.ts` is internal.
export { createMask, type Mask } from './mask';
export { resizeMaskBilinear } from './resize-mask-bilinear';
export { resizeMaskNearest } from './resize-mask-nearest';
export { DEFAULT_MASK_THRESHOLD, thresholdMask, type MaskThresholdOptions } from './threshold-mask';
export { pasteMask } from './paste-mask';
export { maskArea } from './mask-area';
export { maskBoundingBox } from './mask-bounding-box';
export { maskIou } from './mask-iou';
export {
  placeSegmentationMask,
  type DegenerateSegmentationMask,
  type MaskBoxRounding,
  type PlacedSegmentationMask,
  type PlaceSegmentationMaskOptions,
} from './place-segmentation-mask';
export { toFullFrameMask, toFullFrameMasks } from './to-full-frame-mask';
export {
  compressCocoRleCounts,
  encodeCocoRle,
  type CocoRle,
  type UncompressedCocoRle,
} from './encode-coco-rle';
export { decodeCocoRle, decompressCocoRleCounts } from './decode-coco-rle';
