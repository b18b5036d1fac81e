#!/usr/bin/env node
// Generates the mixed image folder of the pre-flight benchmarks, deterministically:
//
//   node bench/peers/generate-folder.mjs --out DIR --count 2000
//       45 % JPEG (EXIF orientations 1–8 in turn; 15 % with 64 KB–1 MB of XMP segments before
//       the frame header), 20 % PNG and 15 % WebP (EXIF orientation), 6 % GIF and 10 % AVIF
//       (orientation as irot/imir) up to 1024 px, 4 % HEIC made by `heif-enc` (Debian
//       libheif-examples) up to 1024 px with odd sides, half of them from a JPEG carrying an EXIF
//       orientation (which HEIF readers must ignore). Sides are log-uniform in 32–6000 px.
//
//   node bench/peers/generate-folder.mjs --replicate SRC --out DIR --count 20000 [--link]
//       DIR gets COUNT files cycling through SRC's: copies (separate inodes), or hard links.
//
// A folder is reused when its `.complete` marker matches the arguments.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

import { random, requireFromImages } from './lib.mjs';

const run = promisify(execFile);
const sharp = requireFromImages('sharp');

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    count: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20261121' },
    replicate: { type: 'string' },
    link: { type: 'boolean', default: false },
  },
});
if (values.out === undefined) throw new Error('--out DIR is required');
const out = values.out;
const count = Number(values.count);
const marker = join(out, '.complete');
const signature = JSON.stringify({ count, seed: values.seed, replicate: values.replicate ?? null, link: values.link, version: 2 });

if (existsSync(marker) && (await readFile(marker, 'utf8')) === signature) {
  console.log(`${out}: reusing ${count} files`);
  process.exit(0);
}
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const started = performance.now();

if (values.replicate !== undefined) {
  const sources = (await readdir(values.replicate)).filter((name) => !name.startsWith('.')).sort();
  const width = String(count).length;
  for (let index = 0; index < count; index += 1) {
    const name = sources[index % sources.length];
    const target = join(out, `${String(index).padStart(width, '0')}-${name}`);
    if (values.link) await link(join(values.replicate, name), target);
    else await copyFile(join(values.replicate, name), target);
  }
} else {
  await generate();
}
await writeFile(marker, signature);
console.log(`${out}: wrote ${count} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** Inserts APP1 segments totalling about `bytes` right after a JPEG's SOI (extended XMP). */
function withXmpBeforeFrame(jpeg, bytes) {
  const segment = Buffer.alloc(4 + 65_533, 0x20);
  segment.set([0xff, 0xe1, 0xff, 0xff]);
  segment.write('http://ns.adobe.com/xmp/extension/\0', 4, 'latin1');
  const segments = Math.max(1, Math.round(bytes / segment.length));
  return Buffer.concat([jpeg.subarray(0, 2), ...Array.from({ length: segments }, () => segment), jpeg.subarray(2)]);
}

async function generate() {
  const next = random(Number(values.seed));
  const scratch = await mkdtemp(join(tmpdir(), 'peers-heic-'));
  const heicJobs = [];
  const width = String(count).length;
  for (let index = 0; index < count; index += 1) {
    const roll = next();
    const format = roll < 0.45 ? 'jpeg' : roll < 0.65 ? 'png' : roll < 0.8 ? 'webp' : roll < 0.86 ? 'gif' : roll < 0.96 ? 'avif' : 'heic';
    const cap = format === 'jpeg' || format === 'png' || format === 'webp' ? 6000 : 1024;
    const side = () => Math.round(Math.exp(Math.log(32) + next() * (Math.log(cap) - Math.log(32))));
    let w = side();
    let h = side();
    if (format === 'heic') {
      w |= 1; // odd sides: HEVC codes even sizes, so the file must crop them back
      if (next() < 0.5) h |= 1;
    }
    const background = { r: Math.floor(next() * 255), g: Math.floor(next() * 255), b: Math.floor(next() * 255) };
    const orientation = (index % 8) + 1;
    const name = join(out, `${String(index).padStart(width, '0')}.${format === 'jpeg' ? 'jpg' : format}`);
    const image = sharp({ create: { width: w, height: h, channels: 3, background } });
    // A diagonal line, so that every file is a distinct image, not a flat colour.
    const line = Buffer.from(`<svg width="${w}" height="${h}"><line x1="0" y1="0" x2="${w}" y2="${h}" stroke="white" stroke-width="${Math.max(1, Math.round(w / 50))}"/></svg>`);
    const drawn = image.composite([{ input: line }]);
    if (format === 'jpeg') {
      let bytes = await drawn.jpeg({ quality: 80 }).withMetadata({ orientation }).toBuffer();
      if (next() < 0.15) bytes = withXmpBeforeFrame(bytes, 64_000 + next() * 960_000);
      await writeFile(name, bytes);
    } else if (format === 'png') {
      await writeFile(name, await drawn.png({ compressionLevel: 1 }).withMetadata({ orientation }).toBuffer());
    } else if (format === 'webp') {
      await writeFile(name, await drawn.webp({ quality: 70 }).withMetadata({ orientation }).toBuffer());
    } else if (format === 'gif') {
      await writeFile(name, await drawn.gif().toBuffer());
    } else if (format === 'avif') {
      await writeFile(name, await drawn.avif({ quality: 40, effort: 0 }).withMetadata({ orientation }).toBuffer());
    } else {
      const fromJpeg = next() < 0.5;
      const input = join(scratch, `${index}.${fromJpeg ? 'jpg' : 'png'}`);
      await writeFile(input, fromJpeg ? await drawn.jpeg().withMetadata({ orientation }).toBuffer() : await drawn.png().toBuffer());
      heicJobs.push({ input, output: name });
    }
  }
  // heif-enc (x265) two at a time.
  let position = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (position < heicJobs.length) {
        const job = heicJobs[position++];
        await run('heif-enc', ['-q', '50', job.input, '-o', job.output]);
      }
    }),
  );
  await rm(scratch, { recursive: true, force: true });
}
