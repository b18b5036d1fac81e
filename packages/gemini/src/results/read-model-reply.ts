import type { BilledUsage } from '../ledger/create-cost-ledger';

/**
 * The parts of a model reply the tasks use, whichever API carried it (`generateContent`, the
 * Interactions API, or a Batch API result).
 *
 * @example
 * ```ts
 * const reply: ModelReply = { text: '[]', finishReason: 'STOP', usage: undefined, modelVersion: undefined };
 * ```
 */
export interface ModelReply {
  /** The reply text (thought parts excluded), `''` when there is none. */
  readonly text: string;
  /**
   * Why generation stopped: `STOP`, `MAX_TOKENS`, `SAFETY`, … (`generateContent`), the block
   * reason when the prompt was blocked, or for the Interactions API `STOP` (`completed`),
   * `MAX_TOKENS` (`incomplete`) or the status upper-cased. `undefined` when not reported.
   */
  readonly finishReason: string | undefined;
  /** Usage as reported, or `undefined`. */
  readonly usage: BilledUsage | undefined;
  /** The model version that answered, when reported. */
  readonly modelVersion: string | undefined;
}

/**
 * Reads a `generateContent` response — the SDK's class or a plain object (Batch API inline
 * results and JSONL lines are plain objects without the `.text` getter).
 */
export function readGenerateContentReply(response: unknown): ModelReply {
  const record = asRecord(response);
  const candidates = Array.isArray(record['candidates']) ? record['candidates'] : [];
  const first = asRecord(candidates[0]);
  const parts = Array.isArray(asRecord(first['content'])['parts']) ? (asRecord(first['content'])['parts'] as unknown[]) : [];
  const text = parts
    .map(asRecord)
    .filter((part) => typeof part['text'] === 'string' && part['thought'] !== true)
    .map((part) => part['text'] as string)
    .join('');
  const blockReason = asRecord(record['promptFeedback'])['blockReason'];
  const finishReason =
    typeof first['finishReason'] === 'string' ? first['finishReason'] : typeof blockReason === 'string' ? blockReason : undefined;
  return {
    text,
    finishReason,
    usage: readUsageMetadata(record['usageMetadata']),
    modelVersion: typeof record['modelVersion'] === 'string' ? record['modelVersion'] : undefined,
  };
}

/** Reads `usageMetadata` into {@link BilledUsage}. */
export function readUsageMetadata(value: unknown): BilledUsage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const usage = asRecord(value);
  return {
    promptTokens: numberOrUndefined(usage['promptTokenCount']),
    outputTokens: numberOrUndefined(usage['candidatesTokenCount']),
    thoughtsTokens: numberOrUndefined(usage['thoughtsTokenCount']),
    totalTokens: numberOrUndefined(usage['totalTokenCount']),
    imageTokens: modalityTokens(usage['promptTokensDetails'], 'modality', 'tokenCount'),
    raw: value,
  };
}

/** Reads an Interactions API result (`steps[]`, `status`, `usage`). */
export function readInteractionReply(interaction: unknown): ModelReply {
  const record = asRecord(interaction);
  const steps = Array.isArray(record['steps']) ? record['steps'] : Array.isArray(record['outputs']) ? record['outputs'] : [];
  const texts: string[] = [];
  for (const step of steps.map(asRecord)) {
    if (step['type'] !== undefined && step['type'] !== 'model_output') continue;
    const content = Array.isArray(step['content']) ? step['content'] : [step];
    for (const item of content.map(asRecord)) {
      if ((item['type'] === undefined || item['type'] === 'text') && typeof item['text'] === 'string') texts.push(item['text']);
    }
  }
  const text = texts.length > 0 ? texts.join('') : typeof record['output_text'] === 'string' ? record['output_text'] : '';
  const status = record['status'];
  const finishReason =
    status === 'completed' ? 'STOP' : status === 'incomplete' ? 'MAX_TOKENS' : typeof status === 'string' ? status.toUpperCase() : undefined;
  const usage = record['usage'];
  return {
    text,
    finishReason,
    usage:
      typeof usage === 'object' && usage !== null
        ? {
            promptTokens: numberOrUndefined(asRecord(usage)['total_input_tokens']),
            outputTokens: numberOrUndefined(asRecord(usage)['total_output_tokens']),
            thoughtsTokens: numberOrUndefined(asRecord(usage)['total_thought_tokens']),
            totalTokens: numberOrUndefined(asRecord(usage)['total_tokens']),
            imageTokens: modalityTokens(asRecord(usage)['input_tokens_by_modality'], 'modality', 'tokens'),
            raw: usage,
          }
        : undefined,
    modelVersion: typeof record['model'] === 'string' ? record['model'] : undefined,
  };
}

function modalityTokens(list: unknown, modalityKey: string, countKey: string): number | undefined {
  if (!Array.isArray(list)) return undefined;
  let total: number | undefined;
  for (const entry of list.map(asRecord)) {
    const modality = entry[modalityKey];
    const count = entry[countKey] ?? entry['token_count'] ?? entry['tokenCount'];
    if (typeof modality === 'string' && modality.toUpperCase() === 'IMAGE' && typeof count === 'number') total = (total ?? 0) + count;
  }
  return total;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
