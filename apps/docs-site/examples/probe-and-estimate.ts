// Node: read a photo's size and EXIF orientation from its header (no decoding), then estimate.
// Tokens depend on the image as displayed, so orientations 5–8 swap width and height.
import { estimateImageTokens } from '@gemini-vision/core';
import { probeImage } from '@gemini-vision/images';

const info = await probeImage(new URL('./assets/portrait-orientation-6.jpg', import.meta.url).pathname);
console.log(`stored ${info.width}×${info.height}, orientation ${info.orientation}, displayed ${info.displayWidth}×${info.displayHeight}`);
// => stored 1200×800, orientation 6, displayed 800×1200

const size = { width: info.displayWidth, height: info.displayHeight };
const estimate = estimateImageTokens(size, { model: 'gemini-3-flash-preview' });
if (estimate.rule === 'budget-grid') {
  console.log(`${estimate.tokens} tokens: ${estimate.columns} columns × ${estimate.rows} rows of patches`);
}
// => 1080 tokens: 27 columns × 40 rows of patches
