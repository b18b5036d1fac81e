import { defineGeminiVisionConfig } from '@gemini-vision/vitest-config';

// The e2e tests start the built binary (`dist/bin.js`) as a child process; turbo builds it first.
export default defineGeminiVisionConfig({ name: 'cli', testTimeout: 60_000 });
