// Node: a first live detection, offline. The emulator speaks the Gemini REST API on 127.0.0.1, so
// this is the real @google/genai client path; drop `baseUrl` and `apiKey` (and set GEMINI_API_KEY)
// to call Gemini itself.
import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder, prepareImage } from '@gemini-vision/images';

const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'any-key',
    baseUrl: emulator.url,
    model: 'gemini-2.5-flash',
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    imagePreparer: { name: 'sharp', prepare: prepareImage },
    prepare: { maxSide: 1024 }, // auto-orient, resize, re-encode before sending
  });

  const photo = new URL('./assets/portrait-orientation-6.jpg', import.meta.url).pathname;
  const result = await vision.detect(photo, { target: 'the house', maxItems: 3 });

  console.log(`original ${result.imageSize.width}×${result.imageSize.height}, sent ${result.images[0]?.sentSize.width}×${result.images[0]?.sentSize.height}`);
  for (const item of result.items) {
    const { x0, y0, x1, y1 } = item.box; // original-image pixels, EXIF orientation applied
    console.log(`${item.label}: (${x0}, ${y0})–(${x1}, ${y1})`);
  }
  console.log(`image tokens: ${result.estimate.imageTokens} estimated, ${result.usage?.imageTokens} billed`);
} finally {
  await emulator.close();
}
// => original 800×1200, sent 683×1024
// => image tokens: 258 estimated, 258 billed
