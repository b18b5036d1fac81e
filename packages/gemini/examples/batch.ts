// Run many requests as one Gemini batch job (Batch API rates), with a local job record that makes
// the run resumable: run it twice with the same record directory and nothing is submitted again.
// Run: node --conditions=@gemini-vision/source --import tsx examples/batch.ts [record-directory]
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createGeminiVision, type BatchRequest } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const photo = fileURLToPath(new URL('images/cupcakes-512.jpg', import.meta.url));
const recordDirectory = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'gemini-vision-batch-')));
const emulator = await startEmulator();
try {
  const vision = createGeminiVision({
    apiKey: 'emulator-key',
    baseUrl: emulator.url,
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
  });
  const requests: BatchRequest[] = [
    { key: 'caption', task: 'caption', images: photo },
    { key: 'boxes', task: 'detect', images: photo, options: { target: 'the cupcakes' } },
    { key: 'kind', task: 'classify', images: photo, classes: ['dessert', 'salad'] },
  ];

  const result = await vision.batch(requests, {
    recordDirectory,
    name: 'example',
    pollIntervalMs: 10,
    onProgress: (event) => {
      console.log(`progress: ${event.stage} ${event.jobState ?? ''}`.trimEnd());
    },
  });

  console.log(`job: ${result.job} (${result.jobState}), resumed: ${String(result.resumed)}`);
  for (const entry of result.entries) {
    if (entry.status === 'fulfilled') console.log(`${entry.key}: ${entry.result.text.replace(/\s+/gu, ' ').slice(0, 60)}`);
    else console.log(`${entry.key}: failed ${entry.error.code}`);
  }
  console.log(`cost at batch rates: estimated $${result.estimatedUsd?.toFixed(6) ?? '?'}, billed $${result.billedUsd?.toFixed(6) ?? '?'}`);
  console.log(`record: ${result.recordPath}`);
} finally {
  await emulator.close();
}
