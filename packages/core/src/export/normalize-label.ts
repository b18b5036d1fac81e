import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertOneOf } from '../internal/assert';

/**
 * How labels are turned into class names.
 *
 * - `'verbatim'`: exactly as the model wrote them; `'cat'` and `'cat '` are two classes.
 * - `'nfkc-trim'`: Unicode NFKC normalization (full-width letters and digits become ASCII,
 *   compatibility ligatures split) and leading/trailing whitespace removed. Case is kept.
 *
 * @example
 * ```ts
 * const normalization: LabelNormalization = 'nfkc-trim';
 * ```
 */
export type LabelNormalization = 'verbatim' | 'nfkc-trim';

const LABEL_NORMALIZATIONS: readonly LabelNormalization[] = ['verbatim', 'nfkc-trim'];

/**
 * Normalizes a label as `normalization` says.
 *
 * @param label - A label as the model returned it.
 * @param normalization - See {@link LabelNormalization}.
 * @returns The class name.
 * @throws {@link InvalidArgumentError} If `label` is not a string or `normalization` is unknown.
 *
 * @example
 * ```ts
 * normalizeLabel(' Ｃａｔ ', 'nfkc-trim'); // => 'Cat'
 * ```
 */
export function normalizeLabel(label: string, normalization: LabelNormalization): string {
  assertLabelString('label', label);
  assertLabelNormalization('normalization', normalization);
  return normalization === 'nfkc-trim' ? label.normalize('NFKC').trim() : label;
}

/** Throws unless `value` is a {@link LabelNormalization}. */
export function assertLabelNormalization(argument: string, value: unknown): asserts value is LabelNormalization {
  assertOneOf(argument, value, LABEL_NORMALIZATIONS);
}

/** Throws unless `value` is a string. */
export function assertLabelString(argument: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw new InvalidArgumentError({ argument, expected: 'a string label', received: value });
  }
}

/** Unique names in UTF-16 code-unit order: the same on every runtime and locale. */
export function sortNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}
