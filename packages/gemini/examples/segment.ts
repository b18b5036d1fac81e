// Segment objects: each mask is decoded, placed like the cookbook does it, and mapped back to the
// original image (crop-local masks, box-sized). Gemini 3 has no masks: `onUnsupported: 'boxes'`.
// Run: node --conditions=@gemini-vision/source --import tsx examples/segment.ts
import { fileURLToPath } from 'node:url';

import { toFullFrameMask } from '@gemini-vision/core';
import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const photo = fileURLToPath(new URL('images/cupcakes-512.jpg', import.meta.url));
const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'emulator-key',
    baseUrl: emulator.url,
    model: 'gemini-2.5-flash',
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
  });

  const result = await vision.segment(photo, { target: 'the cupcakes' });
  for (const item of result.items) {
    const size = item.mask === null ? 'no mask' : `${item.mask.width}x${item.mask.height} mask`;
    console.log(`${item.label}: box ${item.box.x0},${item.box.y0}..${item.box.x1},${item.box.y1}, ${size}, ${item.area} px`);
  }
  const first = result.items.find((item) => item.placement !== null);
  if (first?.placement) console.log(`full-frame mask: ${toFullFrameMask(first.placement).width}x${toFullFrameMask(first.placement).height}`);

  const boxesOnly = await vision.segment(photo, { model: 'gemini-3-flash-preview', onUnsupported: 'boxes', target: 'the cupcakes' });
  console.log(`gemini 3: ${boxesOnly.items.length} boxes, masks requested: ${String(boxesOnly.masksRequested)}`);
} finally {
  await emulator.close();
}
