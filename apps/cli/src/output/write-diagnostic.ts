import type { CommandContext } from '../command-context';

/**
 * What a diagnostic line is about; sets its prefix and colour.
 *
 * @example
 * ```ts
 * const kind: DiagnosticKind = 'skipped';
 * ```
 */
export type DiagnosticKind = 'error' | 'warning' | 'skipped' | 'note';

/**
 * Writes one line to stderr: `gemini-vision: <kind>: <message>`, coloured only on a terminal.
 *
 * @param context - The command context (stderr and its colours).
 * @param kind - `error`, `warning`, `skipped` or `note`.
 * @param message - One line of text; line breaks are folded into spaces.
 *
 * @example
 * ```ts
 * writeDiagnostic(context, 'skipped', 'Could not read the image `a.jpg`: it does not exist.');
 * ```
 */
export function writeDiagnostic(context: CommandContext, kind: DiagnosticKind, message: string): void {
  const colors = context.stderrColors;
  const style = kind === 'error' || kind === 'skipped' ? colors.red : kind === 'warning' ? colors.yellow : colors.dim;
  context.io.stderr.write(`${colors.dim('gemini-vision:')} ${style(`${kind}:`)} ${message.replace(/\s*\n\s*/gu, ' ')}\n`);
}
