/**
 * Formats rows as CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes
 * doubled; lines end with `\n`.
 *
 * @param header - Column names.
 * @param rows - Values; `undefined` and `null` become empty fields, numbers are written in full
 * (`String(value)`).
 * @returns The CSV text, heading included, ending with a line break.
 *
 * @example
 * ```ts
 * formatCsv(['path', 'tokens'], [['a,b.jpg', 258]]); // => 'path,tokens\n"a,b.jpg",258\n'
 * ```
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(formatField).join(',')).join('\n') + '\n';
}

function formatField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
