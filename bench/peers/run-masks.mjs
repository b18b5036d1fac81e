#!/usr/bin/env node
// Segmentation-mask pipeline (reply text → decode → resize to the box → threshold → full-frame
// mask per item) on 200 real-shaped masks and a 1024×1024 frame: gemini-vision against the
// guide's Python sample, the cookbook's `parse_segmentation_masks` and a vectorised numpy version,
// plus the prototype in prototype-mask-path.mjs. Checks that every full-frame mask is identical
// to Pillow's BILINEAR resize at the same threshold (> 127), and counts what the guide's `> 128`
// changes.
//
//   node bench/peers/run-masks.mjs [--work /tmp/gv-peers] [--seconds 5]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { loadLine, machineLine } from './lib.mjs';

const { values } = parseArgs({ options: { work: { type: 'string', default: '/tmp/gv-peers' }, seconds: { type: 'string', default: '5' } } });
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
  ['gemini-vision: parseSegmentations → createPngMaskDecoder → placeSegmentationMask → toFullFrameMask', ['node', join(here, 'mask-pipeline-ours.mjs'), reply], 'ours'],
  ['prototype (prototype-mask-path.mjs; not shipped)', ['node', join(here, 'prototype-mask-path.mjs'), reply], 'prototype'],
];
const results = {};
const digests = {};
const loadBefore = loadLine();
for (const [name, command, key] of variants) {
  const file = join(values.work, `digests-${key}.tsv`);
  results[key] = { name, ...run([...command, '--seconds', values.seconds, '--digests', file]) };
  digests[key] = readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split('\t'));
}
const guide = results.guide.itemsPerSecond;
const numpy = results.numpy.itemsPerSecond;
console.log(`200 items (the 51 real masks of packages/core/src/masks/__fixtures__, cycled with boxes shifted by ±20), frame 1024×1024, each variant repeated for ${values.seconds} s after a warm-up run (${loadBefore} before, ${loadLine()} after).\n`);
console.log('| pipeline | items / s | vs the guide | vs numpy | full-frame masks identical to Pillow BILINEAR > 127 |');
console.log('|---|---|---|---|---|');
const reference = digests.numpy;
for (const [, , key] of variants) {
  const same = digests[key].filter((row, index) => row[2] === reference[index]?.[2]).length;
  console.log(`| ${results[key].name} | ${results[key].itemsPerSecond.toLocaleString('en-US')} | ${(results[key].itemsPerSecond / guide).toFixed(1)}× | ${(results[key].itemsPerSecond / numpy).toFixed(2)}× | ${same} / ${reference.length} |`);
}
const differing = digests.guide.filter((row, index) => row[2] !== reference[index][2]).length;
const pixels = digests.guide.reduce((sum, row, index) => sum + Math.abs(Number(row[1]) - Number(reference[index][1])), 0);
const foreground = reference.reduce((sum, row) => sum + Number(row[1]), 0);
console.log(`\nThreshold: the guide's sample tests \`> 128\`; at \`> 127\` (the cookbook, and core's DEFAULT_MASK_THRESHOLD) ${differing} of 200 masks differ, by ${pixels} pixels out of ${foreground.toLocaleString('en-US')} foreground pixels (the pixels whose resized value is exactly 128).\n`);
