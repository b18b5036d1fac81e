const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const centsFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const smallFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 3,
});

/**
 * Formats a whole number of tokens or pixels with thousands separators: `1,100`.
 *
 * @param value - A finite number.
 * @returns The formatted number (en-US, so server and browser render the same text).
 */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/**
 * Formats US dollars: cents from $1 up (`$12.90`), three significant digits below (`$0.000129`).
 *
 * @param value - Dollars, or `undefined` when no price is known.
 * @returns The formatted amount, or `no price` for `undefined`.
 */
export function formatDollars(value: number | undefined): string {
  if (value === undefined) return 'no price';
  if (value === 0) return '$0';
  return value >= 1 ? centsFormat.format(value) : smallFormat.format(value);
}
