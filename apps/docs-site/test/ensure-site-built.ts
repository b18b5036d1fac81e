import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/docs-site */
export const SITE_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));
/** Where `vitepress build` writes the site. */
export const DIST_DIRECTORY = join(SITE_DIRECTORY, '.vitepress', 'dist');

const SKIPPED = new Set(['node_modules', 'dist', 'cache', 'api', '.cache', '.turbo', 'coverage']);
const PACKAGES_DIRECTORY = join(SITE_DIRECTORY, '..', '..', 'packages');

function newestModification(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return 0; // removed while we looked
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (SKIPPED.has(entry)) continue;
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(join(DIST_DIRECTORY, 'calculator.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Reuses the built site when it is newer than its sources (pages, theme, the packages it
 * documents), which is the case under `pnpm test` (turbo runs `build` first); otherwise runs
 * `pnpm run build` (TypeDoc, then VitePress).
 *
 * @returns Whether a build ran.
 */
export function ensureSiteBuilt(): boolean {
  const sources = [
    join(SITE_DIRECTORY, 'docs'),
    join(SITE_DIRECTORY, '.vitepress'),
    join(SITE_DIRECTORY, 'examples'),
    join(SITE_DIRECTORY, 'typedoc.json'),
    join(SITE_DIRECTORY, 'typedoc-plugins'),
    // The packages the site documents and runs: their sources and manifests (not their logs).
    ...readdirSync(PACKAGES_DIRECTORY).flatMap((name) => [
      join(PACKAGES_DIRECTORY, name, 'src'),
      join(PACKAGES_DIRECTORY, name, 'package.json'),
    ]),
  ].filter((path) => existsSync(path));
  const newestSource = Math.max(...sources.map(newestModification));
  if (builtAt() > newestSource) return false;

  const result = spawnSync('pnpm', ['run', 'build'], { cwd: SITE_DIRECTORY, encoding: 'utf8', timeout: 170_000 });
  if (result.status !== 0) {
    throw new Error(`\`pnpm run build\` failed in ${SITE_DIRECTORY}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  return true;
}
