// @ts-check
import { defineConfig } from 'eslint/config';

import { baseConfig } from '@gemini-vision/eslint-config/base';

// Vue single-file components are typechecked by vue-tsc (`pnpm typecheck`); their logic lives in
// the linted `.vitepress/theme/calculator/*.ts` modules.
export default defineConfig(
  { ignores: ['.vitepress/cache/**', '.vitepress/dist/**', 'docs/api/**', 'typedoc-plugins/**'] },
  baseConfig,
  {
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['./tsconfig.json', './tsconfig.examples.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
);
