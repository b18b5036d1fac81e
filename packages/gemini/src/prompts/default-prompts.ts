/**
 * The prompt wording this package sends by default, verbatim from Google's guide, cookbook and
 * reference apps (prompt wording is part of the behaviour, so it is kept exactly).
 *
 * @remarks
 * Placeholders: `{target}` (what to look for), `{maxItems}` (an item limit), `{labels}` (quoted,
 * comma-separated labels). Sources:
 * - `caption`: the image-understanding guide ("Caption this image.").
 * - `detectSystemInstruction`: the Spatial-understanding cookbook's system instruction, with its
 *   `25` as `{maxItems}`.
 * - `detectAll`: the guide's object-detection prompt (its "the all of" typo included).
 * - `detectTarget`: the cookbook's user prompt form ("Detect the 2d bounding boxes of …").
 * - `segment`: the cookbook / guide segmentation prompt.
 * - `pointAll`: the Gemini Robotics-ER quickstart; `pointTarget`: starter-applets / 3D cookbook.
 * - `classify`, `captionMany`, `labelHint`: this package's own wording (the guide has none).
 *
 * @example
 * ```ts
 * DEFAULT_PROMPTS.caption; // 'Caption this image.'
 * ```
 */
export const DEFAULT_PROMPTS: {
  readonly caption: string;
  readonly captionMany: string;
  readonly classify: string;
  readonly detectSystemInstruction: string;
  readonly detectAll: string;
  readonly detectTarget: string;
  readonly labelHint: string;
  readonly segment: string;
  readonly segmentDefaultTarget: string;
  readonly pointAll: string;
  readonly pointTarget: string;
} = Object.freeze({
  caption: 'Caption this image.',
  captionMany: 'Caption these images.',
  classify: 'Classify this image. Answer with exactly one of these labels: {labels}.',
  detectSystemInstruction:
    'Return bounding boxes as a JSON array with labels. Never return masks or code fencing. Limit to {maxItems} objects.\nIf an object is present multiple times, name them according to their unique characteristic (colors, size, position, unique characteristics, etc..).',
  detectAll: 'Detect the all of the prominent items in the image. The box_2d should be [ymin, xmin, ymax, xmax] normalized to 0-1000.',
  detectTarget: 'Detect the 2d bounding boxes of {target}',
  labelHint: ' (with “label” as one of {labels})',
  segment:
    'Give the segmentation masks for {target}. Output a JSON list of segmentation masks where each entry contains the 2D bounding box in the key "box_2d", the segmentation mask in key "mask", and the text label in the key "label". Use descriptive labels.',
  segmentDefaultTarget: 'the prominent items',
  pointAll:
    'Point to no more than {maxItems} items in the image. The label returned should be an\nidentifying name for the object detected.\n\nThe answer should follow the JSON format:\n[{"point": <point>, "label": <label1>}, ...]\n\nThe points are in [y, x] format normalized to 0-1000.',
  pointTarget:
    'Point to the {target} with no more than {maxItems} items. The answer should follow the json format: [{"point": <point>, "label": <label1>}, ...]. The points are in [y, x] format normalized to 0-1000.',
});

/**
 * Default item limits written into the prompts: 25 boxes or masks (cookbook), 10 points
 * (quickstarts). They are "a way to prevent the model from looping".
 *
 * @example
 * ```ts
 * DEFAULT_MAX_ITEMS.point; // 10
 * ```
 */
export const DEFAULT_MAX_ITEMS: { readonly detect: number; readonly segment: number; readonly point: number } =
  Object.freeze({ detect: 25, segment: 25, point: 10 });
