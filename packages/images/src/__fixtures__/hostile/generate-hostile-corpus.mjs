// Writes the hostile-input corpus next to this script: small corrupt, truncated, mislabelled and
// pixel-bomb images of every supported format, plus `manifest.json` describing what each one is.
// The files are committed (about 30 KB in all); rerun only to change the corpus:
//
//   node packages/images/src/__fixtures__/hostile/generate-hostile-corpus.mjs
//
// Needs sharp (a dependency of this package). HEIC comes from the committed heif-enc fixture.
// Large hostile files (the 500 MB sparse file, symlink loops) are made at test time instead.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

import sharp from 'sharp';

const here = fileURLToPath(new URL('./', import.meta.url));
const fixtures = new URL('../', import.meta.url);

/** @type {{ file: string, kind: string, base?: string, format?: string, note: string }[]} */
const manifest = [];
for (const name of readdirSync(here)) {
  if (name !== 'generate-hostile-corpus.mjs' && name !== 'README.md') rmSync(new URL(name, new URL('./', import.meta.url)));
}

/**
 * @param {string} file
 * @param {Uint8Array} bytes
 * @param {{ kind: string, base?: string, format?: string, note: string }} entry
 */
function write(file, bytes, entry) {
  writeFileSync(new URL(file, new URL('./', import.meta.url)), bytes);
  manifest.push({ file, ...entry });
}

// --- CRC-32 for hand-made PNG chunks -------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Uint8Array} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** @param {string} type @param {Uint8Array} data */
function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// --- Valid bases: 8×6 (stored), each format, EXIF orientation 6 where the format has EXIF ----
const source = sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 200, g: 40, b: 90 } } });
const bases = {
  jpeg: await source.clone().jpeg({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer(),
  png: await source.clone().png().withMetadata({ orientation: 6 }).toBuffer(),
  webp: await source.clone().webp({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer(),
  gif: await source.clone().gif().toBuffer(),
  avif: await source.clone().avif({ quality: 50, effort: 0 }).toBuffer(),
  heic: readFileSync(new URL('heif-enc-64x48.heic', fixtures)),
};
const extensions = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif', heic: 'heic' };

for (const [format, bytes] of Object.entries(bases)) {
  const extension = extensions[/** @type {keyof typeof extensions} */ (format)];
  const base = `valid.${extension}`;
  write(base, bytes, { kind: 'valid', format, note: `a valid ${format} (8×6 stored, orientation 6 where the format carries EXIF; HEIC 64×48)` });

  // Truncations: inside the signature, inside the header, and inside the pixel data.
  const cuts = [...new Set([1, 3, 8, 13, 20, 30, 50, 100, 200, Math.floor(bytes.length / 2), bytes.length - 1])].filter((cut) => cut < bytes.length);
  for (const cut of cuts) {
    write(`truncated-${String(cut).padStart(4, '0')}.${extension}`, bytes.subarray(0, cut), { kind: 'truncated', base, format, note: `the first ${cut} of ${bytes.length} bytes` });
  }

  // Corruptions: a burst of 0xFF or 0x00 over a header region, and single flipped bits.
  for (const [index, at] of [4, 12, 16, 24, 40].entries()) {
    if (at + 8 > bytes.length) continue;
    const corrupt = Buffer.from(bytes);
    corrupt.fill(index % 2 === 0 ? 0xff : 0x00, at, at + 8);
    write(`corrupt-burst-${at}.${extension}`, corrupt, { kind: 'corrupt', base, format, note: `8 bytes at offset ${at} overwritten` });
  }
  for (const at of [0, 1, 2, 5, 9, 17, 21, 33]) {
    if (at >= bytes.length) continue;
    const flipped = Buffer.from(bytes);
    flipped[at] = (flipped[at] ?? 0) ^ 0x10;
    write(`corrupt-flip-${at}.${extension}`, flipped, { kind: 'corrupt', base, format, note: `one bit flipped at offset ${at}` });
  }

  write(`empty.${extension}`, new Uint8Array(0), { kind: 'empty', format, note: 'zero bytes' });
}

// --- Wrong extensions: the real type must be sniffed from the bytes --------------------------
write('png-named.jpg', bases.png, { kind: 'wrong-extension', base: 'valid.png', format: 'png', note: 'a PNG named .jpg' });
write('jpeg-named.heic', bases.jpeg, { kind: 'wrong-extension', base: 'valid.jpg', format: 'jpeg', note: 'a JPEG named .heic' });
write('webp-named.png', bases.webp, { kind: 'wrong-extension', base: 'valid.webp', format: 'webp', note: 'a WebP named .png' });
write('gif-named.webp', bases.gif, { kind: 'wrong-extension', base: 'valid.gif', format: 'gif', note: 'a GIF named .webp' });
write('avif-named.heic', bases.avif, { kind: 'wrong-extension', base: 'valid.avif', format: 'avif', note: 'an AVIF named .heic' });
write('heic-named.jpg', bases.heic, { kind: 'wrong-extension', base: 'valid.heic', format: 'heic', note: 'a HEIC named .jpg' });
write('text-named.jpg', Buffer.from('this is not an image\n'), { kind: 'unsupported', note: 'plain text named .jpg' });
write('html-named.png', Buffer.from('<!doctype html><title>x</title>'), { kind: 'unsupported', note: 'HTML named .png' });
write('tiff-named.webp', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]), { kind: 'unsupported', note: 'a TIFF header named .webp' });
write('zeros-named.avif', new Uint8Array(512), { kind: 'unsupported', note: '512 zero bytes named .avif' });

// --- Pixel bombs: tiny files whose headers claim enormous canvases ---------------------------
{
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale
  const idat = deflateSync(Buffer.alloc(100_001 * 4)); // a few rows; the rest is missing
  write('bomb-100000x100000.png', Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]), {
    kind: 'bomb',
    format: 'png',
    note: 'PNG IHDR 100000×100000 (10 gigapixels), 8-bit grayscale',
  });
}
{
  // SOI, SOF0 65500×65500 with 3 components, then EOI.
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xdc, 0xff, 0xdc, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  write('bomb-65500x65500.jpg', Buffer.from([0xff, 0xd8, ...sof, 0xff, 0xd9]), { kind: 'bomb', format: 'jpeg', note: 'JPEG SOF0 65500×65500' });
}
{
  // GIF89a, logical screen 65535×65535, one image descriptor of the same size, no data.
  const gif = Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'), 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00,
    0x2c, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x00, 0x02, 0x02, 0x4c, 0x01, 0x00, 0x3b,
  ]);
  write('bomb-65535x65535.gif', gif, { kind: 'bomb', format: 'gif', note: 'GIF logical screen and frame 65535×65535' });
}
{
  // RIFF/WEBP with a VP8X chunk whose canvas is 16777216×16777216 (24-bit fields, stored minus one).
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'latin1');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(0xffffff, 12, 3);
  vp8x.writeUIntLE(0xffffff, 15, 3);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + vp8x.length, 4);
  riff.write('WEBP', 8, 'latin1');
  write('bomb-16777216x16777216.webp', Buffer.concat([riff, vp8x]), { kind: 'bomb', format: 'webp', note: 'WebP VP8X canvas 16777216×16777216' });
}
for (const format of /** @type {const} */ (['avif', 'heic'])) {
  // The real file with every `ispe` box patched to 100000×100000.
  const bytes = Buffer.from(bases[format]);
  let patched = 0;
  for (let at = bytes.indexOf('ispe'); at !== -1; at = bytes.indexOf('ispe', at + 4)) {
    bytes.writeUInt32BE(100_000, at + 8);
    bytes.writeUInt32BE(100_000, at + 12);
    patched += 1;
  }
  if (patched === 0) throw new Error(`no ispe box in the ${format} base`);
  write(`bomb-100000x100000.${format}`, bytes, { kind: 'bomb', format, note: `${format} with its ${patched} ispe box(es) patched to 100000×100000` });
}

// --- Structural traps: lengths that would loop, overflow or jump far -----------------------
write('jpeg-segment-length-0.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x00, 0xff, 0xe1, 0x00, 0x00, 0xff, 0xd9]), {
  kind: 'trap',
  format: 'jpeg',
  note: 'APP1 segments of length 0 (a naive parser never advances)',
});
write('jpeg-segment-length-1.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01, 0xff, 0xd9]), { kind: 'trap', format: 'jpeg', note: 'an APP1 segment of length 1 (< 2)' });
write('jpeg-markers-only.jpg', Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(4096, 0xff)]), { kind: 'trap', format: 'jpeg', note: 'SOI then 4 KB of 0xFF fill bytes' });
write('jpeg-segment-past-end.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x00]), { kind: 'trap', format: 'jpeg', note: 'an APP1 segment claiming 65535 bytes in a 7-byte file' });
{
  const riff = Buffer.alloc(20);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(0xffffffff, 4);
  riff.write('WEBP', 8, 'latin1');
  riff.write('ABCD', 12, 'latin1');
  riff.writeUInt32LE(0xfffffff0, 16);
  write('webp-chunk-size-4gb.webp', riff, { kind: 'trap', format: 'webp', note: 'RIFF and first chunk sizes near 4 GB in a 20-byte file' });
  const zero = Buffer.from(riff);
  zero.writeUInt32LE(0, 4);
  zero.writeUInt32LE(0, 16);
  write('webp-chunk-size-0.webp', zero, { kind: 'trap', format: 'webp', note: 'RIFF and chunk sizes of 0' });
}
{
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypavif', 'latin1'), 0, 0, 0, 0, ...Buffer.from('avifmif1', 'latin1')]);
  const huge = Buffer.from([0, 0, 0, 1, ...Buffer.from('meta', 'latin1'), 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  write('avif-box-largesize-2e63.avif', Buffer.concat([ftyp, huge]), { kind: 'trap', format: 'avif', note: 'a meta box with a 64-bit size of 2^63 - 1' });
  const zeroSize = Buffer.from([0, 0, 0, 0, ...Buffer.from('meta', 'latin1'), 0, 0, 0, 0]);
  write('avif-box-size-0.avif', Buffer.concat([ftyp, zeroSize]), { kind: 'trap', format: 'avif', note: 'a meta box of size 0 ("to the end of the file")' });
  const tiny = Buffer.from([0, 0, 0, 4, ...Buffer.from('meta', 'latin1')]);
  write('avif-box-size-4.avif', Buffer.concat([ftyp, tiny, tiny, tiny]), { kind: 'trap', format: 'avif', note: 'meta boxes of size 4 (smaller than their own header)' });
  // meta → iprp → ipco nested 2,000 deep in `meta` boxes: recursion depth.
  let nested = Buffer.alloc(0);
  for (let depth = 0; depth < 2000; depth += 1) {
    const header = Buffer.alloc(12);
    header.writeUInt32BE(12 + nested.length, 0);
    header.write('meta', 4, 'latin1');
    nested = Buffer.concat([header, nested]);
  }
  write('heic-meta-nested-2000.heic', Buffer.concat([Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic', 'latin1'), 0, 0, 0, 0, ...Buffer.from('mif1heic', 'latin1')]), nested]), {
    kind: 'trap',
    format: 'heic',
    note: '2,000 meta boxes nested in each other',
  });
}
{
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(6, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const lengthHuge = pngChunk('IHDR', ihdr);
  lengthHuge.writeUInt32BE(0xffffffff, 0);
  write('png-ihdr-length-4gb.png', Buffer.concat([PNG_SIGNATURE, lengthHuge]), { kind: 'trap', format: 'png', note: 'an IHDR whose length field says 4 GB' });
  const badCrc = pngChunk('IHDR', ihdr);
  badCrc.writeUInt32BE(0, 21);
  write('png-ihdr-bad-crc.png', Buffer.concat([PNG_SIGNATURE, badCrc, pngChunk('IEND', Buffer.alloc(0))]), { kind: 'trap', format: 'png', note: 'an IHDR with a wrong CRC' });
  const zeroSize = Buffer.alloc(13);
  zeroSize.set([8, 0, 0, 0, 0], 8);
  write('png-0x0.png', Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', zeroSize), pngChunk('IEND', Buffer.alloc(0))]), { kind: 'trap', format: 'png', note: 'an IHDR of 0×0' });
}

manifest.sort((a, b) => a.file.localeCompare(b.file));
writeFileSync(new URL('manifest.json', new URL('./', import.meta.url)), `${JSON.stringify({ generatedBy: 'generate-hostile-corpus.mjs', files: manifest }, null, 2)}\n`);
console.log(`Wrote ${manifest.length} files to ${here}`);
