import { InvalidArgumentError } from '../errors/invalid-argument-error';

/**
 * Characters per text token assumed by {@link estimateTextTokens}, from Google's rule of thumb
 * ("a token is equivalent to about 4 characters; 100 tokens are about 60–80 English words").
 *
 * @example
 * ```ts
 * const roughTokens = Math.ceil(prompt.length / CHARACTERS_PER_TEXT_TOKEN);
 * ```
 */
export const CHARACTERS_PER_TEXT_TOKEN = 4;

/**
 * Approximates the input tokens of a text prompt as `ceil(length / 4)` (UTF-16 code units).
 *
 * @remarks
 * Confidence: `inferred`. Google documents about 4 characters per token for English; code, JSON,
 * numbers and most non-Latin scripts use more tokens per character, so treat the result as a
 * rough figure (often ±25 % for English prose, and it can under-count CJK text by 2× or more). For exact
 * counts call `countTokens` and pass the figure as `text: { tokens }` to
 * {@link estimateRequestCost}. Pure.
 *
 * @param text - The prompt text.
 * @returns Estimated tokens: 0 for an empty string, otherwise at least 1.
 * @throws {@link InvalidArgumentError} If `text` is not a string.
 *
 * @example
 * ```ts
 * estimateTextTokens('Describe this image.'); // 5
 * ```
 */
export function estimateTextTokens(text: string): number {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError({ argument: 'text', expected: 'a string', received: text });
  }
  return Math.ceil(text.length / CHARACTERS_PER_TEXT_TOKEN);
}
