// An in-memory CliIo for running main() and commands in-process.
import type { CliIo, OutputStream } from '../src/cli-io';

/** A captured output stream. */
export interface MemoryStream extends OutputStream {
  /** Everything written so far. */
  readonly text: () => string;
}

/** Creates an output stream that records what is written. */
export function createMemoryStream(options: { isTTY?: boolean; columns?: number } = {}): MemoryStream {
  const chunks: string[] = [];
  return {
    write: (text) => {
      chunks.push(text);
    },
    isTTY: options.isTTY ?? false,
    columns: options.columns,
    text: () => chunks.join(''),
  };
}

/** A CliIo whose streams are recorded; `abort()` plays Ctrl-C. */
export function createMemoryIo(options: { env?: Record<string, string>; cwd?: string; stdoutTTY?: boolean; stderrTTY?: boolean } = {}): CliIo & {
  readonly stdout: MemoryStream;
  readonly stderr: MemoryStream;
  readonly abort: () => void;
} {
  const controller = new AbortController();
  return {
    stdout: createMemoryStream({ isTTY: options.stdoutTTY ?? false }),
    stderr: createMemoryStream({ isTTY: options.stderrTTY ?? false }),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    signal: controller.signal,
    abort: () => {
      const reason = new Error('Interrupted by SIGINT.');
      reason.name = 'AbortError';
      controller.abort(reason);
    },
  };
}
