import { GeminiVisionError } from './gemini-vision-error';
import { describeImageSource, imageSourceField, type ImageErrorOptions } from './image-error-source';

/**
 * Constructor options of {@link ImageDecodeError}.
 *
 * @example
 * ```ts
 * const options: ImageDecodeErrorOptions = { source: 'photo.heic', codec: 'sharp' };
 * ```
 */
export interface ImageDecodeErrorOptions extends ImageErrorOptions {
  /** Name of the codec that failed, e.g. `sharp`. */
  readonly codec: string;
  /** One sentence telling the caller what to do. */
  readonly hint?: string | undefined;
}

/**
 * An image's header was fine but its pixels could not be decoded (truncated or corrupt data).
 *
 * @example
 * ```ts
 * throw new ImageDecodeError({ source: 'cut.jpg', codec: 'sharp', cause: new Error('VipsJpeg: premature end of JPEG file') });
 * // ImageDecodeError: Could not decode the image `cut.jpg` with the `sharp` codec: VipsJpeg: premature end of JPEG file.
 * ```
 */
export class ImageDecodeError extends GeminiVisionError {
  override readonly name = 'ImageDecodeError';

  /** The file path as given, or a description of in-memory input such as `a 2048-byte buffer`. */
  readonly source: string;
  /** Name of the codec that failed, e.g. `sharp`. */
  readonly codec: string;

  constructor({ source, codec, hint, cause }: ImageDecodeErrorOptions) {
    const detail = cause instanceof Error ? `: ${firstLine(cause.message)}` : '';
    const sentence = `Could not decode the image ${describeImageSource(source)} with the \`${codec}\` codec${detail}.`;
    super('IMAGE_DECODE_FAILED', hint === undefined ? sentence : `${sentence} ${hint}`, { cause });
    this.source = imageSourceField(source);
    this.codec = codec;
  }

  /**
   * Tells whether `value` is an `ImageDecodeError` from any copy of this package.
   *
   * @example
   * ```ts
   * ImageDecodeError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is ImageDecodeError {
    return GeminiVisionError.isInstance(value) && value.code === 'IMAGE_DECODE_FAILED';
  }
}

const MAX_DETAIL_LENGTH = 160;

/** The first line of a vendor message, without a trailing period, capped in length. */
function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? '').trim().replace(/\.$/u, '');
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH)}…` : line;
}
