// @ts-check
import { defineConfig } from 'eslint/config';

import { baseConfig } from '@gemini-vision/eslint-config/base';

export default defineConfig(baseConfig, {
  languageOptions: {
    parserOptions: {
      projectService: false,
      project: ['./tsconfig.json'],
      tsconfigRootDir: import.meta.dirname,
    },
  },
});
