// Public API of the probe domain. Every export is named explicitly.
export { createImageProber } from './create-image-prober';
export { DEFAULT_MAX_PIXELS, probeImage, type ProbeImageInput, type ProbeImageOptions } from './probe-image';
export { probeImages, type ProbeImagesOptions, type ProbeImagesResult } from './probe-images';
