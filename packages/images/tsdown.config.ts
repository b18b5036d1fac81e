import { defineConfig, type UserConfig } from 'tsdown';

const shared: UserConfig = {
  format: 'esm',
  target: 'node20',
  dts: true,
  sourcemap: true,
  // With platform 'node', tsdown 0.21 emits .mjs/.d.mts unless told otherwise; package.json points at .js/.d.ts.
  fixedExtension: false,
};

export default defineConfig([
  {
    ...shared,
    // `probe/index` is the `./probe` subpath: header-only probing without loading sharp (fast CLI start).
    entry: { index: 'src/index.ts', 'probe/index': 'src/probe/index.ts' },
    platform: 'node',
    clean: true,
    // probe-image-size's parser modules (small CommonJS files the header reader imports) are
    // bundled in: Node would otherwise load each through its CommonJS-from-ESM path, which costs
    // every `probeImage` process (the CLI's `estimate`) about 15 ms of start-up.
    deps: { alwaysBundle: [/^probe-image-size\/lib\//u], onlyBundle: ['probe-image-size'] },
  },
  {
    ...shared,
    // `header/index` is the `./header` subpath for browsers: the same header reader over in-memory
    // bytes, built on its own so nothing Node-specific (not even the CommonJS runtime's
    // `node:module`) reaches it. tsconfig.header.json compiles its sources without Node's types.
    entry: { 'header/index': 'src/header/index.ts' },
    platform: 'neutral',
    clean: false,
  },
]);
