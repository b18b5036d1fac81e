import type { Command } from 'commander';

import type { CommandContext } from '../command-context';
import type { ExitCode } from '../exit-codes';
import { parseNumberInRange } from '../input/parse-option-values';

const EXAMPLES = `
Examples:
  $ gemini-vision emulator                              a free port, generated replies
  $ gemini-vision emulator --port 8787 --fault-rate 0.2 one call in five fails (429/500/503)
  $ gemini-vision emulator --fixtures fixtures/real-gemini  answer with recorded replies

Then, in another terminal:
  $ export GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8787 GEMINI_API_KEY=emulator
  $ gemini-vision detect samples/ --out out/

The emulator speaks the Gemini REST API (generateContent, countTokens, Files, Batch,
Interactions) on 127.0.0.1 only, accepts any API key and never touches the network.
Stop it with Ctrl-C.`;

/**
 * Adds the `emulator` command to the program; its implementation is loaded when it runs.
 *
 * @param program - The root command.
 * @param context - I/O and adapters.
 * @param finish - Receives the command's exit code.
 *
 * @example
 * ```ts
 * registerEmulatorCommand(program, context, (code) => { exitCode = code; });
 * ```
 */
export function registerEmulatorCommand(program: Command, context: CommandContext, finish: (code: ExitCode) => void): void {
  program
    .command('emulator')
    .summary('run an offline Gemini API on 127.0.0.1 for trying and testing')
    .description(
      'Run an offline emulator of the Gemini REST API on 127.0.0.1 that the live commands (and the @google/genai SDK) can talk to with no key and no network.',
    )
    .option('-p, --port <n>', 'TCP port (default: a free one)', parseNumberInRange('--port', 0, 65_535))
    .option('--fixtures <dir>', 'answer with recorded replies from this folder')
    .option('--fault-rate <r>', 'share of model calls that fail with 429, 500 or 503 (0 to 1)', parseNumberInRange('--fault-rate', 0, 1))
    .option('--seed <n>', 'seed of the fault and id generator (same seed, same faults)', parseNumberInRange('--seed', 0, 4_294_967_295))
    .addHelpText('after', EXAMPLES)
    .action(async (flags: EmulatorFlags) => {
      const { runEmulator } = await import('./emulator');
      finish(await runEmulator(flags, context));
    });
}

interface EmulatorFlags {
  readonly port?: number;
  readonly fixtures?: string;
  readonly faultRate?: number;
  readonly seed?: number;
}
