/**
 * The model every command uses unless `--model` says otherwise. Gemini 2.5 Flash: generally
 * available, priced, its image-token rule is measured, and it still returns segmentation masks
 * (Gemini 3 does not).
 *
 * @example
 * ```ts
 * new Option('-m, --model <id>').default(DEFAULT_MODEL);
 * ```
 */
export const DEFAULT_MODEL = 'gemini-2.5-flash';
