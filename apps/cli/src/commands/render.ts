import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

import { type ParseIssue, toFullFrameMask } from '@gemini-vision/core';

import { CliError } from '../cli-error';
import type { CommandContext } from '../command-context';
import { EXIT_CODES, type ExitCode } from '../exit-codes';
import { assertOutputsAvailable, writeOutputFile } from '../output/write-output-file';
import { writeDiagnostic } from '../output/write-diagnostic';
import { buildCocoDataset, buildYoloClasses, type ExportImage, formatYoloLabels } from './build-exports';
import { type PlacedItem, placeItems } from './place-items';
import { recognizeResponse, type ResponseKind } from './recognize-response';

/**
 * Options of {@link runRender}, as parsed from the command line.
 *
 * @example
 * ```ts
 * const options: RenderCommandOptions = { image: 'cupcakes.jpg', response: 'reply.txt', out: 'overlay.png', json: false, kind: 'auto', force: false };
 * ```
 */
export interface RenderCommandOptions {
  /** `--image`: the image the reply is about. */
  readonly image: string;
  /** `--response`: the saved reply text. */
  readonly response: string;
  /**
   * `--out`: the overlay to write (`.png`, or `.jpg`/`.jpeg` for JPEG).
   * @defaultValue no overlay
   */
  readonly out?: string | undefined;
  /** `--json`: print the items in pixels on stdout. */
  readonly json: boolean;
  /**
   * `--coco`: a COCO dataset file to write.
   * @defaultValue none
   */
  readonly coco?: string | undefined;
  /**
   * `--yolo`: a YOLO label file to write (`classes.txt` goes beside it).
   * @defaultValue none
   */
  readonly yolo?: string | undefined;
  /** `--kind`: what the reply holds, or `auto` to recognise it. */
  readonly kind: ResponseKind | 'auto';
  /** `--force`: replace existing output files. */
  readonly force: boolean;
}

/**
 * The `render --json` document: the displayed image size, each item in its pixels, and the parse
 * issues.
 *
 * @example
 * ```ts
 * const document: RenderJson = JSON.parse(stdout);
 * document.items[0]?.box; // { x0: 66, y0: 393, x1: 207, y1: 575 }
 * ```
 */
export interface RenderJson {
  /** The image as displayed (after EXIF orientation), in pixels. */
  readonly image: { readonly width: number; readonly height: number };
  /** One entry per item, in the model's order. */
  readonly items: readonly {
    readonly label: string;
    readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number } | null;
    readonly point: { readonly x: number; readonly y: number } | null;
    readonly maskArea: number | null;
  }[];
  /** Core's parse issues, plus mask decoding failures. */
  readonly issues: readonly ParseIssue[];
}

/**
 * Runs `gemini-vision render`: reads a saved Gemini reply, recognises boxes, masks or points,
 * maps them onto the image's displayed pixels, and writes an overlay, COCO or YOLO files and/or
 * prints JSON.
 *
 * @remarks
 * Boxes use the guide's rule `floor(v / 1000 * dimension)` on the EXIF-oriented image; masks are
 * decoded, resized bilinearly to their box and thresholded at 127. Every output path is checked
 * before any work is done, and none is overwritten without `force`.
 *
 * @param options - Files and flags; see {@link RenderCommandOptions}.
 * @param context - I/O and adapters.
 * @returns 0, or 7 when the reply held no usable item.
 * @throws {@link CliError} For a missing response file (exit 3), no output asked for (exit 2),
 * or an output that exists (exit 4); the image errors of the prober (exit 3).
 *
 * @example
 * ```ts
 * await runRender({ image: 'cupcakes.jpg', response: 'reply.txt', out: 'overlay.png', json: true, kind: 'auto', force: false }, context);
 * ```
 */
export async function runRender(options: RenderCommandOptions, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  if (options.out === undefined && !options.json && options.coco === undefined && options.yolo === undefined) {
    throw new CliError('Nothing to do: pass --out OUT.png, --json, --coco FILE or --yolo FILE.', EXIT_CODES.usage);
  }
  const outputs = [
    ...(options.out === undefined ? [] : [options.out]),
    ...(options.coco === undefined ? [] : [options.coco]),
    ...(options.yolo === undefined ? [] : [options.yolo, join(dirname(options.yolo), 'classes.txt')]),
  ];
  await assertOutputsAvailable(
    outputs.map((path) => ({ path: resolve(io.cwd, path), displayPath: path })),
    options.force,
  );

  const text = await readResponse(resolve(io.cwd, options.response), options.response);
  const imagePath = resolve(io.cwd, options.image);
  const prober = await context.services.imageProber();
  let info;
  try {
    info = await prober.probe(imagePath);
  } catch (error) {
    if (error instanceof Error) error.message = error.message.split(imagePath).join(options.image);
    throw error;
  }
  const frame = { width: info.displayWidth, height: info.displayHeight };

  const recognized = recognizeResponse(text, options.kind);
  const needsDecoder = recognized.items.some((item) => item.mask !== undefined && item.mask !== null);
  const decoder = needsDecoder ? await context.services.maskDecoder() : undefined;
  const placed = await placeItems(recognized.items, frame, decoder);
  const issues = [...recognized.issues, ...placed.issues];
  const exportImage: ExportImage = {
    fileName: basename(options.image),
    size: frame,
    items: placed.items.map((item) => {
      const mask = item.mask;
      return { label: item.label, box: item.box, mask: mask === undefined ? undefined : () => toFullFrameMask(mask) };
    }),
  };
  const written: string[] = [];

  if (options.out !== undefined) {
    const render = await context.services.overlayRenderer();
    const format = /^\.jpe?g$/iu.test(extname(options.out)) ? 'jpeg' : 'png';
    const encoded = await render(imagePath, { items: placed.items.map(toOverlayItem) }, { format });
    await writeOutputFile(resolve(io.cwd, options.out), encoded, { force: options.force, displayPath: options.out });
    written.push(options.out);
  }
  if (options.coco !== undefined) {
    const dataset = buildCocoDataset([exportImage]);
    await writeOutputFile(resolve(io.cwd, options.coco), `${JSON.stringify(dataset)}\n`, { force: options.force, displayPath: options.coco });
    written.push(`${options.coco} (${dataset.annotations.length} annotations)`);
  }
  if (options.yolo !== undefined) {
    const classes = buildYoloClasses([exportImage]);
    const classesPath = join(dirname(options.yolo), 'classes.txt');
    await writeOutputFile(resolve(io.cwd, options.yolo), formatYoloLabels(exportImage, classes), { force: options.force, displayPath: options.yolo });
    await writeOutputFile(resolve(io.cwd, classesPath), classes.names.length === 0 ? '' : `${classes.names.join('\n')}\n`, {
      force: options.force,
      displayPath: classesPath,
    });
    written.push(options.yolo, classesPath);
  }

  for (const issue of issues) {
    if (issue.severity !== 'info') writeDiagnostic(context, issue.severity === 'error' ? 'error' : 'warning', `${options.response}: ${issue.message}`);
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(toRenderJson(frame, placed.items, issues), null, 2)}\n`);
  } else {
    const masks = placed.items.filter((item) => item.maskArea !== null).length;
    io.stdout.write(
      `${describeCount(recognized.kind, placed.items.length)}${recognized.kind === 'segment' ? ` (${masks} with masks)` : ''} from ${options.response} on ${options.image} (${frame.width}×${frame.height}).\n`,
    );
    for (const path of written) io.stdout.write(`Wrote ${path}\n`);
  }
  if (placed.items.length === 0) {
    writeDiagnostic(context, 'error', `No usable item in \`${options.response}\`; see the issues above.`);
    return EXIT_CODES.modelOutput;
  }
  return EXIT_CODES.ok;
}

function toRenderJson(frame: { width: number; height: number }, items: readonly PlacedItem[], issues: readonly ParseIssue[]): RenderJson {
  return {
    image: { width: frame.width, height: frame.height },
    items: items.map((item) => ({ label: item.label, box: item.box, point: item.point, maskArea: item.maskArea })),
    issues,
  };
}

function toOverlayItem(item: PlacedItem): { label: string; box?: PlacedItem['box'] & object; point?: PlacedItem['point'] & object; mask?: { box: NonNullable<PlacedItem['box']>; mask: NonNullable<PlacedItem['mask']>['mask'] } } {
  return {
    label: item.label,
    ...(item.box === null ? {} : { box: item.box }),
    ...(item.point === null ? {} : { point: item.point }),
    ...(item.mask === undefined ? {} : { mask: { box: item.mask.box, mask: item.mask.mask } }),
  };
}

function describeCount(kind: ResponseKind, count: number): string {
  const noun = kind === 'segment' ? 'segmentation' : kind === 'point' ? 'point' : 'box';
  const plural = count === 1 ? noun : noun === 'box' ? 'boxes' : `${noun}s`;
  return `Read ${count} ${plural}`;
}

async function readResponse(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new CliError(`Could not read the response file \`${shown}\`: ${reason}. Pass the text file holding the model's reply.`, EXIT_CODES.input, { cause: error });
  }
}
