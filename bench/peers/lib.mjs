// Shared helpers of the cross-tool benchmarks in bench/peers (plain Node ESM, no build step).
// Workspace packages are loaded from their built `dist` (run `pnpm build` first; `run-all.mjs`
// does); third-party modules are resolved from the package that depends on them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';

export const repoRoot = new URL('../../', import.meta.url);
/** `require` as seen from packages/images (sharp, pngjs, image-size, probe-image-size). */
export const requireFromImages = createRequire(new URL('packages/images/package.json', repoRoot));

/** The built packages, as the CLI and users load them. */
export async function loadPackages() {
  const core = await import(new URL('packages/core/dist/index.js', repoRoot).href);
  // The './probe' subpath: header probing without loading sharp, opentype.js or pngjs.
  const images = await import(new URL('packages/images/dist/probe/index.js', repoRoot).href);
  return { core, images };
}

/** A deterministic pseudo-random generator (mulberry32): the same folder on every machine. */
export function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One line about the machine and its load right now, for every table. */
export function machineLine() {
  const sharp = requireFromImages('sharp');
  const python = execFileSync('/usr/bin/python3', ['-c', 'import sys, PIL, numpy; print(sys.version.split()[0], PIL.__version__, numpy.__version__)'], { encoding: 'utf8' })
    .trim()
    .split(' ');
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  return (
    `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
    `sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}), Python ${python[0]} / Pillow ${python[1]} / numpy ${python[2]}; ` +
    `load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min)`
  );
}

export function loadLine() {
  return `load ${loadavg().map((value) => value.toFixed(2)).join(' / ')}`;
}

/** Reads a JSON file. */
export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
