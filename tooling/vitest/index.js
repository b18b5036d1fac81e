// @ts-check
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** The export condition every workspace package lists first, pointing at its TypeScript source. */
export const SOURCE_CONDITION = '@gemini-vision/source';

/**
 * Shared vitest configuration: tests read workspace sources through the source condition,
 * sit beside the code, and write a JSON report that `.ci/summarize-tests.mjs` sums up.
 *
 * Long property runs (`*.fuzz.test.ts`) are excluded unless `exclude` is given explicitly, which
 * replaces that default (the fuzz config passes `exclude: []` and its own `include`).
 *
 * `isolate: false` shares one module graph across test files (much faster imports); use it only
 * where modules hold no state between tests, as in pure `core`.
 *
 * @param {{ name: string, include?: string[], exclude?: string[], testTimeout?: number, isolate?: boolean }} options
 */
export function defineGeminiVisionConfig({ name, include, exclude = ['**/*.fuzz.test.ts'], testTimeout, isolate }) {
  return defineConfig({
    resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
    test: {
      name,
      include: include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**', '**/*.live.test.ts', ...exclude],
      restoreMocks: true,
      ...(isolate === undefined ? {} : { isolate }),
      ...(testTimeout === undefined ? {} : { testTimeout }),
      reporters: ['default', 'json'],
      outputFile: { json: '.cache/vitest-report.json' },
    },
  });
}
