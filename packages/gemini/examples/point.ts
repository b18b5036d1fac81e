// Point at objects: [y, x] in 0..1000 of the sent image becomes pixels of the original.
// Run: node --conditions=@gemini-vision/source --import tsx examples/point.ts
import { fileURLToPath } from 'node:url';

import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const photo = fileURLToPath(new URL('images/cupcakes-512.jpg', import.meta.url));
const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'emulator-key',
    baseUrl: emulator.url,
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
  });

  const result = await vision.point(photo, { target: 'cupcakes', maxItems: 5 });

  for (const { label, point, normalizedPoint } of result.items) {
    console.log(`${label}: [y, x] = [${normalizedPoint.join(', ')}] → x ${point.x.toFixed(1)}, y ${point.y.toFixed(1)}`);
  }
} finally {
  await emulator.close();
}
