import {
  ADVISE_RESIZE_MAX_SIDE_PX,
  adviseResize,
  estimateImageTokens,
  estimateRequestCost,
  GeminiVisionError,
  resolveModel,
  type GeminiBackend,
  type ImageTokenEstimate,
  type MediaResolution,
  type RequestCostEstimate,
  type ResizeAdvice,
  type ResolvedModel,
  type Size,
} from '@gemini-vision/core';

import { computeTokenOverlay, type TokenOverlay } from './compute-token-overlay';

/** The media-resolution control: the model's default, or one of the four levels. */
export type MediaResolutionChoice = 'default' | MediaResolution;

/** What the calculator's controls hold. */
export interface CalculatorInput {
  /** The image as displayed (after EXIF orientation), in pixels. */
  readonly size: Size;
  /** Any model id; resolved with core's `resolveModel`. */
  readonly model: string;
  /** Media resolution of the image part. */
  readonly mediaResolution: MediaResolutionChoice;
  /** Gemini API or Vertex AI. */
  readonly backend: GeminiBackend;
  /** How many images like this one to price (a positive integer). */
  readonly imageCount: number;
  /**
   * Detail floor for the resize advice: a suggested downscale keeps the shorter side at least this long.
   * @defaultValue `1` (no floor)
   */
  readonly minSide?: number | undefined;
}

/** A core error, as the calculator shows it. */
export interface CalculatorError {
  /** The error class, e.g. `UnknownModelError`. */
  readonly name: string;
  /** Its stable code, e.g. `UNKNOWN_MODEL`. */
  readonly code: string;
  /** Its message (says what was expected and how to fix it). */
  readonly message: string;
}

/** Everything the calculator shows for one input. */
export interface CalculatorResult {
  /** The model as core resolved it. */
  readonly model: ResolvedModel;
  /** Tokens of one image, the rule, its inputs, explanation and confidence. */
  readonly estimate: ImageTokenEstimate;
  /** `estimate.tokens × imageCount`. */
  readonly totalTokens: number;
  /** One image at standard rates (input only). */
  readonly standard: RequestCostEstimate;
  /** One image at Batch API rates (input only). */
  readonly batch: RequestCostEstimate;
  /** Input dollars of `imageCount` images at standard rates, or `undefined` when not priced. */
  readonly standardTotal: number | undefined;
  /** Input dollars of `imageCount` images at Batch API rates, or `undefined` when not priced. */
  readonly batchTotal: number | undefined;
  /** Resize advice, or `undefined` when a side exceeds what `adviseResize` scans. */
  readonly advice: ResizeAdvice | undefined;
  /** The tiles or grid to draw over the image. */
  readonly overlay: TokenOverlay;
  /** The caveats core attached to the price, without duplicates. */
  readonly notes: readonly string[];
}

/** Either a result or the typed error core threw for this input. */
export type CalculatorOutcome =
  | { readonly ok: true; readonly result: CalculatorResult }
  | { readonly ok: false; readonly error: CalculatorError };

/**
 * Runs core for the calculator: image tokens, dollars at standard and Batch API rates, resize
 * advice and the overlay, or the typed error core throws (an unknown model, `ultra_high` before
 * Gemini 3, a bad size).
 *
 * @param input - The calculator's controls.
 * @returns The result, or the error to show.
 * @throws Whatever is not a `GeminiVisionError` (a bug, not a user mistake).
 */
export function calculateImageCost(input: CalculatorInput): CalculatorOutcome {
  try {
    return { ok: true, result: calculate(input) };
  } catch (error) {
    if (GeminiVisionError.isInstance(error)) {
      return { ok: false, error: { name: error.name, code: error.code, message: error.message } };
    }
    throw error;
  }
}

function calculate(input: CalculatorInput): CalculatorResult {
  const model = resolveModel(input.model);
  const choice = input.mediaResolution === 'default' ? undefined : input.mediaResolution;
  // The single-image estimate first: its errors are the most specific (`ultra_high` before Gemini 3).
  const estimate = estimateImageTokens(input.size, { model: input.model, backend: input.backend, mediaResolution: choice });
  // Gemini 3 takes media resolution per image part (`ultra_high` only there); older models only
  // request-wide, in generationConfig.
  const perPart = model.capabilities.supportsPerPartMediaResolution || choice === 'ultra_high';
  const image = perPart && choice !== undefined ? { size: input.size, mediaResolution: choice } : { size: input.size };
  const requestWide = perPart ? undefined : choice;
  const options = { model: input.model, backend: input.backend, mediaResolution: requestWide, images: [image] };

  const standard = estimateRequestCost(options);
  const batch = estimateRequestCost({ ...options, batch: true });

  const fitsAdvice = Math.max(input.size.width, input.size.height) <= ADVISE_RESIZE_MAX_SIDE_PX;
  const advice = fitsAdvice
    ? adviseResize(input.size, { model: input.model, backend: input.backend, mediaResolution: choice, minSide: input.minSide })
    : undefined;
  const count = input.imageCount;

  return {
    model,
    estimate,
    totalTokens: estimate.tokens * count,
    standard,
    batch,
    standardTotal: standard.dollars === undefined ? undefined : standard.dollars.input * count,
    batchTotal: batch.dollars === undefined ? undefined : batch.dollars.input * count,
    advice,
    overlay: computeTokenOverlay(estimate, input.size),
    notes: [...new Set([...standard.notes, ...batch.notes])],
  };
}
