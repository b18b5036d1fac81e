#!/usr/bin/env node
// Segmentation-mask pipeline (reply text → decode → resize to the box → threshold → full-frame
// mask per item) on 200 real-shaped masks and a 1024×1024 frame: gemini-vision against the
// guide's Python sample, the cookbook's `parse_segmentation_masks` and a vectorised numpy version.
// Checks that every full-frame mask is identical to Pillow's BILINEAR resize at the same
// threshold (> 127), and counts what the guide's `> 128` changes. Each pipeline runs --seconds
// after a warm-up, --repeats times in rotation (so load changes hit all alike); the table gives
// the median and the range.
//
//   node bench/peers/run-masks.mjs [--work /tmp/gv-peers] [--seconds 5] [--repeats 3]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { loadLine, machineLine } from './lib.mjs';

const { values } = parseArgs({ options: { work: { type: 'string', default: '/tmp/gv-peers' }, seconds: { type: 'string', default: '5' }, repeats: { type: 'string', default: '3' } } });
const here = new URL('./', import.meta.url).pathname;
const reply = join(values.work, 'masks-200.txt');
const run = (command) => JSON.parse(execFileSync(command[0], command.slice(1), { encoding: 'utf8' }).trim().split('\n').pop());
execFileSync('mkdir', ['-p', values.work]);
execFileSync('node', [join(here, 'make-mask-reply.mjs'), reply]);

console.log('## Segmentation-mask pipeline: gemini-vision vs the guide, the cookbook and numpy\n');
console.log(`Machine: ${machineLine()}.\n`);
const variants = [
  ['The guide\'s Python sample (per-pixel loop, `> 128`)', ['/usr/bin/python3', join(here, 'mask-pipeline.py'), reply, '--mode', 'guide'], 'guide'],
  ['The cookbook\'s `parse_segmentation_masks` + `> 127`', ['/usr/bin/python3', join(here, 'mask-pipeline.py'), reply, '--mode', 'cookbook'], 'cookbook'],
  ['numpy, vectorised on the box (PIL decode + BILINEAR, `> 127`)', ['/usr/bin/python3', join(here, 'mask-pipeline.py'), reply, '--mode', 'numpy'], 'numpy'],
  ['**gemini-vision**: `parseSegmentations` → `createPngMaskDecoder` → `placeSegmentationMask` → `toFullFrameMasks`', ['node', join(here, 'mask-pipeline-ours.mjs'), reply], 'ours'],
  ['gemini-vision with `toFullFrameMask` per item (one allocation per mask)', ['node', join(here, 'mask-pipeline-ours.mjs'), reply, '--per-item'], 'perItem'],
];
const runs = Object.fromEntries(variants.map(([name, , key]) => [key, { name, itemsPerSecond: [] }]));
const digests = {};
const loadBefore = loadLine();
for (let repeat = 0; repeat < Number(values.repeats); repeat += 1) {
  for (const [, command, key] of variants) {
    const file = join(values.work, `digests-${key}.tsv`);
    runs[key].itemsPerSecond.push(run([...command, '--seconds', values.seconds, '--digests', file]).itemsPerSecond);
    digests[key] = readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const results = Object.fromEntries(
  Object.entries(runs).map(([key, { name, itemsPerSecond }]) => [key, { name, itemsPerSecond: median(itemsPerSecond), min: Math.min(...itemsPerSecond), max: Math.max(...itemsPerSecond) }]),
);
const guide = results.guide.itemsPerSecond;
const numpy = results.numpy.itemsPerSecond;
console.log(`200 items (the 51 real masks of packages/core/src/masks/__fixtures__, cycled with boxes shifted by ±20), frame 1024×1024; each pipeline ran ${values.seconds} s after a warm-up run, ${values.repeats} times in rotation (${loadBefore} before, ${loadLine()} after). Items / s: median (range).\n`);
console.log('| pipeline | items / s | vs the guide | vs numpy | full-frame masks identical to Pillow BILINEAR > 127 |');
console.log('|---|---|---|---|---|');
const format = (value) => value.toLocaleString('en-US', { maximumFractionDigits: value < 100 ? 1 : 0 });
const reference = digests.numpy;
for (const [, , key] of variants) {
  const same = digests[key].filter((row, index) => row[2] === reference[index]?.[2]).length;
  const { name, itemsPerSecond, min, max } = results[key];
  console.log(`| ${name} | ${format(itemsPerSecond)} (${format(min)}–${format(max)}) | ${(itemsPerSecond / guide).toFixed(1)}× | ${(itemsPerSecond / numpy).toFixed(2)}× | ${same} / ${reference.length} |`);
}
const differing = digests.guide.filter((row, index) => row[2] !== reference[index][2]).length;
const pixels = digests.guide.reduce((sum, row, index) => sum + Math.abs(Number(row[1]) - Number(reference[index][1])), 0);
const foreground = reference.reduce((sum, row) => sum + Number(row[1]), 0);
console.log(`\nThreshold: the guide's sample tests \`> 128\`; at \`> 127\` (the cookbook, and core's DEFAULT_MASK_THRESHOLD) ${differing} of 200 masks differ, by ${pixels} pixels out of ${foreground.toLocaleString('en-US')} foreground pixels (the pixels whose resized value is exactly 128).\n`);
