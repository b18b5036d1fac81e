// Detect objects: boxes come back in the ORIGINAL image's pixels even though a smaller copy was
// sent. Also shows the budget rail and the ledger (estimate next to billed usage).
// Run: node --conditions=@gemini-vision/source --import tsx examples/detect.ts
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
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    imagePreparer: { name: 'sharp', prepare: prepareImage },
    prepare: { maxSide: 256 }, // send a 256-px copy; results still refer to the 512-px original
    maxCostUsd: 0.05,
  });

  const result = await vision.detect(photo, { target: 'the cupcakes', maxItems: 10 });

  console.log(`sent ${result.images[0]?.sentSize.width}x${result.images[0]?.sentSize.height}, boxes in ${result.imageSize.width}x${result.imageSize.height} pixels`);
  for (const { label, box } of result.items) console.log(`${label}: x ${box.x0}..${box.x1}, y ${box.y0}..${box.y1}`);
  console.log(`issues: ${result.issues.map((issue) => issue.code).join(', ') || 'none'}`);
  const [entry] = vision.ledger.entries();
  console.log(`ledger: estimated $${entry?.estimatedUsd?.toFixed(6) ?? '?'}, billed $${entry?.billedUsd?.toFixed(6) ?? '?'}`);
} finally {
  await emulator.close();
}
