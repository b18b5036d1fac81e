import { isatty } from 'node:tty';

/**
 * A stream the CLI writes to: `process.stdout`, `process.stderr`, or an in-memory fake in tests.
 *
 * @example
 * ```ts
 * const stream: OutputStream = { write: (text) => void chunks.push(text), isTTY: false };
 * ```
 */
export interface OutputStream {
  /** Writes text as is (callers add the line breaks). */
  readonly write: (text: string) => void;
  /** Whether the stream is an interactive terminal; progress bars and colour need it. */
  readonly isTTY: boolean;
  /**
   * Width of the terminal in characters, when it is one.
   * @defaultValue `undefined` (not a terminal, or unknown)
   */
  readonly columns?: number | undefined;
}

/**
 * Everything the CLI touches of its process: the two output streams, the environment, the
 * working directory and a signal that fires on Ctrl-C. `main()` takes it as an argument so that
 * tests can run commands in-process.
 *
 * @example
 * ```ts
 * const exitCode = await main(['estimate', 'photo.jpg'], createProcessIo());
 * ```
 */
export interface CliIo {
  /** Results: tables, JSON, CSV. */
  readonly stdout: OutputStream;
  /** Diagnostics: errors, skipped files, progress. */
  readonly stderr: OutputStream;
  /** Environment variables (`NO_COLOR`, `GEMINI_API_KEY`, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** Aborted on SIGINT / SIGTERM; long-running commands stop at the next safe point. */
  readonly signal: AbortSignal;
}

/**
 * Creates the {@link CliIo} of the running process, with a signal aborted on SIGINT or SIGTERM.
 *
 * @remarks
 * The first signal aborts the run gracefully; a second one (or one arriving while nothing
 * listens) ends the process the default way.
 *
 * @returns The process's streams, environment, working directory and abort signal.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), createProcessIo());
 * ```
 */
export function createProcessIo(): CliIo {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    // Listen once: a second Ctrl-C finds no listener and ends the process the default way.
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const reason = new Error(`Interrupted by ${signal}.`);
    reason.name = 'AbortError';
    controller.abort(reason);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stdout: wrapStream(process.stdout, 1),
    stderr: wrapStream(process.stderr, 2),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  };
}

function wrapStream(stream: NodeJS.WriteStream, fd: 1 | 2): OutputStream {
  // When the reader goes away (`gemini-vision … | head`), stop writing instead of crashing on EPIPE.
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    write: (text) => {
      if (!closed) stream.write(text);
    },
    // `stream.isTTY` is undefined (not false) on pipes and files, whatever the typings say.
    isTTY: isatty(fd),
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
  };
}
