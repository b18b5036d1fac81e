import { defineGeminiVisionConfig } from '@gemini-vision/vitest-config';
import { mergeConfig } from 'vitest/config';

export default mergeConfig(
  defineGeminiVisionConfig({
    name: 'docs-site',
    include: ['examples/**/*.test.ts', 'test/**/*.test.ts', '.vitepress/theme/**/*.test.ts'],
    testTimeout: 30_000,
  }),
  {
    test: {
      // Installs Debian's chromium when /usr/bin/chromium is missing (the browser test needs it).
      globalSetup: ['test/ensure-chromium.ts'],
      hookTimeout: 180_000,
    },
  },
);
