import { Command, CommanderError } from 'commander';

import packageJson from '../package.json' with { type: 'json' };
import type { CliIo } from './cli-io';
import { createCommandContext } from './command-context';
import { registerEmulatorCommand } from './commands/emulator-command';
import { registerEstimateCommand } from './commands/estimate-command';
import { registerRenderCommand } from './commands/render-command';
import { registerVisionCommands } from './commands/vision-commands';
import { createServices, type Services } from './composition-root';
import { EXIT_CODE_TABLE, EXIT_CODES, type ExitCode } from './exit-codes';
import { writeDiagnostic } from './output/write-diagnostic';

const ROOT_HELP = `
Examples:
  $ gemini-vision estimate photos/                     what these images cost on Gemini
  $ gemini-vision estimate --size 1920x1080 --model gemini-3-flash-preview
  $ gemini-vision render --image cupcakes.jpg --response reply.txt --out overlay.png
  $ gemini-vision emulator                             an offline Gemini API on 127.0.0.1

Environment:
  GEMINI_API_KEY, GOOGLE_API_KEY   API key for the live commands
  GOOGLE_GEMINI_BASE_URL           send live calls elsewhere (the emulator, a proxy)
  NO_COLOR                         no colour, even on a terminal

Exit codes:
${EXIT_CODE_TABLE.map((row) => `  ${String(row.code).padStart(3)}  ${row.meaning}`).join('\n')}

Run "gemini-vision <command> --help" for a command's flags and examples.`;

/**
 * Runs the `gemini-vision` command line and returns the exit code; never calls `process.exit`.
 *
 * @remarks
 * Parses `argv` with commander, runs the command (each is loaded on demand, so `estimate` never
 * loads sharp or the Gemini SDK), and turns any failure into one line on stderr: the message of a
 * `GeminiVisionError` as it is, or an "unexpected error" sentence that suggests `--debug`, which
 * adds the stack trace. With `--json` the error is also printed on stdout as
 * `{ "error": { "code", "message" } }`.
 *
 * @param argv - The arguments after the program name.
 * @param io - Streams, environment, working directory, abort signal.
 * @param services - The adapters; tests pass fakes.
 * @returns The exit code (see `EXIT_CODES`).
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), createProcessIo());
 * ```
 */
export async function main(argv: readonly string[], io: CliIo, services: Services = createServices()): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  const json = argv.includes('--json');
  const context = createCommandContext(io, services);
  let exitCode: ExitCode = EXIT_CODES.ok;
  const finish = (code: ExitCode): void => {
    exitCode = code;
  };

  const program = new Command('gemini-vision')
    .description(
      'Plan, run and trust Gemini image understanding: know what images cost before you call Gemini, and turn its replies into exact pixel boxes, points and masks.',
    )
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        io.stdout.write(text);
      },
      writeErr: (text) => {
        io.stderr.write(text);
      },
      outputError: (text) => {
        writeDiagnostic(context, 'error', text.replace(/^error:\s*/u, '').replace(/\n\((Did you mean [^)]*)\)/u, ' ($1)').trim());
      },
    })
    .addHelpText('after', ROOT_HELP);
  program.helpCommand('help [command]', 'show help for a command');

  registerEstimateCommand(program, context, finish);
  registerRenderCommand(program, context, finish);
  registerVisionCommands(program, context, finish);
  registerEmulatorCommand(program, context, finish);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    // Loaded only on failure: it pulls in core, which commands like --help never need.
    const { formatError } = await import('./output/format-error');
    const report = formatError(error, { debug });
    writeDiagnostic(context, 'error', report.message);
    for (const line of report.details) io.stderr.write(`${line}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ error: { code: report.code, message: report.message } })}\n`);
    return report.exitCode;
  }
}
