/**
 * Gemini's `media_resolution` setting, lower-cased: how many tokens the model may spend on one
 * image.
 *
 * @remarks
 * On Gemini 3 and later it sets the patch budget of the grid (280 / 560 / 1120 / 2240 tokens);
 * `ultra_high` exists only there and only per part. On Gemini 1.5–2.5 `low` is a flat 66 tokens,
 * `medium` a flat 258 and `high` the tiled "Pan & Scan" view.
 *
 * @example
 * ```ts
 * const resolution: MediaResolution = 'low';
 * ```
 */
export type MediaResolution = 'low' | 'medium' | 'high' | 'ultra_high';

/**
 * The media resolution a token rule actually applied: one of {@link MediaResolution}, or
 * `'unspecified'` when the model's default (or a rule that ignores the setting) was used on a
 * model whose default is not one of the named levels.
 *
 * @example
 * ```ts
 * const applied: AppliedMediaResolution = 'unspecified'; // Gemini 2.5 at its default
 * ```
 */
export type AppliedMediaResolution = MediaResolution | 'unspecified';

/**
 * The service a request goes to. Gemini 2.5 bills images differently on the two.
 *
 * - `gemini-api`: the Gemini Developer API (Google AI Studio keys, `generativelanguage.googleapis.com`).
 * - `vertex-ai`: Vertex AI / Gemini Enterprise Agent Platform (`aiplatform.googleapis.com`).
 *
 * @example
 * ```ts
 * const backend: GeminiBackend = 'vertex-ai';
 * ```
 */
export type GeminiBackend = 'gemini-api' | 'vertex-ai';

/**
 * Which number an estimate predicts.
 *
 * - `billed`: the image tokens `generateContent` reports in `usageMetadata` and bills.
 * - `count-tokens`: what the `countTokens` endpoint returns, which under-reports images on
 *   Gemini 1.x–2.x (a flat 258) and matches billing on Gemini 3.
 *
 * @example
 * ```ts
 * const accounting: TokenAccounting = 'count-tokens';
 * ```
 */
export type TokenAccounting = 'billed' | 'count-tokens';

/**
 * How well an estimate is backed.
 *
 * - `measured`: real API responses match the rule exactly (see the calibration fixture).
 * - `documented`: Google's documentation states the rule, but no measurement confirms it.
 * - `inferred`: derived by this package from indirect evidence; may be off.
 *
 * @example
 * ```ts
 * const confidence: EstimateConfidence = 'measured';
 * ```
 */
export type EstimateConfidence = 'measured' | 'documented' | 'inferred';

/**
 * The image-token rule families, by model generation. Later majors (4.x, …) use the `'3'` rule.
 *
 * @example
 * ```ts
 * const generation: ModelGeneration = '2.5';
 * ```
 */
export type ModelGeneration = '1.0' | '1.5' | '2.0' | '2.5' | '3';
