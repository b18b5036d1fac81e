import { resolve } from 'node:path';

import {
  adviseResize,
  DEFAULT_PRICE_TABLE,
  estimateRequestCost,
  GeminiVisionError,
  type GeminiBackend,
  type ImageInfo,
  type MediaResolution,
  resolveModel,
  type Size,
} from '@gemini-vision/core';

import { CliError } from '../cli-error';
import type { CommandContext } from '../command-context';
import { EXIT_CODES, type ExitCode } from '../exit-codes';
import { collectImagePaths } from '../input/collect-image-paths';
import { createProgress } from '../output/create-progress';
import { writeDiagnostic } from '../output/write-diagnostic';
import {
  type EstimatedImage,
  type EstimateReport,
  formatEstimateCsv,
  formatEstimateJson,
  formatEstimateTable,
  type SkippedImage,
} from './estimate-report';

/**
 * Options of {@link runEstimate}, as parsed from the command line.
 *
 * @example
 * ```ts
 * const options: EstimateCommandOptions = { model: 'gemini-2.5-flash', backend: 'gemini-api', batch: false, sizes: [], advise: false, format: 'table' };
 * ```
 */
export interface EstimateCommandOptions {
  /** Gemini model id (`--model`). */
  readonly model: string;
  /**
   * `--media-resolution`.
   * @defaultValue the model's default
   */
  readonly mediaResolution?: MediaResolution | undefined;
  /** `--backend`. */
  readonly backend: GeminiBackend;
  /** `--batch`: Batch API prices. */
  readonly batch: boolean;
  /** `--size WxH` entries, estimated without any file. */
  readonly sizes: readonly Size[];
  /** `--advise`: add core's resize advice and what it saves. */
  readonly advise: boolean;
  /**
   * `--min-side`: detail floor for the advice, pixels of the shorter side.
   * @defaultValue no floor
   */
  readonly minSide?: number | undefined;
  /** `table` for people, `json` or `csv` for programs. */
  readonly format: 'table' | 'json' | 'csv';
}

/**
 * Runs `gemini-vision estimate`: probes every image's header (never decoding pixels), estimates
 * its tokens and dollars with core, and prints a table, JSON or CSV.
 *
 * @remarks
 * Files that cannot be read are reported on stderr, one line each, listed under `skipped` in
 * JSON, and the others are still estimated; the exit code is then 3. A progress bar appears on
 * stderr only when it is a terminal and probing takes a while. The model and settings are
 * checked before any file is read, so a typo fails fast (exit 2).
 *
 * @param inputs - Files, directories (walked recursively) and glob patterns.
 * @param options - Model, settings, sizes and output format; see {@link EstimateCommandOptions}.
 * @param context - I/O and adapters.
 * @returns The exit code: 0, or 3 when a file was skipped or nothing was estimated.
 * @throws `UnknownModelError` / `InvalidArgumentError` for an unknown model or an impossible
 * setting (such as `ultra_high` before Gemini 3).
 *
 * @example
 * ```ts
 * const exitCode = await runEstimate(['samples'], { model: 'gemini-2.5-flash', backend: 'gemini-api', batch: false, sizes: [], advise: true, format: 'table' }, context);
 * ```
 */
export async function runEstimate(
  inputs: readonly string[],
  options: EstimateCommandOptions,
  context: CommandContext,
): Promise<ExitCode> {
  const { io } = context;
  const model = resolveModel(options.model);
  if (options.mediaResolution === 'ultra_high' && !model.capabilities.supportsUltraHighMediaResolution) {
    throw new CliError(
      `\`--media-resolution ultra_high\` needs Gemini 3 or later, but \`${options.model}\` is Gemini ${model.version}. Use low, medium or high, or a Gemini 3 model.`,
      EXIT_CODES.usage,
    );
  }
  const estimateSize = createSizeEstimator(options);
  estimateSize({ width: 1, height: 1 }); // validates the settings before any file is read

  const images: EstimatedImage[] = options.sizes.map((size) => ({ path: undefined, info: undefined, ...estimateSize(size) }));
  const skipped: SkippedImage[] = [];
  const skip = (entry: SkippedImage): void => {
    skipped.push(entry);
    writeDiagnostic(context, 'skipped', entry.message);
  };

  const collected = await collectImagePaths(inputs, io.cwd);
  for (const input of collected.unmatched) {
    skip({ path: input, code: 'NO_MATCH', message: `No image files found for \`${input}\`.` });
  }
  if (collected.paths.length > 0) {
    const prober = await context.services.imageProber();
    const progress = createProgress(io.stderr, { total: collected.paths.length, label: 'probing' });
    try {
      for (const path of collected.paths) {
        io.signal.throwIfAborted();
        const absolute = resolve(io.cwd, path);
        let info: ImageInfo;
        try {
          info = await prober.probe(absolute);
        } catch (error) {
          if (!GeminiVisionError.isInstance(error)) throw error;
          skip({ path, code: error.code, message: error.message.split(absolute).join(path) });
          continue;
        } finally {
          progress.tick();
        }
        images.push({ path, info, ...estimateSize({ width: info.displayWidth, height: info.displayHeight }) });
      }
    } finally {
      progress.done();
    }
  }

  const first = estimateRequestCost({ model: options.model, backend: options.backend, batch: options.batch });
  const notes = new Set<string>();
  if (model.note !== undefined) notes.add(model.note);
  if (first.dollars === undefined) notes.add(first.notes.find((note) => note.includes('dollars are undefined')) ?? 'No price is known for this model.');
  if (options.backend === 'vertex-ai') notes.add('Prices are the Gemini Developer API list prices; Vertex AI prices may differ.');
  if (images.length > 1) notes.add('Each image is priced as its own request (image input tokens only; add your prompt and output).');

  const report: EstimateReport = {
    model: options.model,
    resolvedModel: model.baseId,
    mediaResolution: options.mediaResolution,
    backend: options.backend,
    pricing: options.batch ? 'batch' : 'standard',
    priceAsOf: first.priceAsOf,
    priceSource: first.priceSource,
    images,
    skipped,
    notes: [...notes],
  };

  switch (options.format) {
    case 'json':
      io.stdout.write(formatEstimateJson(report));
      break;
    case 'csv':
      io.stdout.write(formatEstimateCsv(report));
      break;
    case 'table':
      if (images.length > 0) {
        io.stdout.write(formatEstimateTable(report, { colors: context.stdoutColors, maxWidth: io.stdout.columns }));
        if (io.stdout.isTTY) {
          io.stdout.write(
            context.stdoutColors.dim(
              '\nCompare: --model gemini-3-flash-preview, --backend vertex-ai, --media-resolution low, --batch; what resizing saves: --advise. For programs: --json or --csv.\n',
            ),
          );
        }
      }
      break;
  }
  if (images.length === 0 && skipped.length === 0) {
    writeDiagnostic(context, 'error', 'Nothing to estimate. Give image files, folders or globs, or --size WxH.');
    return EXIT_CODES.usage;
  }
  if (skipped.length > 0) {
    writeDiagnostic(
      context,
      'note',
      `${skipped.length} input${skipped.length === 1 ? ' was' : 's were'} skipped (listed above); ${images.length} image${images.length === 1 ? ' was' : 's were'} estimated.`,
    );
    return EXIT_CODES.input;
  }
  return EXIT_CODES.ok;
}

type SizeEstimate = Pick<EstimatedImage, 'size' | 'estimate' | 'dollars' | 'advice' | 'dollarsSaved'>;

/** Binds the settings once; returns the per-size estimator (tokens, dollars, advice). */
function createSizeEstimator(options: EstimateCommandOptions): (size: Size) => SizeEstimate {
  const perPart = options.mediaResolution === 'ultra_high'; // only settable per image part
  return (size) => {
    const cost = estimateRequestCost({
      model: options.model,
      images: [perPart ? { size, mediaResolution: 'ultra_high' } : { size }],
      mediaResolution: perPart ? undefined : options.mediaResolution,
      backend: options.backend,
      batch: options.batch,
      prices: DEFAULT_PRICE_TABLE,
    });
    const estimate = cost.images[0];
    if (estimate === undefined) throw new Error('estimateRequestCost returned no image estimate.');
    const dollars = cost.dollars?.input;
    const advice = options.advise
      ? adviseResize(size, {
          model: options.model,
          mediaResolution: options.mediaResolution,
          backend: options.backend,
          minSide: options.minSide,
        })
      : undefined;
    const dollarsSaved =
      advice === undefined || dollars === undefined ? undefined : (dollars * advice.recommended.tokensSaved) / estimate.tokens;
    return { size, estimate, dollars, advice, dollarsSaved };
  };
}
