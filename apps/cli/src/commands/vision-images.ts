import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

import { GeminiVisionError, type ImageInfo, SUPPORTED_IMAGE_MIME_TYPES } from '@gemini-vision/core';

import type { CommandContext } from '../command-context';
import type { FileNaming } from '../composition-root';
import { writeDiagnostic } from '../output/write-diagnostic';
import type { ImageResult } from './vision-result';

/**
 * One image of a live run: where it is and the stem of its output files.
 *
 * @example
 * ```ts
 * const image: PlannedImage = { path: 'photos/a.jpg', absolute: '/home/me/photos/a.jpg', name: 'photos_a.jpg' };
 * ```
 */
export interface PlannedImage {
  /** The path as given (relative to the working directory when given so). */
  readonly path: string;
  /** Its absolute path. */
  readonly absolute: string;
  /** The stem of its output files: `<out>/<name>.json`, `<name>.overlay.jpg`, … */
  readonly name: string;
}

/**
 * A pending image with its header.
 *
 * @example
 * ```ts
 * const probed: ProbedImage = { ...planned, info };
 * ```
 */
export interface ProbedImage extends PlannedImage {
  /** Size, orientation and real MIME type, read from the header. */
  readonly info: ImageInfo;
}

/**
 * What happened to one image of a live run.
 *
 * @example
 * ```ts
 * const outcome: ImageOutcome = { image, status: 'failed', error: { code: 'API_CALL_FAILED', message: '…' } };
 * ```
 */
export type ImageOutcome =
  | { readonly image: PlannedImage; readonly status: 'done' | 'skipped'; readonly result: ImageResult }
  | { readonly image: PlannedImage; readonly status: 'failed'; readonly error: { readonly code: string; readonly message: string } };

/**
 * Names the outputs of each image: the path as given (relative to the working directory), made a
 * safe file name with images' `safeFileName` (`photos/2024/a.jpg` → `photos_2024_a.jpg`); a short
 * hash of the absolute path tells colliding names apart.
 *
 * @param paths - The image paths, as collected.
 * @param cwd - The working directory.
 * @param naming - images' file naming.
 * @returns One {@link PlannedImage} per path, in order.
 *
 * @example
 * ```ts
 * planImages(['photos/a.jpg'], process.cwd(), naming)[0]?.name; // => 'photos_a.jpg'
 * ```
 */
export function planImages(paths: readonly string[], cwd: string, naming: FileNaming): PlannedImage[] {
  const bases = paths.map((path) => {
    const absolute = resolve(cwd, path);
    const shown = isAbsolute(path) ? relativeIfInside(cwd, absolute) : path;
    return { path, absolute, base: naming.safeFileName(shown.replaceAll('\\', '/'), { maxLength: 150, fallback: 'image' }) };
  });
  const counts = new Map<string, number>();
  for (const { base } of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  return bases.map(({ path, absolute, base }) => ({
    path,
    absolute,
    name: (counts.get(base) ?? 0) > 1 ? `${base}~${createHash('sha256').update(absolute).digest('hex').slice(0, 8)}` : base,
  }));
}

function relativeIfInside(cwd: string, absolute: string): string {
  const fromCwd = relative(cwd, absolute);
  return fromCwd.startsWith(`..${sep}`) || isAbsolute(fromCwd) ? absolute : fromCwd;
}

/**
 * Reads every pending image's header; files that cannot be read are reported through `failImage`
 * and left out.
 *
 * @param pending - The images to process.
 * @param context - I/O (abort signal) and the prober.
 * @param failImage - Records a failed image.
 * @returns The readable images with their headers, in order.
 *
 * @example
 * ```ts
 * const probed = await probeImages(pending, context, failImage);
 * ```
 */
export async function probeImages(
  pending: readonly PlannedImage[],
  context: CommandContext,
  failImage: (image: PlannedImage, error: { code: string; message: string }) => void,
): Promise<ProbedImage[]> {
  const prober = await context.services.imageProber();
  const probed: ProbedImage[] = [];
  for (const image of pending) {
    context.io.signal.throwIfAborted();
    try {
      const info = await prober.probe(image.absolute);
      probed.push({ ...image, info });
    } catch (error) {
      if (!GeminiVisionError.isInstance(error)) throw error;
      failImage(image, { code: error.code, message: error.message.split(image.absolute).join(image.path) });
    }
  }
  return probed;
}

/**
 * Notes on stderr which images Gemini does not accept as they are (GIF, AVIF): the client
 * converts them with the images preparer to PNG or JPEG, at their own size (or to `--resize`).
 *
 * @param images - The images to send.
 * @param quiet - Print nothing (`--json`).
 * @param context - I/O.
 *
 * @example
 * ```ts
 * noteConvertedImages(probed, options.json, context);
 * ```
 */
export function noteConvertedImages(images: readonly ProbedImage[], quiet: boolean, context: CommandContext): void {
  const converted = images.filter((image) => !(SUPPORTED_IMAGE_MIME_TYPES as readonly string[]).includes(image.info.mimeType));
  if (converted.length === 0 || quiet) return;
  const formats = [...new Set(converted.map((image) => image.info.format.toUpperCase()))].sort().join(' and ');
  writeDiagnostic(
    context,
    'note',
    `${converted.length} image${converted.length === 1 ? '' : 's'} (${formats}) will be sent as PNG or JPEG at the same size: Gemini does not accept ${formats}.`,
  );
}
