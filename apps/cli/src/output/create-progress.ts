import type { OutputStream } from '../cli-io';

/**
 * A progress line on stderr; see {@link createProgress}.
 *
 * @example
 * ```ts
 * const progress = createProgress(io.stderr, { total: paths.length, label: 'probing' });
 * progress.tick();
 * progress.done();
 * ```
 */
export interface Progress {
  /** Counts one more item done and redraws at most ten times a second. */
  readonly tick: (count?: number) => void;
  /** Erases the line (if one was drawn); call before printing results. */
  readonly done: () => void;
}

/**
 * Options of {@link createProgress}.
 *
 * @example
 * ```ts
 * const options: ProgressOptions = { total: 2000, label: 'probing', delayMs: 300 };
 * ```
 */
export interface ProgressOptions {
  /** Items in the whole run. */
  readonly total: number;
  /** A word saying what is going on, e.g. `probing`. */
  readonly label: string;
  /**
   * Nothing is drawn before this much time has passed, so quick runs show no bar at all.
   * @defaultValue `250`
   */
  readonly delayMs?: number | undefined;
  /**
   * Clock in milliseconds (tests pass a fake one).
   * @defaultValue `performance.now`
   */
  readonly now?: (() => number) | undefined;
}

const BAR_WIDTH = 24;
const REDRAW_INTERVAL_MS = 100;

/**
 * Creates a progress bar drawn on `stream` only when it is a terminal and the work turns out to
 * be long (it has run for `delayMs`), so pipes, files and quick runs get no escape codes.
 *
 * @param stream - Where to draw: stderr, never stdout (which carries results).
 * @param options - Total, label, delay and clock; see {@link ProgressOptions}.
 * @returns The {@link Progress} handle; a no-op when `stream` is not a terminal.
 *
 * @example
 * ```ts
 * const progress = createProgress(io.stderr, { total: 4000, label: 'probing' });
 * for (const path of paths) { await probe(path); progress.tick(); }
 * progress.done();
 * ```
 */
export function createProgress(stream: OutputStream, options: ProgressOptions): Progress {
  if (!stream.isTTY || options.total <= 1) return { tick: () => undefined, done: () => undefined };
  const now = options.now ?? (() => performance.now());
  const start = now();
  const delayMs = options.delayMs ?? 250;
  let completed = 0;
  let lastDraw = -Infinity;
  let drawn = false;

  const draw = (): void => {
    const fraction = Math.min(1, completed / options.total);
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
    stream.write(`\r${options.label} ${bar} ${completed}/${options.total} (${Math.floor(fraction * 100)}%)\x1b[K`);
    drawn = true;
  };

  return {
    tick: (count = 1) => {
      completed += count;
      const time = now();
      if (time - start < delayMs || time - lastDraw < REDRAW_INTERVAL_MS) return;
      lastDraw = time;
      draw();
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
