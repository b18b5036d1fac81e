// Public API of the probe domain. Every export is named explicitly.
export { DEFAULT_MAX_PIXELS } from '../header/read-image-header-from-bytes';
export { createImageProber } from './create-image-prober';
export { probeImage, type ProbeImageInput, type ProbeImageOptions } from './probe-image';
export { probeImages, type ProbeImagesOptions, type ProbeImagesResult } from './probe-images';
