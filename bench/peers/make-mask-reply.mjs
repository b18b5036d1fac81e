#!/usr/bin/env node
// Builds the input of the mask-pipeline benchmark: one model-style reply (a ```json fence) with
// 200 segmentation items, cycling through the 51 real Gemini masks of
// packages/core/src/masks/__fixtures__ (256×256 grayscale PNGs) with their boxes shifted by a
// deterministic -20..+20 per coordinate, so that box sizes vary as in real replies.
//
//   node bench/peers/make-mask-reply.mjs OUT.txt [--count 200]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { random, repoRoot } from './lib.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { count: { type: 'string', default: '200' } } });
const out = positionals[0];
if (out === undefined) throw new Error('usage: make-mask-reply.mjs OUT.txt');

const fixtures = new URL('packages/core/src/masks/__fixtures__/', repoRoot);
const items = [];
for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.txt')).sort()) {
  const text = readFileSync(new URL(file, fixtures), 'utf8');
  const json = text.slice(text.indexOf('```json') + 7, text.lastIndexOf('```'));
  items.push(...JSON.parse(json));
}
if (items.length !== 51) throw new Error(`expected the 51 real masks, found ${items.length}`);

const next = random(51_200);
const shift = () => Math.round(next() * 40) - 20;
const clamp = (value) => Math.min(1000, Math.max(0, value));
const result = [];
for (let index = 0; index < Number(values.count); index += 1) {
  const item = items[index % items.length];
  const [y0, x0, y1, x1] = item.box_2d;
  const box = index < items.length ? [y0, x0, y1, x1] : [clamp(y0 + shift()), clamp(x0 + shift()), clamp(y1 + shift()), clamp(x1 + shift())];
  if (box[0] > box[2]) [box[0], box[2]] = [box[2], box[0]];
  if (box[1] > box[3]) [box[1], box[3]] = [box[3], box[1]];
  result.push(`  {"box_2d": [${box.join(', ')}], "mask": "${item.mask}", "label": ${JSON.stringify(`${item.label} #${index}`)}}`);
}
writeFileSync(out, `\`\`\`json\n[\n${result.join(',\n')}\n]\n\`\`\`\n`);
console.log(`${out}: ${result.length} items from ${items.length} real masks`);
