// Node: segmentation masks in original-image pixels, and what happens on a model without masks.
// Runs against the offline emulator; remove `apiKey` and `baseUrl` to call Gemini.
import { GeminiVisionError } from '@gemini-vision/core';
import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'any-key',
    baseUrl: emulator.url,
    model: 'gemini-2.5-flash', // Gemini 2.5 returns masks; Gemini 3 does not
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
  });
  const photo = new URL('./assets/portrait-orientation-6.jpg', import.meta.url).pathname;

  const { items } = await vision.segment(photo, { target: 'the mountains', maxItems: 2 });
  for (const item of items) {
    // `mask` is box-sized, 0/255, in original pixels; `area` counts its foreground pixels.
    console.log(`${item.label}: box ${item.box.x1 - item.box.x0}×${item.box.y1 - item.box.y0}, mask ${item.mask?.width}×${item.mask?.height}, area ${item.area > 0 ? '> 0' : '0'}`);
  }

  try {
    await vision.segment(photo, { model: 'gemini-3-flash-preview' });
  } catch (error) {
    if (!GeminiVisionError.isInstance(error)) throw error;
    console.log(`gemini-3-flash-preview: ${error.code}`); // refused before anything is sent
  }
  const boxesOnly = await vision.segment(photo, { model: 'gemini-3-flash-preview', onUnsupported: 'boxes' });
  console.log(`with onUnsupported 'boxes': masks requested ${boxesOnly.masksRequested}, ${boxesOnly.items.filter((item) => item.mask === null).length} items without mask`);
} finally {
  await emulator.close();
}
// => gemini-3-flash-preview: CAPABILITY_UNSUPPORTED
