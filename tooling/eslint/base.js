// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Other packages' internals are off-limits; go through `exports`. Re-spread in overrides. */
export const deepImportPatterns = [
  {
    group: ['@gemini-vision/*/src/**', '@gemini-vision/*/dist/**'],
    message: 'Import from the package entry point.',
  },
];

export const baseConfig = defineConfig(
  { ignores: ['**/dist/**', '**/coverage/**', '**/.cache/**', '**/*.config.*', '**/*.mjs'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
      ],
      'no-restricted-imports': ['error', { patterns: deepImportPatterns }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.bench.ts', '**/bench/**', '**/examples/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
