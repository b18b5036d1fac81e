// Internal: the per-generation image-token rules behind estimateImageTokens and adviseResize.
// Not exported from the package. Sources and measurements: research/token-cost.md.
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { ResolvedModel } from './resolve-model';
import type {
  AppliedMediaResolution,
  EstimateConfidence,
  GeminiBackend,
  MediaResolution,
  TokenAccounting,
} from './types';

/** Tokens of one tile, of a small image and of a default-resolution image on Gemini 1.x–2.x (256 + 2). */
export const GEMINI_TOKENS_PER_TILE = 258;

/** Tokens of an image at media resolution `low` on Gemini 1.5–2.5 (64 + 2). */
export const GEMINI_LOW_RESOLUTION_IMAGE_TOKENS = 66;

/** An image whose sides are both at most this many pixels is one tile on the tiled rules. */
export const GEMINI_SMALL_IMAGE_MAX_SIDE_PX = 384;

/** Gemini 1.5 clamps the crop unit to at least this many pixels (Vertex AI doc). */
export const GEMINI_MIN_CROP_UNIT_PX = 256;

/** Gemini 1.5 clamps the crop unit to at most this many pixels (Vertex AI doc). */
export const GEMINI_1_5_MAX_CROP_UNIT_PX = 768;

/** Gemini 1.5-era images are scaled down to fit this many pixels per side before tiling. */
export const GEMINI_1_5_MAX_SIDE_PX = 3072;

/** Side in pixels of the square each tile is resized to before encoding (Gemini 1.x–2.x). */
export const GEMINI_TILE_SIDE_PX = 768;

/** Gemini 3 patch budget per media resolution for images (`high` is the default). */
export const GEMINI_3_IMAGE_BUDGETS: Readonly<Record<MediaResolution, number>> = Object.freeze({
  low: 280,
  medium: 560,
  high: 1120,
  ultra_high: 2240,
});

/** Tokens of an input image on Gemini 2.5 Flash Image, whatever its size (reported). */
export const GEMINI_2_5_FLASH_IMAGE_INPUT_TOKENS = 1290;

/** Tokens of an input image on Gemini 3 Pro Image (pricing page). */
export const GEMINI_3_PRO_IMAGE_INPUT_TOKENS = 560;

/** Tokens of an input image on Gemini 3.1 Flash Image (Vertex AI model page). */
export const GEMINI_3_FLASH_IMAGE_INPUT_TOKENS = 1120;

/** How the tokens of one image are counted for a given model and settings. */
export type ImageTokenPlanKind = 'flat' | 'tiles' | 'tiles-plus-global' | 'budget-grid';

/**
 * Everything about an estimate that does not depend on the image size; cached per model and
 * settings so the hot path allocates only its result.
 *
 * @internal
 */
export interface ImageTokenPlan {
  readonly kind: ImageTokenPlanKind;
  /** Tokens of every image (`flat`) or of a small image (tiled kinds). */
  readonly flatTokens: number;
  /** Gemini 3 budget `B`; 0 for the other kinds. */
  readonly budget: number;
  readonly model: ResolvedModel;
  readonly mediaResolution: AppliedMediaResolution;
  readonly backend: GeminiBackend;
  readonly accounting: TokenAccounting;
  readonly confidence: EstimateConfidence;
  /** The whole explanation (`flat`) or its opening words (the other kinds). */
  readonly explanation: string;
  /** Appended to a computed explanation: why the rule is assumed for this model, or `''`. */
  readonly assumption: string;
  /** The explanation of a tiled plan for an image with both sides ≤ 384 px (one tile); `''` otherwise. */
  readonly smallImageExplanation: string;
  /** Explanations already built for this plan, by a small-integer key of their numbers. */
  readonly explanations: Map<number, string>;
}

/** Explanations cached per plan; beyond this many, new ones are built on every call. */
const EXPLANATION_CACHE_LIMIT = 4096;

/**
 * Caches an explanation built for `key` (when `key >= 0` and the cache has room) and returns it. Keys
 * must stay below 2^30 so that V8 keeps them as small integers (no allocation on lookup).
 *
 * @internal
 */
export function rememberExplanation(plan: ImageTokenPlan, key: number, explanation: string): string {
  if (key >= 0 && plan.explanations.size < EXPLANATION_CACHE_LIMIT) plan.explanations.set(key, explanation);
  return explanation;
}

const RESOLUTION_INDEX = { low: 1, medium: 2, high: 3, ultra_high: 4 } as const;

const planCache = new WeakMap<ResolvedModel, (ImageTokenPlan | undefined)[]>();

/**
 * Returns the cached plan for a model and settings, building it on first use.
 *
 * @internal
 * @throws {@link InvalidArgumentError} If `ultra_high` is asked of a model before Gemini 3.
 */
export function planImageTokens(
  model: ResolvedModel,
  mediaResolution: MediaResolution | undefined,
  backend: GeminiBackend,
  accounting: TokenAccounting,
): ImageTokenPlan {
  const index =
    (mediaResolution === undefined ? 0 : RESOLUTION_INDEX[mediaResolution]) * 4 +
    (backend === 'vertex-ai' ? 2 : 0) +
    (accounting === 'count-tokens' ? 1 : 0);
  let plans = planCache.get(model);
  if (plans === undefined) {
    plans = [];
    planCache.set(model, plans);
  }
  let plan = plans[index];
  if (plan === undefined) {
    plan = buildPlan(model, mediaResolution, backend, accounting);
    plans[index] = plan;
  }
  return plan;
}

function buildPlan(
  model: ResolvedModel,
  mediaResolution: MediaResolution | undefined,
  backend: GeminiBackend,
  accounting: TokenAccounting,
): ImageTokenPlan {
  const draft =
    model.generation === '3'
      ? planGemini3(model, mediaResolution)
      : planBeforeGemini3(model, mediaResolution, backend, accounting);
  const confidence: EstimateConfidence = model.inferred ? 'inferred' : draft.confidence;
  const assumed = model.inferred ? ` Rule assumed for \`${model.baseId}\`: ${model.note ?? ''}` : '';

  return {
    kind: draft.kind,
    flatTokens: draft.flatTokens ?? GEMINI_TOKENS_PER_TILE,
    budget: draft.budget ?? 0,
    model,
    mediaResolution: draft.mediaResolution,
    backend,
    accounting,
    confidence,
    explanation: draft.kind === 'flat' ? `${draft.explanation}${assumed}` : draft.explanation,
    assumption: assumed,
    smallImageExplanation:
      draft.kind === 'tiles' || draft.kind === 'tiles-plus-global'
        ? `${draft.explanation}, but both sides are at most 384 px, so the image is one 258-token tile.${assumed}`
        : '',
    explanations: new Map(),
  };
}

interface PlanDraft {
  readonly kind: ImageTokenPlanKind;
  readonly flatTokens?: number;
  readonly budget?: number;
  readonly mediaResolution: AppliedMediaResolution;
  readonly confidence: EstimateConfidence;
  readonly explanation: string;
}

function planGemini3(model: ResolvedModel, mediaResolution: MediaResolution | undefined): PlanDraft {
  const ignored =
    mediaResolution === undefined ? '' : ` (mediaResolution '${mediaResolution}' does not change it)`;
  if (model.family === 'pro-image') {
    return {
      kind: 'flat',
      flatTokens: GEMINI_3_PRO_IMAGE_INPUT_TOKENS,
      mediaResolution: 'unspecified',
      confidence: model.version === '3' ? 'documented' : 'inferred',
      explanation: `Gemini 3 Pro Image bills every input image as a flat ${GEMINI_3_PRO_IMAGE_INPUT_TOKENS} tokens, whatever its size${ignored}.`,
    };
  }
  if (model.family === 'flash-image' || model.family === 'flash-lite-image') {
    return {
      kind: 'flat',
      flatTokens: GEMINI_3_FLASH_IMAGE_INPUT_TOKENS,
      mediaResolution: 'unspecified',
      confidence: model.version === '3.1' && model.family === 'flash-image' ? 'documented' : 'inferred',
      explanation: `Gemini 3.1 Flash Image bills every input image as a flat ${GEMINI_3_FLASH_IMAGE_INPUT_TOKENS} tokens, whatever its size${ignored}.`,
    };
  }

  const applied = mediaResolution ?? 'high';
  const budget = GEMINI_3_IMAGE_BUDGETS[applied];
  let confidence: EstimateConfidence;
  if (applied === 'ultra_high') confidence = 'inferred';
  else if (applied === 'high') confidence = model.family === 'flash' || model.family === 'flash-lite' ? 'measured' : 'documented';
  else confidence = 'documented';
  const setting = mediaResolution === undefined ? 'high, the default for images' : applied;

  return {
    kind: 'budget-grid',
    budget,
    mediaResolution: applied,
    confidence,
    explanation: `Gemini 3 budget grid, B = ${budget} (media resolution ${setting})`,
  };
}

function planBeforeGemini3(
  model: ResolvedModel,
  mediaResolution: MediaResolution | undefined,
  backend: GeminiBackend,
  accounting: TokenAccounting,
): PlanDraft {
  const { generation } = model;
  const name = `Gemini ${generation}`;
  if (mediaResolution === 'ultra_high') {
    throw new InvalidArgumentError({
      argument: 'options.mediaResolution',
      expected: `'low', 'medium' or 'high' on ${name} (\`${model.baseId}\`)`,
      received: mediaResolution,
      hint: "`ultra_high` exists only on Gemini 3 and later, per image part; use 'high' or a Gemini 3 model.",
    });
  }

  if (generation === '1.0') {
    const ignored =
      mediaResolution === undefined ? '' : ` (mediaResolution '${mediaResolution}' predates this model and is ignored)`;
    return flatDraft(GEMINI_TOKENS_PER_TILE, 'unspecified', 'documented', `Gemini 1.0 counts every image as a flat 258 tokens, whatever its size${ignored}.`);
  }

  if (accounting === 'count-tokens') {
    if (mediaResolution === 'low' && backend === 'vertex-ai') {
      return flatDraft(GEMINI_LOW_RESOLUTION_IMAGE_TOKENS, 'low', 'inferred', `countTokens on Vertex AI takes the request's media resolution low: a flat 66 tokens (64 + 2) per image.`);
    }
    const measured =
      backend === 'gemini-api' && (generation === '2.0' || generation === '2.5') && model.family !== 'flash-image';
    const ignored =
      mediaResolution !== undefined && backend === 'gemini-api'
        ? ` The Gemini API's countTokens cannot take mediaResolution, so '${mediaResolution}' is not applied.`
        : '';
    return flatDraft(
      GEMINI_TOKENS_PER_TILE,
      backend === 'gemini-api' ? 'unspecified' : (mediaResolution ?? 'unspecified'),
      measured ? 'measured' : generation === '1.5' ? 'documented' : 'inferred',
      `countTokens reports a flat 258 tokens per image on ${name}, whatever the size; generateContent may bill more.${ignored}`,
    );
  }

  if (generation === '2.5' && model.family === 'flash-image') {
    const ignored = mediaResolution === undefined ? '' : ` (mediaResolution '${mediaResolution}' is not applied)`;
    return flatDraft(
      GEMINI_2_5_FLASH_IMAGE_INPUT_TOKENS,
      'unspecified',
      'measured',
      `Gemini 2.5 Flash Image bills every input image as a flat 1290 tokens (5 × 258), whatever its size, as reported from usage metadata${ignored}.`,
    );
  }

  const isGemini25 = generation === '2.5';
  if (mediaResolution === 'low') {
    return flatDraft(GEMINI_LOW_RESOLUTION_IMAGE_TOKENS, 'low', isGemini25 ? 'documented' : 'inferred', `Media resolution low on ${name}: a flat 66 tokens (64 + 2) per image, whatever its size.`);
  }
  if (mediaResolution === 'medium') {
    return flatDraft(GEMINI_TOKENS_PER_TILE, 'medium', isGemini25 ? 'documented' : 'inferred', `Media resolution medium on ${name}: a flat 258 tokens (256 + 2) per image, whatever its size.`);
  }

  const applied: AppliedMediaResolution = mediaResolution ?? 'unspecified';
  if (generation === '1.5') {
    return {
      kind: 'tiles',
      mediaResolution: applied,
      confidence: mediaResolution === undefined ? 'documented' : 'inferred',
      explanation: 'Gemini 1.5 tiles the image',
    };
  }
  if (generation === '2.0') {
    return {
      kind: 'tiles-plus-global',
      mediaResolution: applied,
      confidence: 'inferred',
      explanation: 'Gemini 2.0 bills crop tiles plus one global view (inferred from billing; the doc omits the +1)',
    };
  }
  // Gemini 2.5
  if (mediaResolution === undefined && backend === 'gemini-api') {
    return flatDraft(
      GEMINI_TOKENS_PER_TILE,
      'unspecified',
      'measured',
      'Gemini 2.5 on the Gemini API bills an image at the default media resolution as a flat 258 tokens at any size (measured up to 3840×2160).',
    );
  }
  return {
    kind: 'tiles-plus-global',
    mediaResolution: applied,
    confidence: mediaResolution === undefined ? 'measured' : backend === 'vertex-ai' ? 'documented' : 'inferred',
    explanation:
      backend === 'vertex-ai'
        ? `Gemini 2.5 on Vertex AI (${mediaResolution === undefined ? 'default' : 'high'}, "256 + Pan & Scan") bills crop tiles plus one global view`
        : 'Gemini 2.5 at media resolution high ("256 + Pan & Scan") bills crop tiles plus one global view',
  };
}

function flatDraft(
  flatTokens: number,
  mediaResolution: AppliedMediaResolution,
  confidence: EstimateConfidence,
  explanation: string,
): PlanDraft {
  return { kind: 'flat', flatTokens, mediaResolution, confidence, explanation };
}

/**
 * `floor(sqrt(budget * along / across))`, exact in integers (no floating-point edge at squares).
 *
 * @internal
 */
export function countGridAxis(budget: number, along: number, across: number): number {
  const target = budget * along;
  let count = Math.floor(Math.sqrt(target / across));
  while ((count + 1) * (count + 1) * across <= target) count += 1;
  while (count > 0 && count * count * across > target) count -= 1;
  return count;
}

/**
 * The crop unit in pixels: `floor(min(W, H) / 1.5)`, at least 256 (Gemini 1.5 doc), and for
 * Gemini 1.5 at most 768.
 *
 * @internal
 */
export function computeCropUnit(kind: ImageTokenPlanKind, width: number, height: number): number {
  const unit = Math.max(GEMINI_MIN_CROP_UNIT_PX, Math.floor((2 * Math.min(width, height)) / 3));
  return kind === 'tiles' ? Math.min(unit, GEMINI_1_5_MAX_CROP_UNIT_PX) : unit;
}

/**
 * One side of an image after Gemini 1.5's downscale to fit {@link GEMINI_1_5_MAX_SIDE_PX} per
 * side (aspect kept, rounded, at least 1 px).
 *
 * @internal
 */
export function capSide(side: number, longSide: number): number {
  return longSide <= GEMINI_1_5_MAX_SIDE_PX
    ? side
    : Math.max(1, Math.round((side * GEMINI_1_5_MAX_SIDE_PX) / longSide));
}

/**
 * The tokens of one `width × height` image under `plan`, without building an estimate.
 *
 * @internal
 */
export function countImageTokens(plan: ImageTokenPlan, width: number, height: number): number {
  switch (plan.kind) {
    case 'flat':
      return plan.flatTokens;
    case 'budget-grid': {
      const budget = plan.budget;
      let columns = countGridAxis(budget, width, height);
      let rows = countGridAxis(budget, height, width);
      if (rows === 0) {
        rows = 1;
        columns = Math.min(columns, budget);
      } else if (columns === 0) {
        columns = 1;
        rows = Math.min(rows, budget);
      }
      return columns * rows;
    }
    case 'tiles':
    case 'tiles-plus-global': {
      if (width <= GEMINI_SMALL_IMAGE_MAX_SIDE_PX && height <= GEMINI_SMALL_IMAGE_MAX_SIDE_PX) {
        return GEMINI_TOKENS_PER_TILE;
      }
      let tiledWidth = width;
      let tiledHeight = height;
      if (plan.kind === 'tiles') {
        const longSide = Math.max(width, height);
        tiledWidth = capSide(width, longSide);
        tiledHeight = capSide(height, longSide);
      }
      const unit = computeCropUnit(plan.kind, tiledWidth, tiledHeight);
      const tiles = Math.ceil(tiledWidth / unit) * Math.ceil(tiledHeight / unit);
      return (plan.kind === 'tiles' ? tiles : tiles + 1) * GEMINI_TOKENS_PER_TILE;
    }
  }
}
