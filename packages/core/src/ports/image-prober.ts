/**
 * What an image's header says about it, read without decoding any pixel.
 *
 * @remarks
 * `width`/`height` are the stored pixel grid; `displayWidth`/`displayHeight` are what a viewer
 * (and Gemini) shows after applying `orientation` — the size token estimates need. Orientations
 * 5–8 swap the sides.
 *
 * @example
 * ```ts
 * const info: ImageInfo = {
 *   format: 'jpeg', mimeType: 'image/jpeg', width: 4032, height: 3024, orientation: 6,
 *   displayWidth: 3024, displayHeight: 4032, byteLength: 2_481_337,
 * };
 * ```
 */
export interface ImageInfo {
  /** The real MIME type, sniffed from the bytes (a PNG named `.jpg` is `image/png`). */
  readonly mimeType: string;
  /** Short format name: `jpeg`, `png`, `webp`, `gif`, `avif`, `heic` or `heif`. */
  readonly format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic' | 'heif';
  /** Stored width in pixels, before orientation. */
  readonly width: number;
  /** Stored height in pixels, before orientation. */
  readonly height: number;
  /** EXIF orientation, or HEIF `irot`/`imir` mapped to the same scale: 1..8, 1 when absent. */
  readonly orientation: number;
  /** Width in pixels as displayed, after orientation. */
  readonly displayWidth: number;
  /** Height in pixels as displayed, after orientation. */
  readonly displayHeight: number;
  /** Size of the encoded file in bytes, when known (files and buffers; not streams). */
  readonly byteLength: number | undefined;
}

/**
 * Port: reads {@link ImageInfo} from an image's header without decoding pixels.
 *
 * @remarks
 * Core never touches files. Adapters implement this — `@gemini-vision/images` with
 * `createImageProber()` — and callers pass it to whatever needs image sizes (token estimates of a
 * folder, request-limit checks). Implementations throw the image errors
 * (`ImageUnreadableError`, `ImageUnsupportedFormatError`, `ImageTooLargeError`).
 *
 * @example
 * ```ts
 * const prober: ImageProber = { name: 'fake', probe: async () => info };
 * ```
 */
export interface ImageProber {
  /** Short, stable implementation name used in errors, e.g. `probe-image-size`. */
  readonly name: string;
  /**
   * Reads the header of a file (path) or of in-memory bytes.
   * @throws `ImageUnreadableError`, `ImageUnsupportedFormatError` or `ImageTooLargeError`.
   */
  readonly probe: (input: string | Uint8Array) => Promise<ImageInfo>;
}
