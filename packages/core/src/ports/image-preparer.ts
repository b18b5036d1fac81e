import type { FrameTransformOptions } from '../geometry/create-frame-transform';
import type { Size } from '../geometry/types';
import type { ImageInfo } from './image-prober';

/**
 * What to make of an image before it is sent to Gemini; see {@link ImagePreparer}.
 *
 * @example
 * ```ts
 * const options: ImagePreparerOptions = { maxSide: 1024, format: 'jpeg', quality: 85 };
 * ```
 */
export interface ImagePreparerOptions {
  /**
   * Longest side of the result in pixels; larger images are scaled down keeping the aspect
   * ratio, smaller ones are never scaled up. Exclusive with `targetSize`.
   * @defaultValue no limit
   */
  readonly maxSide?: number | undefined;
  /**
   * Exact size of the result in pixels, upright (after orientation), e.g. the size core's
   * `adviseResize` recommends. Exclusive with `maxSide`.
   * @defaultValue the displayed size, or the `maxSide` fit
   */
  readonly targetSize?: Size | undefined;
  /**
   * Encoding of the result.
   * @defaultValue the implementation's choice (usually the input's format)
   */
  readonly format?: 'jpeg' | 'png' | 'webp' | undefined;
  /**
   * JPEG / WebP quality, an integer 1..100.
   * @defaultValue the implementation's choice
   */
  readonly quality?: number | undefined;
}

/**
 * The image an {@link ImagePreparer} produced, and how it relates to the original.
 *
 * @example
 * ```ts
 * const prepared: ImagePreparerResult = await preparer.prepare('photo.jpg', { maxSide: 1024 });
 * const frame = createFrameTransform(prepared.transform);
 * ```
 */
export interface ImagePreparerResult {
  /** The encoded image to send. */
  readonly bytes: Uint8Array;
  /** Its real MIME type, e.g. `image/jpeg`. */
  readonly mimeType: string;
  /** Its width in pixels. */
  readonly width: number;
  /** Its height in pixels. */
  readonly height: number;
  /**
   * How the sent image relates to the original file: orientation applied and the steps
   * (resize, crop, pad) in order. `createFrameTransform(transform)` maps the model's coordinates
   * back to the original's pixels.
   */
  readonly transform: FrameTransformOptions;
  /** The original's header. */
  readonly original: ImageInfo;
}

/**
 * Port: turns an image upright, scales it and re-encodes it for sending, recording the frame
 * transform so that results can be mapped back to the original.
 *
 * @remarks
 * Core never decodes images. `@gemini-vision/images`' `prepareImage` has exactly this shape, so the
 * wiring is `{ name: 'sharp', prepare: prepareImage }`. Implementations throw the image errors
 * (`ImageUnreadableError`, `ImageUnsupportedFormatError`, `ImageTooLargeError`,
 * `ImageDecodeError`) and `InvalidArgumentError` for bad options.
 *
 * @example
 * ```ts
 * const preparer: ImagePreparer = { name: 'sharp', prepare: prepareImage };
 * const prepared = await preparer.prepare(bytes, { maxSide: 1024 });
 * ```
 */
export interface ImagePreparer {
  /** Short, stable implementation name used in errors and logs, e.g. `sharp`. */
  readonly name: string;
  /**
   * Prepares a file (path) or in-memory bytes for sending.
   * @throws The image errors and `InvalidArgumentError`, as described on {@link ImagePreparer}.
   */
  readonly prepare: (input: string | Uint8Array, options?: ImagePreparerOptions) => Promise<ImagePreparerResult>;
}
