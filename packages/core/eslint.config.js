// @ts-check
import { defineConfig } from 'eslint/config';

import { baseConfig } from '@gemini-vision/eslint-config/base';
import { corePurityConfig } from '@gemini-vision/eslint-config/core-purity';

export default defineConfig(baseConfig, corePurityConfig, {
  languageOptions: {
    parserOptions: {
      projectService: false,
      project: ['./tsconfig.json', './tsconfig.test.json'],
      tsconfigRootDir: import.meta.dirname,
    },
  },
});
