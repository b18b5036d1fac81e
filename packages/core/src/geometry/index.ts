// Public API of the geometry domain. Every export is named explicitly.
export { boxIou, normalizedBoxIou } from './box-iou';
export {
  createFrameTransform,
  type CropStep,
  type FrameMappingOptions,
  type FrameStep,
  type FrameTransform,
  type FrameTransformOptions,
  type LetterboxStep,
  type OriginalSpace,
  type PadStep,
  type ResizeStep,
} from './create-frame-transform';
export type { DetectionBox } from './detection-box';
export {
  invertOrientation,
  isExifOrientation,
  orientBox,
  orientPoint,
  orientSize,
  type ExifOrientation,
} from './exif-orientation';
export {
  nonMaxSuppression,
  type NonMaxSuppressionOptions,
  type NonMaxSuppressionResult,
  type Suppression,
} from './non-max-suppression';
export {
  normalizedBoxToPixels,
  pixelBoxToNormalized,
  type NormalizedBoxToPixelsOptions,
  type PixelsToNormalizedOptions,
} from './normalized-box-to-pixels';
export {
  normalizedPointToPixels,
  pixelPointToNormalized,
  type NormalizedPointToPixelsOptions,
} from './normalized-point-to-pixels';
export type { PixelRounding } from './pixel-rounding';
export {
  removeDuplicateDetections,
  type Duplicate,
  type RemoveDuplicateDetectionsOptions,
  type RemoveDuplicateDetectionsResult,
} from './remove-duplicate-detections';
export {
  NORMALIZED_COORDINATE_MAX,
  repairNormalizedBox,
  type BoxRepair,
  type RepairedNormalizedBox,
} from './repair-normalized-box';
export type { NormalizedBox, NormalizedPoint, PixelBox, PixelPoint, Size } from './types';
