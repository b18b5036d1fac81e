import type { Readable } from 'node:stream';

import {
  GeminiVisionError,
  type ImageInfo,
  type ImageSource,
  ImageUnreadableError,
  InvalidArgumentError,
} from '@gemini-vision/core';

import { readImageHeaderFromBytes, resolveMaxPixels } from '../header/read-image-header-from-bytes';
import { assertOneOf } from '../internal/assert-option';
import { NotAFileError, readFromStream, withFileAsync, withFileSync } from '../internal/byte-drivers';
import { imageInfoFromHeader, wrapUnexpectedHeaderError } from '../internal/image-info-from-header';
import { readImageHeader } from '../internal/read-image-header';
import { runAsync, runSync } from '../internal/run-byte-requester';

/**
 * What {@link probeImage} reads: a file path, the encoded bytes, or a readable stream.
 *
 * @example
 * ```ts
 * const input: ProbeImageInput = createReadStream('photo.jpg');
 * ```
 */
export type ProbeImageInput = string | Uint8Array | Readable;

/**
 * Options of {@link probeImage}.
 *
 * @example
 * ```ts
 * const options: ProbeImageOptions = { maxPixels: 100_000_000, fileAccess: 'async' };
 * ```
 */
export interface ProbeImageOptions {
  /**
   * Images whose header claims more pixels (`width × height`) are refused with
   * `ImageTooLargeError`, a guard against decompression bombs. `Infinity` disables it.
   * @defaultValue `268_402_689` ({@link DEFAULT_MAX_PIXELS}, sharp's own limit)
   */
  readonly maxPixels?: number | undefined;
  /**
   * How files are read. `'sync'` reads the few KB a header needs with synchronous system calls
   * (about 4 µs from the page cache, against about 25 µs for a thread-pool round trip), blocking
   * the event loop for that long per file; `'async'` goes through the libuv thread pool, which
   * suits network file systems and cold disks. Ignored for buffers and streams.
   * @defaultValue `'sync'`
   */
  readonly fileAccess?: 'sync' | 'async' | undefined;
}

/**
 * Reads an image's real type, size and orientation from its header, without decoding pixels.
 *
 * @remarks
 * The MIME type is sniffed from the magic bytes, never taken from the file name. Supports JPEG,
 * PNG, WebP, GIF, AVIF, HEIC and HEIF. Orientation comes from EXIF (JPEG, PNG `eXIf`, WebP
 * `EXIF`) or, for the HEIF family, from the primary item's `irot`/`imir` properties (EXIF is
 * ignored there, as libheif does); `displayWidth`/`displayHeight` swap the sides for 5–8.
 *
 * Only the bytes the header needs are read: 16 KB first, more only when a parser asks, and
 * segments a parser skips (a 1 MB XMP block before a JPEG's frame header, a WebP bitstream before
 * its `EXIF` chunk) are jumped over, not read. Streams are read only up to the header and are
 * not destroyed.
 *
 * @param input - A file path, the encoded bytes, or a readable stream of them.
 * @param options - Pixel limit and file access mode; see {@link ProbeImageOptions}.
 * @returns The {@link ImageInfo}: `mimeType`, `format`, `width`, `height` (as stored),
 * `orientation` (1..8), `displayWidth`, `displayHeight`, `byteLength`.
 * @throws {@link ImageUnreadableError} If the file is missing, unreadable, empty, or its header is
 * truncated or corrupt.
 * @throws {@link ImageUnsupportedFormatError} If the bytes are not one of the supported formats
 * (the error says what they look like, e.g. `a TIFF image`).
 * @throws {@link ImageTooLargeError} If the header claims more than `maxPixels` pixels.
 * @throws {@link InvalidArgumentError} If `input` or an option has the wrong type.
 *
 * @example
 * ```ts
 * const info = await probeImage('IMG_0001.jpg');
 * // { mimeType: 'image/jpeg', format: 'jpeg', width: 4032, height: 3024, orientation: 6,
 * //   displayWidth: 3024, displayHeight: 4032, byteLength: 2481337 }
 * ```
 */
export async function probeImage(input: ProbeImageInput, options: ProbeImageOptions = {}): Promise<ImageInfo> {
  const maxPixels = resolveMaxPixels(options.maxPixels);
  const fileAccess: unknown = options.fileAccess ?? 'sync';
  assertOneOf('options.fileAccess', fileAccess, ['sync', 'async']);

  if (typeof input === 'string' || input instanceof Uint8Array) {
    if (fileAccess === 'sync' || typeof input !== 'string') return probeImageSync(input, maxPixels);
    const path = input;
    return guardUnexpected(path, () =>
      withFileAsync(path, async (read, size) =>
        imageInfoFromHeader(await runAsync(readImageHeader(), read), path, size, maxPixels),
      ),
    ).catch((error: unknown) => {
      throw toFileError(error, path);
    });
  }
  if (isReadable(input)) {
    const source: ImageSource = { stream: true };
    const stream = readFromStream(input);
    try {
      return await guardUnexpected(source, async () =>
        imageInfoFromHeader(await runAsync(readImageHeader(), stream.read), source, undefined, maxPixels),
      );
    } catch (error) {
      if (GeminiVisionError.isInstance(error)) throw error;
      throw new ImageUnreadableError({ source, reason: 'the stream failed', cause: error });
    } finally {
      await stream.finish();
    }
  }
  throw new InvalidArgumentError({
    argument: 'input',
    expected: 'a file path, a Uint8Array or a readable stream',
    received: input,
  });
}

/**
 * Probes a path or bytes synchronously; shared by {@link probeImage} and `probeImages`.
 * @internal
 */
export function probeImageSync(input: string | Uint8Array, maxPixels: number): ImageInfo {
  if (typeof input !== 'string') return readImageHeaderFromBytes(input, { maxPixels });
  try {
    return withFileSync(input, (read, size) =>
      guardUnexpectedSync(input, () => imageInfoFromHeader(runSync(readImageHeader(), read), input, size, maxPixels)),
    );
  } catch (error) {
    throw toFileError(error, input);
  }
}

/** Turns file-system failures into {@link ImageUnreadableError}; passes our own errors through. */
function toFileError(error: unknown, path: string): unknown {
  if (GeminiVisionError.isInstance(error)) return error;
  if (error instanceof NotAFileError) return new ImageUnreadableError({ source: path, reason: error.message });
  const code = (error as { code?: unknown } | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'the file does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a directory',
    ELOOP: 'it is a symbolic link loop',
    ENAMETOOLONG: 'the path is too long',
  };
  const reason =
    typeof code === 'string' ? (reasons[code] ?? `the file could not be read (${code})`) : 'the file could not be read';
  return new ImageUnreadableError({ source: path, reason, cause: error });
}

/** A parser bug on a strange file must not escape as a raw TypeError: report the file instead. */
function guardUnexpectedSync<T>(source: ImageSource, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw wrapUnexpected(error, source);
  }
}

async function guardUnexpected<T>(source: ImageSource, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw wrapUnexpected(error, source);
  }
}

function wrapUnexpected(error: unknown, source: ImageSource): unknown {
  if (error instanceof NotAFileError) return error;
  if (typeof (error as { code?: unknown } | null)?.code === 'string') return error; // file-system errors
  return wrapUnexpectedHeaderError(error, source);
}

function isReadable(value: unknown): value is Readable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Readable).iterator === 'function' &&
    typeof (value as Readable).on === 'function'
  );
}
