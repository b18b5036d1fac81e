// Public API of the results domain: located items in original-image pixels.
export type { DetectedObject, PointedObject, SegmentedObject } from './located-items';
export type { ModelReply } from './read-model-reply';
export type { OrientationNotAppliedIssue, ResultIssue } from './result-issue';
