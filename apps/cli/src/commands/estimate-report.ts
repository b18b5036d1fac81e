import type { ImageInfo, ImageTokenEstimate, ResizeAdvice, Size } from '@gemini-vision/core';

import type { Colors } from '../output/create-colors';
import { formatCsv } from '../output/format-csv';
import { formatDollars, formatTokens } from '../output/format-amounts';
import { formatTable } from '../output/format-table';

/**
 * One estimated image (a probed file or a `--size`).
 *
 * @example
 * ```ts
 * const image: EstimatedImage = { path: 'a.jpg', info, size: { width: 800, height: 600 }, estimate, dollars: 0.0000774, advice: undefined, dollarsSaved: undefined };
 * ```
 */
export interface EstimatedImage {
  /** The file as given, or `undefined` for a `--size`. */
  readonly path: string | undefined;
  /** The header of the file; `undefined` for a `--size`. */
  readonly info: ImageInfo | undefined;
  /** The size estimated: the displayed size (after EXIF orientation). */
  readonly size: Size;
  /** Core's estimate for that size. */
  readonly estimate: ImageTokenEstimate;
  /** USD of the image tokens at the chosen rates; `undefined` when no price is known. */
  readonly dollars: number | undefined;
  /** With `--advise`: core's resize advice. */
  readonly advice: ResizeAdvice | undefined;
  /** With `--advise`: USD the recommended size saves. */
  readonly dollarsSaved: number | undefined;
}

/**
 * A file that could not be estimated, and why.
 *
 * @example
 * ```ts
 * const skipped: SkippedImage = { path: 'x.jpg', code: 'IMAGE_UNREADABLE', message: 'Could not read …' };
 * ```
 */
export interface SkippedImage {
  /** The file or pattern as given. */
  readonly path: string;
  /** A `GeminiVisionError` code, or `NO_MATCH` for a glob or folder with no images. */
  readonly code: string;
  /** One line saying what is wrong. */
  readonly message: string;
}

/**
 * Everything `estimate` found, before formatting.
 *
 * @example
 * ```ts
 * const text = formatEstimateJson(report);
 * ```
 */
export interface EstimateReport {
  /** The model id as given. */
  readonly model: string;
  /** The model the rules resolved it to (e.g. an alias's target). */
  readonly resolvedModel: string;
  /** `--media-resolution`, or `undefined` for the model's default. */
  readonly mediaResolution: string | undefined;
  /** `gemini-api` or `vertex-ai`. */
  readonly backend: string;
  /** `standard` or `batch` (`--batch`). */
  readonly pricing: 'standard' | 'batch';
  /** Date of the price table. */
  readonly priceAsOf: string;
  /** Where the prices come from. */
  readonly priceSource: string;
  /** Estimated images, in input order (`--size` entries first). */
  readonly images: readonly EstimatedImage[];
  /** Files that were skipped. */
  readonly skipped: readonly SkippedImage[];
  /** Caveats worth showing (unknown price, Vertex AI prices, model aliases). */
  readonly notes: readonly string[];
}

/**
 * Sums of an {@link EstimateReport}.
 *
 * @example
 * ```ts
 * const { tokens, dollars } = summarizeEstimate(report);
 * ```
 */
export interface EstimateTotals {
  /** Images estimated. */
  readonly images: number;
  /** Sum of their tokens. */
  readonly tokens: number;
  /** Sum of their dollars; `undefined` when any image has no price. */
  readonly dollars: number | undefined;
  /** With `--advise`: tokens the recommended sizes save. */
  readonly tokensSaved: number | undefined;
  /** With `--advise`: dollars they save. */
  readonly dollarsSaved: number | undefined;
}

/**
 * Adds up tokens, dollars and savings of a report.
 *
 * @param report - The report.
 * @returns The totals.
 *
 * @example
 * ```ts
 * summarizeEstimate(report).tokens; // => 1548
 * ```
 */
export function summarizeEstimate(report: EstimateReport): EstimateTotals {
  const advised = report.images.some((image) => image.advice !== undefined);
  let tokens = 0;
  let dollars: number | undefined = 0;
  let tokensSaved = 0;
  let dollarsSaved: number | undefined = 0;
  for (const image of report.images) {
    tokens += image.estimate.tokens;
    dollars = dollars === undefined || image.dollars === undefined ? undefined : dollars + image.dollars;
    tokensSaved += image.advice?.recommended.tokensSaved ?? 0;
    dollarsSaved = dollarsSaved === undefined || image.dollarsSaved === undefined ? undefined : dollarsSaved + image.dollarsSaved;
  }
  return {
    images: report.images.length,
    tokens,
    dollars,
    tokensSaved: advised ? tokensSaved : undefined,
    dollarsSaved: advised ? dollarsSaved : undefined,
  };
}

/**
 * Formats a report as the `--json` document.
 *
 * @remarks
 * Shape: `{ model, resolvedModel, mediaResolution, backend, pricing, priceAsOf, priceSource,
 * images: [{ path, size, mimeType, width, height, orientation, tokens, dollars, estimate,
 * advice? }], skipped: [{ path, code, message }], totals, notes }`. `size` is the displayed size
 * the estimate used; `width`/`height` are as stored; `dollars` is `null` when unpriced.
 *
 * @param report - The report.
 * @returns Pretty-printed JSON with a final line break.
 *
 * @example
 * ```ts
 * JSON.parse(formatEstimateJson(report)).totals.tokens; // => 1548
 * ```
 */
export function formatEstimateJson(report: EstimateReport): string {
  const totals = summarizeEstimate(report);
  const document = {
    model: report.model,
    resolvedModel: report.resolvedModel,
    mediaResolution: report.mediaResolution ?? null,
    backend: report.backend,
    pricing: report.pricing,
    priceAsOf: report.priceAsOf,
    priceSource: report.priceSource,
    images: report.images.map((image) => ({
      path: image.path ?? null,
      size: image.size,
      mimeType: image.info?.mimeType ?? null,
      width: image.info?.width ?? image.size.width,
      height: image.info?.height ?? image.size.height,
      orientation: image.info?.orientation ?? 1,
      tokens: image.estimate.tokens,
      dollars: image.dollars ?? null,
      estimate: image.estimate,
      ...(image.advice === undefined
        ? {}
        : {
            advice: {
              kind: image.advice.kind,
              recommended: image.advice.recommended,
              downscaleSavesTokens: image.advice.downscaleSavesTokens,
              detailCeiling: image.advice.detailCeiling ?? null,
              dollarsSaved: image.dollarsSaved ?? null,
              summary: image.advice.summary,
            },
          }),
    })),
    skipped: report.skipped,
    totals: {
      images: totals.images,
      tokens: totals.tokens,
      dollars: totals.dollars ?? null,
      ...(totals.tokensSaved === undefined ? {} : { tokensSaved: totals.tokensSaved, dollarsSaved: totals.dollarsSaved ?? null }),
    },
    notes: report.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Formats a report as CSV, one row per estimated image (skipped files are not rows; they are
 * reported on stderr).
 *
 * @param report - The report.
 * @returns CSV with a heading line; the advice columns only with `--advise`.
 *
 * @example
 * ```ts
 * formatEstimateCsv(report).split('\n')[0]; // => 'path,mime_type,width,height,orientation,display_width,…'
 * ```
 */
export function formatEstimateCsv(report: EstimateReport): string {
  const advised = report.images.some((image) => image.advice !== undefined);
  const header = [
    'path',
    'mime_type',
    'width',
    'height',
    'orientation',
    'display_width',
    'display_height',
    'tokens',
    'rule',
    'confidence',
    'dollars',
    ...(advised ? ['recommended_width', 'recommended_height', 'recommended_tokens', 'tokens_saved', 'dollars_saved'] : []),
  ];
  const rows = report.images.map((image) => [
    image.path,
    image.info?.mimeType,
    image.info?.width ?? image.size.width,
    image.info?.height ?? image.size.height,
    image.info?.orientation ?? 1,
    image.size.width,
    image.size.height,
    image.estimate.tokens,
    image.estimate.rule,
    image.estimate.confidence,
    image.dollars,
    ...(advised
      ? [
          image.advice?.recommended.size.width,
          image.advice?.recommended.size.height,
          image.advice?.recommended.tokens,
          image.advice?.recommended.tokensSaved,
          image.dollarsSaved,
        ]
      : []),
  ]);
  return formatCsv(header, rows);
}

/**
 * Formats a report as the table people read: one row per image with its size, tokens, dollars
 * and why (the tile or grid arithmetic), a total, then how the rule works and any notes.
 *
 * @param report - The report.
 * @param options - Colours for stdout and the terminal width (the last column is cut to fit).
 * @returns The text, ending with a line break.
 *
 * @example
 * ```ts
 * io.stdout.write(formatEstimateTable(report, { colors, maxWidth: io.stdout.columns }));
 * ```
 */
export function formatEstimateTable(report: EstimateReport, options: { readonly colors: Colors; readonly maxWidth?: number | undefined }): string {
  const { colors } = options;
  const totals = summarizeEstimate(report);
  const tokensSaved = totals.tokensSaved;
  const advised = tokensSaved !== undefined;
  const lines: string[] = [];
  const where = report.backend === 'vertex-ai' ? 'Vertex AI' : 'the Gemini API';
  const resolution = report.mediaResolution === undefined ? 'default media resolution' : `media resolution ${report.mediaResolution}`;
  const modelName = report.resolvedModel === report.model ? report.model : `${report.model} (${report.resolvedModel})`;
  lines.push(
    `${colors.bold(modelName)} on ${where}, ${resolution}, ${report.pricing === 'batch' ? 'Batch API' : 'standard'} prices of ${report.priceAsOf}`,
    '',
  );

  const columns = [
    { header: 'image' },
    { header: 'size' },
    { header: 'tokens', align: 'right' as const },
    { header: 'cost', align: 'right' as const },
    ...(advised ? [{ header: 'resize to' }, { header: 'saves', align: 'right' as const }] : []),
    { header: 'why' },
  ];
  const rows = report.images.map((image) => [
    image.path ?? `--size ${image.size.width}x${image.size.height}`,
    describeSize(image),
    formatTokens(image.estimate.tokens),
    formatDollars(image.dollars),
    ...(advised ? describeAdvice(image) : []),
    describeRule(image.estimate),
  ]);
  const totalRow = [
    `total (${totals.images} image${totals.images === 1 ? '' : 's'})`,
    '',
    formatTokens(totals.tokens),
    formatDollars(totals.dollars),
    ...(tokensSaved === undefined ? [] : ['', `${formatTokens(tokensSaved)} tok, ${formatDollars(totals.dollarsSaved)}`]),
    '',
  ];
  lines.push(
    ...formatTable(columns, [...rows, totalRow], {
      maxWidth: options.maxWidth,
      styleHeader: colors.bold,
      styleRows: new Map([[rows.length, colors.bold]]),
    }),
  );

  const explained = new Map<string, EstimatedImage>();
  for (const image of report.images) if (!explained.has(image.estimate.rule)) explained.set(image.estimate.rule, image);
  if (explained.size > 0) {
    lines.push('', colors.bold('Why:'));
    for (const image of explained.values()) {
      const example = report.images.length > 1 ? `${image.path ?? `${image.size.width}x${image.size.height}`}: ` : '';
      lines.push(`  ${example}${image.estimate.explanation}`);
    }
  }
  if (advised) {
    lines.push('', colors.bold('Resize advice:'));
    const shown = report.images.slice(0, 20);
    for (const image of shown) if (image.advice !== undefined) lines.push(`  ${image.path ?? 'size'}: ${image.advice.summary}`);
    if (report.images.length > shown.length) lines.push(`  … and ${report.images.length - shown.length} more (see --json).`);
  }
  if (report.notes.length > 0) {
    lines.push('', colors.bold('Notes:'), ...report.notes.map((note) => `  ${note}`));
  }
  return `${lines.join('\n')}\n`;
}

function describeSize(image: EstimatedImage): string {
  const shown = `${image.size.width}×${image.size.height}`;
  const orientation = image.info?.orientation ?? 1;
  return orientation === 1 ? shown : `${shown} (EXIF ${orientation})`;
}

function describeRule(estimate: ImageTokenEstimate): string {
  switch (estimate.rule) {
    case 'flat':
      return `flat ${formatTokens(estimate.tokens)} per image`;
    case 'tiles':
      return `${estimate.columns}×${estimate.rows} tiles of ${estimate.cropUnit} px × ${estimate.tokensPerTile}`;
    case 'tiles-plus-global':
      return `(${estimate.columns}×${estimate.rows} tiles of ${estimate.cropUnit} px + 1) × ${estimate.tokensPerTile}`;
    case 'budget-grid':
      return `${estimate.columns}×${estimate.rows} grid, budget ${formatTokens(estimate.budget)}`;
  }
}

function describeAdvice(image: EstimatedImage): [string, string] {
  const advice = image.advice;
  if (advice === undefined) return ['', ''];
  const recommended = advice.recommended;
  const sameSize = recommended.size.width === image.size.width && recommended.size.height === image.size.height;
  const target = sameSize ? 'keep' : `${recommended.size.width}×${recommended.size.height}`;
  const saves = recommended.tokensSaved > 0 ? `${formatTokens(recommended.tokensSaved)} tok, ${formatDollars(image.dollarsSaved)}` : '—';
  return [target, saves];
}
