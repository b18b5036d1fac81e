// Public API of the results domain: located items in original-image pixels.
export type { DetectedObject, PointedObject, SegmentedObject } from './located-items';
