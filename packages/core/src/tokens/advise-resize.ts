import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { Size } from '../geometry/types';
import {
  buildEstimate,
  resolvePlan,
  type EstimateImageTokensOptions,
  type ImageTokenEstimate,
} from './estimate-image-tokens';
import {
  GEMINI_1_5_MAX_SIDE_PX,
  GEMINI_TILE_SIDE_PX,
  countImageTokens,
  type ImageTokenPlan,
} from './image-token-plan';
import type { EstimateConfidence } from './types';

/**
 * Pixels per side of one Gemini 3 grid patch assumed by {@link adviseResize} (inferred).
 *
 * @remarks
 * Google does not publish the patch size. 32 px is a 16-px vision-transformer patch merged 2×2,
 * the common design, and matches Google's own equivalence of about 1,120 tokens for a 1K
 * (1024×1024) image on Gemini 3.1 Flash Image (≈ 31 px per token). Treat sizes derived from it
 * as approximate.
 *
 * @example
 * ```ts
 * const ceilingWidth = estimate.columns * GEMINI_3_ASSUMED_PATCH_SIDE_PX; // 44 × 32 = 1408 for 1920×1080
 * ```
 */
export const GEMINI_3_ASSUMED_PATCH_SIDE_PX = 32;

/**
 * Largest side in pixels {@link adviseResize} accepts: it scans every aspect-preserving downscale.
 *
 * @example
 * ```ts
 * if (Math.max(width, height) <= ADVISE_RESIZE_MAX_SIDE_PX) adviseResize({ width, height }, { model });
 * ```
 */
export const ADVISE_RESIZE_MAX_SIDE_PX = 100_000;

/**
 * Options of {@link adviseResize}.
 *
 * @example
 * ```ts
 * const options: AdviseResizeOptions = { model: 'gemini-2.0-flash', minSide: 768 };
 * ```
 */
export interface AdviseResizeOptions extends EstimateImageTokensOptions {
  /**
   * Detail floor: the shorter side of a suggested downscale stays at least this many pixels.
   * @defaultValue `1` (no floor)
   */
  readonly minSide?: number | undefined;
}

/**
 * A candidate size and its tokens.
 *
 * @example
 * ```ts
 * const candidate: SizedTokens = { size: { width: 384, height: 216 }, tokens: 258, tokensSaved: 1548 };
 * ```
 */
export interface SizedTokens {
  /** Pixels, aspect ratio of the original (rounded). */
  readonly size: Size;
  /** Tokens at this size. */
  readonly tokens: number;
  /** Original tokens minus `tokens` (≥ 0). */
  readonly tokensSaved: number;
}

/**
 * Fields every {@link ResizeAdvice} has.
 *
 * @example
 * ```ts
 * const { recommended, summary }: ResizeAdviceBase = adviseResize({ width: 4032, height: 3024 }, { model: 'gemini-3-flash-preview' });
 * ```
 */
export interface ResizeAdviceBase {
  /** How the model's token count responds to size. */
  readonly kind: 'tiles' | 'budget-grid' | 'flat';
  /** The size advised on. */
  readonly original: Size;
  /** The token estimate of the original size. */
  readonly estimate: ImageTokenEstimate;
  /** The size to send: the cheapest above the detail floor, else the smallest without lost detail, else the original. */
  readonly recommended: SizedTokens;
  /** Whether some aspect-preserving downscale (above the floor) costs fewer tokens. */
  readonly downscaleSavesTokens: boolean;
  /** The size beyond which more pixels cost only bandwidth (no tokens, no detail the model sees), if known. */
  readonly detailCeiling: Size | undefined;
  /** Confidence of the underlying token rule. */
  readonly confidence: EstimateConfidence;
  /** One human-readable line. */
  readonly summary: string;
}

/**
 * Advice for the crop-tile rules (Gemini 1.5, 2.0; 2.5 on Vertex AI or at `high`).
 *
 * @example
 * ```ts
 * const advice = adviseResize({ width: 1920, height: 1080 }, { model: 'gemini-2.0-flash', minSide: 300 });
 * if (advice.kind === 'tiles') console.log(advice.cheapest.tokens);
 * ```
 */
export interface TiledResizeAdvice extends ResizeAdviceBase {
  /** Discriminant. */
  readonly kind: 'tiles';
  /**
   * The smallest downscale that costs exactly the original tokens (fewer bytes, less detail). Sizes
   * between it and the original may cost more: the tile count rounds up on each axis.
   */
  readonly sameCost: SizedTokens;
  /** The fewest tokens any downscale above the floor costs, at the largest size that costs that. */
  readonly cheapest: SizedTokens;
  /** The detail floor applied, in pixels of the shorter side. */
  readonly minSide: number;
}

/**
 * Advice for the Gemini 3 budget grid, where tokens do not depend on size.
 *
 * @example
 * ```ts
 * const advice = adviseResize({ width: 4032, height: 3024 }, { model: 'gemini-3-flash-preview' });
 * if (advice.kind === 'budget-grid') console.log(advice.detailCeiling);
 * ```
 */
export interface BudgetGridResizeAdvice extends ResizeAdviceBase {
  /** Discriminant. */
  readonly kind: 'budget-grid';
  /** The pixels per patch side the detail ceiling assumes ({@link GEMINI_3_ASSUMED_PATCH_SIDE_PX}, inferred). */
  readonly assumedPatchSidePx: number;
}

/**
 * Advice for fixed-cost rules, where size never changes tokens.
 *
 * @example
 * ```ts
 * adviseResize({ width: 4000, height: 3000 }, { model: 'gemini-2.5-flash' }).kind; // 'flat'
 * ```
 */
export interface FlatResizeAdvice extends ResizeAdviceBase {
  /** Discriminant. */
  readonly kind: 'flat';
}

/**
 * What {@link adviseResize} returns, discriminated by `kind`.
 *
 * @example
 * ```ts
 * const advice: ResizeAdvice = adviseResize({ width: 800, height: 600 }, { model: 'gemini-1.5-pro' });
 * ```
 */
export type ResizeAdvice = TiledResizeAdvice | BudgetGridResizeAdvice | FlatResizeAdvice;

/**
 * Advises how to resize an image before sending it: what a downscale saves, what it cannot save,
 * and past which size extra pixels are wasted bandwidth.
 *
 * @remarks
 * Only aspect-preserving downscales are considered (never an upscale), so the advice never costs
 * more tokens than the original.
 *
 * - **Tile rules** (Gemini 1.5, 2.0, 2.5 on Vertex AI or at `high`): scans every downscale and
 *   reports `sameCost` (the smallest size that costs exactly the same), `cheapest`
 *   (the fewest tokens with the shorter side ≥ `minSide`, at the largest such size) and the detail
 *   ceiling: each crop tile is resized to 768 px, so a shorter side beyond 1152 px (crop unit
 *   768) adds no detail on 2.x; Gemini 1.5 scales images to fit 3072 px.
 * - **Gemini 3 budget grid**: tokens depend on the aspect ratio only, so downscaling never saves
 *   tokens. The image is resampled to `columns × rows` patches; assuming
 *   {@link GEMINI_3_ASSUMED_PATCH_SIDE_PX} px per patch (inferred), pixels beyond
 *   `columns·32 × rows·32` cost only bandwidth; `recommended` is the original scaled down to
 *   cover that grid.
 * - **Flat rules** (2.5 on the Gemini API by default, `low`/`medium`, 1.0, image models): size
 *   never changes tokens.
 *
 * Runs in time proportional to the longer side (about a millisecond at 100,000 px). Pure.
 *
 * @param size - The image in pixels as displayed; positive integers up to {@link ADVISE_RESIZE_MAX_SIDE_PX}.
 * @param options - The {@link estimateImageTokens} options plus `minSide`, the detail floor.
 * @returns The advice, with a one-line `summary`.
 * @throws {@link InvalidArgumentError} If a side is not a positive integer up to 100,000, `minSide`
 * is not a positive integer, or an option is invalid.
 * @throws {@link UnknownModelError} If `options.model` is not a Gemini model id.
 *
 * @example
 * ```ts
 * const advice = adviseResize({ width: 1920, height: 1080 }, { model: 'gemini-2.0-flash' });
 * advice.recommended; // { size: { width: 384, height: 216 }, tokens: 258, tokensSaved: 1548 }
 * ```
 */
export function adviseResize(size: Size, options: AdviseResizeOptions): ResizeAdvice {
  if (typeof size !== 'object' || (size as unknown) === null) {
    throw new InvalidArgumentError({ argument: 'size', expected: 'a size { width, height } in pixels', received: size });
  }
  const width = size.width;
  const height = size.height;
  assertSide('size.width', width);
  assertSide('size.height', height);
  const minSide = options.minSide ?? 1;
  if (typeof minSide !== 'number' || !Number.isInteger(minSide) || minSide < 1) {
    throw new InvalidArgumentError({ argument: 'options.minSide', expected: 'a positive integer (pixels)', received: minSide });
  }

  const plan = resolvePlan(options);
  const estimate = buildEstimate(plan, width, height);
  const original: Size = { width, height };

  switch (estimate.rule) {
    case 'budget-grid':
      return adviseGrid(plan, original, estimate.columns, estimate.rows, estimate);
    case 'tiles':
    case 'tiles-plus-global':
      return adviseTiles(plan, original, estimate, minSide);
    case 'flat':
      // A small image under a tile rule is flat here but tiles when larger.
      return plan.kind === 'tiles' || plan.kind === 'tiles-plus-global'
        ? adviseTiles(plan, original, estimate, minSide)
        : adviseFlat(original, estimate);
  }
}

function adviseFlat(original: Size, estimate: ImageTokenEstimate): FlatResizeAdvice {
  return {
    kind: 'flat',
    original,
    estimate,
    recommended: { size: original, tokens: estimate.tokens, tokensSaved: 0 },
    downscaleSavesTokens: false,
    detailCeiling: undefined,
    confidence: estimate.confidence,
    summary: `${formatSize(original)} → ${estimate.tokens} tokens on ${estimate.model}: a flat ${estimate.tokens} tokens per image at any size, so resizing changes bandwidth and detail, never tokens.`,
  };
}

function adviseGrid(
  plan: ImageTokenPlan,
  original: Size,
  columns: number,
  rows: number,
  estimate: ImageTokenEstimate,
): BudgetGridResizeAdvice {
  const patch = GEMINI_3_ASSUMED_PATCH_SIDE_PX;
  const detailCeiling: Size = { width: columns * patch, height: rows * patch };
  let recommended: SizedTokens = { size: original, tokens: estimate.tokens, tokensSaved: 0 };
  if (original.width > detailCeiling.width && original.height > detailCeiling.height) {
    // Scale down until the tighter axis just covers the grid; integer arithmetic keeps it exact.
    const widthBinds = detailCeiling.width * original.height >= detailCeiling.height * original.width;
    const candidate: Size = widthBinds
      ? { width: detailCeiling.width, height: Math.ceil((original.height * detailCeiling.width) / original.width) }
      : { width: Math.ceil((original.width * detailCeiling.height) / original.height), height: detailCeiling.height };
    const tokens = countImageTokens(plan, candidate.width, candidate.height);
    if (tokens === estimate.tokens) recommended = { size: candidate, tokens, tokensSaved: 0 };
  }
  const beyond =
    recommended.size === original
      ? `it is already within the ${formatSize(detailCeiling)} the grid resolves (assuming ${patch} px per patch), so send it as is`
      : `beyond about ${formatSize(recommended.size)} (a ${columns} × ${rows} grid at an assumed ${patch} px per patch) more pixels cost only bandwidth`;

  return {
    kind: 'budget-grid',
    original,
    estimate,
    recommended,
    downscaleSavesTokens: false,
    detailCeiling,
    confidence: estimate.confidence,
    summary: `${formatSize(original)} → ${estimate.tokens} tokens on ${estimate.model} (a ${columns} × ${rows} grid set by the aspect ratio, not the size): downscaling never saves tokens; ${beyond}.`,
    assumedPatchSidePx: patch,
  };
}

function adviseTiles(
  plan: ImageTokenPlan,
  original: Size,
  estimate: ImageTokenEstimate,
  minSide: number,
): TiledResizeAdvice {
  const landscape = original.width >= original.height;
  const longSide = landscape ? original.width : original.height;
  const shortSide = landscape ? original.height : original.width;
  const tokens = estimate.tokens;

  let sameCostLong = longSide;
  let cheapestLong = longSide;
  let cheapestTokens = tokens;
  for (let candidateLong = longSide - 1; candidateLong >= 1; candidateLong -= 1) {
    const candidateShort = Math.max(1, Math.round((candidateLong * shortSide) / longSide));
    const candidateTokens = landscape
      ? countImageTokens(plan, candidateLong, candidateShort)
      : countImageTokens(plan, candidateShort, candidateLong);
    if (candidateTokens === tokens) sameCostLong = candidateLong;
    if (candidateShort >= minSide && candidateTokens < cheapestTokens) {
      cheapestTokens = candidateTokens;
      cheapestLong = candidateLong;
    }
  }

  const sizeAt = (long: number): Size => {
    const short = long === longSide ? shortSide : Math.max(1, Math.round((long * shortSide) / longSide));
    return landscape ? { width: long, height: short } : { width: short, height: long };
  };
  const sameCost: SizedTokens = { size: sizeAt(sameCostLong), tokens, tokensSaved: 0 };
  const cheapest: SizedTokens = { size: sizeAt(cheapestLong), tokens: cheapestTokens, tokensSaved: tokens - cheapestTokens };
  const detailCeiling = tileDetailCeiling(plan, original);
  const downscaleSavesTokens = cheapestTokens < tokens;

  let recommended = cheapest;
  if (!downscaleSavesTokens) {
    recommended = { size: original, tokens, tokensSaved: 0 };
    const ceilingFits =
      detailCeiling !== undefined &&
      detailCeiling.width < original.width &&
      Math.min(detailCeiling.width, detailCeiling.height) >= minSide;
    if (ceilingFits) {
      const ceilingTokens = countImageTokens(plan, detailCeiling.width, detailCeiling.height);
      if (ceilingTokens <= tokens) recommended = { size: detailCeiling, tokens: ceilingTokens, tokensSaved: tokens - ceilingTokens };
    }
  }

  const floor = minSide > 1 ? ` with a shorter side ≥ ${minSide} px` : '';
  const saving = downscaleSavesTokens
    ? `the cheapest downscale${floor} is ${formatSize(cheapest.size)} at ${cheapestTokens} tokens (saves ${cheapest.tokensSaved})`
    : `no downscale${floor} saves tokens`;
  const sameCostText =
    sameCostLong === longSide ? '' : `; ${formatSize(sameCost.size)} is the smallest size that still costs ${tokens}`;
  const ceiling =
    detailCeiling !== undefined && detailCeiling.width < original.width
      ? `; above ${formatSize(detailCeiling)} more pixels add no detail`
      : '';

  return {
    kind: 'tiles',
    original,
    estimate,
    recommended,
    downscaleSavesTokens,
    detailCeiling,
    confidence: estimate.confidence,
    summary: `${formatSize(original)} → ${tokens} tokens on ${estimate.model}: ${saving}${sameCostText}${ceiling}.`,
    sameCost,
    cheapest,
    minSide,
  };
}

/** Gemini 2.x: crop units above 768 px are downsampled, so a shorter side above 1152 px adds nothing. Gemini 1.5: images are scaled to fit 3072 px. */
function tileDetailCeiling(plan: ImageTokenPlan, original: Size): Size | undefined {
  const landscape = original.width >= original.height;
  const longSide = landscape ? original.width : original.height;
  const shortSide = landscape ? original.height : original.width;
  let scale: number;
  if (plan.kind === 'tiles') {
    scale = GEMINI_1_5_MAX_SIDE_PX / longSide;
  } else {
    scale = (GEMINI_TILE_SIDE_PX * 1.5) / shortSide;
  }
  if (scale >= 1) return undefined;
  const long = Math.max(1, Math.round(longSide * scale));
  const short = Math.max(1, Math.round(shortSide * scale));
  return landscape ? { width: long, height: short } : { width: short, height: long };
}

function formatSize(size: Size): string {
  return `${size.width}×${size.height}`;
}

function assertSide(argument: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > ADVISE_RESIZE_MAX_SIDE_PX) {
    throw new InvalidArgumentError({
      argument,
      expected: `a positive integer up to ${ADVISE_RESIZE_MAX_SIDE_PX} (pixels)`,
      received: value,
    });
  }
}
