import type { Size } from '@gemini-vision/core';

import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';

const SIZE_PATTERN = /^\s*(\d{1,6})\s*[x×X*]\s*(\d{1,6})\s*$/u;

/**
 * Parses an image size written as `WxH` (also `W×H` or `W*H`), in pixels.
 *
 * @param text - The flag value, e.g. `1920x1080`.
 * @param flag - The flag's name for the error message.
 * @returns The size.
 * @throws {@link CliError} (exit 2) If the text is not two positive integers separated by `x`.
 *
 * @example
 * ```ts
 * parseSize('1920x1080', '--size'); // => { width: 1920, height: 1080 }
 * ```
 */
export function parseSize(text: string, flag: string): Size {
  const match = SIZE_PATTERN.exec(text);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (match === null || width < 1 || height < 1) {
    throw new CliError(
      `Expected a size like 1920x1080 (width x height in pixels) for \`${flag}\`, but received ${JSON.stringify(text)}.`,
      EXIT_CODES.usage,
    );
  }
  return { width, height };
}
