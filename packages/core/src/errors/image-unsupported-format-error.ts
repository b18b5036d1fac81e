import { GeminiVisionError } from './gemini-vision-error';
import { describeImageSource, imageSourceField, type ImageErrorOptions } from './image-error-source';

/**
 * Constructor options of {@link ImageUnsupportedFormatError}.
 *
 * @example
 * ```ts
 * const options: ImageUnsupportedFormatErrorOptions = { source: 'notes.txt' };
 * ```
 */
export interface ImageUnsupportedFormatErrorOptions extends ImageErrorOptions {
  /**
   * What the bytes turned out to be, as a noun phrase (`a TIFF image`, `a PDF document`), or
   * `undefined` when they match no known signature.
   */
  readonly detected?: string | undefined;
  /** One sentence telling the caller what to do instead. */
  readonly hint?: string | undefined;
}

/**
 * The bytes are not an image format this operation supports: not an image at all, a format
 * Gemini does not take (TIFF, BMP, …), or one this build cannot decode (HEIC without an HEVC
 * decoder).
 *
 * @example
 * ```ts
 * throw new ImageUnsupportedFormatError({ source: 'notes.txt', hint: 'Pass a JPEG, PNG, WebP, GIF, AVIF, HEIC or HEIF file.' });
 * // ImageUnsupportedFormatError: Could not recognise the image `notes.txt`: its bytes match no supported image format. Pass …
 * ```
 */
export class ImageUnsupportedFormatError extends GeminiVisionError {
  override readonly name = 'ImageUnsupportedFormatError';

  /** The file path as given, or a description of in-memory input such as `a 2048-byte buffer`. */
  readonly source: string;

  /** What the bytes turned out to be (`a TIFF image`), or `undefined` if unknown. */
  readonly detected: string | undefined;

  constructor({ source, detected, hint, cause }: ImageUnsupportedFormatErrorOptions) {
    const sentence =
      detected === undefined
        ? `Could not recognise the image ${describeImageSource(source)}: its bytes match no supported image format.`
        : `Could not use the image ${describeImageSource(source)}: it is ${detected}, which is not supported here.`;
    super('IMAGE_UNSUPPORTED_FORMAT', hint === undefined ? sentence : `${sentence} ${hint}`, { cause });
    this.source = imageSourceField(source);
    this.detected = detected;
  }

  /**
   * Tells whether `value` is an `ImageUnsupportedFormatError` from any copy of this package.
   *
   * @example
   * ```ts
   * ImageUnsupportedFormatError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is ImageUnsupportedFormatError {
    return GeminiVisionError.isInstance(value) && value.code === 'IMAGE_UNSUPPORTED_FORMAT';
  }
}
