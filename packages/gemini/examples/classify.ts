// Classify an image into one of your labels, with structured output (a JSON Schema enum).
// Run: node --conditions=@gemini-vision/source --import tsx examples/classify.ts
import { fileURLToPath } from 'node:url';

import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const photo = fileURLToPath(new URL('images/cupcakes-512.jpg', import.meta.url));
const labels = ['dessert', 'vegetables', 'drinks'];
const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'emulator-key',
    baseUrl: emulator.url,
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
  });

  const result = await vision.classify(photo, labels);

  console.log(`label: ${result.label ?? '(none)'}`);
  console.log(`raw reply: ${result.text}`);
  for (const issue of result.issues) console.log(`issue: ${issue.code} ${issue.message}`);
} finally {
  await emulator.close();
}
