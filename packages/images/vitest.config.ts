import { defineGeminiVisionConfig } from '@gemini-vision/vitest-config';

export default defineGeminiVisionConfig({ name: 'images', testTimeout: 30_000 });
