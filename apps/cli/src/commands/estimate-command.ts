import { type Command, Option } from 'commander';

import type { GeminiBackend, MediaResolution, Size } from '@gemini-vision/core';

import type { CommandContext } from '../command-context';
import { DEFAULT_MODEL } from '../defaults';
import type { ExitCode } from '../exit-codes';
import { collectValues, parsePositiveInteger } from '../input/parse-option-values';
import { parseSize } from '../input/parse-size';

const EXAMPLES = `
Examples:
  $ gemini-vision estimate photos/                       every image under photos/, recursively
  $ gemini-vision estimate 'shots/**/*.jpg' --model gemini-3-flash-preview
  $ gemini-vision estimate --size 1920x1080 --size 4032x3024 --backend vertex-ai
  $ gemini-vision estimate photos/ --advise --min-side 768   what resizing would save
  $ gemini-vision estimate photos/ --batch --json > costs.json
  $ gemini-vision estimate photos/ --csv > costs.csv

Sizes are read from file headers only (no decoding) and EXIF orientation is applied, so a
portrait phone photo is estimated at its displayed size. Unreadable files are reported on
stderr and skipped; the exit code is then 3.`;

/**
 * Adds the `estimate` command to the program; its implementation is loaded when it runs.
 *
 * @param program - The root command.
 * @param context - I/O and adapters.
 * @param finish - Receives the command's exit code.
 *
 * @example
 * ```ts
 * registerEstimateCommand(program, context, (code) => { exitCode = code; });
 * ```
 */
export function registerEstimateCommand(program: Command, context: CommandContext, finish: (code: ExitCode) => void): void {
  program
    .command('estimate')
    .summary('estimate the tokens and dollars images cost, before any call')
    .description(
      'Estimate the input tokens and dollars of images for a Gemini model, per image and in total, with the rule that explains each number (tiles or grid).',
    )
    .argument('[inputs...]', 'image files, folders (searched recursively) or glob patterns')
    .option('-m, --model <id>', 'Gemini model id', DEFAULT_MODEL)
    .addOption(
      new Option('-r, --media-resolution <level>', 'media resolution (default: the model’s own)').choices([
        'low',
        'medium',
        'high',
        'ultra_high',
      ]),
    )
    .addOption(new Option('--backend <name>', 'where requests go').choices(['gemini-api', 'vertex-ai']).default('gemini-api'))
    .option('--batch', 'price at Batch API rates')
    .option('-s, --size <WxH>', 'estimate a size instead of a file (repeatable)', collectValues((text) => parseSize(text, '--size')))
    .option('--advise', 'add resize advice: the size to send and what it saves')
    .option('--min-side <px>', 'with --advise: keep the shorter side at least this long', parsePositiveInteger('--min-side'))
    .addOption(new Option('--json', 'print JSON for programs').conflicts('csv'))
    .option('--csv', 'print CSV for programs (one row per image)')
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], flags: EstimateFlags) => {
      const { runEstimate } = await import('./estimate');
      finish(
        await runEstimate(
          inputs,
          {
            model: flags.model,
            mediaResolution: flags.mediaResolution,
            backend: flags.backend,
            batch: flags.batch === true,
            sizes: flags.size ?? [],
            advise: flags.advise === true,
            minSide: flags.minSide,
            format: flags.json === true ? 'json' : flags.csv === true ? 'csv' : 'table',
          },
          context,
        ),
      );
    });
}

interface EstimateFlags {
  readonly model: string;
  readonly mediaResolution?: MediaResolution;
  readonly backend: GeminiBackend;
  readonly batch?: boolean;
  readonly size?: Size[];
  readonly advise?: boolean;
  readonly minSide?: number;
  readonly json?: boolean;
  readonly csv?: boolean;
}
