#!/usr/bin/env node
// A PROTOTYPE, not product code: how fast the mask pipeline can be in plain JavaScript while
// staying bit-identical to Pillow. It measures the two changes the profile of
// mask-pipeline-ours.mjs points at, for the owners of @gemini-vision/images and core to weigh:
//
// 1. Decode 8-bit grayscale PNGs (what Gemini sends) straight to one channel: walk the chunks,
//    `zlib.inflateSync` the IDAT data, undo the row filters. pngjs expands every mask to RGBA
//    first and createPngMaskDecoder then picks one channel back out (about 650 µs of ~1.6 ms).
// 2. Resize with the same fixed-point Pillow filter as core's resizeMaskBilinear, with int32
//    accumulators (`>> 22` instead of `Math.floor(sum / 2 ** 22)`), the > 127 threshold fused
//    into the vertical pass, and an exact shortcut: a filter window inside a run of equal 0 or
//    255 input values gives a tabulated output, so its multiply-adds are skipped (core: about
//    545 µs per item for resize + threshold).
//
//   node bench/peers/prototype-mask-path.mjs REPLY.txt [--seconds 3] [--digests OUT.tsv]
//
// Same output format and digests as mask-pipeline-ours.mjs; run-masks.mjs checks the digests.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inflateSync } from 'node:zlib';

import { repoRoot } from './lib.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { width: { type: 'string', default: '1024' }, height: { type: 'string', default: '1024' }, seconds: { type: 'string', default: '3' }, digests: { type: 'string' } },
});
const text = readFileSync(positionals[0], 'utf8');
const W = Number(values.width);
const H = Number(values.height);
const core = await import(new URL('packages/core/dist/index.js', repoRoot).href);

/** 8-bit grayscale, non-interlaced PNG → one byte per pixel (throws on anything else). */
function decodeGrayPng(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (bytes[24] !== 8 || bytes[25] !== 0 || bytes[28] !== 0) throw new Error('not 8-bit gray');
  const parts = [];
  for (let position = 8; position + 8 <= bytes.length; ) {
    const length = view.getUint32(position);
    const type = view.getUint32(position + 4);
    if (type === 0x49444154) parts.push(bytes.subarray(position + 8, position + 8 + length)); // IDAT
    if (type === 0x49454e44) break; // IEND
    position += 12 + length;
  }
  const raw = inflateSync(parts.length === 1 ? parts[0] : Buffer.concat(parts));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (width + 1)];
    const source = y * (width + 1) + 1;
    const row = y * width;
    const up = row - width; // the previous output row (y > 0)
    // One loop per filter type, so the branch is taken once per row, not per pixel.
    if (filter === 0 || (filter === 2 && y === 0)) {
      for (let x = 0; x < width; x += 1) out[row + x] = raw[source + x];
    } else if (filter === 1 || (filter === 4 && y === 0)) {
      let left = 0;
      for (let x = 0; x < width; x += 1) left = out[row + x] = (raw[source + x] + left) & 0xff;
    } else if (filter === 2) {
      for (let x = 0; x < width; x += 1) out[row + x] = (raw[source + x] + out[up + x]) & 0xff;
    } else if (filter === 3) {
      let left = 0;
      for (let x = 0; x < width; x += 1) left = out[row + x] = (raw[source + x] + ((left + (y > 0 ? out[up + x] : 0)) >> 1)) & 0xff;
    } else if (filter === 4) {
      let left = 0;
      let upLeft = 0;
      for (let x = 0; x < width; x += 1) {
        const above = out[up + x];
        const estimate = left + above - upLeft;
        const distanceLeft = Math.abs(estimate - left);
        const distanceUp = Math.abs(estimate - above);
        const distanceUpLeft = Math.abs(estimate - upLeft);
        const predicted = distanceLeft <= distanceUp && distanceLeft <= distanceUpLeft ? left : distanceUp <= distanceUpLeft ? above : upLeft;
        left = out[row + x] = (raw[source + x] + predicted) & 0xff;
        upLeft = above;
      }
    } else {
      throw new Error(`bad filter type ${filter}`);
    }
  }
  return { width, height, data: out };
}

/** Pillow's precompute_coeffs + normalize_coeffs_8bpc for the triangle filter (as in core). */
function coefficients(inSize, outSize) {
  const scale = inSize / outSize;
  const filterScale = scale < 1 ? 1 : scale;
  const support = filterScale;
  const taps = Math.ceil(support) * 2 + 1;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Int32Array(outSize * taps);
  const raw = new Float64Array(taps);
  for (let index = 0; index < outSize; index += 1) {
    const center = (index + 0.5) * scale;
    const start = Math.max(Math.trunc(center - support + 0.5), 0);
    const end = Math.min(Math.trunc(center + support + 0.5), inSize);
    let total = 0;
    for (let tap = 0; tap < end - start; tap += 1) {
      const distance = Math.abs((tap + start - center + 0.5) / filterScale);
      raw[tap] = distance < 1 ? 1 - distance : 0;
      total += raw[tap];
    }
    for (let tap = 0; tap < end - start; tap += 1) weights[index * taps + tap] = Math.trunc(0.5 + (total === 0 ? raw[tap] : raw[tap] / total) * 4194304);
    first[index] = start;
    count[index] = end - start;
  }
  return { taps, first, count, weights };
}

/**
 * For each output sample, the value a window of constant input `c` gives: `(2^21 + c·Σw) >> 22`.
 * Only 0 and 255 are tabulated (masks are nearly binary); 0 always gives 0.
 */
function constantOutputs({ count, weights, taps }, outSize) {
  const table = new Uint8Array(outSize);
  for (let index = 0; index < outSize; index += 1) {
    let total = 0;
    for (let tap = 0; tap < count[index]; tap += 1) total += weights[index * taps + tap];
    table[index] = Math.min(255, Math.floor((2097152 + 255 * total) / 4194304));
  }
  return table;
}

/**
 * Resize to `width × height`, threshold > 127 and paste at (x0, y0) into a fresh W×H frame.
 * Exact shortcut: where a filter window lies inside a run of equal input values 0 or 255, the
 * output is the tabulated constant, so the multiply-adds are skipped (most of a binary mask).
 */
function placeIntoFrame(mask, x0, y0, width, height) {
  const horizontal = coefficients(mask.width, width);
  const vertical = coefficients(mask.height, height);
  const firstRow = vertical.first[0];
  const lastRow = vertical.first[height - 1] + vertical.count[height - 1];
  const rows = new Uint8Array(width * (lastRow - firstRow));
  const source = mask.data;
  const sourceWidth = mask.width;
  {
    const { taps, first, count, weights } = horizontal;
    const full = constantOutputs(horizontal, width);
    const runEnd = new Int32Array(sourceWidth);
    for (let row = firstRow; row < lastRow; row += 1) {
      const sourceRow = row * sourceWidth;
      // runEnd[i]: first index after i whose value differs from source[i] (within this row).
      runEnd[sourceWidth - 1] = sourceWidth;
      for (let i = sourceWidth - 2; i >= 0; i -= 1) runEnd[i] = source[sourceRow + i] === source[sourceRow + i + 1] ? runEnd[i + 1] : i + 1;
      const outRow = (row - firstRow) * width;
      for (let x = 0; x < width; x += 1) {
        const start = first[x];
        const n = count[x];
        const value0 = source[sourceRow + start];
        if (runEnd[start] >= start + n && (value0 === 0 || value0 === 255)) {
          rows[outRow + x] = value0 === 0 ? 0 : full[x];
          continue;
        }
        const w = x * taps;
        let sum = 2097152;
        for (let tap = 0; tap < n; tap += 1) sum = (sum + source[sourceRow + start + tap] * weights[w + tap]) | 0;
        const value = sum >> 22;
        rows[outRow + x] = value < 0 ? 0 : value > 255 ? 255 : value;
      }
    }
  }
  const frame = new Uint8Array(W * H);
  let area = 0;
  {
    const { taps, first, count, weights } = vertical;
    const full = constantOutputs(vertical, height);
    const rowCount = lastRow - firstRow;
    // Per column, where each vertical run of equal values ends.
    const runEnd = new Int32Array(rowCount * width);
    for (let x = 0; x < width; x += 1) runEnd[(rowCount - 1) * width + x] = rowCount;
    for (let r = rowCount - 2; r >= 0; r -= 1) {
      for (let x = 0; x < width; x += 1) {
        const at = r * width + x;
        runEnd[at] = rows[at] === rows[at + width] ? runEnd[at + width] : r + 1;
      }
    }
    for (let y = 0; y < height; y += 1) {
      const startRow = first[y] - firstRow;
      const start = startRow * width;
      const n = count[y];
      const w = y * taps;
      const outRow = (y0 + y) * W + x0;
      const fullValue = full[y];
      for (let x = 0; x < width; x += 1) {
        const value0 = rows[start + x];
        let value;
        if (runEnd[start + x] >= startRow + n && (value0 === 0 || value0 === 255)) {
          value = value0 === 0 ? 0 : fullValue;
        } else {
          let sum = 2097152;
          for (let tap = 0; tap < n; tap += 1) sum = (sum + rows[start + tap * width + x] * weights[w + tap]) | 0;
          value = sum >> 22;
        }
        if (value > 127) {
          frame[outRow + x] = 255;
          area += 1;
        }
      }
    }
  }
  return { frame, area };
}

function pipeline() {
  const results = [];
  for (const item of core.parseSegmentations(text).items) {
    if (item.mask === null) continue;
    const [ymin, xmin, ymax, xmax] = item.box;
    const x0 = Math.floor((xmin / 1000) * W);
    const y0 = Math.floor((ymin / 1000) * H);
    const x1 = Math.floor((xmax / 1000) * W);
    const y1 = Math.floor((ymax / 1000) * H);
    if (x1 <= x0 || y1 <= y0) continue;
    const { frame } = placeIntoFrame(decodeGrayPng(item.mask.bytes), x0, y0, x1 - x0, y1 - y0);
    results.push({ label: item.label, full: { data: frame } });
  }
  return results;
}

const results = pipeline();
let runs = 0;
const started = performance.now();
let elapsed;
do {
  pipeline();
  runs += 1;
  elapsed = (performance.now() - started) / 1000;
} while (elapsed < Number(values.seconds));
if (values.digests !== undefined) {
  writeFileSync(
    values.digests,
    results
      .map(({ label, full }) => {
        const packed = new Uint8Array(Math.ceil(full.data.length / 8));
        let count = 0;
        for (let index = 0; index < full.data.length; index += 1) {
          if (full.data[index] !== 0) {
            packed[index >> 3] |= 0x80 >> (index & 7);
            count += 1;
          }
        }
        return `${label}\t${count}\t${createHash('sha1').update(packed).digest('hex')}\n`;
      })
      .join(''),
  );
}
console.log(JSON.stringify({ mode: 'prototype', items: results.length, runs, seconds: Number(elapsed.toFixed(3)), itemsPerSecond: Number(((results.length * runs) / elapsed).toFixed(1)) }));
