import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';

/**
 * Creates a commander option parser for a positive integer.
 *
 * @param flag - The flag's name for the error message, e.g. `--concurrency`.
 * @returns A parser that returns the integer.
 * @throws {@link CliError} (exit 2) From the parser, for anything that is not a positive integer.
 *
 * @example
 * ```ts
 * new Option('--concurrency <n>').argParser(parsePositiveInteger('--concurrency'));
 * ```
 */
export function parsePositiveInteger(flag: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\s*\d+\s*$/u.test(text) || !Number.isSafeInteger(value) || value < 1) {
      throw new CliError(`Expected a positive integer for \`${flag}\`, but received ${JSON.stringify(text)}.`, EXIT_CODES.usage);
    }
    return value;
  };
}

/**
 * Creates a commander option parser for a finite number within `[min, max]`.
 *
 * @param flag - The flag's name for the error message.
 * @param min - Smallest allowed value.
 * @param max - Largest allowed value.
 * @returns A parser that returns the number.
 * @throws {@link CliError} (exit 2) From the parser, for anything else.
 *
 * @example
 * ```ts
 * new Option('--fault-rate <r>').argParser(parseNumberInRange('--fault-rate', 0, 1));
 * ```
 */
export function parseNumberInRange(flag: string, min: number, max: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
      throw new CliError(
        `Expected a number from ${min} to ${max} for \`${flag}\`, but received ${JSON.stringify(text)}.`,
        EXIT_CODES.usage,
      );
    }
    return value;
  };
}

/**
 * Parses a dollar amount such as `0.50` or `$2`.
 *
 * @param text - The flag value.
 * @returns US dollars, a non-negative number.
 * @throws {@link CliError} (exit 2) For anything that is not a non-negative amount.
 *
 * @example
 * ```ts
 * parseDollars('$0.25'); // => 0.25
 * ```
 */
export function parseDollars(text: string): number {
  const value = Number(text.trim().replace(/^\$/u, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new CliError(`Expected a dollar amount such as 0.50 for \`--max-cost\`, but received ${JSON.stringify(text)}.`, EXIT_CODES.usage);
  }
  return value;
}

/**
 * Commander accumulator for repeatable options: appends each value (parsed by `parse`).
 *
 * @param parse - Turns one value into the stored item.
 * @returns The accumulator commander calls with `(value, previous)`.
 *
 * @example
 * ```ts
 * program.option('--size <WxH>', 'repeatable', collectValues((text) => parseSize(text, '--size')));
 * ```
 */
export function collectValues<Item>(parse: (text: string) => Item): (text: string, previous: readonly Item[] | undefined) => Item[] {
  return (text, previous) => [...(previous ?? []), parse(text)];
}
