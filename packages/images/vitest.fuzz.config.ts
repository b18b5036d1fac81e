import { defineGeminiVisionConfig } from '@gemini-vision/vitest-config';

// Long property runs: `pnpm test:fuzz`. FUZZ_RUNS sets the cases per property (default 100,000).
export default defineGeminiVisionConfig({
  name: 'images-fuzz',
  include: ['src/**/*.fuzz.test.ts'],
  exclude: [],
  testTimeout: 1_800_000,
});
