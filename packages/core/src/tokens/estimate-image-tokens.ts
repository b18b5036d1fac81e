import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { Size } from '../geometry/types';
import {
  GEMINI_SMALL_IMAGE_MAX_SIDE_PX,
  GEMINI_TOKENS_PER_TILE,
  capSide,
  computeCropUnit,
  countGridAxis,
  rememberExplanation,
  planImageTokens,
  type ImageTokenPlan,
} from './image-token-plan';
import { resolveModel } from './resolve-model';
import type {
  AppliedMediaResolution,
  EstimateConfidence,
  GeminiBackend,
  MediaResolution,
  ModelGeneration,
  TokenAccounting,
} from './types';

/**
 * Options of {@link estimateImageTokens}.
 *
 * @example
 * ```ts
 * const options: EstimateImageTokensOptions = { model: 'gemini-2.5-flash', backend: 'vertex-ai' };
 * ```
 */
export interface EstimateImageTokensOptions {
  /** Gemini model id, e.g. `gemini-2.5-flash` or `models/gemini-3-flash-preview` (see {@link resolveModel}). */
  readonly model: string;
  /**
   * Media resolution for this image. `ultra_high` exists only on Gemini 3 and later.
   * @defaultValue the model's default: `high` (B = 1120) on Gemini 3, unspecified before
   */
  readonly mediaResolution?: MediaResolution | undefined;
  /**
   * Where the request goes; Gemini 2.5 at its default resolution bills differently on the two.
   * @defaultValue `'gemini-api'`
   */
  readonly backend?: GeminiBackend | undefined;
  /**
   * Predict what `generateContent` bills (`billed`) or what `countTokens` reports (`count-tokens`).
   * @defaultValue `'billed'`
   */
  readonly accounting?: TokenAccounting | undefined;
}

/**
 * The rule an estimate applied.
 *
 * - `flat`: a fixed number of tokens per image, whatever its size.
 * - `tiles`: `ceil(W/unit) × ceil(H/unit)` crop tiles × 258 (Gemini 1.5).
 * - `tiles-plus-global`: the same tiles plus one global view, × 258 (Gemini 2.0; 2.5 on Vertex AI or at `high`).
 * - `budget-grid`: `floor(√(B·W/H)) × floor(√(B·H/W))` patches, one token each (Gemini 3 and later).
 *
 * @example
 * ```ts
 * const rule: ImageTokenRule = 'budget-grid';
 * ```
 */
export type ImageTokenRule = 'flat' | 'tiles' | 'tiles-plus-global' | 'budget-grid';

/**
 * Fields every {@link ImageTokenEstimate} has.
 *
 * @example
 * ```ts
 * const { tokens, confidence }: ImageTokenEstimateBase = estimateImageTokens(
 *   { width: 1024, height: 1024 },
 *   { model: 'gemini-2.5-flash' },
 * );
 * ```
 */
export interface ImageTokenEstimateBase {
  /** Input tokens of this one image (a positive integer). */
  readonly tokens: number;
  /** The rule applied; the other fields depend on it. */
  readonly rule: ImageTokenRule;
  /** The model's base id, e.g. `gemini-3.5-flash` for `gemini-flash-latest`. */
  readonly model: string;
  /** The token-rule generation applied. */
  readonly generation: ModelGeneration;
  /** The media resolution the rule applied (`unspecified`: the model's own default or a fixed rule). */
  readonly mediaResolution: AppliedMediaResolution;
  /** The backend the estimate is for. */
  readonly backend: GeminiBackend;
  /** Whether this predicts billed tokens or the `countTokens` figure. */
  readonly accounting: TokenAccounting;
  /** How well the rule is backed for this model and settings. */
  readonly confidence: EstimateConfidence;
  /** One or two sentences saying why: the rule, its inputs and where it comes from. */
  readonly explanation: string;
}

/**
 * An estimate from a fixed-cost rule.
 *
 * @example
 * ```ts
 * const estimate = estimateImageTokens({ width: 3840, height: 2160 }, { model: 'gemini-2.5-pro' });
 * if (estimate.rule === 'flat') console.log(estimate.tokens); // 258
 * ```
 */
export interface FlatImageTokenEstimate extends ImageTokenEstimateBase {
  /** Discriminant. */
  readonly rule: 'flat';
}

/**
 * An estimate from the crop-tile rules of Gemini 1.5–2.5.
 *
 * @example
 * ```ts
 * const estimate = estimateImageTokens({ width: 960, height: 540 }, { model: 'gemini-2.0-flash' });
 * if (estimate.rule === 'tiles-plus-global') console.log(estimate.cropUnit); // 360
 * ```
 */
export interface TiledImageTokenEstimate extends ImageTokenEstimateBase {
  /** Discriminant: `tiles` (Gemini 1.5) or `tiles-plus-global` (one extra global view). */
  readonly rule: 'tiles' | 'tiles-plus-global';
  /** Crop tiles across the width. */
  readonly columns: number;
  /** Crop tiles down the height. */
  readonly rows: number;
  /** `columns × rows`, without the global view. */
  readonly tiles: number;
  /** Side of one crop tile in pixels of the tiled image: `floor(min(W, H) / 1.5)`, clamped. */
  readonly cropUnit: number;
  /** Tokens per tile (and per global view): 258. */
  readonly tokensPerTile: number;
}

/**
 * An estimate from the Gemini 3 budget grid.
 *
 * @example
 * ```ts
 * const estimate = estimateImageTokens({ width: 1920, height: 1080 }, { model: 'gemini-3-flash-preview' });
 * if (estimate.rule === 'budget-grid') console.log(estimate.columns, estimate.rows); // 44 25
 * ```
 */
export interface BudgetGridImageTokenEstimate extends ImageTokenEstimateBase {
  /** Discriminant. */
  readonly rule: 'budget-grid';
  /** Patches across the width: `floor(√(B·W/H))`, at least 1. */
  readonly columns: number;
  /** Patches down the height: `floor(√(B·H/W))`, at least 1. */
  readonly rows: number;
  /** The patch budget `B` in tokens: 280 / 560 / 1120 / 2240 for low / medium / high / ultra_high. */
  readonly budget: number;
}

/**
 * What {@link estimateImageTokens} returns: the tokens of one image and how they were counted.
 *
 * @example
 * ```ts
 * const estimate: ImageTokenEstimate = estimateImageTokens({ width: 512, height: 512 }, { model: 'gemini-1.0-pro-vision' });
 * ```
 */
export type ImageTokenEstimate = FlatImageTokenEstimate | TiledImageTokenEstimate | BudgetGridImageTokenEstimate;

/**
 * Estimates the input tokens Gemini bills (or `countTokens` reports) for one image of the given
 * size, with the rule, its inputs and a confidence.
 *
 * @remarks
 * Applies the rule of the model's generation, including where billing departs from the docs
 * (research: `token-cost.md`; every calibration measurement is reproduced exactly):
 *
 * | generation | settings | rule | confidence |
 * |---|---|---|---|
 * | 3 and later | billed or count-tokens | budget grid, B = 280/560/1120/2240 (default high = 1120) | measured (Flash, high), documented (low, medium, Pro), inferred (ultra_high, 4.x) |
 * | 3 Pro Image / 3.1 Flash Image | any | flat 560 / 1120 | documented |
 * | 2.5 | Gemini API, default | flat 258 | measured |
 * | 2.5 | Vertex AI default, or `high` | (crop tiles + 1) × 258 | measured (Vertex default), documented/inferred (`high`) |
 * | 2.5 Flash Image | billed | flat 1290 | measured (reported) |
 * | 2.0 | default or `high` | (crop tiles + 1) × 258 | inferred |
 * | 1.5 | default or `high` | crop tiles × 258, unit clamped to [256, 768], image capped at 3072 px | documented |
 * | 1.5–2.5 | `low` / `medium` | flat 66 / 258 | documented (2.5), inferred (1.5, 2.0) |
 * | 1.x–2.x | count-tokens | flat 258 (66 for `low` on Vertex AI) | measured (2.x Gemini API) |
 * | 1.0 | any | flat 258 | documented |
 *
 * On the tiled rules an image with both sides ≤ 384 px is one 258-token tile. The crop unit is
 * `floor(min(W, H) / 1.5)`, at least 256 px; only Gemini 1.5 also caps it at 768 px (the 2.x
 * doc restates neither bound, and 2.5 Flash Image's size-independent 1290 fits no upper cap).
 * On Gemini 3 the grid has at least one patch per axis; past an aspect ratio of B:1 the long
 * axis is capped at B so the budget still holds (inferred). Pure; the model, the settings and the
 * explanation texts are cached, so a call allocates little more than its result (millions of
 * estimates per second; see BENCHMARKS.md).
 *
 * @param size - The image in pixels as displayed (after EXIF orientation); positive integers.
 * @param options - Model, media resolution, backend and accounting.
 * @returns The tokens of the image and how they were counted.
 * @throws {@link InvalidArgumentError} If `size` is not an object, a side is not a positive safe
 * integer (at most `Number.MAX_SAFE_INTEGER`), an option is not one of its values, or
 * `ultra_high` is asked of a model before Gemini 3.
 * @throws {@link UnknownModelError} If `options.model` is not a Gemini model id.
 *
 * @example
 * ```ts
 * estimateImageTokens({ width: 1920, height: 1080 }, { model: 'gemini-3-flash-preview' }).tokens; // 1100
 * estimateImageTokens({ width: 700, height: 1003 }, { model: 'gemini-2.5-flash', backend: 'vertex-ai' }).tokens; // 1806
 * ```
 */
export function estimateImageTokens(size: Size, options: EstimateImageTokensOptions): ImageTokenEstimate {
  if (typeof size !== 'object' || (size as unknown) === null) throwBadSize(size);
  const width = size.width;
  const height = size.height;
  // Safe integers only: past 2^53 `n + 1 === n`, and the grid search below would never end.
  if (!Number.isSafeInteger(width) || width < 1) throwBadSide('size.width', width);
  if (!Number.isSafeInteger(height) || height < 1) throwBadSide('size.height', height);

  return buildEstimate(resolvePlan(options), width, height);
}

/**
 * Validates the options and returns the cached plan for them.
 *
 * @internal
 */
export function resolvePlan(options: EstimateImageTokensOptions): ImageTokenPlan {
  const model = resolveModel(options.model);
  const mediaResolution: unknown = options.mediaResolution;
  const backend: unknown = options.backend ?? 'gemini-api';
  const accounting: unknown = options.accounting ?? 'billed';
  if (mediaResolution !== undefined && !isMediaResolution(mediaResolution)) {
    throwBadOption('options.mediaResolution', "one of 'low', 'medium', 'high', 'ultra_high'", mediaResolution);
  }
  if (backend !== 'gemini-api' && backend !== 'vertex-ai') {
    throwBadOption('options.backend', "one of 'gemini-api', 'vertex-ai'", backend);
  }
  if (accounting !== 'billed' && accounting !== 'count-tokens') {
    throwBadOption('options.accounting', "one of 'billed', 'count-tokens'", accounting);
  }
  return planImageTokens(model, mediaResolution, backend, accounting);
}

function isMediaResolution(value: unknown): value is MediaResolution {
  return value === 'low' || value === 'medium' || value === 'high' || value === 'ultra_high';
}

/**
 * Applies a plan to one validated size.
 *
 * @internal
 */
export function buildEstimate(plan: ImageTokenPlan, width: number, height: number): ImageTokenEstimate {
  switch (plan.kind) {
    case 'flat':
      return {
        tokens: plan.flatTokens,
        rule: 'flat',
        model: plan.model.baseId,
        generation: plan.model.generation,
        mediaResolution: plan.mediaResolution,
        backend: plan.backend,
        accounting: plan.accounting,
        confidence: plan.confidence,
        explanation: plan.explanation,
      };
    case 'budget-grid':
      return buildGridEstimate(plan, width, height);
    case 'tiles':
    case 'tiles-plus-global':
      return buildTiledEstimate(plan, width, height);
  }
}

function buildGridEstimate(plan: ImageTokenPlan, width: number, height: number): BudgetGridImageTokenEstimate {
  const budget = plan.budget;
  let columns = countGridAxis(budget, width, height);
  let rows = countGridAxis(budget, height, width);
  let confidence = plan.confidence;
  let clamped = false;
  if (rows === 0 || columns === 0) {
    columns = columns === 0 ? 1 : Math.min(columns, budget);
    rows = rows === 0 ? 1 : Math.min(rows, budget);
    confidence = 'inferred';
    clamped = true;
  }
  const tokens = columns * rows;
  const key = (columns * 4096 + rows) * 2 + (clamped ? 1 : 0);
  return {
    tokens,
    rule: 'budget-grid',
    model: plan.model.baseId,
    generation: plan.model.generation,
    mediaResolution: plan.mediaResolution,
    backend: plan.backend,
    accounting: plan.accounting,
    confidence,
    explanation:
      plan.explanations.get(key) ?? rememberExplanation(plan, key, explainGrid(plan, columns, rows, tokens, clamped)),
    columns,
    rows,
    budget,
  };
}

function buildTiledEstimate(plan: ImageTokenPlan, width: number, height: number): ImageTokenEstimate {
  if (width <= GEMINI_SMALL_IMAGE_MAX_SIDE_PX && height <= GEMINI_SMALL_IMAGE_MAX_SIDE_PX) {
    return {
      tokens: GEMINI_TOKENS_PER_TILE,
      rule: 'flat',
      model: plan.model.baseId,
      generation: plan.model.generation,
      mediaResolution: plan.mediaResolution,
      backend: plan.backend,
      accounting: plan.accounting,
      confidence: plan.confidence,
      explanation: plan.smallImageExplanation,
    };
  }

  let tiledWidth = width;
  let tiledHeight = height;
  if (plan.kind === 'tiles') {
    const longSide = Math.max(width, height);
    tiledWidth = capSide(width, longSide);
    tiledHeight = capSide(height, longSide);
  }
  const scaled = tiledWidth !== width || tiledHeight !== height;
  const cropUnit = computeCropUnit(plan.kind, tiledWidth, tiledHeight);
  const columns = Math.ceil(tiledWidth / cropUnit);
  const rows = Math.ceil(tiledHeight / cropUnit);
  const tiles = columns * rows;
  const plusGlobal = plan.kind === 'tiles-plus-global';
  const tokens = (plusGlobal ? tiles + 1 : tiles) * GEMINI_TOKENS_PER_TILE;
  const rule = plusGlobal ? 'tiles-plus-global' : 'tiles';
  // Cache only explanations whose numbers fit a small-integer key; scaled ones carry the size too.
  const key = !scaled && columns < 64 && rows < 64 && cropUnit < 131_072 ? (cropUnit * 64 + columns) * 64 + rows : -1;
  const cached = key < 0 ? undefined : plan.explanations.get(key);

  return {
    tokens,
    rule,
    model: plan.model.baseId,
    generation: plan.model.generation,
    mediaResolution: plan.mediaResolution,
    backend: plan.backend,
    accounting: plan.accounting,
    confidence: plan.confidence,
    explanation:
      cached ??
      rememberExplanation(plan, key, explainTiles(plan, columns, rows, cropUnit, tokens, scaled ? `${tiledWidth}×${tiledHeight}` : '')),
    columns,
    rows,
    tiles,
    cropUnit,
    tokensPerTile: GEMINI_TOKENS_PER_TILE,
  };
}

function explainGrid(plan: ImageTokenPlan, columns: number, rows: number, tokens: number, clamped: boolean): string {
  const clamp = clamped
    ? ` The aspect ratio exceeds ${plan.budget}:1, so one axis is held at 1 patch and the other capped at B (inferred).`
    : '';
  return `${plan.explanation}: ⌊√(B·W/H)⌋ × ⌊√(B·H/W)⌋ = ${columns} × ${rows} = ${tokens} tokens, whatever the pixel size.${clamp}${plan.assumption}`;
}

function explainTiles(
  plan: ImageTokenPlan,
  columns: number,
  rows: number,
  cropUnit: number,
  tokens: number,
  scaledTo: string,
): string {
  const count = plan.kind === 'tiles' ? `${columns} × ${rows} × 258` : `(${columns} × ${rows} + 1) × 258`;
  const after = scaledTo === '' ? '' : ` after scaling to ${scaledTo}`;
  return `${plan.explanation}: crop unit ${cropUnit} px${after} gives ${count} = ${tokens} tokens.${plan.assumption}`;
}

function throwBadSize(value: unknown): never {
  throw new InvalidArgumentError({
    argument: 'size',
    expected: 'a size { width, height } in pixels',
    received: value,
  });
}

function throwBadSide(argument: string, value: unknown): never {
  throw new InvalidArgumentError({
    argument,
    expected: 'a positive integer (pixels)',
    received: value,
    hint: 'Pass the image size in whole pixels as displayed, after EXIF orientation.',
  });
}

function throwBadOption(argument: string, expected: string, value: unknown): never {
  throw new InvalidArgumentError({ argument, expected, received: value });
}
