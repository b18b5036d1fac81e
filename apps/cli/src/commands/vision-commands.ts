import { type Command, Option } from 'commander';

import type { MediaResolution } from '@gemini-vision/core';
import type { PrepareSetting } from '@gemini-vision/gemini';

import { CliError } from '../cli-error';
import type { CommandContext } from '../command-context';
import { DEFAULT_MODEL } from '../defaults';
import { EXIT_CODES, type ExitCode } from '../exit-codes';
import { parseDollars, parseNumberInRange, parsePositiveInteger } from '../input/parse-option-values';
import type { LiveTask } from './vision-result';

interface TaskDescription {
  readonly task: LiveTask;
  readonly summary: string;
  readonly description: string;
  readonly examples: readonly string[];
}

const TASKS: readonly TaskDescription[] = [
  {
    task: 'detect',
    summary: 'find objects: labelled boxes in image pixels',
    description: 'Ask Gemini for 2D bounding boxes and map them onto each original image (EXIF orientation applied).',
    examples: [
      'gemini-vision detect photos/ --out out/ --coco        boxes, overlays and a COCO file',
      "gemini-vision detect shelf.jpg --target 'the bottles' --json",
      'gemini-vision detect photos/ --out out/ --batch       one Batch API job, half price',
    ],
  },
  {
    task: 'segment',
    summary: 'find objects with segmentation masks',
    description:
      'Ask Gemini for boxes with segmentation masks; masks are decoded, placed on each original image and written as PNG files named after their labels. Gemini 3 returns no masks: use a 2.5 model.',
    examples: ['gemini-vision segment cupcakes.jpg --out out/', "gemini-vision segment photos/ --target 'the cups' --out out/ --coco --yolo"],
  },
  {
    task: 'point',
    summary: 'point at objects: labelled points in image pixels',
    description: 'Ask Gemini to point at objects ([y, x] in 0..1000) and map the points onto each original image.',
    examples: ["gemini-vision point table.png --target 'the bowls' --out out/", 'gemini-vision point photos/ --max-items 5 --json'],
  },
  {
    task: 'caption',
    summary: 'describe each image',
    description: 'Ask Gemini for a caption of each image.',
    examples: ['gemini-vision caption photos/', 'gemini-vision caption photos/ --out captions/ --max-cost 0.10'],
  },
  {
    task: 'ask',
    summary: 'ask a question about each image',
    description: 'Ask Gemini the same question about each image.',
    examples: ["gemini-vision ask receipt.jpg --question 'What is the total?'", "gemini-vision ask photos/ -q 'Is there a dog?' --json"],
  },
  {
    task: 'classify',
    summary: 'pick one of your classes for each image',
    description: 'Ask Gemini to pick one of the given classes for each image (structured output).',
    examples: ['gemini-vision classify photos/ --classes cat,dog,bird --out out/'],
  },
];

const COMMON_HELP = `
Results are written as they arrive: with --out, each image gets <out>/<name>.json (plus an
overlay and mask PNGs for spatial tasks), and rerunning the same command skips the images
already done, after Ctrl-C or a crash. The cost is estimated before anything is sent; --max-cost
refuses the run when the estimate is higher.

The key comes from GEMINI_API_KEY or GOOGLE_API_KEY. Try it offline with the emulator:
  $ gemini-vision emulator --port 8787 &
  $ GEMINI_API_KEY=emulator gemini-vision detect samples/ --base-url http://127.0.0.1:8787`;

/**
 * Adds the live commands (`detect`, `segment`, `point`, `caption`, `ask`, `classify`) to the
 * program; their implementation (and the Gemini SDK) is loaded when one runs.
 *
 * @param program - The root command.
 * @param context - I/O and adapters.
 * @param finish - Receives the command's exit code.
 *
 * @example
 * ```ts
 * registerVisionCommands(program, context, (code) => { exitCode = code; });
 * ```
 */
export function registerVisionCommands(program: Command, context: CommandContext, finish: (code: ExitCode) => void): void {
  for (const description of TASKS) {
    const command = program
      .command(description.task)
      .summary(description.summary)
      .description(description.description)
      .argument('<inputs...>', 'image files, folders (searched recursively) or glob patterns')
      .option('-m, --model <id>', 'Gemini model id', DEFAULT_MODEL)
      .option('--prompt <text>', 'your own prompt instead of the task’s default');
    if (description.task === 'detect' || description.task === 'segment' || description.task === 'point') {
      command
        .option('-t, --target <phrase>', "what to look for, e.g. 'the cupcakes'")
        .option('--max-items <n>', 'ask for and keep at most this many items', parsePositiveInteger('--max-items'));
    }
    if (description.task === 'ask') command.requiredOption('-q, --question <text>', 'the question');
    if (description.task === 'classify') command.requiredOption('-c, --classes <list>', 'comma-separated classes, e.g. cat,dog,bird');
    command
      .addOption(new Option('-r, --media-resolution <level>', 'media resolution (default: the model’s own)').choices(['low', 'medium', 'high', 'ultra_high']))
      .option('-o, --out <dir>', 'write per-image results here (makes reruns resume)');
    if (description.task === 'detect' || description.task === 'segment') {
      command.option('--coco', 'with --out: also write <out>/coco.json').option('--yolo', 'with --out: also write <out>/labels/ and <out>/classes.txt');
    }
    command
      .option('--max-cost <usd>', 'refuse before sending if the estimate is above this many dollars', parseDollars)
      .option('--concurrency <n>', 'calls at once', parsePositiveInteger('--concurrency'), 4)
      .option('--batch', 'send everything as one Batch API job (half price; needs --out)')
      .option('--poll-interval <ms>', 'with --batch: first wait between status checks', parsePositiveInteger('--poll-interval'))
      .addOption(
        new Option('--resize <how>', "before sending: 'none', 'token-optimal' or a longest side in pixels").argParser(parseResize).default(false, 'none'),
      )
      .option('--retries <n>', 'retries per call on 429/5xx/timeouts', parseNumberInRange('--retries', 0, 10))
      .option('--base-url <url>', 'API base URL (default: GOOGLE_GEMINI_BASE_URL or Google)')
      .option('--json', 'print every result as one JSON document')
      .option('-f, --force', 'redo every image and replace existing outputs')
      .option('--verbose', 'print retries and batch progress')
      .addHelpText('after', `\nExamples:\n${description.examples.map((example) => `  $ ${example}`).join('\n')}\n${COMMON_HELP}`)
      .action(async (inputs: string[], flags: VisionFlags) => {
        const { runVision } = await import('./vision');
        finish(
          await runVision(
            inputs,
            {
              task: description.task,
              model: flags.model,
              mediaResolution: flags.mediaResolution,
              prompt: flags.prompt,
              target: flags.target,
              maxItems: flags.maxItems,
              question: flags.question,
              classes: flags.classes === undefined ? undefined : parseClasses(flags.classes),
              out: flags.out,
              coco: flags.coco === true,
              yolo: flags.yolo === true,
              maxCost: flags.maxCost,
              concurrency: flags.concurrency,
              batch: flags.batch === true,
              pollIntervalMs: flags.pollInterval,
              retries: flags.retries,
              baseUrl: flags.baseUrl,
              resize: flags.resize,
              force: flags.force === true,
              json: flags.json === true,
              verbose: flags.verbose === true,
            },
            context,
          ),
        );
      });
  }
}

interface VisionFlags {
  readonly model: string;
  readonly prompt?: string;
  readonly target?: string;
  readonly maxItems?: number;
  readonly question?: string;
  readonly classes?: string;
  readonly mediaResolution?: MediaResolution;
  readonly out?: string;
  readonly coco?: boolean;
  readonly yolo?: boolean;
  readonly maxCost?: number;
  readonly concurrency: number;
  readonly batch?: boolean;
  readonly pollInterval?: number;
  readonly resize: PrepareSetting;
  readonly retries?: number;
  readonly baseUrl?: string;
  readonly json?: boolean;
  readonly force?: boolean;
  readonly verbose?: boolean;
}

function parseResize(text: string): PrepareSetting {
  if (text === 'none') return false;
  if (text === 'token-optimal') return 'token-optimal';
  if (/^\d+$/u.test(text) && Number(text) >= 16) return { maxSide: Number(text) };
  throw new CliError(
    `Expected 'none', 'token-optimal' or a longest side in pixels (at least 16) for \`--resize\`, but received ${JSON.stringify(text)}.`,
    EXIT_CODES.usage,
  );
}

function parseClasses(text: string): string[] {
  return [...new Set(text.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
}
