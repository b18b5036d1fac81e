import { defineConfig } from 'tsdown';

export default defineConfig({
  // `probe/index` is the `./probe` subpath: header-only probing without loading sharp (fast CLI start).
  entry: { index: 'src/index.ts', 'probe/index': 'src/probe/index.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
  // With platform 'node', tsdown 0.21 emits .mjs/.d.mts unless told otherwise; package.json points at .js/.d.ts.
  fixedExtension: false,
});
