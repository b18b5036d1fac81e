/** A parsed JSON object (or any plain object read from a request body). */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Whether `value` is a non-null, non-array object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the first of `keys` that is present on `record`. The REST API accepts both the
 * lowerCamel and the snake_case spelling of every field (`inlineData` / `inline_data`).
 */
export function readField(record: JsonRecord, ...keys: readonly string[]): unknown {
  for (const key of keys) {
    if (Object.hasOwn(record, key)) return record[key];
  }
  return undefined;
}

/** Reads the first of `keys` that holds a string. */
export function readString(record: JsonRecord, ...keys: readonly string[]): string | undefined {
  const value = readField(record, ...keys);
  return typeof value === 'string' ? value : undefined;
}

/** Reads the first of `keys` that holds an object. */
export function readRecord(record: JsonRecord, ...keys: readonly string[]): JsonRecord | undefined {
  const value = readField(record, ...keys);
  return isRecord(value) ? value : undefined;
}

/** Reads the first of `keys` that holds an array. */
export function readArray(record: JsonRecord, ...keys: readonly string[]): readonly unknown[] | undefined {
  const value = readField(record, ...keys);
  return Array.isArray(value) ? (value as readonly unknown[]) : undefined;
}

/** Parses JSON text, returning `undefined` instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Serializes `value` with object keys sorted, so equal values give equal text. */
export function stringifyCanonically(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}
