import type { CliIo } from './cli-io';
import type { Services } from './composition-root';
import { createColors, type Colors } from './output/create-colors';

/**
 * What every command receives: the process I/O, the lazily created adapters, and colours for
 * each stream.
 *
 * @example
 * ```ts
 * const exitCode = await runEstimate(inputs, options, createCommandContext(io, createServices()));
 * ```
 */
export interface CommandContext {
  /** Streams, environment, working directory, abort signal. */
  readonly io: CliIo;
  /** Adapters, created on first use. */
  readonly services: Services;
  /** Styles for stdout (results). */
  readonly stdoutColors: Colors;
  /** Styles for stderr (diagnostics). */
  readonly stderrColors: Colors;
}

/**
 * Creates a {@link CommandContext}, deciding colour per stream (`NO_COLOR`, terminals only).
 *
 * @param io - The process I/O.
 * @param services - The adapters.
 * @returns The context.
 *
 * @example
 * ```ts
 * const context = createCommandContext(createProcessIo(), createServices());
 * ```
 */
export function createCommandContext(io: CliIo, services: Services): CommandContext {
  return {
    io,
    services,
    stdoutColors: createColors(io.stdout, io.env),
    stderrColors: createColors(io.stderr, io.env),
  };
}
