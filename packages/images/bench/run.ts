// Benchmarks of @gemini-vision/images. Run with `pnpm bench` in packages/images.
//
// 1. Folder probing: 2,000 generated images (JPEG, PNG, WebP, GIF, AVIF, HEIC; 32–6000 px; EXIF
//    orientations 1–8; some JPEGs with up to 1 MB of XMP segments before the frame header),
//    whole-folder throughput of `probeImages` against `sharp(path).metadata()` at the same
//    concurrency. The folder is generated once into the OS temp directory and reused.
// 2. The segmentation mask pipeline on a real Gemini response (mitata).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { imageSize } from 'image-size';
import { bench, run } from 'mitata';
import sharp from 'sharp';

import { placeSegmentationMask, toFullFrameMasks } from '@gemini-vision/core';
import { createPngMaskDecoder, probeImages, renderOverlay, type ProbeImagesResult } from '../src/index';

const require = createRequire(import.meta.url);
const probeImageSizeSync = require('probe-image-size/sync') as (
  bytes: Uint8Array,
) => { width: number; height: number; orientation?: number } | null;

const FILE_COUNT = 2000;
const CONCURRENCY = 8;
const ROUNDS = 5;
const CORPUS = join(tmpdir(), 'gemini-vision-bench-images-v1');
const fixtures = new URL('../src/__fixtures__/', import.meta.url);

/** A deterministic pseudo-random generator (mulberry32), so every machine gets the same folder. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Inserts APP1 segments totalling about `bytes` right after a JPEG's SOI (extended XMP). */
function withXmpBeforeFrame(jpeg: Buffer, bytes: number): Buffer {
  const segment = Buffer.alloc(4 + 65_533, 0x20);
  segment.set([0xff, 0xe1, 0xff, 0xff]);
  segment.write('http://ns.adobe.com/xmp/extension/\0', 4, 'latin1');
  const count = Math.max(1, Math.round(bytes / segment.length));
  return Buffer.concat([jpeg.subarray(0, 2), ...Array.from({ length: count }, () => segment), jpeg.subarray(2)]);
}

async function generateCorpus(): Promise<string[]> {
  const marker = join(CORPUS, 'complete');
  if (existsSync(marker)) return (await readdir(CORPUS)).filter((name) => name !== 'complete').sort().map((name) => join(CORPUS, name));

  await mkdir(CORPUS, { recursive: true });
  const next = random(20_261_121);
  const heic = [await readFile(new URL('heif-enc-64x48.heic', fixtures)), await readFile(new URL('heif-enc-64x48-exif-orientation-6.heic', fixtures))];
  const started = performance.now();
  for (let index = 0; index < FILE_COUNT; index += 1) {
    const roll = next();
    const format = roll < 0.45 ? 'jpeg' : roll < 0.65 ? 'png' : roll < 0.8 ? 'webp' : roll < 0.86 ? 'gif' : roll < 0.96 ? 'avif' : 'heic';
    const name = join(CORPUS, `${String(index).padStart(4, '0')}.${format === 'jpeg' ? 'jpg' : format}`);
    if (format === 'heic') {
      await writeFile(name, heic[index % 2] ?? new Uint8Array());
      continue;
    }
    // Log-uniform sides in 32..6000 px (AVIF, slow to encode, and GIF capped at 1024).
    const cap = format === 'avif' || format === 'gif' ? 1024 : 6000;
    const side = (): number => Math.round(Math.exp(Math.log(32) + next() * (Math.log(cap) - Math.log(32))));
    const width = side();
    const height = side();
    const background = { r: Math.floor(next() * 255), g: Math.floor(next() * 255), b: Math.floor(next() * 255) };
    const orientation = 1 + Math.floor(next() * 8);
    const image = sharp({ create: { width, height, channels: 3, background } });
    let bytes: Buffer;
    if (format === 'jpeg') {
      bytes = await image.jpeg({ quality: 80 }).withMetadata({ orientation }).toBuffer();
      if (next() < 0.15) bytes = withXmpBeforeFrame(bytes, 64_000 + next() * 960_000);
    } else if (format === 'png') {
      bytes = await image.png({ compressionLevel: 1 }).withMetadata({ orientation }).toBuffer();
    } else if (format === 'webp') {
      bytes = await image.webp({ quality: 70 }).withMetadata({ orientation }).toBuffer();
    } else if (format === 'avif') {
      bytes = await image.avif({ quality: 40, effort: 0 }).withMetadata({ orientation }).toBuffer();
    } else {
      bytes = await image.gif().toBuffer();
    }
    await writeFile(name, bytes);
  }
  await writeFile(marker, '');
  console.log(`Generated ${FILE_COUNT} images in ${CORPUS} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return generateCorpus();
}

async function pool(paths: readonly string[], concurrency: number, work: (path: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++];
        if (path !== undefined) await work(path);
      }
    }),
  );
}

async function collect(iterable: AsyncIterable<ProbeImagesResult>): Promise<ProbeImagesResult[]> {
  const results: ProbeImagesResult[] = [];
  for await (const result of iterable) results.push(result);
  return results;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function benchFolder(paths: readonly string[]): Promise<void> {
  const totalBytes = (await Promise.all(paths.map(async (path) => (await readFile(path)).length))).reduce((a, b) => a + b, 0);
  console.log(`\nFolder: ${paths.length} files, ${(totalBytes / 1e6).toFixed(0)} MB, concurrency ${CONCURRENCY}, ${ROUNDS} rounds (page cache warm).`);

  // Correctness first: every displayed size must match sharp's (libheif applies AVIF/HEIF irot).
  const truth = new Map<string, readonly [number | undefined, number | undefined]>();
  for (const path of paths) {
    const metadata = await sharp(path).metadata();
    truth.set(path, metadata.format === 'heif' ? [metadata.width, metadata.height] : [metadata.autoOrient.width, metadata.autoOrient.height]);
  }
  const displayed = (width: number, height: number, orientation = 1): readonly [number, number] =>
    orientation >= 5 && orientation <= 8 ? [height, width] : [width, height];
  const readers: Record<string, (path: string) => readonly [number, number] | undefined> = {};
  const ours = new Map((await collect(probeImages(paths))).map((result) => [result.path, result]));
  readers['probeImages (this package)'] = (path) => {
    const result = ours.get(path);
    return result?.ok === true ? [result.info.displayWidth, result.info.displayHeight] : undefined;
  };
  readers['readFileSync + image-size 2.1'] = (path) => {
    const result = imageSize(readFileSync(path));
    return displayed(result.width, result.height, result.orientation);
  };
  readers['readFileSync + probe-image-size 7.5 sync'] = (path) => {
    const result = probeImageSizeSync(readFileSync(path));
    return result === null ? undefined : displayed(result.width, result.height, result.orientation);
  };
  console.log('| reader | displayed size equal to sharp | differs | fails |');
  console.log('|---|---|---|---|');
  for (const [name, read] of Object.entries(readers)) {
    let equal = 0;
    let differs = 0;
    let fails = 0;
    for (const path of paths) {
      let size: readonly [number, number] | undefined;
      try {
        size = read(path);
      } catch {
        size = undefined;
      }
      const expected = truth.get(path);
      if (size === undefined) fails += 1;
      else if (size[0] === expected?.[0] && size[1] === expected[1]) equal += 1;
      else differs += 1;
    }
    console.log(`| ${name} | ${equal} | ${differs} | ${fails} |`);
  }

  const methods: Record<string, () => Promise<unknown>> = {
    'sharp(path).metadata()': () => pool(paths, CONCURRENCY, (path) => sharp(path).metadata()),
    "probeImages (fileAccess 'sync')": () => collect(probeImages(paths, { concurrency: CONCURRENCY })),
    "probeImages (fileAccess 'async')": () => collect(probeImages(paths, { concurrency: CONCURRENCY, fileAccess: 'async' })),
    'readFileSync + image-size (whole files)': () =>
      pool(paths, CONCURRENCY, (path) => {
        try {
          imageSize(readFileSync(path));
        } catch {
          // counted above
        }
        return Promise.resolve();
      }),
    'readFileSync + probe-image-size sync (whole files)': () =>
      pool(paths, CONCURRENCY, (path) => Promise.resolve(probeImageSizeSync(readFileSync(path)))),
  };
  const times: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, method] of Object.entries(methods)) {
      const started = performance.now();
      await method();
      (times[name] ??= []).push(performance.now() - started);
    }
  }
  const baseline = median(times['sharp(path).metadata()'] ?? []);
  console.log('| method | median ms / 2,000 files | best ms | µs per file | speed-up vs sharp |');
  console.log('|---|---|---|---|---|');
  for (const [name, values] of Object.entries(times)) {
    const middle = median(values);
    console.log(
      `| ${name} | ${middle.toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${((middle * 1000) / paths.length).toFixed(1)} | ${(baseline / middle).toFixed(1)}× |`,
    );
  }
}

interface SegmentationItem {
  readonly box_2d: readonly [number, number, number, number];
  readonly mask: string;
  readonly label: string;
}

async function benchMasks(): Promise<void> {
  const text = await readFile(new URL('cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt', fixtures), 'utf8');
  const items = JSON.parse(text.replace(/^```json\s*/u, '').replace(/```\s*$/u, '')) as SegmentationItem[];
  const pngs = items.map((item) => new Uint8Array(Buffer.from(item.mask.replace(/^data:image\/png;base64,/u, ''), 'base64')));
  const decoder = createPngMaskDecoder();
  const frame = { width: 1024, height: 1024 };
  const decoded = pngs.map((png) => decoder.decodePng(png));
  const placed = items.map((item, index) => placeSegmentationMask(decoded[index] as Awaited<(typeof decoded)[number]>, item.box_2d, frame));
  const image = new Uint8Array(await readFile(new URL('cupcakes.jpg', fixtures)));
  const drawing = {
    items: placed.map((result, index) => ({
      label: items[index]?.label,
      box: result.box,
      ...(result.degenerate ? {} : { mask: { box: result.box, mask: result.mask } }),
    })),
  };
  await renderOverlay(image, drawing); // loads the font once

  console.log(`\nMask pipeline on a real response: ${items.length} masks of 256×256 on a 1024×1024 image.`);
  bench('decode one 256×256 mask PNG', () => decoder.decodePng(pngs[0] ?? new Uint8Array()));
  bench(`decode + place ${items.length} masks (resize to box, threshold 127)`, () => {
    for (let index = 0; index < items.length; index += 1) {
      placeSegmentationMask(decoder.decodePng(pngs[index] ?? new Uint8Array()) as Awaited<(typeof decoded)[number]>, items[index]?.box_2d ?? [0, 0, 1, 1], frame);
    }
  });
  bench(`toFullFrameMasks: ${items.length} placed masks → ${items.length} full 1024² frames`, () => toFullFrameMasks(placed));
  bench(`renderOverlay: ${items.length} masks + boxes + labels → PNG 1024²`, async () => renderOverlay(image, drawing));
  await run();
}

console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}), sharp.concurrency() ${sharp.concurrency()}, UV_THREADPOOL_SIZE ${process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)'}.`);
await benchFolder(await generateCorpus());
await benchMasks();
