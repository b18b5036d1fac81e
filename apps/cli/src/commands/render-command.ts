import { type Command, Option } from 'commander';

import type { CommandContext } from '../command-context';
import type { ExitCode } from '../exit-codes';
import type { ResponseKind } from './recognize-response';

const EXAMPLES = `
Examples:
  $ gemini-vision render --image cupcakes.jpg --response reply.txt --out overlay.png
  $ gemini-vision render --image socks.jpg --response reply.txt --json
  $ gemini-vision render --image cupcakes.jpg --response masks.txt --coco cupcakes.coco.json --yolo labels/cupcakes.txt

The reply is the model's text as saved (fences and prose are fine). Boxes ([ymin, xmin, ymax,
xmax] in 0..1000), segmentation masks and points ([y, x]) are recognised from the content and
mapped onto the image as displayed (EXIF orientation applied), boxes by floor(v / 1000 × size).

--json prints:
  { "image": { "width", "height" },
    "items": [ { "label", "box": { "x0", "y0", "x1", "y1" } | null,
                 "point": { "x", "y" } | null, "maskArea": number | null } ],
    "issues": [ … ] }`;

/**
 * Adds the `render` command to the program; its implementation is loaded when it runs.
 *
 * @param program - The root command.
 * @param context - I/O and adapters.
 * @param finish - Receives the command's exit code.
 *
 * @example
 * ```ts
 * registerRenderCommand(program, context, (code) => { exitCode = code; });
 * ```
 */
export function registerRenderCommand(program: Command, context: CommandContext, finish: (code: ExitCode) => void): void {
  program
    .command('render')
    .summary("draw a saved model reply's boxes, masks or points on its image")
    .description(
      "Parse a saved Gemini reply (detection, segmentation or points), map it to the image's pixels, and draw it, export it (COCO, YOLO) or print it as JSON.",
    )
    .requiredOption('-i, --image <file>', 'the image the reply is about')
    .requiredOption('--response <file>', "text file with the model's reply")
    .option('-o, --out <file>', 'overlay to write (.png, or .jpg for JPEG)')
    .option('--json', 'print the items in pixels as JSON')
    .option('--coco <file>', 'write a COCO dataset (boxes, masks as RLE)')
    .option('--yolo <file>', 'write YOLO labels (classes.txt goes beside it)')
    .addOption(new Option('--kind <kind>', 'what the reply holds').choices(['auto', 'detect', 'segment', 'point']).default('auto'))
    .option('-f, --force', 'overwrite existing output files')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: RenderFlags) => {
      const { runRender } = await import('./render');
      finish(
        await runRender(
          {
            image: flags.image,
            response: flags.response,
            out: flags.out,
            json: flags.json === true,
            coco: flags.coco,
            yolo: flags.yolo,
            kind: flags.kind,
            force: flags.force === true,
          },
          context,
        ),
      );
    });
}

interface RenderFlags {
  readonly image: string;
  readonly response: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly coco?: string;
  readonly yolo?: string;
  readonly kind: ResponseKind | 'auto';
  readonly force?: boolean;
}
