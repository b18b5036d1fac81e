// Prints image-token estimates and input dollars for common image sizes across one model of each
// Gemini generation. Run from packages/core (tsx is a devDependency of this package):
//   node --conditions=@gemini-vision/source --import tsx examples/estimate-sizes.ts
import {
  DEFAULT_PRICE_TABLE,
  estimateRequestCost,
  type GeminiBackend,
  type MediaResolution,
} from '@gemini-vision/core';

interface Setting {
  readonly model: string;
  readonly backend: GeminiBackend;
  readonly mediaResolution?: MediaResolution;
}

const settings: readonly Setting[] = [
  { model: 'gemini-1.5-flash', backend: 'gemini-api' },
  { model: 'gemini-2.0-flash', backend: 'gemini-api' },
  { model: 'gemini-2.5-flash', backend: 'gemini-api' },
  { model: 'gemini-2.5-flash', backend: 'vertex-ai' },
  { model: 'gemini-3-flash-preview', backend: 'gemini-api', mediaResolution: 'low' },
  { model: 'gemini-3-flash-preview', backend: 'gemini-api', mediaResolution: 'high' },
];

const sizes = [
  { width: 640, height: 480 },
  { width: 1024, height: 1024 },
  { width: 1920, height: 1080 },
  { width: 4032, height: 3024 },
  { width: 512, height: 2048 },
];

const columns = ['model', 'backend', 'resolution', 'size', 'tokens', 'rule', 'confidence', '$ / 1,000 images'] as const;
const rows: string[][] = [];

for (const { model, backend, mediaResolution } of settings) {
  for (const size of sizes) {
    const estimate = estimateRequestCost({ model, backend, mediaResolution, images: [{ size }] });
    const [image] = estimate.images;
    if (image === undefined) continue;
    const dollars = estimate.dollars === undefined ? 'no price' : `$${(estimate.dollars.input * 1000).toFixed(4)}`;
    rows.push([
      model,
      backend,
      mediaResolution ?? 'default',
      `${size.width}×${size.height}`,
      String(image.tokens),
      image.rule,
      image.confidence,
      dollars,
    ]);
  }
}

const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index]?.length ?? 0)));
const format = (cells: readonly string[]): string =>
  cells.map((cell, index) => (index === 4 || index === 7 ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0))).join('  ');

console.log(format(columns));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
let previous = '';
for (const row of rows) {
  const group = `${row[0] ?? ''} ${row[1] ?? ''} ${row[2] ?? ''}`;
  if (previous !== '' && group !== previous) console.log('');
  previous = group;
  console.log(format(row));
}
console.log('');
console.log(`Input dollars at standard Gemini API rates from ${DEFAULT_PRICE_TABLE.source} (as of ${DEFAULT_PRICE_TABLE.asOf}).`);
