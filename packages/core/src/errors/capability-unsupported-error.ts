import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link CapabilityUnsupportedError}.
 *
 * @example
 * ```ts
 * const options: CapabilityUnsupportedErrorOptions = { model: 'gemini-3-flash-preview', capability: 'segmentation masks', hint: 'Use gemini-2.5-flash.' };
 * ```
 */
export interface CapabilityUnsupportedErrorOptions extends GeminiVisionErrorOptions {
  /** The model id as the caller gave it. */
  readonly model: string;
  /** The missing capability as a noun phrase, e.g. `segmentation masks`. */
  readonly capability: string;
  /** One sentence saying what to do instead. */
  readonly hint: string;
}

/**
 * The chosen model cannot do what was asked — for example segmentation masks on Gemini 3, which
 * returns boxes only. Raised before anything is sent.
 *
 * @example
 * ```ts
 * throw new CapabilityUnsupportedError({
 *   model: 'gemini-3-flash-preview',
 *   capability: 'segmentation masks',
 *   hint: "Use a Gemini 2.5 model such as `gemini-2.5-flash`, or pass `onUnsupported: 'boxes'`.",
 * });
 * ```
 */
export class CapabilityUnsupportedError extends GeminiVisionError {
  override readonly name = 'CapabilityUnsupportedError';

  /** The model id as the caller gave it. */
  readonly model: string;
  /** The missing capability, e.g. `segmentation masks`. */
  readonly capability: string;

  constructor({ model, capability, hint, cause }: CapabilityUnsupportedErrorOptions) {
    super('CAPABILITY_UNSUPPORTED', `Expected a model that supports ${capability}, but \`${model}\` does not. ${hint}`, { cause });
    this.model = model;
    this.capability = capability;
  }

  /**
   * Tells whether `value` is a `CapabilityUnsupportedError` from any copy of this package.
   *
   * @example
   * ```ts
   * CapabilityUnsupportedError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is CapabilityUnsupportedError {
    return GeminiVisionError.isInstance(value) && value.code === 'CAPABILITY_UNSUPPORTED';
  }
}
