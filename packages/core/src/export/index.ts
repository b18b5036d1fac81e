// Public API of the export domain (COCO, YOLO). Every export is named explicitly.
export { normalizeLabel, type LabelNormalization } from './normalize-label';
export {
  toCocoDataset,
  type CocoAnnotation,
  type CocoCategory,
  type CocoDataset,
  type CocoDatasetOptions,
  type CocoExportImage,
  type CocoExportItem,
  type CocoImage,
} from './to-coco-dataset';
export {
  createYoloClasses,
  toYoloLines,
  type YoloClasses,
  type YoloClassesOptions,
  type YoloExportItem,
  type YoloLinesOptions,
} from './to-yolo-lines';
