// The only place where adapters are constructed and handed to commands. Every adapter is
// loaded with a dynamic import() on first use, so a command pays only for what it needs:
// `estimate` loads the header prober (no sharp), `render` adds pngjs and sharp, and the live
// commands add @google/genai.
import type { ImageProber, Mask, MaskDecoder } from '@gemini-vision/core';
import type { GeminiVision, GeminiVisionSettings } from '@gemini-vision/gemini';
import type { Emulator, EmulatorOptions } from '@gemini-vision/gemini/emulator';
import type { OverlayDrawing, RenderOverlayOptions } from '@gemini-vision/images';

/**
 * Draws an overlay on an image file and returns the encoded PNG or JPEG (images' `renderOverlay`).
 *
 * @example
 * ```ts
 * const png = await (await services.overlayRenderer())('photo.jpg', { items }, { format: 'png' });
 * ```
 */
export type OverlayRenderer = (image: string, drawing: OverlayDrawing, options?: RenderOverlayOptions) => Promise<Uint8Array>;

/**
 * Encodes a mask as an 8-bit greyscale PNG file (images' `encodeMaskPng`).
 *
 * @example
 * ```ts
 * const png = (await services.maskEncoder())(placement.mask);
 * ```
 */
export type MaskEncoder = (mask: Mask) => Uint8Array;

/**
 * Turns model labels into safe file names inside an output folder (images' `safeFileName` and
 * `resolveInsideDirectory`).
 *
 * @example
 * ```ts
 * const path = await naming.resolveInsideDirectory('out', naming.safeFileName('cat', { extension: '.json' }));
 * ```
 */
export interface FileNaming {
  /** A file name safe on every OS, derived from any text. */
  readonly safeFileName: (label: string, options?: { readonly extension?: string; readonly maxLength?: number; readonly fallback?: string }) => string;
  /** The absolute path of `name` inside `directory`; refuses anything that would escape it. */
  readonly resolveInsideDirectory: (directory: string, name: string) => Promise<string>;
}

/**
 * The adapters the commands use, each created on first request.
 *
 * @example
 * ```ts
 * const prober = await services.imageProber();
 * const info = await prober.probe('photo.jpg');
 * ```
 */
export interface Services {
  /** Header-only image prober (probe-image-size parsers; never loads sharp). */
  readonly imageProber: () => Promise<ImageProber>;
  /** PNG mask decoder (pngjs). */
  readonly maskDecoder: () => Promise<MaskDecoder>;
  /** PNG mask encoder (pngjs). */
  readonly maskEncoder: () => Promise<MaskEncoder>;
  /** Overlay renderer (sharp). */
  readonly overlayRenderer: () => Promise<OverlayRenderer>;
  /** File naming from labels. */
  readonly fileNaming: () => Promise<FileNaming>;
  /** Starts the offline Gemini API emulator (`@gemini-vision/gemini/emulator`). */
  readonly startEmulator: (options: EmulatorOptions) => Promise<Emulator>;
  /**
   * Creates the Gemini vision client (`@gemini-vision/gemini` on `@google/genai`), wired to the
   * images adapters: header prober, PNG mask decoder and sharp's preparer.
   */
  readonly createVision: (settings: VisionSettings) => Promise<GeminiVision>;
}

/**
 * What the live commands choose of the Gemini client's settings; the composition root adds the
 * image adapters.
 *
 * @example
 * ```ts
 * const settings: VisionSettings = { apiKey, model: 'gemini-2.5-flash', prepare: false, concurrency: 4 };
 * ```
 */
export type VisionSettings = Omit<GeminiVisionSettings, 'imageProber' | 'maskDecoder' | 'imagePreparer'>;

/**
 * Creates the real {@link Services}: `@gemini-vision/images` for probing, masks (decoding and
 * encoding), overlays and file names. Nothing is imported until a service is first requested.
 *
 * @returns The lazily created adapters.
 *
 * @example
 * ```ts
 * const services = createServices();
 * await runEstimate(['photos/'], options, { io, services });
 * ```
 */
export function createServices(): Services {
  return {
    imageProber: once(async () => {
      const { createImageProber } = await import('@gemini-vision/images/probe');
      return createImageProber();
    }),
    maskDecoder: once(async () => {
      const { createPngMaskDecoder } = await import('@gemini-vision/images');
      return createPngMaskDecoder();
    }),
    maskEncoder: once(async () => {
      const { encodeMaskPng } = await import('@gemini-vision/images');
      return encodeMaskPng;
    }),
    overlayRenderer: once(async () => {
      const { renderOverlay } = await import('@gemini-vision/images');
      return renderOverlay;
    }),
    fileNaming: once(async () => {
      const { resolveInsideDirectory, safeFileName } = await import('@gemini-vision/images');
      return { resolveInsideDirectory, safeFileName };
    }),
    createVision: async (settings) => {
      const [{ createGeminiVision }, images, prober] = await Promise.all([
        import('@gemini-vision/gemini'),
        import('@gemini-vision/images'),
        import('@gemini-vision/images/probe'),
      ]);
      // The preparer is always wired: even without resizing, EXIF-rotated photos are turned upright
      // and GIF/AVIF (which Gemini does not accept) are converted to PNG/JPEG by the client.
      return createGeminiVision({
        ...settings,
        imageProber: prober.createImageProber(),
        maskDecoder: images.createPngMaskDecoder(),
        imagePreparer: { name: 'sharp', prepare: images.prepareImage },
      });
    },
    startEmulator: async (options) => {
      const emulator = await import('@gemini-vision/gemini/emulator');
      return emulator.startEmulator(options);
    },
  };
}

function once<Value>(create: () => Promise<Value>): () => Promise<Value> {
  let created: Promise<Value> | undefined;
  return () => (created ??= create());
}
