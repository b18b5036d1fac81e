const TOKENS = new Intl.NumberFormat('en-US');

/**
 * Formats a token count with thousands separators.
 *
 * @param tokens - A non-negative integer.
 * @returns E.g. `1,290`.
 *
 * @example
 * ```ts
 * formatTokens(1290); // => '1,290'
 * ```
 */
export function formatTokens(tokens: number): string {
  return TOKENS.format(tokens);
}

/**
 * Formats US dollars for people: cents for amounts of a dollar or more, four decimals down to
 * a cent, and three significant digits below that (a single image often costs a few
 * hundredths of a cent). `undefined` (no known price) is `n/a`.
 *
 * @param dollars - USD, unrounded.
 * @returns E.g. `$12.35`, `$0.0310`, `$0.0000774`, `n/a`.
 *
 * @example
 * ```ts
 * formatDollars(0.0000774); // => '$0.0000774'
 * ```
 */
export function formatDollars(dollars: number | undefined): string {
  if (dollars === undefined) return 'n/a';
  if (dollars === 0) return '$0';
  if (dollars >= 1) return `$${dollars.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (dollars >= 0.01) return `$${dollars.toFixed(4)}`;
  return `$${Number(dollars.toPrecision(3)).toFixed(Math.max(0, 2 - Math.floor(Math.log10(dollars))))}`;
}
