import type { ImageProber } from '@gemini-vision/core';
import { probeImage, type ProbeImageOptions } from './probe-image';

/**
 * Creates core's {@link ImageProber} port backed by {@link probeImage} (header-only reads with
 * probe-image-size's parsers and this package's HEIF/EXIF readers).
 *
 * @param settings - Defaults for every probe: pixel limit and file access mode; see
 * {@link ProbeImageOptions}.
 * @returns An `ImageProber` named `probe-image-size`.
 * @throws {@link InvalidArgumentError} From `probe` if a setting is invalid.
 *
 * @example
 * ```ts
 * const prober = createImageProber({ maxPixels: 100_000_000 });
 * const info = await prober.probe('photo.heic');
 * ```
 */
export function createImageProber(settings: ProbeImageOptions = {}): ImageProber {
  return {
    name: 'probe-image-size',
    probe: (input) => probeImage(input, settings),
  };
}
