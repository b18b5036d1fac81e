import type { EmulatorFixture } from '../load-emulator-fixtures';
import { buildUsageMetadata, countPromptTokens, type UsageMetadata } from './count-usage';
import { generateModelText } from './generate-model-text';
import { matchFixture } from './match-fixture';
import type { ModelCall } from './model-call';

/** A model call's answer with its billed usage. */
export interface ModelAnswer {
  /** The reply text. */
  readonly text: string;
  /** `STOP`, a fixture's own reason, or `MAX_TOKENS` when truncated. */
  readonly finishReason: string;
  /** The fixture that answered, if one did. */
  readonly fixtureId: string | undefined;
  /** Usage as `generateContent` bills it. */
  readonly usage: UsageMetadata;
  /** Whether the text was cut. */
  readonly truncated: boolean;
}

/** Answers a call from the fixtures, else with a generated reply; optionally truncated. */
export function answerModelCall(call: ModelCall, fixtures: readonly EmulatorFixture[], truncate: boolean): ModelAnswer {
  const prompt = countPromptTokens(call, 'billed');
  const fixture = matchFixture(call, fixtures);
  const fullText = fixture?.text ?? generateModelText(call).text;
  const text = truncate ? truncateModelText(fullText) : fullText;
  return {
    text,
    finishReason: truncate ? 'MAX_TOKENS' : (fixture?.finishReason ?? 'STOP'),
    fixtureId: fixture?.id,
    usage: buildUsageMetadata(prompt, text),
    truncated: truncate,
  };
}

/**
 * Cuts a reply the way a `maxOutputTokens` stop does: inside the JSON item around 60 % of the
 * text (a few characters after its opening brace), or at 60 % of prose.
 */
export function truncateModelText(text: string): string {
  if (text.length < 2) return '';
  const middle = Math.floor(text.length * 0.6);
  const itemStart = text.lastIndexOf('{', middle);
  if (itemStart <= 0) return text.slice(0, Math.max(1, middle));
  return text.slice(0, Math.min(text.length - 1, itemStart + 12));
}

/** The `GenerateContentResponse` for an answer. */
export function buildGenerateContentResponse(answer: ModelAnswer, model: string, responseId: string): Record<string, unknown> {
  return {
    candidates: [
      {
        content: { role: 'model', parts: [{ text: answer.text }] },
        finishReason: answer.finishReason,
        index: 0,
      },
    ],
    usageMetadata: answer.usage,
    modelVersion: model,
    responseId,
  };
}

/** Splits an answer into up to four stream chunks; the last carries the finish reason and usage. */
export function buildStreamChunks(answer: ModelAnswer, model: string, responseId: string): Record<string, unknown>[] {
  const count = Math.max(1, Math.min(4, answer.text.length));
  const size = Math.ceil(answer.text.length / count);
  const pieces = Array.from({ length: count }, (_, index) => answer.text.slice(index * size, (index + 1) * size));
  return pieces.map((piece, index) => {
    const last = index === pieces.length - 1;
    return {
      candidates: [
        {
          content: { role: 'model', parts: [{ text: piece }] },
          ...(last ? { finishReason: answer.finishReason } : {}),
          index: 0,
        },
      ],
      ...(last ? { usageMetadata: answer.usage } : {}),
      modelVersion: model,
      responseId,
    };
  });
}
