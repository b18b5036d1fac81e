import picocolors from 'picocolors';

import type { OutputStream } from '../cli-io';

/**
 * The styles the CLI uses; each is the identity function when colour is off.
 *
 * @example
 * ```ts
 * io.stderr.write(`${colors.red('error:')} …\n`);
 * ```
 */
export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Tells whether to colour what goes to `stream`.
 *
 * @remarks
 * Follows https://no-color.org: `NO_COLOR` set to anything but an empty string turns colour
 * off; `FORCE_COLOR` (other than `0`) turns it on for pipes; otherwise only terminals get colour,
 * and `TERM=dumb` gets none.
 *
 * @param stream - Where the text goes.
 * @param env - The environment.
 * @returns `true` when escape codes may be written to `stream`.
 *
 * @example
 * ```ts
 * shouldUseColor(io.stdout, { NO_COLOR: '1' }); // => false
 * ```
 */
export function shouldUseColor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const forceColor = env['FORCE_COLOR'];
  if (forceColor !== undefined && forceColor !== '') return forceColor !== '0';
  return stream.isTTY && env['TERM'] !== 'dumb';
}

/**
 * Creates the {@link Colors} for one stream.
 *
 * @param stream - Where the text goes.
 * @param env - The environment (`NO_COLOR`, `FORCE_COLOR`, `TERM`).
 * @returns Styling functions, real or identity per {@link shouldUseColor}.
 *
 * @example
 * ```ts
 * const colors = createColors(io.stdout, io.env);
 * io.stdout.write(colors.bold('total') + '\n');
 * ```
 */
export function createColors(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): Colors {
  return picocolors.createColors(shouldUseColor(stream, env));
}
