// Node: many requests as one Gemini Batch API job: half price, results within 24 hours. The job is
// recorded in `recordDirectory`; rerunning with the same record resumes it and never submits or
// bills twice. Runs against the offline emulator (which finishes batches after a poll or two).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'any-key',
    baseUrl: emulator.url,
    model: 'gemini-2.5-flash',
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
  });
  const photo = new URL('./assets/portrait-orientation-6.jpg', import.meta.url).pathname;
  const recordDirectory = await mkdtemp(join(tmpdir(), 'gemini-vision-batch-'));

  const result = await vision.batch(
    [
      { key: 'alt-text', task: 'caption', images: photo },
      { key: 'houses', task: 'detect', images: photo, options: { target: 'the house' } },
      { key: 'kind', task: 'classify', images: photo, classes: ['landscape', 'portrait'] },
    ],
    { recordDirectory, name: 'docs-example', pollIntervalMs: 10 },
  );

  console.log(`job ${result.jobState}, ${result.entries.length} entries`);
  for (const entry of result.entries) console.log(`${entry.key}: ${entry.status}`);
} finally {
  await emulator.close();
}
// => job JOB_STATE_SUCCEEDED, 3 entries
// => alt-text: fulfilled
// => houses: fulfilled
// => kind: fulfilled
