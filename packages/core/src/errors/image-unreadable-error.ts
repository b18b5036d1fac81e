import { GeminiVisionError } from './gemini-vision-error';
import { describeImageSource, imageSourceField, type ImageErrorOptions } from './image-error-source';

/**
 * Constructor options of {@link ImageUnreadableError}.
 *
 * @example
 * ```ts
 * const options: ImageUnreadableErrorOptions = { source: 'empty.jpg', reason: 'the file is empty' };
 * ```
 */
export interface ImageUnreadableErrorOptions extends ImageErrorOptions {
  /** Why the image could not be read, as a clause: `the file is empty (0 bytes)`. */
  readonly reason: string;
  /** One sentence telling the caller what to do. */
  readonly hint?: string | undefined;
}

/**
 * An image could not be read: the file is missing or not readable, empty, or its header is
 * truncated or corrupt.
 *
 * @remarks
 * `source` names the file (the path as given) or describes in-memory input
 * (`a 2048-byte buffer`). The original file-system error, if any, is the `cause`.
 *
 * @example
 * ```ts
 * throw new ImageUnreadableError({ source: 'empty.jpg', reason: 'the file is empty (0 bytes)' });
 * // ImageUnreadableError: Could not read the image `empty.jpg`: the file is empty (0 bytes).
 * ```
 */
export class ImageUnreadableError extends GeminiVisionError {
  override readonly name = 'ImageUnreadableError';

  /** The file path as given, or a description of in-memory input such as `a 2048-byte buffer`. */
  readonly source: string;

  constructor({ source, reason, hint, cause }: ImageUnreadableErrorOptions) {
    const sentence = `Could not read the image ${describeImageSource(source)}: ${reason}.`;
    super('IMAGE_UNREADABLE', hint === undefined ? sentence : `${sentence} ${hint}`, { cause });
    this.source = imageSourceField(source);
  }

  /**
   * Tells whether `value` is an `ImageUnreadableError` from any copy of this package.
   *
   * @example
   * ```ts
   * ImageUnreadableError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is ImageUnreadableError {
    return GeminiVisionError.isInstance(value) && value.code === 'IMAGE_UNREADABLE';
  }
}
