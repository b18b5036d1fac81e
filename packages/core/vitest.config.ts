import { defineGeminiVisionConfig } from '@gemini-vision/vitest-config';

export default defineGeminiVisionConfig({ name: 'core', isolate: false });
