const MAX_QUOTED_STRING_LENGTH = 40;

/**
 * Describes a value for an error message without dumping bulk content or secrets: numbers and
 * booleans as written, short strings quoted, everything else by shape only.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'string') {
    return value.length <= MAX_QUOTED_STRING_LENGTH
      ? JSON.stringify(value)
      : `a string of length ${value.length}`;
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value instanceof Uint8Array) return `a Uint8Array of ${value.byteLength} bytes`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${value.byteLength} bytes`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return 'an object';
}
