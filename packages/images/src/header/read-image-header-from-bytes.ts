import { type ImageInfo, type ImageSource, InvalidArgumentError } from '@gemini-vision/core';

import { imageInfoFromHeader, wrapUnexpectedHeaderError } from '../internal/image-info-from-header';
import { readImageHeader } from '../internal/read-image-header';
import { readFromBytes, runSync } from '../internal/run-byte-requester';

/**
 * sharp's default `limitInputPixels` (0x3FFF × 0x3FFF): headers claiming more pixels are refused
 * before anything is decoded.
 *
 * @example
 * ```ts
 * await probeImage('scan.png', { maxPixels: DEFAULT_MAX_PIXELS * 2 });
 * ```
 */
export const DEFAULT_MAX_PIXELS = 268_402_689;

/**
 * Options of {@link readImageHeaderFromBytes}.
 *
 * @example
 * ```ts
 * const options: ReadImageHeaderOptions = { maxPixels: Infinity, fileName: 'IMG_0001.HEIC' };
 * ```
 */
export interface ReadImageHeaderOptions {
  /**
   * Images whose header claims more pixels (`width × height`) are refused with
   * `ImageTooLargeError`, a guard against decompression bombs. `Infinity` disables it (nothing is
   * decoded here, so lifting it is safe when only the size is wanted).
   * @defaultValue `268_402_689` ({@link DEFAULT_MAX_PIXELS}, sharp's own limit)
   */
  readonly maxPixels?: number | undefined;
  /**
   * The name errors give the image, usually the file the bytes came from (nothing is read from
   * it). Without it, errors describe the input by its size only (`a 2048-byte buffer`).
   * @defaultValue `undefined`
   */
  readonly fileName?: string | undefined;
}

/**
 * Reads an image's real type, size and orientation from in-memory bytes, synchronously, without
 * decoding pixels. Runs in browsers: no Node APIs (`@gemini-vision/images/header` loads neither
 * sharp nor `node:*`).
 *
 * @remarks
 * The same reader as {@link probeImage}: the MIME type is sniffed from the magic bytes; JPEG, PNG,
 * WebP, GIF, AVIF, HEIC and HEIF are supported; orientation comes from EXIF (JPEG, PNG `eXIf`,
 * WebP `EXIF`) or, for the HEIF family, from the primary item's `irot`/`imir` (EXIF is ignored
 * there, as libheif does); `displayWidth`/`displayHeight` swap the sides for 5–8.
 *
 * `bytes` may be just the start of a file: the header of nearly every image lies in its first
 * 64 KB. When it lies further in, the error says the header is truncated; read more and call
 * again.
 *
 * @param bytes - The encoded image, or the start of it.
 * @param options - Pixel limit and the name errors use; see {@link ReadImageHeaderOptions}.
 * @returns The {@link ImageInfo}: `mimeType`, `format`, `width`, `height` (as stored),
 * `orientation` (1..8), `displayWidth`, `displayHeight`, and `byteLength` (the length of
 * `bytes`).
 * @throws {@link ImageUnreadableError} If `bytes` is empty, or the header is truncated or corrupt.
 * @throws {@link ImageUnsupportedFormatError} If the bytes are not one of the supported formats
 * (the error says what they look like, e.g. `a TIFF image`).
 * @throws {@link ImageTooLargeError} If the header claims more than `maxPixels` pixels.
 * @throws {@link InvalidArgumentError} If `bytes` is not a `Uint8Array` or an option is invalid.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(await file.slice(0, 512 * 1024).arrayBuffer()); // a File from <input>
 * const info = readImageHeaderFromBytes(bytes, { fileName: file.name });
 * // { mimeType: 'image/jpeg', format: 'jpeg', width: 4032, height: 3024, orientation: 6,
 * //   displayWidth: 3024, displayHeight: 4032, byteLength: 524288 }
 * ```
 */
export function readImageHeaderFromBytes(bytes: Uint8Array, options: ReadImageHeaderOptions = {}): ImageInfo {
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidArgumentError({ argument: 'bytes', expected: 'a Uint8Array of image data', received: bytes });
  }
  const maxPixels = resolveMaxPixels(options.maxPixels);
  const fileName: unknown = options.fileName;
  if (fileName !== undefined && (typeof fileName !== 'string' || fileName === '')) {
    throw new InvalidArgumentError({ argument: 'options.fileName', expected: 'a non-empty string', received: fileName });
  }
  const source: ImageSource = fileName ?? { byteLength: bytes.byteLength };
  try {
    return imageInfoFromHeader(runSync(readImageHeader(), readFromBytes(bytes)), source, bytes.byteLength, maxPixels);
  } catch (error) {
    throw wrapUnexpectedHeaderError(error, source);
  }
}

/**
 * Validates `maxPixels`.
 * @internal
 */
export function resolveMaxPixels(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_PIXELS;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 1) {
    throw new InvalidArgumentError({
      argument: 'options.maxPixels',
      expected: 'a positive number of pixels (or Infinity)',
      received: value,
    });
  }
  return value;
}
