import { estimateImageTokens, estimateTextTokens, InvalidArgumentError, type TokenAccounting } from '@gemini-vision/core';

import { invalidArgument } from './google-error';
import type { ModelCall } from './model-call';

/** Tokens per modality, as the API lists them in `promptTokensDetails`. */
export interface ModalityTokenCount {
  /** `TEXT` or `IMAGE`. */
  readonly modality: 'TEXT' | 'IMAGE';
  /** Tokens of that modality. */
  readonly tokenCount: number;
}

/** The prompt side of a call's usage. */
export interface PromptTokens {
  /** Sum of the image estimates. */
  readonly imageTokens: number;
  /** Sum of the text estimates (system instruction included). */
  readonly textTokens: number;
  /** `imageTokens + textTokens`. */
  readonly promptTokenCount: number;
  /** Non-zero modalities, text first. */
  readonly details: readonly ModalityTokenCount[];
}

/** The `usageMetadata` object of a `GenerateContentResponse`. */
export interface UsageMetadata {
  /** Prompt tokens. */
  readonly promptTokenCount: number;
  /** Tokens of the reply text. */
  readonly candidatesTokenCount: number;
  /** Thinking tokens: always 0 in the emulator. */
  readonly thoughtsTokenCount: number;
  /** `prompt + candidates + thoughts`. */
  readonly totalTokenCount: number;
  /** Prompt tokens per modality. */
  readonly promptTokensDetails: readonly ModalityTokenCount[];
  /** Reply tokens per modality. */
  readonly candidatesTokensDetails: readonly ModalityTokenCount[];
}

/**
 * Counts a call's prompt with core's estimators: `estimateImageTokens` per image (the part's
 * media resolution, else the request's) and `estimateTextTokens` per text part.
 *
 * @throws GoogleErrorResponse 400 when core rejects a setting (e.g. `ultra_high` before Gemini 3).
 */
export function countPromptTokens(call: ModelCall, accounting: TokenAccounting): PromptTokens {
  let imageTokens = 0;
  for (const image of call.images) {
    const mediaResolution = image.mediaResolution ?? call.mediaResolution;
    try {
      imageTokens += estimateImageTokens(
        { width: image.width, height: image.height },
        { model: call.model, accounting, ...(mediaResolution === undefined ? {} : { mediaResolution }) },
      ).tokens;
    } catch (error) {
      if (InvalidArgumentError.isInstance(error)) {
        throw invalidArgument(`Media resolution ${mediaResolution ?? 'default'} is not supported by models/${call.model}.`);
      }
      throw error;
    }
  }
  let textTokens = 0;
  for (const text of [...call.systemTexts, ...call.texts]) textTokens += estimateTextTokens(text);

  const details: ModalityTokenCount[] = [];
  if (textTokens > 0) details.push({ modality: 'TEXT', tokenCount: textTokens });
  if (imageTokens > 0) details.push({ modality: 'IMAGE', tokenCount: imageTokens });
  return { imageTokens, textTokens, promptTokenCount: imageTokens + textTokens, details };
}

/** Builds `usageMetadata` for a reply. */
export function buildUsageMetadata(prompt: PromptTokens, replyText: string): UsageMetadata {
  const candidatesTokenCount = estimateTextTokens(replyText);
  return {
    promptTokenCount: prompt.promptTokenCount,
    candidatesTokenCount,
    thoughtsTokenCount: 0,
    totalTokenCount: prompt.promptTokenCount + candidatesTokenCount,
    promptTokensDetails: prompt.details,
    candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: candidatesTokenCount }],
  };
}
