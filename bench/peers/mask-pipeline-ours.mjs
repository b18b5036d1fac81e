#!/usr/bin/env node
// The same mask pipeline with gemini-vision: `parseSegmentations` (core) reads the reply,
// `createPngMaskDecoder` (images) decodes each mask, `placeSegmentationMask` (core) resizes it to
// its box with Pillow's bilinear filter and thresholds it at > 127, and `toFullFrameMasks` pastes
// them all into full-frame masks (one allocation; `--per-item`: `toFullFrameMask` per item).
//
//   node bench/peers/mask-pipeline-ours.mjs REPLY.txt [--width 1024 --height 1024] [--seconds 3]
//        [--digests OUT.tsv] [--per-item]
//
// Prints one JSON line like mask-pipeline.py; `--digests` writes the same per-item digests
// (foreground count, SHA-1 of the row-major mask packed 8 pixels per byte, first pixel in the
// high bit, as `np.packbits` does).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { repoRoot } from './lib.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1024' },
    height: { type: 'string', default: '1024' },
    seconds: { type: 'string', default: '3' },
    digests: { type: 'string' },
    'per-item': { type: 'boolean', default: false },
  },
});
const text = readFileSync(positionals[0], 'utf8');
const frame = { width: Number(values.width), height: Number(values.height) };
const core = await import(new URL('packages/core/dist/index.js', repoRoot).href);
const { createPngMaskDecoder } = await import(new URL('packages/images/dist/index.js', repoRoot).href);
const decoder = createPngMaskDecoder();

/** `--per-item`: `toFullFrameMask` per item instead of one `toFullFrameMasks` for the reply. */
const perItem = values['per-item'];

function pipeline() {
  const labels = [];
  const placed = [];
  for (const item of core.parseSegmentations(text).items) {
    if (item.mask === null) continue;
    const placement = core.placeSegmentationMask(decoder.decodePng(item.mask.bytes), item.box, frame);
    if (placement.degenerate) continue;
    labels.push(item.label);
    placed.push(placement);
  }
  const masks = perItem ? placed.map((placement) => core.toFullFrameMask(placement)) : core.toFullFrameMasks(placed);
  return masks.map((full, index) => ({ label: labels[index], full }));
}

const results = pipeline(); // warm-up, and the output checked below
let runs = 0;
const started = performance.now();
let elapsed;
do {
  pipeline();
  runs += 1;
  elapsed = (performance.now() - started) / 1000;
} while (elapsed < Number(values.seconds));

if (values.digests !== undefined) {
  const lines = results.map(({ label, full }) => {
    const packed = new Uint8Array(Math.ceil(full.data.length / 8));
    let count = 0;
    for (let index = 0; index < full.data.length; index += 1) {
      if (full.data[index] !== 0) {
        packed[index >> 3] |= 0x80 >> (index & 7);
        count += 1;
      }
    }
    return `${label}\t${count}\t${createHash('sha1').update(packed).digest('hex')}\n`;
  });
  writeFileSync(values.digests, lines.join(''));
}
console.log(JSON.stringify({ mode: perItem ? 'gemini-vision (per item)' : 'gemini-vision', items: results.length, runs, seconds: Number(elapsed.toFixed(3)), itemsPerSecond: Number(((results.length * runs) / elapsed).toFixed(1)) }));
