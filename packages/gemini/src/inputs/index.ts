// Public API of the inputs domain: what images may be, and how they are prepared and sent.
export type { ImageInput } from './load-image-input';
export { TOKEN_OPTIMAL_MIN_SIDE, type PrepareSetting, type SentImage } from './prepare-image-input';
