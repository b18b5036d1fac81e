import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { Size } from '../geometry/types';
import { DEFAULT_PRICE_TABLE, type ModelPrice, type PriceRates, type PriceTable } from './default-price-table';
import { buildEstimate, resolvePlan, type ImageTokenEstimate } from './estimate-image-tokens';
import { estimateTextTokens } from './estimate-text-tokens';
import { findModelPrice } from './find-model-price';
import { resolveModel, type ResolvedModel } from './resolve-model';
import type { EstimateConfidence, GeminiBackend, MediaResolution, TokenAccounting } from './types';

/**
 * One image of a request.
 *
 * @example
 * ```ts
 * const image: RequestImage = { size: { width: 1920, height: 1080 }, mediaResolution: 'low' };
 * ```
 */
export interface RequestImage {
  /** Pixels as displayed (after EXIF orientation); positive integers. */
  readonly size: Size;
  /**
   * Media resolution of this image part. Only Gemini 3 and later accept a per-part setting.
   * @defaultValue the request's `mediaResolution`
   */
  readonly mediaResolution?: MediaResolution | undefined;
}

/**
 * Options of {@link estimateRequestCost}.
 *
 * @example
 * ```ts
 * const options: EstimateRequestCostOptions = { model: 'gemini-2.5-pro', text: { tokens: 250_000 }, batch: true };
 * ```
 */
export interface EstimateRequestCostOptions {
  /** Gemini model id (see {@link resolveModel}). */
  readonly model: string;
  /**
   * The images of the request.
   * @defaultValue `[]`
   */
  readonly images?: readonly RequestImage[] | undefined;
  /**
   * The prompt text, approximated at ~4 characters per token, or an exact count from
   * `countTokens` as `{ tokens }`.
   * @defaultValue no text
   */
  readonly text?: string | { readonly tokens: number } | undefined;
  /**
   * Expected output tokens, thinking included.
   * @defaultValue `0`
   */
  readonly outputTokens?: number | undefined;
  /**
   * Request-wide media resolution (`generationConfig.mediaResolution`). `ultra_high` is per part
   * only, so set it on the image instead.
   * @defaultValue the model's default
   */
  readonly mediaResolution?: MediaResolution | undefined;
  /**
   * Where the request goes.
   * @defaultValue `'gemini-api'`
   */
  readonly backend?: GeminiBackend | undefined;
  /**
   * Estimate billed tokens or the `countTokens` figure.
   * @defaultValue `'billed'`
   */
  readonly accounting?: TokenAccounting | undefined;
  /**
   * Price at Batch API rates instead of standard ones.
   * @defaultValue `false`
   */
  readonly batch?: boolean | undefined;
  /**
   * The price table to use.
   * @defaultValue {@link DEFAULT_PRICE_TABLE}
   */
  readonly prices?: PriceTable | undefined;
}

/**
 * Dollar amounts of a request, in US dollars (not rounded).
 *
 * @example
 * ```ts
 * const dollars: RequestDollars = { input: 0.0003, output: 0.0025, total: 0.0028 };
 * ```
 */
export interface RequestDollars {
  /** Input tokens × input rate, USD. */
  readonly input: number;
  /** Output tokens × output rate, USD. */
  readonly output: number;
  /** `input + output`, USD. */
  readonly total: number;
}

/**
 * What {@link estimateRequestCost} returns.
 *
 * @example
 * ```ts
 * const estimate: RequestCostEstimate = estimateRequestCost({ model: 'gemini-2.5-flash', text: 'Hi' });
 * ```
 */
export interface RequestCostEstimate {
  /** The resolved model. */
  readonly model: ResolvedModel;
  /** One estimate per image, in request order. */
  readonly images: readonly ImageTokenEstimate[];
  /** Sum of the image tokens. */
  readonly imageTokens: number;
  /** Text tokens: exact when given as `{ tokens }`, else approximated. */
  readonly textTokens: number;
  /** `imageTokens + textTokens`: the prompt size that sets the price tier. */
  readonly inputTokens: number;
  /** Output tokens as given. */
  readonly outputTokens: number;
  /** `long-context` when the prompt exceeds the table's threshold and the model has such rates. */
  readonly tier: 'standard' | 'long-context';
  /** Which rates were used. */
  readonly pricing: 'standard' | 'batch';
  /** The price entry used, or `undefined` when the table does not price this model. */
  readonly price: ModelPrice | undefined;
  /** The date of the price table (ISO 8601). */
  readonly priceAsOf: string;
  /** Where the price table comes from. */
  readonly priceSource: string;
  /** Dollars, or `undefined` when no price (or no batch price) is known. Never a guess. */
  readonly dollars: RequestDollars | undefined;
  /** The weakest confidence among the image estimates and the text count. */
  readonly confidence: EstimateConfidence;
  /** Caveats worth showing next to the figures. */
  readonly notes: readonly string[];
}

const CONFIDENCE_RANK: Readonly<Record<EstimateConfidence, number>> = { measured: 0, documented: 1, inferred: 2 };

/**
 * Estimates the input and output tokens of one `generateContent` request and what it costs.
 *
 * @remarks
 * Image tokens come from {@link estimateImageTokens}; text tokens from `text.tokens` when given
 * (exact, e.g. from `countTokens`) or from {@link estimateTextTokens} (~4 characters per token,
 * confidence `inferred`). Dollars use the rates of the model's entry in `prices` (see
 * {@link findModelPrice}): Batch API rates when `batch` is true, and the long-context rates when the
 * prompt exceeds `prices.longContextThresholdTokens` (200,000) on models that have them (2.5 Pro,
 * 3 and 3.1 Pro). The whole prompt and its output are billed at the tier the prompt size selects.
 * When the table has no entry, `dollars` is `undefined` and `notes` says so. Per-image media
 * resolution is a Gemini 3 feature; on older models set the request-wide `mediaResolution`.
 * Pure.
 *
 * @param options - Model, images, text, output tokens, backend, accounting, batch and prices.
 * @returns Token counts, dollars and the price entry used.
 * @throws {@link InvalidArgumentError} If an image size, count or option is invalid, an image sets
 * its own `mediaResolution` on a model before Gemini 3, or `ultra_high` is set request-wide.
 * @throws {@link UnknownModelError} If `options.model` is not a Gemini model id.
 *
 * @example
 * ```ts
 * const estimate = estimateRequestCost({
 *   model: 'gemini-2.5-flash',
 *   images: [{ size: { width: 1024, height: 768 } }],
 *   text: { tokens: 42 },
 *   outputTokens: 200,
 * });
 * estimate.inputTokens;   // 300
 * estimate.dollars?.total; // 0.00059
 * ```
 */
export function estimateRequestCost(options: EstimateRequestCostOptions): RequestCostEstimate {
  const model = resolveModel(options.model);
  const imagesInput: unknown = options.images ?? [];
  if (!Array.isArray(imagesInput)) {
    throw new InvalidArgumentError({ argument: 'options.images', expected: 'an array of { size, mediaResolution? }', received: imagesInput });
  }
  const images = options.images ?? [];
  const outputTokens = options.outputTokens ?? 0;
  assertTokenCount('options.outputTokens', outputTokens);
  const prices = options.prices ?? DEFAULT_PRICE_TABLE;
  const batch = options.batch ?? false;
  const requestResolution = options.mediaResolution;
  if (requestResolution === 'ultra_high') {
    throw new InvalidArgumentError({
      argument: 'options.mediaResolution',
      expected: "'low', 'medium' or 'high' request-wide",
      received: requestResolution,
      hint: '`ultra_high` can only be set per image part on Gemini 3 and later: set it on `images[i].mediaResolution`.',
    });
  }
  const notes: string[] = [];
  if (model.note !== undefined) notes.push(model.note);

  const estimates: ImageTokenEstimate[] = [];
  let imageTokens = 0;
  let confidence: EstimateConfidence = 'measured';
  images.forEach((image, index) => {
    const estimate = estimateImage(image, index, model, options);
    estimates.push(estimate);
    imageTokens += estimate.tokens;
    confidence = weaker(confidence, estimate.confidence);
  });

  const text = options.text;
  let textTokens = 0;
  if (typeof text === 'string') {
    textTokens = estimateTextTokens(text);
    if (textTokens > 0) {
      confidence = weaker(confidence, 'inferred');
      notes.push('Text tokens are approximated at ~4 characters per token; pass `text: { tokens }` from countTokens for an exact figure.');
    }
  } else if (text !== undefined) {
    assertTokenCount('options.text.tokens', (text as { tokens?: unknown } | null)?.tokens);
    textTokens = text.tokens;
  }

  const inputTokens = imageTokens + textTokens;
  const price = findModelPrice(model, prices);
  const rates = price === undefined ? undefined : batch ? price.batch : price.standard;
  const longContext =
    inputTokens > prices.longContextThresholdTokens && rates?.longContextInputUsdPerMillionTokens !== undefined;

  if (price === undefined) {
    notes.push(
      `The price table of ${prices.asOf} has no entry for \`${model.priceKey}\`, so dollars are undefined; pass \`prices\` with an entry for it.`,
    );
  } else {
    if (price.note !== undefined) notes.push(price.note);
    if (rates === undefined) notes.push(`No Batch API price is known for \`${price.key}\`, so dollars are undefined.`);
  }
  if (options.backend === 'vertex-ai') notes.push('Prices are the Gemini Developer API list prices; Vertex AI prices may differ.');
  if (options.accounting === 'count-tokens') {
    notes.push('These are countTokens figures, which under-report images on Gemini 1.x–2.x; billing may be higher.');
  }

  return {
    model,
    images: estimates,
    imageTokens,
    textTokens,
    inputTokens,
    outputTokens,
    tier: longContext ? 'long-context' : 'standard',
    pricing: batch ? 'batch' : 'standard',
    price,
    priceAsOf: prices.asOf,
    priceSource: prices.source,
    dollars: rates === undefined ? undefined : computeDollars(rates, inputTokens, outputTokens, longContext),
    confidence,
    notes,
  };
}

function estimateImage(
  image: RequestImage,
  index: number,
  model: ResolvedModel,
  options: EstimateRequestCostOptions,
): ImageTokenEstimate {
  const path = `images[${index}]`;
  const size: unknown = (image as Partial<RequestImage> | null | undefined)?.size;
  if (typeof size !== 'object' || size === null) {
    throw new InvalidArgumentError({ argument: `${path}.size`, expected: 'an object { width, height } in pixels', received: size });
  }
  const { width, height } = size as Partial<Size>;
  assertSide(`${path}.size.width`, width);
  assertSide(`${path}.size.height`, height);

  const partResolution = image.mediaResolution;
  if (
    partResolution !== undefined &&
    partResolution !== options.mediaResolution &&
    !model.capabilities.supportsPerPartMediaResolution
  ) {
    throw new InvalidArgumentError({
      argument: `${path}.mediaResolution`,
      expected: `no per-image setting on \`${model.baseId}\``,
      received: partResolution,
      hint: 'Per-part media resolution is a Gemini 3 feature; set the request-wide `mediaResolution` instead.',
    });
  }

  const plan = resolvePlan({
    model: options.model,
    mediaResolution: partResolution ?? options.mediaResolution,
    backend: options.backend,
    accounting: options.accounting,
  });
  return buildEstimate(plan, width, height);
}

function computeDollars(rates: PriceRates, inputTokens: number, outputTokens: number, longContext: boolean): RequestDollars {
  const inputRate = longContext
    ? (rates.longContextInputUsdPerMillionTokens ?? rates.inputUsdPerMillionTokens)
    : rates.inputUsdPerMillionTokens;
  const outputRate = longContext
    ? (rates.longContextOutputUsdPerMillionTokens ?? rates.outputUsdPerMillionTokens)
    : rates.outputUsdPerMillionTokens;
  const input = (inputTokens * inputRate) / 1_000_000;
  const output = (outputTokens * outputRate) / 1_000_000;
  return { input, output, total: input + output };
}

function weaker(current: EstimateConfidence, next: EstimateConfidence): EstimateConfidence {
  return CONFIDENCE_RANK[next] > CONFIDENCE_RANK[current] ? next : current;
}

function assertSide(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError({ argument, expected: 'a positive integer (pixels)', received: value });
  }
}

function assertTokenCount(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError({ argument, expected: 'a whole number of tokens ≥ 0', received: value });
  }
}
