import { describe, expect, it } from 'vitest';

import { ImageUnreadableError, InvalidArgumentError } from '@gemini-vision/core';

import { CliError } from '../cli-error';
import { formatError } from './format-error';

describe('formatError', () => {
  it('prints a GeminiVisionError message as it is, with its code and mapped exit code', () => {
    const error = new ImageUnreadableError({ source: 'a.jpg', reason: 'the file does not exist' });

    expect(formatError(error, { debug: false })).toEqual({
      exitCode: 3,
      message: 'Could not read the image `a.jpg`: the file does not exist.',
      code: 'IMAGE_UNREADABLE',
      details: [],
    });
  });

  it('keeps the exit code of a CliError', () => {
    expect(formatError(new CliError('`out.png` already exists.', 4), { debug: false })).toMatchObject({ exitCode: 4, code: 'CLI_ERROR' });
  });

  it('says an unexpected error is unexpected and suggests --debug, without a stack', () => {
    const report = formatError(new TypeError("Cannot read properties of undefined (reading 'x')"), { debug: false });

    expect(report.exitCode).toBe(1);
    expect(report.message).toBe(
      "Unexpected error: Cannot read properties of undefined (reading 'x'). This is a bug in gemini-vision; rerun with --debug to see the stack trace, and report it.",
    );
    expect(report.details).toEqual([]);
  });

  it('adds the stack and the causes with debug', () => {
    const error = new InvalidArgumentError({ argument: 'x', expected: 'a number', received: 'y', cause: new Error('root cause') });

    const report = formatError(error, { debug: true });

    expect(report.details[0]).toMatch(/^InvalidArgumentError: Expected a number for `x`/u);
    expect(report.details.some((line) => line.startsWith('    at '))).toBe(true);
    expect(report.details).toContain('cause: Error: root cause');
  });

  it('turns an interruption into exit 130', () => {
    const abort = new Error('Interrupted by SIGINT.');
    abort.name = 'AbortError';

    expect(formatError(abort, { debug: false })).toMatchObject({ exitCode: 130, message: 'Interrupted.' });
  });

  it('folds a multi-line message into one line', () => {
    expect(formatError(new CliError('first\n  second', 2), { debug: false }).message).toBe('first second');
  });

  it('describes a thrown non-error', () => {
    expect(formatError('boom', { debug: false }).message).toMatch(/^Unexpected error: boom\. /u);
  });
});
