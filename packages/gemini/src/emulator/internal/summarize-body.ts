import { isRecord } from './json-value';
import { sha256Hex } from './seeded-random';

const MAX_KEPT_STRING_LENGTH = 256;

/**
 * Copies a JSON body for the request log, replacing every string longer than 256 characters
 * (base64 images, masks, long prompts) with `<N chars sha256:0123abcd>` so the log stays small
 * while tests can still tell payloads apart.
 */
export function summarizeBody(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length <= MAX_KEPT_STRING_LENGTH ? value : `<${value.length} chars sha256:${sha256Hex(value).slice(0, 8)}>`;
  }
  if (Array.isArray(value)) return value.map(summarizeBody);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = summarizeBody(entry);
  return copy;
}
