/**
 * Prices of one consumption option, in US dollars per million tokens.
 *
 * @example
 * ```ts
 * const rates: PriceRates = { inputUsdPerMillionTokens: 0.3, outputUsdPerMillionTokens: 2.5 };
 * ```
 */
export interface PriceRates {
  /** Text, image and video input, USD per 1,000,000 tokens (images are billed at this rate). */
  readonly inputUsdPerMillionTokens: number;
  /** Output including thinking, USD per 1,000,000 tokens. */
  readonly outputUsdPerMillionTokens: number;
  /**
   * Input rate when the prompt exceeds {@link PriceTable.longContextThresholdTokens}.
   * @defaultValue the same as `inputUsdPerMillionTokens` (no long-context tier)
   */
  readonly longContextInputUsdPerMillionTokens?: number | undefined;
  /**
   * Output rate when the prompt exceeds {@link PriceTable.longContextThresholdTokens}.
   * @defaultValue the same as `outputUsdPerMillionTokens` (no long-context tier)
   */
  readonly longContextOutputUsdPerMillionTokens?: number | undefined;
}

/**
 * The price of one model family.
 *
 * @example
 * ```ts
 * DEFAULT_PRICE_TABLE.entries['gemini-2.5-flash']?.standard.inputUsdPerMillionTokens; // 0.3
 * ```
 */
export interface ModelPrice {
  /** The key this entry is stored under: a {@link ResolvedModel.priceKey} or an exact model id. */
  readonly key: string;
  /** The model ids the pricing page lists for this entry, for display. */
  readonly modelIds: readonly string[];
  /** Standard (interactive) rates. */
  readonly standard: PriceRates;
  /**
   * Batch API rates.
   * @defaultValue `undefined`: no batch price known, so batch estimates have no dollars
   */
  readonly batch?: PriceRates | undefined;
  /**
   * Caveats: shutdown dates, non-official sources, what an output rate covers.
   * @defaultValue `undefined`
   */
  readonly note?: string | undefined;
}

/**
 * A dated table of model prices; pass your own to {@link estimateRequestCost} to override.
 *
 * @example
 * ```ts
 * const prices: PriceTable = { ...DEFAULT_PRICE_TABLE, asOf: '2026-09-01', entries: { ...DEFAULT_PRICE_TABLE.entries } };
 * ```
 */
export interface PriceTable {
  /** The date the prices were read (ISO 8601). */
  readonly asOf: string;
  /** Where they were read. */
  readonly source: string;
  /** Currency of every rate. */
  readonly currency: 'USD';
  /** Prompts with more input tokens than this use the long-context rates (Pro models). */
  readonly longContextThresholdTokens: number;
  /** Prices by {@link ResolvedModel.priceKey} (e.g. `gemini-2.5-flash`) or by exact model id. */
  readonly entries: Readonly<Record<string, ModelPrice>>;
}

/**
 * Prompt size (input tokens) above which Pro models bill their long-context rates.
 *
 * @example
 * ```ts
 * const longContext = inputTokens > LONG_CONTEXT_THRESHOLD_TOKENS;
 * ```
 */
export const LONG_CONTEXT_THRESHOLD_TOKENS = 200_000;

const BATCH_NOTE = 'Batch input rates are as listed; batch output rates are 50 % of standard ("Batch API (50% cost reduction)").';

function price(
  key: string,
  modelIds: readonly string[],
  standard: PriceRates,
  batch: PriceRates | undefined,
  note?: string,
): ModelPrice {
  return Object.freeze({
    key,
    modelIds: Object.freeze([...modelIds]),
    standard: Object.freeze(standard),
    batch: batch === undefined ? undefined : Object.freeze(batch),
    note: note === undefined ? BATCH_NOTE : `${note} ${BATCH_NOTE}`,
  });
}

function rates(input: number, output: number, longInput?: number, longOutput?: number): PriceRates {
  return longInput === undefined
    ? { inputUsdPerMillionTokens: input, outputUsdPerMillionTokens: output }
    : {
        inputUsdPerMillionTokens: input,
        outputUsdPerMillionTokens: output,
        longContextInputUsdPerMillionTokens: longInput,
        longContextOutputUsdPerMillionTokens: longOutput,
      };
}

/**
 * Gemini Developer API paid-tier prices (USD per million tokens) as listed on
 * https://ai.google.dev/gemini-api/docs/pricing, "Last updated 2026-06-02 UTC".
 *
 * @remarks
 * Keyed by {@link ResolvedModel.priceKey}: `gemini-2.0-flash`, `gemini-2.0-flash-lite`,
 * `gemini-2.5-flash`, `gemini-2.5-flash-lite`, `gemini-2.5-pro`, `gemini-2.5-flash-image`,
 * `gemini-3-flash` (`gemini-3-flash-preview`), `gemini-3.1-flash-lite`, `gemini-3-pro`,
 * `gemini-3.1-pro`, `gemini-3-pro-image`, `gemini-3.5-flash`. Images are billed at the input rate.
 * Pro models have a long-context tier above {@link LONG_CONTEXT_THRESHOLD_TOKENS}. Models not listed
 * (Gemini 1.x, 3.6+, Gemini 4, Robotics-ER, TTS/live variants) have no entry, so estimates for
 * them carry `dollars: undefined` and a note rather than a guessed number. Vertex AI list prices
 * may differ. `gemini-3-pro` comes from a third-party copy of the January 2026 page (the model was
 * retired 2026-03-09).
 *
 * @example
 * ```ts
 * DEFAULT_PRICE_TABLE.entries['gemini-2.5-pro']?.standard.longContextInputUsdPerMillionTokens; // 2.5
 * ```
 */
export const DEFAULT_PRICE_TABLE: PriceTable = Object.freeze({
  asOf: '2026-06-02',
  source: 'https://ai.google.dev/gemini-api/docs/pricing',
  currency: 'USD',
  longContextThresholdTokens: LONG_CONTEXT_THRESHOLD_TOKENS,
  entries: Object.freeze({
    'gemini-2.0-flash': price('gemini-2.0-flash', ['gemini-2.0-flash', 'gemini-2.0-flash-001'], rates(0.1, 0.4), rates(0.05, 0.2), 'Shut down 2026-06-01. Audio input is $0.70.'),
    'gemini-2.0-flash-lite': price('gemini-2.0-flash-lite', ['gemini-2.0-flash-lite', 'gemini-2.0-flash-lite-001'], rates(0.075, 0.3), rates(0.0375, 0.15), 'Shut down 2026-06-01.'),
    'gemini-2.5-flash': price('gemini-2.5-flash', ['gemini-2.5-flash'], rates(0.3, 2.5), rates(0.15, 1.25), 'Audio input is $1.00.'),
    'gemini-2.5-flash-lite': price('gemini-2.5-flash-lite', ['gemini-2.5-flash-lite'], rates(0.1, 0.4), rates(0.05, 0.2), 'Audio input is $0.30.'),
    'gemini-2.5-pro': price('gemini-2.5-pro', ['gemini-2.5-pro'], rates(1.25, 10, 2.5, 15), rates(0.625, 5, 1.25, 7.5)),
    'gemini-2.5-flash-image': price('gemini-2.5-flash-image', ['gemini-2.5-flash-image'], rates(0.3, 30), rates(0.15, 15), 'The output rate is for generated images (1290 tokens, $0.039 per image).'),
    'gemini-3-flash': price('gemini-3-flash', ['gemini-3-flash-preview'], rates(0.5, 3), rates(0.25, 1.5), 'Audio input is $1.00.'),
    'gemini-3.1-flash-lite': price('gemini-3.1-flash-lite', ['gemini-3.1-flash-lite'], rates(0.25, 1.5), rates(0.125, 0.75), 'Audio input is $0.50.'),
    'gemini-3-pro': price('gemini-3-pro', ['gemini-3-pro-preview'], rates(2, 12, 4, 18), undefined, 'From a third-party copy of the January 2026 page; retired 2026-03-09 in favour of 3.1 Pro Preview.'),
    'gemini-3.1-pro': price('gemini-3.1-pro', ['gemini-3.1-pro-preview'], rates(2, 12, 4, 18), rates(1, 6, 2, 9)),
    'gemini-3-pro-image': price('gemini-3-pro-image', ['gemini-3-pro-image-preview'], rates(2, 120), rates(1, 60), 'An input image is 560 tokens (about $0.0011); the output rate is for generated images.'),
    'gemini-3.5-flash': price('gemini-3.5-flash', ['gemini-3.5-flash'], rates(1.5, 9), rates(0.75, 4.5)),
  }),
});
