#!/usr/bin/env node
// The same folder pass with sharp: `sharp(path).metadata()` per file, CONCURRENCY at a time,
// reading the displayed size from `autoOrient` (libvips applies EXIF and irot/imir).
//
//   node bench/peers/preflight-sharp.mjs DIR [--concurrency 8] [--sizes OUT.tsv]
import { createWriteStream } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { requireFromImages } from './lib.mjs';

const sharp = requireFromImages('sharp');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { concurrency: { type: 'string', default: '8' }, sizes: { type: 'string' } },
});
const directory = positionals[0];
if (directory === undefined) throw new Error('usage: preflight-sharp.mjs DIR');

const sizes = values.sizes === undefined ? undefined : createWriteStream(values.sizes);
const totals = { files: 0, images: 0, failed: 0, pixels: 0 };
const entries = (await opendir(directory, { bufferSize: 256 }))[Symbol.asyncIterator]();
async function worker() {
  for (;;) {
    const next = await entries.next();
    if (next.done) return;
    const entry = next.value;
    if (entry.name.startsWith('.') || !entry.isFile()) continue;
    totals.files += 1;
    try {
      const { autoOrient } = await sharp(join(directory, entry.name)).metadata();
      totals.images += 1;
      totals.pixels += autoOrient.width * autoOrient.height;
      sizes?.write(`${entry.name}\t${autoOrient.width}\t${autoOrient.height}\n`);
    } catch {
      totals.failed += 1;
    }
  }
}
await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
sizes?.end();
console.log(JSON.stringify(totals));
