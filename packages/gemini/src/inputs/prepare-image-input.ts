import {
  adviseResize,
  GeminiVisionError,
  RequestLimitExceededError,
  SUPPORTED_IMAGE_MIME_TYPES,
  type FrameTransformOptions,
  type GeminiBackend,
  type ImageInfo,
  type ImagePreparer,
  type ImagePreparerOptions,
  type ImagePreparerResult,
  type ImageProber,
  type MediaResolution,
  type Size,
} from '@gemini-vision/core';

import { hashBytes } from '../internal/hash-bytes';
import type { LoadedImage } from './load-image-input';

/**
 * How images are prepared before sending.
 *
 * - `false` (default): sent as they are, except that, when an `imagePreparer` is available, an
 *   image with an EXIF rotation is turned upright and a GIF or AVIF (which Gemini does not
 *   accept) is re-encoded, at its own size.
 * - `{ maxSide }`: scaled down so the longest side is at most `maxSide` pixels (the cookbook
 *   sends 640 or 1024), turned upright and re-encoded.
 * - `'token-optimal'`: scaled to core's `adviseResize` recommendation for the model (never below
 *   768 px on the shorter side, so detail for detection survives).
 *
 * Anything but `false` needs an `imagePreparer`.
 *
 * @example
 * ```ts
 * const prepare: PrepareSetting = { maxSide: 1024 };
 * ```
 */
export type PrepareSetting = false | { readonly maxSide: number } | 'token-optimal';

/**
 * The shorter side `'token-optimal'` preparation never goes below, in pixels, so that detection
 * keeps its detail.
 *
 * @example
 * ```ts
 * adviseResize(size, { model, minSide: TOKEN_OPTIMAL_MIN_SIDE });
 * ```
 */
export const TOKEN_OPTIMAL_MIN_SIDE = 768;

/**
 * One image as it was sent, and how it relates to the original.
 *
 * @example
 * ```ts
 * const [image] = result.images;
 * console.log(image.original.displayWidth, '→', image.sentSize.width, image.transport);
 * ```
 */
export interface SentImage {
  /** Position of the image in the request (0-based). */
  readonly index: number;
  /** Where it came from. */
  readonly source: 'path' | 'url' | 'bytes';
  /** The path, the URL without its query string, or `a N-byte buffer`. */
  readonly description: string;
  /** The original's header, as the `imageProber` read it. */
  readonly original: ImageInfo;
  /** MIME type of the bytes sent. */
  readonly mimeType: string;
  /** Size of the bytes sent, before base64. */
  readonly byteLength: number;
  /** Pixel size of the image sent. */
  readonly sentSize: Size;
  /** The frame transform record: `createFrameTransform(transform)` maps sent coordinates to the original. */
  readonly transform: FrameTransformOptions;
  /** Whether the `imagePreparer` re-encoded the image (resize, rotation, format conversion, metadata stripping). */
  readonly prepared: boolean;
  /** Hex SHA-256 of the bytes sent; Files API uploads are reused by it. */
  readonly sha256: string;
  /** How the image travelled: inline base64 or a Files API reference. */
  readonly transport: 'inline' | 'files-api';
  /** The Files API name (`files/…`), when uploaded. */
  readonly fileName: string | undefined;
  /** Whether an earlier upload of the same bytes was reused. */
  readonly reusedUpload: boolean;
}

/** A {@link SentImage} before transport is chosen, with its bytes. */
export interface ImagePayload extends Omit<SentImage, 'transport' | 'fileName' | 'reusedUpload'> {
  /** The bytes to send. */
  readonly bytes: Uint8Array;
  /** Caveats, e.g. a rotation that could not be applied. */
  readonly warnings: readonly string[];
}

/** Options of {@link prepareImageInput}. */
export interface PrepareImageInputOptions {
  /** Reads the header. */
  readonly prober: ImageProber;
  /** Resizes and rotates, if available. */
  readonly preparer: ImagePreparer | undefined;
  /** What to do. */
  readonly prepare: PrepareSetting;
  /** For `'token-optimal'`. */
  readonly model: string;
  /** For `'token-optimal'`. */
  readonly mediaResolution: MediaResolution | undefined;
  /** For `'token-optimal'`. */
  readonly backend: GeminiBackend;
}

/**
 * Probes an image and, when needed, prepares it: the bytes to send, their size and the frame
 * transform back to the original.
 *
 * @remarks
 * The `imagePreparer` runs when a resize is asked for, when the image has an EXIF rotation (it is
 * turned upright), or when its sniffed MIME type is one Gemini does not accept (GIF, AVIF): it is
 * then re-encoded as PNG (GIF: palette and transparency survive) or JPEG (anything else), at its
 * own size unless a resize was asked for. Results map back through the transform it returns.
 *
 * @throws {@link RequestLimitExceededError} If Gemini does not accept the image's type and there
 * is no `imagePreparer` (or it produced another type Gemini does not accept).
 */
export async function prepareImageInput(index: number, loaded: LoadedImage, options: PrepareImageInputOptions): Promise<ImagePayload> {
  const original = await options.prober.probe(loaded.bytes);
  const displayed: Size = { width: original.displayWidth, height: original.displayHeight };
  const warnings: string[] = [];
  const request = preparationRequest(displayed, options);
  const rotated = original.orientation !== 1;
  const convert = !isAcceptedMimeType(original.mimeType);
  const { preparer } = options;
  if (convert && preparer === undefined) {
    throw unsupportedTypeError(
      index,
      loaded,
      original.mimeType,
      "Configure an `imagePreparer` (e.g. `{ name: 'sharp', prepare: prepareImage }` from @gemini-vision/images) to convert it automatically, or convert the file to PNG, JPEG or WebP.",
    );
  }

  if (preparer !== undefined && (request !== undefined || rotated || convert)) {
    let prepared: ImagePreparerResult | undefined;
    try {
      prepared = await preparer.prepare(loaded.bytes, convert ? { ...request, format: conversionFormat(original) } : (request ?? {}));
    } catch (error) {
      // HEIC/HEIF that the preparer cannot decode: Gemini accepts them as they are.
      const heif = original.format === 'heic' || original.format === 'heif';
      if (!(heif && GeminiVisionError.isInstance(error) && error.code === 'IMAGE_UNSUPPORTED_FORMAT')) throw error;
      warnings.push(`Image ${index} (${original.format}) could not be prepared by \`${preparer.name}\`, so it was sent unchanged.`);
    }
    if (prepared !== undefined) {
      if (!isAcceptedMimeType(prepared.mimeType)) {
        throw unsupportedTypeError(
          index,
          loaded,
          prepared.mimeType,
          `The \`imagePreparer\` \`${preparer.name}\` produced it from ${original.mimeType}; make it return PNG, JPEG or WebP, or convert the file first.`,
        );
      }
      return {
        index,
        source: loaded.source,
        description: loaded.description,
        original,
        bytes: prepared.bytes,
        mimeType: prepared.mimeType,
        byteLength: prepared.bytes.byteLength,
        sentSize: { width: prepared.width, height: prepared.height },
        transform: prepared.transform,
        prepared: true,
        sha256: hashBytes(prepared.bytes),
        warnings,
      };
    }
  }
  if (rotated) {
    warnings.push(
      `Image ${index} has EXIF orientation ${original.orientation} but was sent unrotated${preparer === undefined ? ' (no imagePreparer)' : ''}; coordinates refer to its stored pixel grid.`,
    );
  }
  const stored: Size = { width: original.width, height: original.height };
  return {
    index,
    source: loaded.source,
    description: loaded.description,
    original,
    bytes: loaded.bytes,
    mimeType: original.mimeType,
    byteLength: loaded.bytes.byteLength,
    sentSize: stored,
    transform: { originalSize: stored, orientation: 1, steps: [] },
    prepared: false,
    sha256: hashBytes(loaded.bytes),
    warnings,
  };
}

/** Whether Gemini accepts the MIME type (core's `SUPPORTED_IMAGE_MIME_TYPES`, parameters ignored). */
function isAcceptedMimeType(mimeType: string): boolean {
  const essence = mimeType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return (SUPPORTED_IMAGE_MIME_TYPES as readonly string[]).includes(essence);
}

/** The encoding an unaccepted format is converted to: PNG keeps a GIF's palette and transparency; JPEG suits the rest (AVIF photos). */
function conversionFormat(original: ImageInfo): 'png' | 'jpeg' {
  return original.format === 'gif' ? 'png' : 'jpeg';
}

/** The error for an image whose type Gemini does not accept, as core's `UNSUPPORTED_MIME_TYPE` violation. */
function unsupportedTypeError(index: number, loaded: LoadedImage, mimeType: string, fix: string): RequestLimitExceededError {
  return new RequestLimitExceededError({
    violations: [
      {
        code: 'UNSUPPORTED_MIME_TYPE',
        index,
        mimeType,
        message: `Image ${index} (${loaded.description}) is \`${mimeType}\`, which Gemini does not accept (only ${SUPPORTED_IMAGE_MIME_TYPES.join(', ')}). ${fix}`,
      },
    ],
  });
}

/** The preparer options for the setting, or `undefined` when no resize is needed. */
function preparationRequest(displayed: Size, options: PrepareImageInputOptions): ImagePreparerOptions | undefined {
  const { prepare } = options;
  if (prepare === false) return undefined;
  if (prepare === 'token-optimal') {
    const advice = adviseResize(displayed, {
      model: options.model,
      mediaResolution: options.mediaResolution,
      backend: options.backend,
      minSide: Math.min(TOKEN_OPTIMAL_MIN_SIDE, displayed.width, displayed.height),
    });
    const size = advice.recommended.size;
    return size.width < displayed.width || size.height < displayed.height ? { targetSize: size } : undefined;
  }
  return Math.max(displayed.width, displayed.height) > prepare.maxSide ? { maxSide: prepare.maxSide } : undefined;
}
