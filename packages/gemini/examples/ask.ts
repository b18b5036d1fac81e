// Ask a question about two images in one prompt (visual Q&A), through the Interactions API.
// Run: node --conditions=@gemini-vision/source --import tsx examples/ask.ts
import { fileURLToPath } from 'node:url';

import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder, prepareImage } from '@gemini-vision/images';

const photo = fileURLToPath(new URL('images/cupcakes-512.jpg', import.meta.url));
const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'emulator-key',
    baseUrl: emulator.url,
    model: 'gemini-3-flash-preview',
    api: 'interactions',
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    imagePreparer: { name: 'sharp', prepare: prepareImage },
  });
  const thumbnail = (await prepareImage(photo, { maxSide: 128 })).bytes;

  const result = await vision.ask([photo, thumbnail], 'What is different between these two images?', { mediaResolution: 'low' });

  console.log(`answer: ${result.answer}`);
  console.log(`api: ${result.api}, images: ${result.images.map((image) => `${image.sentSize.width}x${image.sentSize.height} ${image.transport}`).join(', ')}`);
  console.log(`image tokens: estimated ${result.estimate.imageTokens}, billed ${result.usage?.imageTokens ?? '?'}`);
} finally {
  await emulator.close();
}
