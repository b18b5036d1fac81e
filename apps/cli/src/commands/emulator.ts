import { resolve } from 'node:path';

import type { CommandContext } from '../command-context';
import { EXIT_CODES, type ExitCode } from '../exit-codes';
import { formatDollars } from '../output/format-amounts';

/**
 * Options of {@link runEmulator}, as parsed from the command line.
 *
 * @example
 * ```ts
 * const options: EmulatorCommandOptions = { port: 8787, faultRate: 0.1 };
 * ```
 */
export interface EmulatorCommandOptions {
  /**
   * `--port`.
   * @defaultValue a free port
   */
  readonly port?: number | undefined;
  /**
   * `--fixtures`: a folder of recorded replies.
   * @defaultValue generated replies only
   */
  readonly fixtures?: string | undefined;
  /**
   * `--fault-rate`: share of model calls answered with 429, 500 or 503.
   * @defaultValue `0`
   */
  readonly faultRate?: number | undefined;
  /**
   * `--seed` of the fault generator.
   * @defaultValue the emulator's (`1`)
   */
  readonly seed?: number | undefined;
}

/**
 * Runs `gemini-vision emulator`: starts the offline Gemini API emulator, prints its URL and how to
 * point the live commands at it, and serves until SIGINT or SIGTERM, then stops cleanly and
 * prints what it served.
 *
 * @remarks
 * The first line on stdout is always `Gemini API emulator listening on <url>`, so scripts can
 * read the URL from it.
 *
 * @param options - Port, fixtures, fault rate and seed; see {@link EmulatorCommandOptions}.
 * @param context - I/O (its abort signal ends the run) and adapters.
 * @returns 0 once stopped.
 * @throws `InvalidArgumentError` If the fixture folder cannot be loaded; `Error` (`EADDRINUSE`)
 * if the port is taken.
 *
 * @example
 * ```ts
 * await runEmulator({ port: 8787 }, context); // resolves after Ctrl-C
 * ```
 */
export async function runEmulator(options: EmulatorCommandOptions, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const colors = context.stdoutColors;
  const emulator = await context.services.startEmulator({
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.fixtures === undefined ? {} : { fixtures: resolve(io.cwd, options.fixtures) }),
    ...(options.faultRate === undefined ? {} : { faultRate: options.faultRate }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  io.stdout.write(
    [
      `Gemini API emulator listening on ${colors.bold(emulator.url)}`,
      `Offline: any API key works, nothing leaves this machine${options.faultRate === undefined || options.faultRate === 0 ? '' : `; ${Math.round(options.faultRate * 100)} % of model calls fail with 429/500/503`}.`,
      '',
      'Point the live commands at it, in another terminal:',
      `  export GOOGLE_GEMINI_BASE_URL=${emulator.url} GEMINI_API_KEY=emulator`,
      '  gemini-vision detect samples/ --out out/',
      `or pass --base-url ${emulator.url} to a single command.`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolveStop) => {
    if (io.signal.aborted) resolveStop();
    else io.signal.addEventListener('abort', () => { resolveStop(); }, { once: true });
  });
  const stats = emulator.stats;
  await emulator.close();
  const dollars = stats.usd.standard + stats.usd.batch;
  io.stdout.write(
    `Stopped. Served ${stats.requests} request${stats.requests === 1 ? '' : 's'}, ${stats.billed.length} billed model call${stats.billed.length === 1 ? '' : 's'} (${stats.tokens.total} tokens, ${formatDollars(dollars)} at list prices).\n`,
  );
  return EXIT_CODES.ok;
}
