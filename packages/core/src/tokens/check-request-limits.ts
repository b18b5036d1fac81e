import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { resolveModel } from './resolve-model';
import type { GeminiBackend } from './types';

/**
 * Most images per request on the Gemini API ("Gemini models support a maximum of 3,600 image files per request").
 *
 * @example
 * ```ts
 * const batches = Math.ceil(paths.length / MAX_IMAGES_PER_REQUEST);
 * ```
 */
export const MAX_IMAGES_PER_REQUEST = 3600;

/**
 * Inline-data limit in bytes of base64 text since {@link INLINE_PAYLOAD_LIMIT_SINCE}: 100 MB,
 * taken as decimal megabytes (100,000,000) so that the check errs on the safe side.
 *
 * @example
 * ```ts
 * const fitsInline = 4 * Math.ceil(byteLength / 3) <= INLINE_PAYLOAD_LIMIT_BYTES;
 * ```
 */
export const INLINE_PAYLOAD_LIMIT_BYTES = 100_000_000;

/**
 * The date the inline limit rose from 20 MB to 100 MB (ISO 8601).
 *
 * @example
 * ```ts
 * const inlineLimit = today >= INLINE_PAYLOAD_LIMIT_SINCE ? 'current' : 'legacy';
 * ```
 */
export const INLINE_PAYLOAD_LIMIT_SINCE = '2026-01-12';

/**
 * The inline limit before {@link INLINE_PAYLOAD_LIMIT_SINCE}: 20 MB for the whole request, prompt included (decimal bytes).
 *
 * @example
 * ```ts
 * checkRequestLimits({ model, images, inlineLimit: 'legacy' }).inlinePayloadLimitBytes === LEGACY_INLINE_PAYLOAD_LIMIT_BYTES; // true
 * ```
 */
export const LEGACY_INLINE_PAYLOAD_LIMIT_BYTES = 20_000_000;

/**
 * Largest file the Files API accepts: 2 GB (decimal bytes).
 *
 * @example
 * ```ts
 * if (byteLength > FILES_API_MAX_FILE_BYTES) throw new Error('Recompress the image first.');
 * ```
 */
export const FILES_API_MAX_FILE_BYTES = 2_000_000_000;

/**
 * Files API storage per project: 20 GB (decimal bytes).
 *
 * @example
 * ```ts
 * const roomLeft = FILES_API_MAX_PROJECT_BYTES - uploadedBytes;
 * ```
 */
export const FILES_API_MAX_PROJECT_BYTES = 20_000_000_000;

/**
 * Hours the Files API keeps an upload.
 *
 * @example
 * ```ts
 * const expiresAt = uploadedAt + FILES_API_RETENTION_HOURS * 3_600_000;
 * ```
 */
export const FILES_API_RETENTION_HOURS = 48;

/**
 * Image MIME types Gemini accepts.
 *
 * @example
 * ```ts
 * SUPPORTED_IMAGE_MIME_TYPES.includes('image/webp'); // true
 * ```
 */
export const SUPPORTED_IMAGE_MIME_TYPES: readonly ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'] =
  Object.freeze(['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'] as const);

/**
 * One image MIME type Gemini accepts.
 *
 * @example
 * ```ts
 * const mimeType: SupportedImageMimeType = 'image/jpeg';
 * ```
 */
export type SupportedImageMimeType = (typeof SUPPORTED_IMAGE_MIME_TYPES)[number];

/**
 * The facts about one image that the limits depend on.
 *
 * @example
 * ```ts
 * const image: RequestLimitImage = { mimeType: 'image/jpeg', byteLength: 2_400_000 };
 * ```
 */
export interface RequestLimitImage {
  /** The real MIME type (sniffed from the bytes, not the file name). */
  readonly mimeType: string;
  /** Size of the encoded file in bytes, before base64. */
  readonly byteLength: number;
}

/**
 * Options of {@link checkRequestLimits}.
 *
 * @example
 * ```ts
 * const options: CheckRequestLimitsOptions = { model: 'gemini-2.5-flash', images: [{ mimeType: 'image/png', byteLength: 52_000 }] };
 * ```
 */
export interface CheckRequestLimitsOptions {
  /** Gemini model id (see {@link resolveModel}); sets the image-count limit. */
  readonly model: string;
  /** The images of the request, in order. */
  readonly images: readonly RequestLimitImage[];
  /**
   * UTF-8 bytes of the rest of the request (prompt text, JSON); counted toward the inline limit.
   * @defaultValue `0`
   */
  readonly textBytes?: number | undefined;
  /**
   * Which inline limit to check: `current` (100 MB of base64, since 2026-01-12) or `legacy` (20 MB).
   * @defaultValue `'current'`
   */
  readonly inlineLimit?: 'current' | 'legacy' | undefined;
  /**
   * How the images will be sent. With `files-api` the inline payload is not checked.
   * @defaultValue `'inline'`
   */
  readonly transport?: 'inline' | 'files-api' | undefined;
  /**
   * Where the request goes; Vertex AI allows fewer images per request.
   * @defaultValue `'gemini-api'`
   */
  readonly backend?: GeminiBackend | undefined;
}

/**
 * The request carries more images than the model accepts.
 *
 * @example
 * ```ts
 * const violation: TooManyImagesViolation = { code: 'TOO_MANY_IMAGES', limit: 3, actual: 4, message: '…' };
 * ```
 */
export interface TooManyImagesViolation {
  /** Discriminant. */
  readonly code: 'TOO_MANY_IMAGES';
  /** Most images the model accepts per request. */
  readonly limit: number;
  /** Images in the request. */
  readonly actual: number;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * An image has a MIME type Gemini does not accept.
 *
 * @example
 * ```ts
 * const violation: UnsupportedMimeTypeViolation = { code: 'UNSUPPORTED_MIME_TYPE', index: 0, mimeType: 'image/gif', message: '…' };
 * ```
 */
export interface UnsupportedMimeTypeViolation {
  /** Discriminant. */
  readonly code: 'UNSUPPORTED_MIME_TYPE';
  /** Position of the image in `images`. */
  readonly index: number;
  /** The MIME type as given. */
  readonly mimeType: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * The inline (base64) payload exceeds the limit; the Files API is the fix.
 *
 * @example
 * ```ts
 * const violation: InlinePayloadTooLargeViolation = { code: 'INLINE_PAYLOAD_TOO_LARGE', limit: 100_000_000, actual: 120_000_000, message: '…' };
 * ```
 */
export interface InlinePayloadTooLargeViolation {
  /** Discriminant. */
  readonly code: 'INLINE_PAYLOAD_TOO_LARGE';
  /** The inline limit in bytes. */
  readonly limit: number;
  /** The payload in bytes, base64 included. */
  readonly actual: number;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * An image is larger than the Files API accepts, so no transport can carry it.
 *
 * @example
 * ```ts
 * const violation: FileTooLargeViolation = { code: 'FILE_TOO_LARGE', index: 0, limit: 2_000_000_000, actual: 2_100_000_000, message: '…' };
 * ```
 */
export interface FileTooLargeViolation {
  /** Discriminant. */
  readonly code: 'FILE_TOO_LARGE';
  /** Position of the image in `images`. */
  readonly index: number;
  /** The Files API limit in bytes. */
  readonly limit: number;
  /** The image's size in bytes. */
  readonly actual: number;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * One broken limit, discriminated by `code`.
 *
 * @example
 * ```ts
 * function describe(violation: RequestLimitViolation): string {
 *   return violation.code === 'UNSUPPORTED_MIME_TYPE' ? `#${violation.index}` : violation.message;
 * }
 * ```
 */
export type RequestLimitViolation =
  | TooManyImagesViolation
  | UnsupportedMimeTypeViolation
  | InlinePayloadTooLargeViolation
  | FileTooLargeViolation;

/**
 * What {@link checkRequestLimits} returns.
 *
 * @example
 * ```ts
 * const check: RequestLimitCheck = checkRequestLimits({ model: 'gemini-2.5-flash', images: [] });
 * ```
 */
export interface RequestLimitCheck {
  /** True when there are no violations. */
  readonly ok: boolean;
  /** Every broken limit, in the order images, MIME types, files, payload. */
  readonly violations: readonly RequestLimitViolation[];
  /** Bytes the request would carry inline: `Σ 4·ceil(n/3)` over the images plus `textBytes`. */
  readonly inlinePayloadBytes: number;
  /** The inline limit checked, in bytes. */
  readonly inlinePayloadLimitBytes: number;
  /** Most images this model accepts per request on this backend. */
  readonly maxImages: number;
  /** `inline` when the payload fits the inline limit, else `files-api`. */
  readonly recommendedTransport: 'inline' | 'files-api';
}

/**
 * Checks a request against Gemini's limits before it is sent: image count, MIME types, inline
 * payload size (base64 included) and the Files API's per-file size.
 *
 * @remarks
 * Expected problems are returned as typed violations, each with a message that says how to fix
 * it; only malformed arguments throw. Base64 inflates `n` bytes to `4·ceil(n/3)`. The image limit
 * is the model's ({@link ModelCapabilities.maxImagesPerRequest}): {@link MAX_IMAGES_PER_REQUEST}
 * on the Gemini API for most models, 3 for Gemini 2.5 Flash Image, 14 for the Gemini 3 image
 * models, 3,000 (900 for Gemini 3 Pro) on Vertex AI. Megabytes are decimal here, which is the
 * stricter reading of Google's "100MB". Pure.
 *
 * @param options - Model, images (MIME type and byte length), text bytes, limit edition, transport and backend.
 * @returns Whether the request fits, the violations, the inline payload size and the transport to use.
 * @throws {@link InvalidArgumentError} If `images` is not an array or a byte length is not a whole number ≥ 0.
 * @throws {@link UnknownModelError} If `options.model` is not a Gemini model id.
 *
 * @example
 * ```ts
 * const check = checkRequestLimits({
 *   model: 'gemini-2.5-flash',
 *   images: [{ mimeType: 'image/jpeg', byteLength: 90_000_000 }],
 * });
 * check.recommendedTransport; // 'files-api' (120,000,000 bytes of base64)
 * ```
 */
export function checkRequestLimits(options: CheckRequestLimitsOptions): RequestLimitCheck {
  const model = resolveModel(options.model);
  const imagesInput: unknown = options.images;
  if (!Array.isArray(imagesInput)) {
    throw new InvalidArgumentError({ argument: 'options.images', expected: 'an array of { mimeType, byteLength }', received: imagesInput });
  }
  const images = options.images;
  const textBytes = options.textBytes ?? 0;
  assertByteCount('options.textBytes', textBytes);
  const backend = options.backend ?? 'gemini-api';
  const legacy = options.inlineLimit === 'legacy';
  const inlinePayloadLimitBytes = legacy ? LEGACY_INLINE_PAYLOAD_LIMIT_BYTES : INLINE_PAYLOAD_LIMIT_BYTES;
  const maxImages = model.capabilities.maxImagesPerRequest[backend];

  const violations: RequestLimitViolation[] = [];
  if (images.length > maxImages) {
    const where = backend === 'vertex-ai' ? 'on Vertex AI' : 'on the Gemini API';
    violations.push({
      code: 'TOO_MANY_IMAGES',
      limit: maxImages,
      actual: images.length,
      message: `The request has ${images.length} images, but \`${model.baseId}\` accepts at most ${maxImages} per request ${where}. Split the images across requests of at most ${maxImages} (or use a batch job).`,
    });
  }

  let inlinePayloadBytes = textBytes;
  const fileViolations: RequestLimitViolation[] = [];
  images.forEach((image, index) => {
    const mimeType: unknown = (image as Partial<RequestLimitImage> | undefined)?.mimeType;
    const byteLength: unknown = (image as Partial<RequestLimitImage> | undefined)?.byteLength;
    assertByteCount(`images[${index}].byteLength`, byteLength);
    inlinePayloadBytes += 4 * Math.ceil(byteLength / 3);

    if (typeof mimeType !== 'string' || !isSupportedImageMimeType(mimeType)) {
      violations.push({
        code: 'UNSUPPORTED_MIME_TYPE',
        index,
        mimeType: String(mimeType),
        message: `Image ${index} has MIME type \`${String(mimeType)}\`, which Gemini does not accept. ${mimeTypeFix(mimeType)}`,
      });
    }
    if (byteLength > FILES_API_MAX_FILE_BYTES) {
      fileViolations.push({
        code: 'FILE_TOO_LARGE',
        index,
        limit: FILES_API_MAX_FILE_BYTES,
        actual: byteLength,
        message: `Image ${index} is ${formatBytes(byteLength)}, over the Files API limit of ${formatBytes(FILES_API_MAX_FILE_BYTES)} per file, so neither inline data nor an upload can carry it. Downscale or recompress it first.`,
      });
    }
  });
  violations.push(...fileViolations);

  const fitsInline = inlinePayloadBytes <= inlinePayloadLimitBytes;
  if (!fitsInline && options.transport !== 'files-api') {
    const edition = legacy ? 'the legacy limit' : `the limit since ${INLINE_PAYLOAD_LIMIT_SINCE}`;
    violations.push({
      code: 'INLINE_PAYLOAD_TOO_LARGE',
      limit: inlinePayloadLimitBytes,
      actual: inlinePayloadBytes,
      message: `The inline payload is ${formatBytes(inlinePayloadBytes)} after base64, over ${formatBytes(inlinePayloadLimitBytes)} (${edition}). Upload the images with the Files API (up to ${formatBytes(FILES_API_MAX_FILE_BYTES)} each, kept ${FILES_API_RETENTION_HOURS} h) and send file references instead.`,
    });
  }

  return {
    ok: violations.length === 0,
    violations,
    inlinePayloadBytes,
    inlinePayloadLimitBytes,
    maxImages,
    recommendedTransport: fitsInline ? 'inline' : 'files-api',
  };
}

function isSupportedImageMimeType(mimeType: string): boolean {
  const essence = mimeType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return (SUPPORTED_IMAGE_MIME_TYPES as readonly string[]).includes(essence);
}

function mimeTypeFix(mimeType: unknown): string {
  const essence = typeof mimeType === 'string' ? mimeType.trim().toLowerCase() : '';
  if (essence === 'image/jpg' || essence === 'image/pjpeg') return 'Label it `image/jpeg`, the standard name.';
  return `Convert it to PNG, JPEG or WebP (supported: ${SUPPORTED_IMAGE_MIME_TYPES.join(', ')}).`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000_000) return `${trimNumber(bytes / 1_000_000_000)} GB`;
  if (bytes >= 1_000_000) return `${trimNumber(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${trimNumber(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function assertByteCount(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError({ argument, expected: 'a whole number of bytes ≥ 0', received: value });
  }
}
