import { defineGeminiVisionConfig } from '@gemini-vision/vitest-config';

export default defineGeminiVisionConfig({ name: 'gemini', testTimeout: 30_000 });
