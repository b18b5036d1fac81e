import { GeminiVisionError } from '@gemini-vision/core';

import { CliError } from '../cli-error';
import { EXIT_CODES, exitCodeForErrorCode, type ExitCode } from '../exit-codes';

/**
 * How the CLI reports one failure: the exit code, the line for people and the object for
 * programs.
 *
 * @example
 * ```ts
 * const report: ErrorReport = { exitCode: 4, message: '`out.png` exists. …', code: 'OUTPUT_EXISTS', details: [] };
 * ```
 */
export interface ErrorReport {
  /** The exit code to end with. */
  readonly exitCode: ExitCode;
  /** One line, no trailing line break: the error's own message, or an "unexpected error" sentence. */
  readonly message: string;
  /** The stable code for `--json`: a `GeminiVisionError` code, `CLI_ERROR`, or `UNEXPECTED`. */
  readonly code: string;
  /** With `debug`: the stack and the chain of causes, one line each; otherwise empty. */
  readonly details: readonly string[];
}

/**
 * Turns anything thrown into the CLI's one-line error report.
 *
 * @remarks
 * `GeminiVisionError` messages are printed as they are (they already say what was expected and
 * how to fix it) and mapped to an exit code with `exitCodeForErrorCode`; a {@link CliError}
 * keeps its own exit code; anything else is an unexpected error (exit 1) whose message says so
 * and suggests `--debug`. Stack traces and causes appear only with `debug`.
 *
 * @param error - What was thrown.
 * @param options - `debug: true` adds the stack and causes to `details`.
 * @returns The report.
 *
 * @example
 * ```ts
 * const report = formatError(new Error('boom'), { debug: false });
 * report.message; // => 'Unexpected error: boom. This is a bug in gemini-vision; rerun with --debug …'
 * ```
 */
export function formatError(error: unknown, options: { readonly debug: boolean }): ErrorReport {
  const details = options.debug ? describeChain(error) : [];
  if (GeminiVisionError.isInstance(error)) {
    return { exitCode: exitCodeForErrorCode(error.code), message: oneLine(error.message), code: error.code, details };
  }
  if (CliError.isInstance(error)) {
    return { exitCode: error.exitCode, message: oneLine(error.message), code: 'CLI_ERROR', details };
  }
  if (isAbort(error)) {
    return {
      exitCode: EXIT_CODES.interrupted,
      message: 'Interrupted.',
      code: 'ABORTED',
      details,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  const sentence = /[.!?]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`;
  return {
    exitCode: EXIT_CODES.unexpected,
    message: oneLine(
      `Unexpected error: ${sentence} This is a bug in gemini-vision; rerun with --debug to see the stack trace, and report it.`,
    ),
    code: 'UNEXPECTED',
    details,
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').trim();
}

function describeChain(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 8; depth += 1) {
    const prefix = depth === 0 ? '' : 'cause: ';
    if (current instanceof Error) {
      lines.push(...(current.stack ?? `${current.name}: ${current.message}`).split('\n').map((line, index) => (index === 0 ? prefix + line : line)));
      current = current.cause;
    } else {
      lines.push(`${prefix}${typeof current === 'string' ? current : JSON.stringify(current)}`);
      current = undefined;
    }
  }
  return lines;
}
