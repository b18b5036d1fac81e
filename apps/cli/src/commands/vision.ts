import { join, resolve } from 'node:path';

import pLimit from 'p-limit';

import { estimateRequestCost, GeminiVisionError, type GeminiVisionErrorCode, type MediaResolution, resolveModel } from '@gemini-vision/core';
import type { GeminiVision, PrepareSetting, SegmentOptions } from '@gemini-vision/gemini';

import { CliError } from '../cli-error';
import type { CommandContext } from '../command-context';
import type { VisionSettings } from '../composition-root';
import { EXIT_CODES, exitCodeForErrorCode, type ExitCode } from '../exit-codes';
import { collectImagePaths } from '../input/collect-image-paths';
import { formatDollars } from '../output/format-amounts';
import { writeDiagnostic } from '../output/write-diagnostic';
import { type AnyTaskResult, type ResultWriter, saveImageResult } from './save-image-result';
import { type ImageOutcome, noteConvertedImages, planImages, type PlannedImage, type ProbedImage, probeImages } from './vision-images';
import { prepareOutputFolder, readSavedResult, type RunManifest, STATE_FOLDER } from './vision-output-folder';
import { type ImageResult, isSpatialTask, type LiveTask } from './vision-result';
import { writeDatasetExports } from './write-dataset-exports';

/**
 * Options of {@link runVision}, as parsed from the command line.
 *
 * @example
 * ```ts
 * const options: VisionCommandOptions = { task: 'detect', model: 'gemini-2.5-flash', out: 'out', coco: true, yolo: false, concurrency: 4, batch: false, resize: false, force: false, json: false, verbose: false };
 * ```
 */
export interface VisionCommandOptions {
  /** The task. */
  readonly task: LiveTask;
  /** `--model`. */
  readonly model: string;
  /**
   * `--media-resolution`.
   * @defaultValue the model's default
   */
  readonly mediaResolution?: MediaResolution | undefined;
  /**
   * `--prompt`: replaces the task's default prompt.
   * @defaultValue the task's verbatim Google prompt
   */
  readonly prompt?: string | undefined;
  /**
   * `--target`: what to look for (spatial tasks).
   * @defaultValue every prominent item
   */
  readonly target?: string | undefined;
  /**
   * `--max-items` (spatial tasks).
   * @defaultValue the client's (25; 10 for point)
   */
  readonly maxItems?: number | undefined;
  /**
   * `--question` (ask).
   * @defaultValue none; required for `ask`
   */
  readonly question?: string | undefined;
  /**
   * `--classes` (classify).
   * @defaultValue none; required for `classify`
   */
  readonly classes?: readonly string[] | undefined;
  /**
   * `--out`: folder for per-image JSON, overlays, masks and exports; makes runs resumable.
   * @defaultValue nothing is written; results go to stdout
   */
  readonly out?: string | undefined;
  /** `--coco`: write `<out>/coco.json`. */
  readonly coco: boolean;
  /** `--yolo`: write `<out>/labels/*.txt` and `<out>/classes.txt`. */
  readonly yolo: boolean;
  /**
   * `--max-cost`: refuse before sending when the pre-flight estimate is higher, in US dollars.
   * @defaultValue no limit
   */
  readonly maxCost?: number | undefined;
  /** `--concurrency`: calls at once. */
  readonly concurrency: number;
  /** `--batch`: one Gemini Batch API job (half price) instead of direct calls. */
  readonly batch: boolean;
  /**
   * `--poll-interval`: first wait between batch status checks, in ms.
   * @defaultValue the client's (5000)
   */
  readonly pollIntervalMs?: number | undefined;
  /**
   * `--retries`: retries per call after the first attempt.
   * @defaultValue the client's (3)
   */
  readonly retries?: number | undefined;
  /**
   * `--base-url`, else `GOOGLE_GEMINI_BASE_URL`.
   * @defaultValue Google's endpoint
   */
  readonly baseUrl?: string | undefined;
  /** `--resize`: how images are prepared before sending. */
  readonly resize: PrepareSetting;
  /** `--force`: redo every image and replace existing outputs. */
  readonly force: boolean;
  /** `--json`: print one JSON document with every image's result. */
  readonly json: boolean;
  /** `--verbose`: print retries on stderr. */
  readonly verbose: boolean;
}

/**
 * Runs a live command (`detect`, `segment`, `point`, `caption`, `ask`, `classify`) over one or
 * many images through `@gemini-vision/gemini`, writing per-image results as they finish.
 *
 * @remarks
 * - **Resumable**: with `out`, each image's result is written to `<out>/<name>.json` atomically
 *   when it is done (overlay and masks first), so a rerun of the same command after Ctrl-C, a
 *   crash or a kill skips the images already done. The folder records the run's settings in
 *   `<out>/.gemini-vision/run.json`; a rerun with other settings is refused unless `force`.
 *   `coco.json` and the YOLO labels are rebuilt from every result at the end of each run. Batch
 *   jobs keep their record in the same folder, so a rerun resumes the job instead of submitting
 *   it again.
 * - **Cost**: the pre-flight estimate (output at its cap, an upper bound) of every pending image
 *   is computed before anything is sent; with `maxCost` the run is refused (exit 6) when it is
 *   higher, and the client also refuses any single call that would take the run over it.
 * - **Failures** of single images (after the client's retries) are reported one line each on
 *   stderr and the others continue; the exit code then reflects the first failure (5 for API
 *   errors).
 *
 * @param inputs - Files, directories and glob patterns.
 * @param options - Task, model and flags; see {@link VisionCommandOptions}.
 * @param context - I/O (the abort signal stops the run) and adapters.
 * @returns 0, or the exit code of the first failure.
 * @throws {@link CliError} For bad flag combinations (exit 2), a missing API key (exit 5), an
 * output folder of another run (exit 4), or a refused budget (exit 6).
 *
 * @example
 * ```ts
 * await runVision(['samples'], { task: 'detect', model: 'gemini-2.5-flash', out: 'out', coco: true, yolo: false, concurrency: 4, batch: false, resize: false, force: false, json: false, verbose: false }, context);
 * ```
 */
export async function runVision(inputs: readonly string[], options: VisionCommandOptions, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  validateOptions(options);
  const model = resolveModel(options.model);
  const apiKey = readApiKey(io.env);
  const baseUrl = options.baseUrl ?? nonEmpty(io.env['GOOGLE_GEMINI_BASE_URL']);
  const outDirectory = options.out === undefined ? undefined : resolve(io.cwd, options.out);

  const collected = await collectImagePaths(inputs, io.cwd);
  for (const input of collected.unmatched) writeDiagnostic(context, 'skipped', `No image files found for \`${input}\`.`);
  if (collected.paths.length === 0) {
    throw new CliError('No images to process. Give image files, folders or glob patterns.', collected.unmatched.length > 0 ? EXIT_CODES.input : EXIT_CODES.usage);
  }
  const naming = await context.services.fileNaming();
  const images = planImages(collected.paths, io.cwd, naming);

  const outcomes = new Map<string, ImageOutcome>();
  if (outDirectory !== undefined && options.out !== undefined) {
    await prepareOutputFolder(outDirectory, options.out, manifestOf(options), options.force);
    if (!options.force) {
      for (const image of images) {
        const saved = await readSavedResult(join(outDirectory, `${image.name}.json`), image.path);
        if (saved !== undefined) outcomes.set(image.name, { image, status: 'skipped', result: saved });
      }
    }
  }
  const pending = images.filter((image) => !outcomes.has(image.name));
  for (const outcome of outcomes.values()) {
    if (!options.json) io.stdout.write(`${context.stdoutColors.dim('skipped')}  ${outcome.image.path} (already done)\n`);
  }

  let exitCode: ExitCode = collected.unmatched.length > 0 ? EXIT_CODES.input : EXIT_CODES.ok;
  let estimatedUsd: number | undefined = 0;
  if (pending.length > 0) {
    // Lines on stdout come in input order even when calls finish out of order.
    let release = (_name: string, text: string | undefined): void => {
      if (text !== undefined) io.stdout.write(text);
    };
    const failImage = (image: PlannedImage, error: { code: string; message: string }): void => {
      outcomes.set(image.name, { image, status: 'failed', error });
      writeDiagnostic(context, 'error', `${image.path}: ${error.message}`);
      release(image.name, undefined);
    };
    const probed = await probeImages(pending, context, failImage);
    noteConvertedImages(probed, options.json, context);
    const vision = await context.services.createVision(visionSettings(options, apiKey, baseUrl, context));
    const writesFigures = outDirectory !== undefined && isSpatialTask(options.task);
    const renderer = writesFigures ? await context.services.overlayRenderer() : undefined;
    const maskEncoder = writesFigures ? await context.services.maskEncoder() : undefined;
    const writer: ResultWriter = { outDirectory, naming, renderer, maskEncoder, pricing: options.batch ? 'batch' : 'standard' };
    const finishImage = async (image: ProbedImage, result: AnyTaskResult): Promise<void> => {
      const saved = await saveImageResult(image, result, options.task, writer);
      outcomes.set(image.name, { image, status: 'done', result: saved });
      release(image.name, options.json ? undefined : describeDone(image, saved, options, context));
    };
    const checked = await preflight(vision, probed, options, context, failImage);
    estimatedUsd = checked.total;
    const accepted = checked.accepted;
    release = createInOrderWriter(
      accepted.map((image) => image.name),
      (text) => {
        io.stdout.write(text);
      },
    );

    try {
      if (options.batch) {
        if (accepted.length > 0) await runAsBatch(vision, accepted, options, outDirectory ?? io.cwd, context, finishImage, failImage);
      } else {
        await runDirectly(vision, accepted, options, context, finishImage, failImage);
      }
    } catch (error) {
      if (io.signal.aborted) {
        const done = [...outcomes.values()].filter((outcome) => outcome.status !== 'failed').length;
        writeDiagnostic(
          context,
          'note',
          options.out === undefined
            ? `${done} of ${images.length} images were done (printed above); pass --out DIR to make a run resumable.`
            : `${done} of ${images.length} images are done and saved in ${options.out}; run the same command again to finish the rest.`,
        );
      }
      throw error;
    }
  }

  if (outDirectory !== undefined && (options.coco || options.yolo)) {
    await writeDatasetExports(outDirectory, images, outcomes, options);
  }

  const ordered = images.flatMap((image) => {
    const outcome = outcomes.get(image.name);
    return outcome === undefined ? [] : [outcome];
  });
  const failures = ordered.filter((outcome): outcome is Extract<ImageOutcome, { status: 'failed' }> => outcome.status === 'failed');
  const firstFailure = failures[0];
  if (firstFailure !== undefined) {
    // Codes this version does not know (a batch item's service error, say) are API failures.
    const mapped = exitCodeForErrorCode(firstFailure.error.code as GeminiVisionErrorCode);
    exitCode = mapped === EXIT_CODES.unexpected ? EXIT_CODES.api : mapped;
  }
  const billedUsd = sumDefined(ordered.map((outcome) => (outcome.status === 'done' ? (outcome.result.billedUsd ?? undefined) : 0)));

  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          task: options.task,
          model: options.model,
          pricing: options.batch ? 'batch' : 'standard',
          out: options.out ?? null,
          images: ordered.map((outcome) =>
            outcome.status === 'failed'
              ? { image: outcome.image.path, status: outcome.status, error: outcome.error }
              : { image: outcome.image.path, status: outcome.status, result: outcome.result },
          ),
          totals: {
            images: images.length,
            processed: ordered.filter((outcome) => outcome.status === 'done').length,
            skipped: ordered.filter((outcome) => outcome.status === 'skipped').length,
            failed: failures.length,
            billedUsd: billedUsd ?? null,
            estimatedUsd: estimatedUsd ?? null,
          },
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const processed = ordered.filter((outcome) => outcome.status === 'done').length;
    const skipped = ordered.filter((outcome) => outcome.status === 'skipped').length;
    io.stdout.write(
      `${context.stdoutColors.bold(`${images.length} image${images.length === 1 ? '' : 's'}:`)} ${processed} processed, ${skipped} already done, ${failures.length} failed. ` +
        `Billed ${formatDollars(billedUsd)} on ${model.input}${options.batch ? ' (Batch API)' : ''}.` +
        (options.out === undefined ? '' : ` Results in ${options.out}${options.out.endsWith('/') ? '' : '/'}.`) +
        '\n',
    );
  }
  return exitCode;
}

function validateOptions(options: VisionCommandOptions): void {
  const usage = (message: string): CliError => new CliError(message, EXIT_CODES.usage);
  if (options.task === 'ask' && (options.question ?? '').trim() === '') throw usage('`ask` needs a question: pass --question "…".');
  if (options.task === 'classify' && (options.classes ?? []).length < 2) {
    throw usage('`classify` needs at least two classes: pass --classes cat,dog,bird.');
  }
  if ((options.coco || options.yolo) && options.out === undefined) throw usage('--coco and --yolo write into the output folder: pass --out DIR too.');
  if ((options.coco || options.yolo) && options.task !== 'detect' && options.task !== 'segment') {
    throw usage('--coco and --yolo export boxes: use them with `detect` or `segment`.');
  }
  if (options.batch && options.out === undefined) {
    throw usage('--batch keeps the job record and the results in the output folder, so a rerun resumes the job: pass --out DIR too.');
  }
}

function readApiKey(env: Readonly<Record<string, string | undefined>>): string {
  const key = nonEmpty(env['GEMINI_API_KEY']) ?? nonEmpty(env['GOOGLE_API_KEY']);
  if (key === undefined) {
    throw new CliError(
      'No Gemini API key: set GEMINI_API_KEY (or GOOGLE_API_KEY). To try without a key, run `gemini-vision emulator` and follow what it prints.',
      EXIT_CODES.api,
    );
  }
  return key;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function manifestOf(options: VisionCommandOptions): RunManifest {
  return {
    tool: 'gemini-vision',
    version: 1,
    task: options.task,
    model: options.model,
    prompt: options.prompt ?? null,
    target: options.target ?? null,
    question: options.question ?? null,
    classes: options.classes ?? null,
    mediaResolution: options.mediaResolution ?? null,
    resize: options.resize,
    maxItems: options.maxItems ?? null,
  };
}

function visionSettings(options: VisionCommandOptions, apiKey: string, baseUrl: string | undefined, context: CommandContext): VisionSettings {
  return {
    apiKey,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    model: options.model,
    ...(options.mediaResolution === undefined ? {} : { mediaResolution: options.mediaResolution }),
    prepare: options.resize,
    concurrency: options.concurrency,
    ...(options.maxCost === undefined ? {} : { maxCostUsd: options.maxCost }),
    ...(options.retries === undefined ? {} : { retry: { attempts: options.retries + 1 } }),
    logger: {
      warn: (message) => {
        if (options.verbose) writeDiagnostic(context, 'note', message);
      },
      info: (message) => {
        if (options.verbose) writeDiagnostic(context, 'note', message);
      },
    },
  };
}

/**
 * The client options of one call. With `--resize none`, an EXIF-rotated photo is still turned
 * upright at its own size, so that results refer to the image as people see it.
 */
function taskOptions(options: VisionCommandOptions, image: ProbedImage, signal: AbortSignal | undefined): SegmentOptions {
  const turnUpright = options.resize === false && image.info.orientation !== 1;
  return {
    ...(turnUpright ? { prepare: { maxSide: Math.max(image.info.displayWidth, image.info.displayHeight) } } : {}),
    ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.maxItems === undefined ? {} : { maxItems: options.maxItems }),
    ...(signal === undefined ? {} : { signal }),
  };
}

/**
 * Estimates every pending image before anything is sent; refuses when over `--max-cost`. Images
 * the API would refuse (an unsupported format, too large) are reported and left out.
 */
async function preflight(
  vision: GeminiVision,
  pending: readonly ProbedImage[],
  options: VisionCommandOptions,
  context: CommandContext,
  failImage: (image: PlannedImage, error: { code: string; message: string }) => void,
): Promise<{ readonly total: number | undefined; readonly accepted: readonly ProbedImage[] }> {
  let total: number | undefined = 0;
  const accepted: ProbedImage[] = [];
  for (const image of pending) {
    context.io.signal.throwIfAborted();
    let estimate;
    try {
      ({ estimate } = await vision.estimate(options.task, image.absolute, {
        ...taskOptions(options, image, undefined),
        ...(options.question === undefined ? {} : { question: options.question }),
        ...(options.classes === undefined ? {} : { classes: options.classes }),
      }));
    } catch (error) {
      if (!GeminiVisionError.isInstance(error) || error.code === 'INVALID_ARGUMENT' || error.code === 'UNKNOWN_MODEL' || error.code === 'CAPABILITY_UNSUPPORTED') {
        throw error;
      }
      failImage(image, { code: error.code, message: error.message.split(image.absolute).join(image.path) });
      continue;
    }
    accepted.push(image);
    const dollars = options.batch
      ? estimateRequestCost({ model: options.model, text: { tokens: estimate.inputTokens }, outputTokens: estimate.outputTokens, batch: true }).dollars?.total
      : estimate.dollars?.total;
    total = total === undefined || dollars === undefined ? undefined : total + dollars;
  }
  const count = `${accepted.length} image${accepted.length === 1 ? '' : 's'}`;
  if (options.maxCost !== undefined) {
    if (total === undefined) {
      throw new CliError(
        `Refused before sending anything: no ${options.batch ? 'Batch API ' : ''}price is known for \`${options.model}\`, so --max-cost cannot be checked. Drop --max-cost or use a priced model.`,
        EXIT_CODES.budget,
      );
    }
    if (total > options.maxCost) {
      throw new CliError(
        `Refused before sending anything: ${count} would cost up to ${formatDollars(total)} on ${options.model}${options.batch ? ' (Batch API)' : ''} (pre-flight estimate, output at its cap), over --max-cost ${formatDollars(options.maxCost)}. Raise --max-cost, send fewer images${options.batch ? '' : ', or use --batch (half price)'}.`,
        EXIT_CODES.budget,
      );
    }
  }
  if (!options.json) {
    if (accepted.length > 0) {
      writeDiagnostic(context, 'note', `Sending ${count} to ${options.model}${options.batch ? ' as one Batch API job' : ''}: estimated at most ${formatDollars(total)}.`);
    }
  }
  return { total, accepted };
}

async function runDirectly(
  vision: GeminiVision,
  pending: readonly ProbedImage[],
  options: VisionCommandOptions,
  context: CommandContext,
  finishImage: (image: ProbedImage, result: AnyTaskResult) => Promise<void>,
  failImage: (image: PlannedImage, error: { code: string; message: string }) => void,
): Promise<void> {
  const { signal } = context.io;
  const limit = pLimit(options.concurrency);
  const runs = pending.map((image) =>
    limit(async () => {
      signal.throwIfAborted();
      let result: AnyTaskResult;
      try {
        result = await callTask(vision, image, options, signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (!GeminiVisionError.isInstance(error) || error.code === 'ABORTED') throw error;
        failImage(image, { code: error.code, message: error.message.split(image.absolute).join(image.path) });
        return;
      }
      await finishImage(image, result);
    }),
  );
  const settled = await Promise.allSettled(runs);
  const rejected = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (rejected !== undefined) throw rejected.reason;
}

function callTask(vision: GeminiVision, image: ProbedImage, options: VisionCommandOptions, signal: AbortSignal): Promise<AnyTaskResult> {
  const path = image.absolute;
  const shared = taskOptions(options, image, signal);
  switch (options.task) {
    case 'detect':
      return vision.detect(path, shared);
    case 'segment':
      return vision.segment(path, shared);
    case 'point':
      return vision.point(path, shared);
    case 'caption':
      return vision.caption(path, shared);
    case 'ask':
      return vision.ask(path, options.question ?? '', shared);
    case 'classify':
      return vision.classify(path, options.classes ?? [], shared);
  }
}

async function runAsBatch(
  vision: GeminiVision,
  pending: readonly ProbedImage[],
  options: VisionCommandOptions,
  directory: string,
  context: CommandContext,
  finishImage: (image: ProbedImage, result: AnyTaskResult) => Promise<void>,
  failImage: (image: PlannedImage, error: { code: string; message: string }) => void,
): Promise<void> {
  const byKey = new Map(pending.map((image) => [image.name, image]));
  let lastState: string | undefined;
  const result = await vision.batch(
    pending.map((image) => ({
      key: image.name,
      task: options.task,
      images: image.absolute,
      ...(options.question === undefined ? {} : { question: options.question }),
      ...(options.classes === undefined ? {} : { classes: options.classes }),
      options: taskOptions(options, image, undefined),
    })),
    {
      recordDirectory: join(directory, STATE_FOLDER),
      name: 'batch',
      model: options.model,
      signal: context.io.signal,
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs, maxPollIntervalMs: Math.max(options.pollIntervalMs, 1) * 4 }),
      onProgress: (event) => {
        const state = `${event.stage}${event.jobState === undefined ? '' : ` (${event.jobState})`}`;
        if (state === lastState) return;
        lastState = state;
        writeDiagnostic(context, 'note', `batch ${event.job ?? ''}${event.resumed ? ' (resumed)' : ''}: ${state}`.replace('batch :', 'batch:'));
      },
    },
  );
  for (const entry of result.entries) {
    const image = byKey.get(entry.key);
    if (image === undefined) continue;
    if (entry.status === 'fulfilled') await finishImage(image, entry.result);
    else failImage(image, entry.error);
  }
}

function describeDone(image: PlannedImage, saved: ImageResult, options: VisionCommandOptions, context: CommandContext): string {
  const colors = context.stdoutColors;
  const cost = formatDollars(saved.billedUsd ?? undefined);
  const where = options.out === undefined ? '' : `  → ${join(options.out, `${image.name}.json`)}`;
  if (saved.items !== null) {
    const noun = options.task === 'point' ? 'point' : options.task === 'segment' ? 'mask' : 'box';
    const count = options.task === 'segment' ? saved.items.filter((item) => item.maskArea !== null).length : saved.items.length;
    const plural = count === 1 ? noun : noun === 'box' ? 'boxes' : `${noun}s`;
    const extra = options.task === 'segment' && count !== saved.items.length ? ` (${saved.items.length} boxes)` : '';
    return `${colors.green('done')}     ${image.path}  ${count} ${plural}${extra}  ${cost}${where}\n`;
  }
  const answer = (saved.answer ?? '(no class named)').replace(/\s+/gu, ' ').trim();
  if (options.out === undefined) return `${colors.bold(image.path)}: ${answer}\n`;
  return `${colors.green('done')}     ${image.path}  ${answer.length > 60 ? `${answer.slice(0, 59)}…` : answer}  ${cost}${where}\n`;
}

/**
 * Writes each item's text once every item before it (in `order`) has been released; `undefined`
 * releases an item with nothing to write.
 */
function createInOrderWriter(order: readonly string[], write: (text: string) => void): (name: string, text: string | undefined) => void {
  const released = new Map<string, string | undefined>();
  let next = 0;
  return (name, text) => {
    released.set(name, text);
    for (let current = order[next]; current !== undefined && released.has(current); current = order[next]) {
      const line = released.get(current);
      if (line !== undefined) write(line);
      released.delete(current);
      next += 1;
    }
  };
}

function sumDefined(values: readonly (number | undefined)[]): number | undefined {
  let total = 0;
  for (const value of values) {
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

