// @ts-check
// In "packages" mode, takes each package's entry points from its package.json `exports`: every
// subpath's `@gemini-vision/source` condition (`./src/index.ts`, `./src/emulator/index.ts`, …). The
// API reference then documents exactly what each package exports, subpaths included, with no list
// to keep in sync here. A package that sets `typedocOptions.entryPoints` in its package.json (or a
// typedoc.json of its own) keeps its choice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Application } from 'typedoc';

const SOURCE_CONDITION = '@gemini-vision/source';

/** @param {Application} app */
export function load(app) {
  app.options.addReader({
    name: 'gemini-vision-source-entry-points',
    // After typedoc.json (100) and package.json `typedocOptions` (150), before tsconfig (200).
    order: 175,
    supportsPackages: true,
    read(container, logger, cwd) {
      if (container.packageDir === undefined || container.isSet('entryPoints')) return;
      /** @type {{ exports?: unknown }} */
      let manifest;
      try {
        manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
      } catch {
        return;
      }
      const entryPoints = sourceEntryPoints(manifest.exports);
      if (entryPoints.length === 0) {
        logger.warn(`${cwd}/package.json has no "${SOURCE_CONDITION}" export condition; set typedocOptions.entryPoints.`);
        return;
      }
      container.setValue('entryPoints', entryPoints, cwd);
    },
  });
}

/**
 * `{ ".": { "@gemini-vision/source": "./src/index.ts", … }, "./emulator": { … } }` → the source paths.
 *
 * @param {unknown} exportsField
 * @returns {string[]}
 */
function sourceEntryPoints(exportsField) {
  if (exportsField === null || typeof exportsField !== 'object') return [];
  const paths = [];
  for (const target of Object.values(exportsField)) {
    if (target !== null && typeof target === 'object' && SOURCE_CONDITION in target) {
      const path = /** @type {Record<string, unknown>} */ (target)[SOURCE_CONDITION];
      if (typeof path === 'string') paths.push(path);
    }
  }
  return paths;
}
