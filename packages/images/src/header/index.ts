// Public API of the header domain, also the browser-safe `@gemini-vision/images/header` entry: no
// Node APIs, no sharp. Every export is named explicitly.
export { DEFAULT_MAX_PIXELS, readImageHeaderFromBytes, type ReadImageHeaderOptions } from './read-image-header-from-bytes';
