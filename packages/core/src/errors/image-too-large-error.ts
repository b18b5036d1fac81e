import { GeminiVisionError } from './gemini-vision-error';
import { describeImageSource, imageSourceField, type ImageErrorOptions } from './image-error-source';

/**
 * Constructor options of {@link ImageTooLargeError}.
 *
 * @example
 * ```ts
 * const options: ImageTooLargeErrorOptions = { source: 'bomb.png', width: 100_000, height: 100_000, pixelLimit: 268_402_689 };
 * ```
 */
export interface ImageTooLargeErrorOptions extends ImageErrorOptions {
  /** Width the header claims, in pixels. */
  readonly width: number;
  /** Height the header claims, in pixels. */
  readonly height: number;
  /** The pixel limit (`width * height`) that was exceeded. */
  readonly pixelLimit: number;
}

/**
 * An image's header claims more pixels than the configured limit, so it is refused before any
 * pixel is decoded (a guard against decompression bombs).
 *
 * @example
 * ```ts
 * throw new ImageTooLargeError({ source: 'bomb.png', width: 100_000, height: 100_000, pixelLimit: 268_402_689 });
 * ```
 */
export class ImageTooLargeError extends GeminiVisionError {
  override readonly name = 'ImageTooLargeError';

  /** The file path as given, or a description of in-memory input such as `a 2048-byte buffer`. */
  readonly source: string;
  /** Width the header claims, in pixels. */
  readonly width: number;
  /** Height the header claims, in pixels. */
  readonly height: number;
  /** The pixel limit that was exceeded. */
  readonly pixelLimit: number;

  constructor({ source, width, height, pixelLimit, cause }: ImageTooLargeErrorOptions) {
    super(
      'IMAGE_TOO_LARGE',
      `Expected at most ${pixelLimit} pixels for the image ${describeImageSource(source)}, but its header claims ${width}×${height} (${width * height} pixels). Downscale it with another tool, or raise the \`maxPixels\` option if you trust the file.`,
      { cause },
    );
    this.source = imageSourceField(source);
    this.width = width;
    this.height = height;
    this.pixelLimit = pixelLimit;
  }

  /**
   * Tells whether `value` is an `ImageTooLargeError` from any copy of this package.
   *
   * @example
   * ```ts
   * ImageTooLargeError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is ImageTooLargeError {
    return GeminiVisionError.isInstance(value) && value.code === 'IMAGE_TOO_LARGE';
  }
}
