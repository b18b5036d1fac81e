import { defineConfig } from 'tsdown';

export default defineConfig({
  // One entry; every command is a dynamic import(), so each becomes its own chunk and
  // `estimate` never loads sharp, pngjs or @google/genai.
  entry: { bin: 'src/bin.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: false,
  sourcemap: true,
  clean: true,
  // With platform 'node', tsdown 0.21 emits .mjs unless told otherwise; `bin` points at .js.
  fixedExtension: false,
});
