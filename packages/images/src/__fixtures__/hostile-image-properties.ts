// Hostile-byte properties of the images adapter, registered by `hostile-bytes.test.ts` (a small
// sample in `pnpm test`) and `hostile-bytes.fuzz.test.ts` (`pnpm test:fuzz`, FUZZ_RUNS cases per
// property, default 100,000). Inputs are mutations (truncation, insertion, deletion, bit flips,
// overwritten length fields) of the valid files of the hostile corpus and of the 16 real mask PNGs
// of a Gemini segmentation reply. Property: a result or a typed GeminiVisionError, fast.
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join, sep } from 'node:path';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { afterAll, describe } from 'vitest';

import { GeminiVisionError } from '@gemini-vision/core';
import { createFuzzChecks } from '@gemini-vision/vitest-config/fuzz';

import { resolveInsideDirectory, safeFileName } from '../files/index';
import { createPngMaskDecoder } from '../masks/index';
import { probeImage } from '../probe/index';

export { fuzzRuns, reportCasesAfterAll, SAMPLE_RUNS } from '@gemini-vision/vitest-config/fuzz';

/** One case: a result `validate` accepts or a GeminiVisionError, within the case budget (the shared harness). */
const { expectTypedOutcomeAsync: expectTypedOutcome } = createFuzzChecks({ isTypedError: (error) => GeminiVisionError.isInstance(error) });

const corpus = new URL('./hostile/', import.meta.url);
const IMAGES: readonly Uint8Array[] = [
  ...['valid.jpg', 'valid.png', 'valid.webp', 'valid.gif', 'valid.avif', 'valid.heic'].map((file) => new Uint8Array(readFileSync(new URL(file, corpus)))),
  new Uint8Array(readFileSync(new URL('./heif-enc-64x48-exif-orientation-6.heic', import.meta.url))),
];
const reply = readFileSync(new URL('./cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt', import.meta.url), 'utf8');
const MASKS: readonly Uint8Array[] = [...reply.matchAll(/data:image\/png;base64,([A-Za-z0-9+/=]+)/gu)].map(
  (match) => new Uint8Array(Buffer.from(match[1] ?? '', 'base64')),
);

/** A uniform fraction of the length in [0, 1) (no bias toward the ends, unlike `fc.double`). */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((value) => value / 1_000_000);
/** A uniform fraction in [0, `limit`). */
const positionBelow = (limit: number): fc.Arbitrary<number> => position.map((value) => value * limit);

/** One edit of a byte string; positions are fractions of its current length. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  // Header-heavy: flips and 32-bit overwrites near the start, where sizes and lengths live.
  fc.record({ kind: fc.constant('flip' as const), at: positionBelow(0.1), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: positionBelow(0.2),
    value: fc.constantFrom(0, 1, 0x7f, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(bytes: Uint8Array, change: Edit): Uint8Array {
  const at = Math.min(bytes.length, Math.floor(change.at * bytes.length));
  switch (change.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'insert': {
      const out = new Uint8Array(bytes.length + change.bytes.length);
      out.set(bytes.subarray(0, at));
      out.set(change.bytes, at);
      out.set(bytes.subarray(at), at + change.bytes.length);
      return out;
    }
    case 'delete': {
      const end = Math.min(bytes.length, at + change.length);
      const out = new Uint8Array(bytes.length - (end - at));
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(end), at);
      return out;
    }
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const index = Math.min(out.length - 1, at);
      out[index] = (out[index] ?? 0) ^ (1 << change.bit);
      return out;
    }
    case 'overwrite': {
      if (bytes.length < 4) return bytes;
      const out = bytes.slice();
      new DataView(out.buffer).setUint32(Math.min(out.length - 4, at), change.value);
      return out;
    }
  }
}

/**
 * Recomputes the CRC of every PNG chunk that still parses, so that a mutation inside IHDR or
 * IDAT reaches the inflater and the unfilterer instead of stopping at the checksum.
 */
function repairPngChecksums(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let position = 8; position + 12 <= out.length; ) {
    const length = view.getUint32(position);
    if (position + 12 + length > out.length) break;
    view.setUint32(position + 8 + length, crc32(out.subarray(position + 4, position + 8 + length)));
    position += 12 + length;
  }
  return out;
}

const mutated = (sources: readonly Uint8Array[], { repairPng = false } = {}): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(fc.nat({ max: sources.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([index, edits, repair]) => {
      const bytes = edits.reduce(applyEdit, sources[index] ?? new Uint8Array());
      return repairPng && repair ? repairPngChecksums(bytes) : bytes;
    });

/** Registers every property with `numRuns` cases each. */
export function describeHostileImageProperties(numRuns: number): void {
  describe('images adapter on hostile bytes', () => {
    propertyIt.prop([mutated(IMAGES)], { numRuns })('probeImage reads a mutated image or throws a typed error', async (bytes) => {
      await expectTypedOutcome('probeImage', () => probeImage(bytes), (info) => {
        const problems: string[] = [];
        if (!(Number.isSafeInteger(info.width) && info.width > 0 && Number.isSafeInteger(info.height) && info.height > 0)) problems.push(`size ${info.width}×${info.height}`);
        if (!(Number.isInteger(info.orientation) && info.orientation >= 1 && info.orientation <= 8)) problems.push(`orientation ${info.orientation}`);
        if (info.width * info.height > 268_402_689) problems.push('above the pixel limit');
        if (info.byteLength !== bytes.byteLength) problems.push('byteLength');
        return problems;
      });
    });

    const decoder = createPngMaskDecoder();
    propertyIt.prop([mutated(MASKS, { repairPng: true })], { numRuns })('createPngMaskDecoder decodes a mutated mask PNG or throws a typed error', async (bytes) => {
      await expectTypedOutcome('createPngMaskDecoder().decodePng', () => decoder.decodePng(bytes), (mask) =>
        mask.data.length === mask.width * mask.height && mask.width * mask.height <= 4096 * 4096 ? [] : [`mask ${mask.width}×${mask.height}`],
      );
    });

    const label = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.array(fc.constantFrom('..', '.', '/', '\\', 'a', '寿', '\u0000', '\u202e', ' ', 'C:', 'CON', '~', '\ud800'), { maxLength: 16 }).map((parts) => parts.join('')),
    );
    propertyIt.prop([label, fc.integer({ min: 8, max: 255 })], { numRuns })(
      'safeFileName returns a short name with no separators, controls or dot edges',
      async (text, maxLength) => {
        await expectTypedOutcome('safeFileName', () => safeFileName(text, { maxLength, extension: '.png' }), (name) => {
          const problems: string[] = [];
          if (Buffer.byteLength(name) > maxLength) problems.push('too long');
          // eslint-disable-next-line no-control-regex -- control characters are what is checked
          if (/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]|\p{Cs}/u.test(name)) problems.push(`unsafe character in ${JSON.stringify(name)}`);
          if (/^[.\s]/u.test(name) || name === '.png') problems.push(`bad edge in ${JSON.stringify(name)}`);
          return problems;
        });
      },
    );

    const root = realpathSync(mkdtempSync(join(tmpdir(), 'fuzz-resolve-')));
    afterAll(() => {
      rmSync(root, { recursive: true, force: true });
    });
    propertyIt.prop([label, fc.boolean()], { numRuns })(
      'resolveInsideDirectory never resolves outside the directory',
      async (text, throughSafeFileName) => {
        const name = throughSafeFileName ? safeFileName(text) : text;
        await expectTypedOutcome('resolveInsideDirectory', () => resolveInsideDirectory(root, name), (path) =>
          path.startsWith(root + sep) ? [] : [`${JSON.stringify(name)} resolved to ${path}`],
        );
      },
    );
  });
}
