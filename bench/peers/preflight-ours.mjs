#!/usr/bin/env node
// The real pre-flight of a folder with gemini-vision: stream the directory, read each header with
// `probeImages` (@gemini-vision/images) and estimate its tokens with `estimateImageTokens`
// (@gemini-vision/core) at its displayed size. Nothing is held per file: memory stays flat.
//
//   node bench/peers/preflight-ours.mjs DIR [--model gemini-2.0-flash] [--access sync|async]
//        [--concurrency 8] [--sizes OUT.tsv]
//
// Prints one JSON line: files, images, failed, tokens. `--sizes` also writes `name<TAB>w<TAB>h`.
import { createWriteStream, opendirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { loadPackages } from './lib.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string', default: 'gemini-2.0-flash' },
    access: { type: 'string', default: 'sync' },
    concurrency: { type: 'string', default: '8' },
    sizes: { type: 'string' },
  },
});
const directory = positionals[0];
if (directory === undefined) throw new Error('usage: preflight-ours.mjs DIR');
const { core, images } = await loadPackages();

/** Directory entries one batch at a time (`opendir`, 256 per read): no list of the whole folder. */
function* walk() {
  const entries = opendirSync(directory, { bufferSize: 256 });
  try {
    for (let entry = entries.readSync(); entry !== null; entry = entries.readSync()) {
      if (!entry.name.startsWith('.') && entry.isFile()) yield join(directory, entry.name);
    }
  } finally {
    entries.closeSync();
  }
}

const sizes = values.sizes === undefined ? undefined : createWriteStream(values.sizes);
const totals = { files: 0, images: 0, failed: 0, tokens: 0 };
for await (const result of images.probeImages(walk(), { fileAccess: values.access, concurrency: Number(values.concurrency) })) {
  totals.files += 1;
  if (!result.ok) {
    totals.failed += 1;
    continue;
  }
  const { displayWidth: width, displayHeight: height } = result.info;
  totals.images += 1;
  totals.tokens += core.estimateImageTokens({ width, height }, { model: values.model }).tokens;
  sizes?.write(`${result.path.slice(directory.length + 1)}\t${width}\t${height}\n`);
}
sizes?.end();
console.log(JSON.stringify(totals));
