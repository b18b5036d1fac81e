// Node: test your error handling offline. The emulator can fail on cue with Google's own error
// shapes (429 with Retry-After, 500, 503, timeouts, dropped connections, truncated JSON); here the
// first generateContent call gets a 503 and the client's retry loop recovers.
import { createGeminiVision } from '@gemini-vision/gemini';
import { startEmulator } from '@gemini-vision/gemini/emulator';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

const emulator = await startEmulator({
  faults: [{ when: { route: 'generateContent', nth: 1 }, fault: '503' }],
});
try {
  const vision = createGeminiVision({
    apiKey: 'any-key',
    baseUrl: emulator.url,
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    retry: { attempts: 3, initialDelayMs: 10 },
  });
  const photo = new URL('./assets/portrait-orientation-6.jpg', import.meta.url).pathname;
  const { attempts, items } = await vision.point(photo, { target: 'the sun' });

  console.log(`${items.length > 0 ? 'points found' : 'no points'} after ${attempts} attempts`);
  console.log(`emulator: ${emulator.stats.requests} requests, ${emulator.stats.faults['503']} × 503, ${emulator.stats.billed.length} billed`);
} finally {
  await emulator.close();
}
// => points found after 2 attempts
// => emulator: 2 requests, 1 × 503, 1 billed
