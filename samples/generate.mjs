#!/usr/bin/env node
// Regenerates the sample images in this folder from one real photo, with sharp.
//
//   node samples/generate.mjs [photo]
//
// `photo` defaults to the spill photo of the real-Gemini fixtures
// (../shared/fixtures/real-gemini/images/spill.jpg, 2643×1982, from google-gemini's spatial
// understanding cookbook). The outputs are committed; rerun this only to change them. Every file
// stays under 100 KB. sharp is resolved from apps/cli, which has it as a devDependency.
import { statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(new URL('../apps/cli/package.json', import.meta.url));
const sharp = require('sharp');

const source = process.argv[2] ?? fileURLToPath(new URL('../../shared/fixtures/real-gemini/images/spill.jpg', import.meta.url));
const MAX_BYTES = 100 * 1024;

/** The source cropped around its centre to the aspect ratio of `width × height`, at that size. */
function photo(width, height) {
  return sharp(source).resize(width, height, { fit: 'cover', position: 'centre' });
}

const samples = [
  // A landscape JPEG, the everyday case.
  { name: 'spill-1024x768.jpg', image: () => photo(1024, 768).jpeg({ quality: 72, mozjpeg: true }) },
  // A phone-style portrait: stored as 1024×768 landscape pixels with EXIF orientation 6, displayed
  // (and estimated) as 768×1024.
  {
    name: 'spill-portrait-exif-6.jpg',
    image: async () =>
      // sharp rotates before it resizes within one pipeline, so rotate in a second one.
      sharp(await photo(768, 1024).toBuffer())
        .rotate(-90)
        .jpeg({ quality: 72, mozjpeg: true })
        .withMetadata({ orientation: 6 }),
  },
  // A small PNG (palette), below the 384-px single-tile limit of the tile rules.
  { name: 'spill-320x240.png', image: () => photo(320, 240).png({ palette: true, colours: 128, effort: 10 }) },
  // A wide WebP, where Gemini 3's grid follows the aspect ratio.
  { name: 'spill-wide-1536x512.webp', image: () => photo(1536, 512).webp({ quality: 60 }) },
  // A GIF.
  { name: 'spill-240x180.gif', image: () => photo(240, 180).gif({ colours: 64 }) },
  // A large AVIF: several crop tiles on Gemini 2.x (Vertex AI).
  { name: 'spill-2048x1536.avif', image: () => photo(2048, 1536).avif({ quality: 40, effort: 4 }) },
];

for (const sample of samples) {
  const bytes = await (await sample.image()).toBuffer();
  if (bytes.length > MAX_BYTES) throw new Error(`${sample.name} is ${bytes.length} bytes; keep samples under ${MAX_BYTES}.`);
  writeFileSync(new URL(sample.name, `file://${here}`), bytes);
  const meta = await sharp(bytes).metadata();
  console.log(`${sample.name}  ${meta.format} ${meta.width}×${meta.height}${meta.orientation ? ` orientation ${meta.orientation}` : ''}  ${statSync(`${here}${sample.name}`).size} bytes`);
}
