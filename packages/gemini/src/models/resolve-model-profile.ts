import { resolveModel, type ModelGeneration, type ResolvedModel } from '@gemini-vision/core';

/**
 * How thinking is turned down for spatial tasks on a model.
 *
 * - `budget`: Gemini 2.5 — `thinkingConfig.thinkingBudget` set to `budget` (0 turns it off; 2.5
 *   Pro cannot go below 128).
 * - `level`: Gemini 3 and later — `thinkingConfig.thinkingLevel` set to `level` (`minimal` on
 *   Flash models; Pro models accept `low` at the least).
 * - `none`: the model has no thinking setting (1.x, 2.0); nothing is sent.
 *
 * @example
 * ```ts
 * const thinking: ThinkingControl = { kind: 'budget', budget: 0 };
 * ```
 */
export type ThinkingControl =
  | { readonly kind: 'budget'; readonly budget: number }
  | { readonly kind: 'level'; readonly level: 'minimal' | 'low' }
  | { readonly kind: 'none' };

/**
 * What a Gemini model can do for the vision tasks, and the settings that work best with it.
 * Produced by {@link resolveModelProfile}; it drives prompts, request settings and warnings.
 *
 * @example
 * ```ts
 * const profile: ModelProfile = resolveModelProfile('gemini-2.5-flash');
 * profile.segmentationMasks; // true
 * ```
 */
export interface ModelProfile {
  /** The model as core resolves it (generation, family, capabilities, price key). */
  readonly model: ResolvedModel;
  /** Returns segmentation masks as base64 PNGs (Gemini 2.0 and 2.5; not Gemini 3). */
  readonly segmentationMasks: boolean;
  /** Trained for 2D bounding boxes (`box_2d`), Gemini 2.0 and later. */
  readonly boxes: boolean;
  /** Trained for pointing (`point` as `[y, x]`), Gemini 2.0 and later. */
  readonly points: boolean;
  /** The thinking setting used for detection, segmentation and pointing. */
  readonly spatialThinking: ThinkingControl;
  /** Where `mediaResolution` may be set: per image part (Gemini 3), per request (1.5–2.5), or not at all. */
  readonly mediaResolution: 'per-part' | 'request' | 'none';
  /** Accepts `responseJsonSchema` structured output. */
  readonly structuredOutput: boolean;
  /** Caveats worth showing next to results from this model. */
  readonly notes: readonly string[];
}

interface GenerationRow {
  readonly segmentationMasks: boolean;
  readonly boxes: boolean;
  readonly points: boolean;
  readonly structuredOutput: boolean;
}

/** The capability table, by core's token-rule generation. */
const GENERATION_TABLE: Readonly<Record<ModelGeneration, GenerationRow>> = {
  '1.0': { segmentationMasks: false, boxes: false, points: false, structuredOutput: false },
  '1.5': { segmentationMasks: false, boxes: false, points: false, structuredOutput: true },
  '2.0': { segmentationMasks: true, boxes: true, points: true, structuredOutput: true },
  '2.5': { segmentationMasks: true, boxes: true, points: true, structuredOutput: true },
  '3': { segmentationMasks: false, boxes: true, points: true, structuredOutput: true },
};

const IMAGE_GENERATION_FAMILIES: ReadonlySet<string> = new Set(['flash-image', 'flash-lite-image', 'pro-image']);

/**
 * Looks up what a Gemini model can do for vision tasks: masks, boxes, points, the thinking
 * setting for spatial work, where media resolution may be set, and structured output.
 *
 * @remarks
 * The table, by generation (ids resolve by pattern through core's `resolveModel`, so future
 * minors such as `gemini-3.7-flash` land in the right row):
 *
 * | generation | masks | boxes / points | spatial thinking | media resolution |
 * |---|---|---|---|---|
 * | 1.0, 1.5 | no | not trained | none | 1.5: request |
 * | 2.0 | PNG | yes | none | request |
 * | 2.5 | PNG | yes | `thinkingBudget: 0` (Pro: 128, its minimum) | request |
 * | 3 and later | **none** (boxes only) | yes | `thinkingLevel: minimal` (Pro: `low`) | per part |
 *
 * Sources: the image-understanding guide ("from Gemini 2.5 models segment"), the Gemini 3 release
 * notes ("Image segmentation is not supported in Gemini 3.x"), and the cookbook ("always disable
 * the thinking" for spatial tasks). Image-generation models (`*-image`) get no spatial support.
 * Pure.
 *
 * @param model - A Gemini model id, e.g. `gemini-2.5-flash` or `models/gemini-3-flash-preview`.
 * @returns The model's profile.
 * @throws {@link UnknownModelError} If `model` is not a Gemini model id.
 *
 * @example
 * ```ts
 * resolveModelProfile('gemini-3-flash-preview').segmentationMasks; // false
 * resolveModelProfile('gemini-2.5-flash').spatialThinking;         // { kind: 'budget', budget: 0 }
 * ```
 */
export function resolveModelProfile(model: string): ModelProfile {
  const resolved = resolveModel(model);
  const row = GENERATION_TABLE[resolved.generation];
  const imageModel = IMAGE_GENERATION_FAMILIES.has(resolved.family);
  const notes: string[] = [];
  if (imageModel) notes.push(`\`${resolved.baseId}\` is an image-generation model; it is not trained for boxes, masks or points.`);
  if (!row.boxes) notes.push(`Gemini ${resolved.generation} is not trained for bounding boxes or points; expect poor coordinates.`);
  if (resolved.generation === '3') notes.push('Gemini 3 does not return segmentation masks; segmentation prompts yield boxes only.');
  if (resolved.inferred) notes.push(`The capabilities of \`${resolved.id}\` are inferred from its id.`);

  return {
    model: resolved,
    segmentationMasks: row.segmentationMasks && !imageModel,
    boxes: row.boxes && !imageModel,
    points: row.points && !imageModel,
    spatialThinking: spatialThinkingOf(resolved),
    mediaResolution: !resolved.capabilities.supportsMediaResolution
      ? 'none'
      : resolved.capabilities.supportsPerPartMediaResolution
        ? 'per-part'
        : 'request',
    structuredOutput: row.structuredOutput,
    notes,
  };
}

function spatialThinkingOf(model: ResolvedModel): ThinkingControl {
  if (model.generation === '2.5') return { kind: 'budget', budget: model.family === 'pro' ? 128 : 0 };
  if (model.generation === '3') return { kind: 'level', level: model.family === 'pro' ? 'low' : 'minimal' };
  return { kind: 'none' };
}
