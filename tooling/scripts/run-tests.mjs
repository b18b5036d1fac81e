#!/usr/bin/env node
// Runs the workspace checks through turbo, then sums every package's vitest JSON report into the
// plain closing line CI reads: "N passed, N failed" (vitest's own summary is not recognised there).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const reportDirectories = ['packages', 'apps']
  .filter((group) => existsSync(join(root, group)))
  .flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, group, entry.name, '.cache')),
  );

// Stale reports would be counted twice; turbo restores fresh ones from its cache on a hit.
for (const directory of reportDirectories) rmSync(join(directory, 'vitest-report.json'), { force: true });

const tasks = process.argv.slice(2);
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', ...(tasks.length > 0 ? tasks : ['test']), '--concurrency=2', '--output-logs=new-only'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
let suitesFailed = 0;
for (const directory of reportDirectories) {
  const file = join(directory, 'vitest-report.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  suitesFailed += (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  ).length;
}
// A test file that fails to load has no assertions: count it as a failure so it cannot hide.
failed += suitesFailed;

const exitCode = turbo.status ?? 1;
if (exitCode !== 0 && failed === 0) failed = 1; // typecheck, lint or build failed: never report a clean run.
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
