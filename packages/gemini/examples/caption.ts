// Caption a photo with Gemini — here against the offline emulator, so it runs with no key and no
// network. Run: node --conditions=@gemini-vision/source --import tsx examples/caption.ts
import { fileURLToPath } from 'node:url';

import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const photo = fileURLToPath(new URL('images/cupcakes-512.jpg', import.meta.url));
const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'emulator-key', // with the real API: leave it out and set GEMINI_API_KEY
    baseUrl: emulator.url, // with the real API: leave it out
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
  });

  const result = await vision.caption(photo);

  console.log(`caption: ${result.caption}`);
  console.log(`model: ${result.model}, finish reason: ${result.finishReason ?? 'n/a'}`);
  console.log(`tokens: estimated ${result.estimate.inputTokens} in, billed ${result.usage?.promptTokens ?? '?'} in / ${result.usage?.outputTokens ?? '?'} out`);
  console.log(`cost: at most $${result.estimate.dollars?.total.toFixed(6) ?? '?'}, billed $${result.billedUsd?.toFixed(6) ?? '?'}`);
} finally {
  await emulator.close();
}
