// Node: captions, questions and classification, each one request with the image and a prompt.
// Runs against the offline emulator; remove `apiKey` and `baseUrl` to call Gemini.
import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'any-key',
    baseUrl: emulator.url,
    model: 'gemini-3-flash-preview',
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    maxCostUsd: 0.05, // refuse any call whose pre-flight estimate would pass 5 cents in total
  });
  const photo = new URL('./assets/portrait-orientation-6.jpg', import.meta.url).pathname;

  const { caption } = await vision.caption(photo);
  const { answer } = await vision.ask(photo, 'What is at the bottom of the picture?');
  const classes = ['landscape', 'portrait', 'screenshot'];
  const { label } = await vision.classify(photo, classes); // structured output: one of `classes`

  console.log(`caption: ${caption}`);
  console.log(`answer: ${answer}`);
  console.log(`label is one of the classes: ${label !== null && classes.includes(label)}`);
  const totals = vision.ledger.totals();
  console.log(`${totals.calls} calls, estimated at most $${totals.estimatedUsd.toFixed(4)}`);
} finally {
  await emulator.close();
}
// => label is one of the classes: true
