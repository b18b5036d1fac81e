import { describe, expect, it } from 'vitest';

import { CliError } from '../cli-error';
import { parseSize } from './parse-size';

describe('parseSize', () => {
  it.each([
    { text: '1920x1080', width: 1920, height: 1080 },
    { text: '1920X1080', width: 1920, height: 1080 },
    { text: '1920×1080', width: 1920, height: 1080 },
    { text: ' 640 * 480 ', width: 640, height: 480 },
    { text: '1x1', width: 1, height: 1 },
  ])('reads $text as $width × $height', ({ text, width, height }) => {
    expect(parseSize(text, '--size')).toEqual({ width, height });
  });

  it.each(['1920', '0x10', '10x0', '-1x10', '1.5x2', 'axb', '', '1920x1080x3', '1234567x1'])('refuses %j with a usage error', (text) => {
    const failure = (() => {
      try {
        return parseSize(text, '--size');
      } catch (error) {
        return error;
      }
    })();

    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).exitCode).toBe(2);
    expect((failure as CliError).message).toContain('for `--size`');
  });
});
