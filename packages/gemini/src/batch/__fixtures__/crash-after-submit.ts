// Run as a child process by run-batch.test.ts: starts a batch against the emulator at
// GEMINI_VISION_TEST_URL and exits abruptly (no cleanup, lock left behind) as soon as the job is
// submitted, like a crash.
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

import { createGeminiVision } from '@gemini-vision/gemini';

import { createGradientPng } from '../../__fixtures__/test-images';

const [url, directory] = [process.env['GEMINI_VISION_TEST_URL'], process.env['GEMINI_VISION_TEST_DIR']];
if (url === undefined || directory === undefined) throw new Error('Set GEMINI_VISION_TEST_URL and GEMINI_VISION_TEST_DIR.');

const vision = createGeminiVision({
  apiKey: 'child-process-key',
  baseUrl: url,
  imageProber: createImageProber(),
  maskDecoder: createPngMaskDecoder(),
});
await vision.batch(
  [
    { key: 'one', task: 'caption', images: createGradientPng(64, 48, 1) },
    { key: 'two', task: 'detect', images: createGradientPng(64, 48, 2) },
  ],
  {
    recordDirectory: directory,
    name: 'crash',
    pollIntervalMs: 5,
    onProgress: (event) => {
      if (event.stage === 'submitted') {
        console.log(`submitted ${event.job ?? ''}`);
        process.exit(7);
      }
    },
  },
);
