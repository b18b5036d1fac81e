// @ts-check
import { defineConfig } from 'eslint/config';

import { deepImportPatterns } from './base.js';

/**
 * `@gemini-vision/core` is pure: no I/O, no Node built-ins, no vendor SDKs. The compiler already
 * refuses Node and DOM globals (`types: []`, `lib: ["ES2022"]`); this catches imports too.
 */
export const corePurityConfig = defineConfig({
  files: ['src/**/*.ts'],
  ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts', 'src/**/__fixtures__/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...deepImportPatterns,
          {
            group: ['node:*', 'fs', 'path', 'sharp', 'pngjs', 'fast-png', '@google/genai'],
            message:
              '@gemini-vision/core is pure: no I/O, no Node built-ins, no vendor SDKs. Add a port instead.',
          },
        ],
      },
    ],
    'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'fetch'],
  },
});
