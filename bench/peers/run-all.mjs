#!/usr/bin/env node
// `pnpm bench:peers`: builds the packages, then runs the cross-tool benchmarks one after another
// and prints their Markdown (the figures in BENCHMARKS.md come from this output):
//
//   1. run-preflight.mjs — pre-flight of a folder vs sharp and Pillow (2k / 20k files; scaling
//      to 100k; needs hyperfine and heif-enc: apt-get install -y hyperfine libheif-examples);
//   2. run-masks.mjs — the segmentation-mask pipeline vs the guide, the cookbook and numpy
//      (needs /usr/bin/python3 with Pillow and numpy: apt-get install -y python3-pil python3-numpy).
//
//   pnpm bench:peers [-- --work /tmp/gv-peers] [-- --skip-scaling]
//
// Generated folders live in --work (default /tmp/gv-peers, about 1.5 GB with the 20,000 copies;
// the 100k hard-link folder is removed after use) and are reused by later runs.
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;
const here = new URL('./', import.meta.url).pathname;
const args = process.argv.slice(2).filter((arg) => arg !== '--');

execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@gemini-vision/images', '--output-logs=errors-only'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});
for (const script of ['run-preflight.mjs', 'run-masks.mjs']) {
  const scriptArgs = script === 'run-masks.mjs' ? args.filter((arg) => arg !== '--skip-scaling') : args;
  execFileSync('node', [here + script, ...scriptArgs], { stdio: 'inherit' });
}
