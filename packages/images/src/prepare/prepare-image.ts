import sharp, { type OutputInfo } from 'sharp';

import {
  type ExifOrientation,
  type FrameTransformOptions,
  type GeminiVisionError,
  ImageDecodeError,
  type ImageInfo,
  type ImageSource,
  ImageUnsupportedFormatError,
  InvalidArgumentError,
  type ResizeStep,
  type Size,
} from '@gemini-vision/core';

import { resolveMaxPixels } from '../header/read-image-header-from-bytes';
import { assertOneOf } from '../internal/assert-option';
import { toPlainBytes } from '../internal/to-plain-bytes';
import { probeImageSync } from '../probe/probe-image';

/**
 * Output encodings {@link prepareImage} can produce: all accepted by Gemini.
 *
 * @example
 * ```ts
 * const format: PreparedImageFormat = 'webp';
 * ```
 */
export type PreparedImageFormat = 'jpeg' | 'png' | 'webp';

/**
 * Options of {@link prepareImage}.
 *
 * @example
 * ```ts
 * const options: PrepareImageOptions = { maxSide: 1536, format: 'jpeg', quality: 85 };
 * ```
 */
export interface PrepareImageOptions {
  /**
   * Longest side of the result in pixels (a positive integer). Larger images are scaled down,
   * keeping the aspect ratio (sides rounded to the nearest pixel); smaller ones are never scaled
   * up. Exclusive with `targetSize`.
   * @defaultValue no limit
   */
  readonly maxSide?: number | undefined;
  /**
   * Exact size of the result in pixels, upright (after orientation), e.g. the token-optimal size
   * core's resize advice returns. Exclusive with `maxSide`.
   * @defaultValue the displayed size, or the `maxSide` fit
   */
  readonly targetSize?: Size | undefined;
  /**
   * Encoding of the result.
   * @defaultValue the input's format for JPEG, PNG and WebP; `'png'` for GIF; `'jpeg'` otherwise
   */
  readonly format?: PreparedImageFormat | undefined;
  /**
   * JPEG / WebP quality, an integer 1..100 (ignored for PNG).
   * @defaultValue `85`
   */
  readonly quality?: number | undefined;
  /**
   * Drop EXIF (GPS position, camera serial numbers), XMP and ICC data from the result. `false`
   * keeps them (the orientation tag is reset when the pixels are turned upright).
   * @defaultValue `true`
   */
  readonly stripMetadata?: boolean | undefined;
  /**
   * Turn the pixels upright according to the EXIF orientation, so the model sees what a person
   * sees. AVIF/HEIF `irot`/`imir` are always applied by the decoder.
   * @defaultValue `true`
   */
  readonly autoOrient?: boolean | undefined;
  /**
   * Inputs whose header claims more pixels are refused before decoding.
   * @defaultValue `268_402_689` (sharp's own limit)
   */
  readonly maxPixels?: number | undefined;
}

/**
 * What {@link prepareImage} returns: the bytes to send and how they relate to the original.
 *
 * @example
 * ```ts
 * const { bytes, mimeType, width, height, transform } = await prepareImage('photo.jpg', { maxSide: 1024 });
 * ```
 */
export interface PreparedImage {
  /** The encoded image to send (a plain `Uint8Array`). */
  readonly bytes: Uint8Array;
  /** Its MIME type: `image/jpeg`, `image/png` or `image/webp`. */
  readonly mimeType: string;
  /** Its encoding. */
  readonly format: PreparedImageFormat;
  /** Its width in pixels. */
  readonly width: number;
  /** Its height in pixels. */
  readonly height: number;
  /**
   * How the sent image relates to the original file: pass it to core's
   * `createFrameTransform(transform)` to map boxes, points and masks back to the original's
   * pixels. `originalSize` is the stored size, `orientation` the one applied before `steps`.
   */
  readonly transform: FrameTransformOptions & {
    readonly originalSize: Size;
    readonly orientation: ExifOrientation;
    readonly steps: readonly ResizeStep[];
  };
  /** The original's header, as {@link probeImage} reads it. */
  readonly original: ImageInfo;
}

const MIME_TYPES: Record<PreparedImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

const DEFAULT_QUALITY = 85;

/**
 * Prepares an image for sending to Gemini: turns it upright, scales it to a size you choose,
 * strips private metadata and re-encodes it — and records the transform that maps the model's
 * coordinates back to the original.
 *
 * @remarks
 * Runs on sharp (libvips). The header is probed first, so a decompression bomb is refused before
 * decoding. sharp's prebuilt binaries cannot decode HEVC, so HEIC files fail with an
 * {@link ImageUnsupportedFormatError} whose message says what to do: Gemini accepts
 * `image/heic` and `image/heif` as they are (send the file unchanged), or convert the file with
 * another tool. AVIF decodes fine.
 *
 * @param input - A file path or the encoded bytes.
 * @param options - Size, format, quality and metadata handling; see {@link PrepareImageOptions}.
 * @returns The {@link PreparedImage}: bytes, MIME type, size, the transform record for
 * `createFrameTransform`, and the original's header.
 * @throws {@link InvalidArgumentError} If an option is invalid (both `maxSide` and `targetSize`, a
 * quality outside 1..100, …).
 * @throws {@link ImageUnreadableError} If the file is missing, empty or its header is damaged.
 * @throws {@link ImageUnsupportedFormatError} If the input is not a supported image, or is HEIC
 * that this sharp build cannot decode.
 * @throws {@link ImageTooLargeError} If the header claims more than `maxPixels` pixels.
 * @throws {@link ImageDecodeError} If the pixels cannot be decoded (truncated or corrupt data).
 *
 * @example
 * ```ts
 * const prepared = await prepareImage('IMG_0001.jpg', { maxSide: 1536 });
 * // prepared.transform → { originalSize: { width: 4032, height: 3024 }, orientation: 6,
 * //   steps: [{ type: 'resize', size: { width: 1152, height: 1536 } }] }
 * const frame = createFrameTransform(prepared.transform);
 * ```
 */
export async function prepareImage(input: string | Uint8Array, options: PrepareImageOptions = {}): Promise<PreparedImage> {
  const settings = resolveOptions(options);
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new InvalidArgumentError({ argument: 'input', expected: 'a file path or a Uint8Array', received: input });
  }
  const source: ImageSource = typeof input === 'string' ? input : { byteLength: input.byteLength };
  const original = probeImageSync(input, settings.maxPixels);

  const decoderOrients = original.format === 'avif' || original.format === 'heic' || original.format === 'heif';
  const orientation = (decoderOrients || settings.autoOrient ? original.orientation : 1) as ExifOrientation;
  const upright: Size =
    orientation === original.orientation
      ? { width: original.displayWidth, height: original.displayHeight }
      : { width: original.width, height: original.height };
  const size = outputSize(upright, settings);
  const format = settings.format ?? defaultFormat(original.format);

  let pipeline = sharp(input, { limitInputPixels: settings.maxPixels === Infinity ? false : settings.maxPixels });
  if (settings.autoOrient) pipeline = pipeline.autoOrient();
  if (size.width !== upright.width || size.height !== upright.height) {
    pipeline = pipeline.resize(size.width, size.height, { fit: 'fill' });
  }
  if (!settings.stripMetadata) pipeline = pipeline.keepMetadata();
  if (format === 'jpeg') pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: settings.quality });
  else if (format === 'webp') pipeline = pipeline.webp({ quality: settings.quality });
  else pipeline = pipeline.png();

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await pipeline.toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw toDecodeError(cause, source, original);
  }

  const steps: ResizeStep[] =
    size.width === upright.width && size.height === upright.height ? [] : [{ type: 'resize', size }];
  return {
    bytes: toPlainBytes(output.data),
    mimeType: MIME_TYPES[format],
    format,
    width: output.info.width,
    height: output.info.height,
    transform: { originalSize: { width: original.width, height: original.height }, orientation, steps },
    original,
  };
}

interface ResolvedOptions {
  readonly maxSide: number | undefined;
  readonly targetSize: Size | undefined;
  readonly format: PreparedImageFormat | undefined;
  readonly quality: number;
  readonly stripMetadata: boolean;
  readonly autoOrient: boolean;
  readonly maxPixels: number;
}

function resolveOptions(options: PrepareImageOptions): ResolvedOptions {
  const { maxSide, targetSize, format } = options;
  if (maxSide !== undefined && targetSize !== undefined) {
    throw new InvalidArgumentError({
      argument: 'options',
      expected: 'either `maxSide` or `targetSize`',
      received: options,
      hint: 'Pass one of them, not both.',
    });
  }
  if (maxSide !== undefined) assertPositiveInteger('options.maxSide', maxSide);
  if (targetSize !== undefined) {
    assertPositiveInteger('options.targetSize.width', targetSize.width);
    assertPositiveInteger('options.targetSize.height', targetSize.height);
  }
  if (format !== undefined) assertOneOf('options.format', format as unknown, ['jpeg', 'png', 'webp']);
  const quality = options.quality ?? DEFAULT_QUALITY;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new InvalidArgumentError({ argument: 'options.quality', expected: 'an integer from 1 to 100', received: quality });
  }
  return {
    maxSide,
    targetSize,
    format,
    quality,
    stripMetadata: options.stripMetadata ?? true,
    autoOrient: options.autoOrient ?? true,
    maxPixels: resolveMaxPixels(options.maxPixels),
  };
}

function assertPositiveInteger(argument: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError({ argument, expected: 'a positive integer', received: value });
  }
}

/** The result's size: the target, or the upright size scaled down to fit `maxSide`. */
function outputSize(upright: Size, { maxSide, targetSize }: ResolvedOptions): Size {
  if (targetSize !== undefined) return { width: targetSize.width, height: targetSize.height };
  const longest = Math.max(upright.width, upright.height);
  if (maxSide === undefined || longest <= maxSide) return upright;
  const scale = maxSide / longest;
  return {
    width: Math.max(1, Math.min(maxSide, Math.round(upright.width * scale))),
    height: Math.max(1, Math.min(maxSide, Math.round(upright.height * scale))),
  };
}

function defaultFormat(format: ImageInfo['format']): PreparedImageFormat {
  if (format === 'jpeg' || format === 'png' || format === 'webp') return format;
  return format === 'gif' ? 'png' : 'jpeg';
}

function toDecodeError(cause: unknown, source: ImageSource, original: ImageInfo): GeminiVisionError {
  const message = cause instanceof Error ? cause.message : '';
  if ((original.format === 'heic' || original.format === 'heif') && /hevc|compression format|heif/iu.test(message)) {
    return new ImageUnsupportedFormatError({
      source,
      detected: `${original.format === 'heic' ? 'a HEIC' : 'a HEIF'} image with HEVC compression, which this sharp build cannot decode (its prebuilt libvips has no HEVC decoder)`,
      hint: `Gemini accepts ${original.mimeType} as it is: send the original bytes unchanged (probeImage() gives its size for token estimates), or convert it to JPEG with another tool (heif-convert, macOS Preview, ImageMagick) before preparing it.`,
      cause,
    });
  }
  return new ImageDecodeError({
    source,
    codec: 'sharp',
    hint: 'The file is truncated or corrupt; get it again or re-export it.',
    cause,
  });
}
