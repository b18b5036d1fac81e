import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

import { GeminiVisionError, type ImageInfo, SUPPORTED_IMAGE_MIME_TYPES } from '@gemini-vision/core';
import type { ImageInput } from '@gemini-vision/gemini';

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
 * const probed: ProbedImage = { ...planned, info, convert: info.mimeType === 'image/gif' };
 * ```
 */
export interface ProbedImage extends PlannedImage {
  /** Size and orientation, read from the header. */
  readonly info: ImageInfo;
  /** Gemini does not accept its format (GIF, AVIF): it is sent re-encoded, at the same size. */
  readonly convert: boolean;
}

/**
 * Where the bytes to send come from: the file's path, or a PNG/JPEG re-encoding of it.
 *
 * @example
 * ```ts
 * const input = await inputOf(image); // a path, or the re-encoded bytes
 * ```
 */
export type InputOf = (image: ProbedImage) => Promise<ImageInput>;

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
      probed.push({ ...image, info, convert: !(SUPPORTED_IMAGE_MIME_TYPES as readonly string[]).includes(info.mimeType) });
    } catch (error) {
      if (!GeminiVisionError.isInstance(error)) throw error;
      failImage(image, { code: error.code, message: error.message.split(image.absolute).join(image.path) });
    }
  }
  return probed;
}

/**
 * Creates the source of the bytes to send. GIF and AVIF, which Gemini does not accept, are
 * re-encoded as PNG or JPEG at the same size (and turned upright) by the images preparer, each
 * time they are needed, so a large folder is never held in memory.
 *
 * @param images - The images to send.
 * @param quiet - Print no note about the conversion (`--json`).
 * @param context - I/O and the preparer.
 * @returns The {@link InputOf} function.
 *
 * @example
 * ```ts
 * const inputOf = await createInputSource(probed, false, context);
 * await vision.detect(await inputOf(image));
 * ```
 */
export async function createInputSource(images: readonly ProbedImage[], quiet: boolean, context: CommandContext): Promise<InputOf> {
  const converted = images.filter((image) => image.convert);
  if (converted.length === 0) return (image) => Promise.resolve(image.absolute);
  if (!quiet) {
    const formats = [...new Set(converted.map((image) => image.info.format.toUpperCase()))].sort().join(' and ');
    writeDiagnostic(
      context,
      'note',
      `${converted.length} image${converted.length === 1 ? '' : 's'} (${formats}) will be sent as PNG or JPEG at the same size: Gemini does not accept ${formats}.`,
    );
  }
  const preparer = await context.services.imagePreparer();
  return async (image) => (image.convert ? (await preparer.prepare(image.absolute)).bytes : image.absolute);
}
