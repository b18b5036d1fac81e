// The hostile-input corpus (`__fixtures__/hostile/`, see its generator) and hostile files made at
// test time: a 500 MB sparse file, symbolic-link loops, a FIFO, labels that try to leave the
// output directory. Every public entry point must answer with a result or a typed
// GeminiVisionError, quickly, and never write outside the directory it was given.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, realpath, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GeminiVisionError, type ImageInfo } from '@gemini-vision/core';

import {
  createPngMaskDecoder,
  prepareImage,
  probeImage,
  probeImages,
  renderOverlay,
  resolveInsideDirectory,
  safeFileName,
  type ProbeImagesResult,
} from './index';

interface CorpusEntry {
  readonly file: string;
  readonly kind: 'valid' | 'truncated' | 'corrupt' | 'empty' | 'wrong-extension' | 'unsupported' | 'bomb' | 'trap';
  readonly base?: string;
  readonly format?: string;
  readonly note: string;
}

const corpusDirectory = new URL('./__fixtures__/hostile/', import.meta.url);
const corpus = (JSON.parse(readFileSync(new URL('manifest.json', corpusDirectory), 'utf8')) as { files: CorpusEntry[] }).files;
const pathOf = (file: string): string => decodeURIComponent(new URL(file, corpusDirectory).pathname);
/** Well within reach of any header read; a hang or a whole-file read blows it. */
const BUDGET_MS = 2000;

type Outcome = { readonly ok: true; readonly info: ImageInfo } | { readonly ok: false; readonly code: string };

/** Runs `probe`, turns a typed error into its code, and fails on an untyped one or a slow answer. */
async function outcomeOf(run: () => Promise<ImageInfo>): Promise<Outcome & { readonly ms: number }> {
  const started = performance.now();
  try {
    const info = await run();
    return { ok: true, info, ms: performance.now() - started };
  } catch (error) {
    if (!GeminiVisionError.isInstance(error)) throw new Error(`untyped throw: ${String(error)}`, { cause: error });
    return { ok: false, code: error.code, ms: performance.now() - started };
  }
}

function expectWellFormed(info: ImageInfo): void {
  expect(Number.isSafeInteger(info.width) && info.width > 0 && Number.isSafeInteger(info.height) && info.height > 0).toBe(true);
  expect(info.orientation).toBeGreaterThanOrEqual(1);
  expect(info.orientation).toBeLessThanOrEqual(8);
  const swapped = info.orientation >= 5;
  expect([info.displayWidth, info.displayHeight]).toEqual(swapped ? [info.height, info.width] : [info.width, info.height]);
}

describe('probeImage', () => {
  const bases = new Map<string, ImageInfo>();
  beforeAll(async () => {
    for (const entry of corpus.filter(({ kind }) => kind === 'valid')) bases.set(entry.file, await probeImage(pathOf(entry.file)));
  });

  it('covers every format with valid, truncated, corrupt, empty, mislabelled and pixel-bomb files', () => {
    const formats = ['jpeg', 'png', 'webp', 'gif', 'avif', 'heic'];
    for (const kind of ['valid', 'truncated', 'corrupt', 'empty', 'wrong-extension', 'bomb'] as const) {
      expect(new Set(corpus.filter((entry) => entry.kind === kind).map((entry) => entry.format))).toEqual(new Set(formats));
    }
    expect(corpus.length).toBeGreaterThan(150);
  });

  it.each(corpus)('answers $file ($note) from a path, the bytes and a stream alike, typed and fast', async (entry) => {
    const path = pathOf(entry.file);
    const bytes = readFileSync(path);
    const fromPath = await outcomeOf(() => probeImage(path));
    const fromAsync = await outcomeOf(() => probeImage(path, { fileAccess: 'async' }));
    const fromBytes = await outcomeOf(() => probeImage(new Uint8Array(bytes)));
    const fromStream = await outcomeOf(() => probeImage(Readable.from([bytes])));

    const strip = (outcome: Outcome): unknown => (outcome.ok ? { ...outcome.info, byteLength: undefined } : outcome.code);
    expect([fromAsync, fromBytes, fromStream].map(strip)).toEqual([strip(fromPath), strip(fromPath), strip(fromPath)]);
    expect(Math.max(fromPath.ms, fromAsync.ms, fromBytes.ms, fromStream.ms)).toBeLessThan(BUDGET_MS);
    if (fromPath.ok) expectWellFormed(fromPath.info);

    const base = entry.base === undefined ? undefined : bases.get(entry.base);
    switch (entry.kind) {
      case 'valid':
        expect(fromPath).toMatchObject({ ok: true });
        break;
      case 'wrong-extension':
        // The type comes from the bytes, never from the name.
        expect(fromPath).toMatchObject({ ok: true, info: { ...base, byteLength: bytes.length } });
        break;
      case 'empty':
        expect(fromPath).toMatchObject({ ok: false, code: 'IMAGE_UNREADABLE' });
        break;
      case 'unsupported':
        expect(fromPath).toMatchObject({ ok: false, code: 'IMAGE_UNSUPPORTED_FORMAT' });
        break;
      case 'bomb':
        expect(fromPath).toMatchObject({ ok: false, code: 'IMAGE_TOO_LARGE' });
        break;
      case 'truncated':
        // A cut cannot change the bytes before it: either the header is there and says what the
        // whole file says, or the file is reported unreadable.
        if (fromPath.ok) expect([fromPath.info.format, fromPath.info.width, fromPath.info.height]).toEqual([base?.format, base?.width, base?.height]);
        else expect(['IMAGE_UNREADABLE', 'IMAGE_UNSUPPORTED_FORMAT']).toContain(fromPath.code);
        break;
      case 'corrupt':
      case 'trap':
        if (!fromPath.ok) expect(['IMAGE_UNREADABLE', 'IMAGE_UNSUPPORTED_FORMAT', 'IMAGE_TOO_LARGE']).toContain(fromPath.code);
        break;
    }
  });
});

describe('prepareImage', () => {
  it.each(corpus)('decodes $file or refuses it with a typed error', async (entry) => {
    const started = performance.now();
    const outcome = await prepareImage(pathOf(entry.file), { maxSide: 64 }).then(
      (prepared) => ({ ok: true as const, width: prepared.width, height: prepared.height }),
      (error: unknown) => {
        if (!GeminiVisionError.isInstance(error)) throw new Error(`untyped throw: ${String(error)}`, { cause: error });
        return { ok: false as const, code: error.code };
      },
    );

    expect(performance.now() - started).toBeLessThan(BUDGET_MS * 5);
    if (entry.kind === 'bomb') expect(outcome).toEqual({ ok: false, code: 'IMAGE_TOO_LARGE' });
    if (entry.kind === 'empty') expect(outcome).toEqual({ ok: false, code: 'IMAGE_UNREADABLE' });
    if (outcome.ok) expect(outcome.width * outcome.height).toBeGreaterThan(0);
  });
});

describe('renderOverlay', () => {
  it.each(corpus.filter(({ kind }) => kind === 'bomb' || kind === 'empty' || kind === 'trap'))(
    'refuses $file with a typed error before decoding it',
    async (entry) => {
      const failure = await renderOverlay(pathOf(entry.file), { items: [] }).catch((error: unknown) => error);

      expect(GeminiVisionError.isInstance(failure)).toBe(true);
    },
  );
});

describe('createPngMaskDecoder', () => {
  const decoder = createPngMaskDecoder();

  it.each(corpus.filter(({ format }) => format === 'png'))('decodes $file to one channel or throws MaskDecodeError', async (entry) => {
    const bytes = new Uint8Array(readFileSync(pathOf(entry.file)));
    let outcome: string;
    try {
      const mask = await decoder.decodePng(bytes);
      expect(mask.data).toHaveLength(mask.width * mask.height);
      outcome = 'mask';
    } catch (error) {
      expect(GeminiVisionError.isInstance(error)).toBe(true);
      outcome = (error as GeminiVisionError).code;
    }
    if (entry.kind === 'bomb' || entry.kind === 'empty') expect(outcome).toBe('MASK_DECODE_FAILED');
    if (entry.kind === 'valid') expect(outcome).toBe('mask');
  });
});

describe('probeImage on hostile files made at test time', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await realpath(await mkdtemp(join(tmpdir(), 'hostile-files-')));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const SPARSE_BYTES = 500 * 1024 * 1024;
  const valid = (file: string): Buffer => readFileSync(pathOf(file));
  const isoBox = (type: string, size: number): Buffer => {
    const box = Buffer.alloc(8);
    box.writeUInt32BE(size, 0);
    box.write(type, 4, 'latin1');
    return box;
  };
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic', 'latin1'), 0, 0, 0, 0, ...Buffer.from('mif1heic', 'latin1')]);
  const riffWithChunk = (size: number): Buffer => {
    const header = Buffer.alloc(20);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(size - 8, 4);
    header.write('WEBPVP8 ', 8, 'latin1');
    header.writeUInt32LE(size - 20, 16);
    return header;
  };
  // `seekable: true`: the header sits behind a box that a file reader jumps over but a stream
  // reader has to read through (a HEIC with its 500 MB `mdat` before `meta`), so the stream
  // variant is skipped there.
  const sparseCases: { name: string; head: Buffer; expected: string; seekable?: boolean }[] = [
    { name: 'holes only', head: Buffer.alloc(0), expected: 'IMAGE_UNSUPPORTED_FORMAT' },
    { name: 'a PNG header, then 500 MB of holes', head: valid('valid.png').subarray(0, 33), expected: 'ok' },
    { name: 'a GIF header, then 500 MB of holes', head: valid('valid.gif').subarray(0, 13), expected: 'ok' },
    { name: 'a JPEG SOI and an APP1 start, then holes', head: Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xfe]), expected: 'IMAGE_UNREADABLE' },
    { name: 'a WebP whose VP8 chunk spans 500 MB', head: riffWithChunk(SPARSE_BYTES), expected: 'IMAGE_UNREADABLE' },
    { name: 'a HEIC whose mdat box spans 500 MB before any meta', head: Buffer.concat([ftyp, isoBox('mdat', SPARSE_BYTES - ftyp.length)]), expected: 'IMAGE_UNREADABLE', seekable: true },
  ];

  it.each(sparseCases)('answers a 500 MB sparse file ($name) from its first bytes', async ({ name, head, expected, seekable = false }) => {
    const path = join(directory, `${name.replaceAll(/[^a-z0-9]+/gu, '-')}.img`);
    await writeFile(path, head);
    await truncate(path, SPARSE_BYTES); // a sparse file: no disk space, reads as zeros

    for (const fileAccess of ['sync', 'async'] as const) {
      const outcome = await outcomeOf(() => probeImage(path, { fileAccess }));
      expect(outcome.ok ? 'ok' : outcome.code).toBe(expected);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
    }

    // The same file as a stream, counting what the prober pulls: headers only, not 500 MB.
    if (seekable) return;
    let bytesRead = 0;
    const handle = await open(path, 'r');
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let position = 0; position < SPARSE_BYTES; ) {
        const { bytesRead: count, buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, position);
        if (count === 0) return;
        position += count;
        bytesRead = position;
        yield buffer.subarray(0, count);
      }
    }
    const stream = Readable.from(chunks(), { highWaterMark: 1 });
    try {
      const outcome = await outcomeOf(() => probeImage(stream));
      expect(outcome.ok ? 'ok' : outcome.code).toBe(expected);
      expect(bytesRead).toBeLessThanOrEqual(2 * 1024 * 1024);
    } finally {
      stream.destroy();
      await handle.close();
    }
  });

  it('reports symbolic-link loops and a FIFO as unreadable instead of hanging', async () => {
    const folder = join(directory, 'scan');
    await mkdir(join(folder, 'sub'), { recursive: true });
    await symlink('self.jpg', join(folder, 'self.jpg'));
    await symlink('pong.png', join(folder, 'ping.png'));
    await symlink('ping.png', join(folder, 'pong.png'));
    await symlink('..', join(folder, 'sub', 'up')); // a directory cycle
    await symlink('../sub/up/sub/up/sub/up/self.jpg', join(folder, 'sub', 'deep.jpg'));
    execFileSync('mkfifo', [join(folder, 'pipe.jpg')]);
    await writeFile(join(folder, 'real.gif'), valid('valid.gif'));

    const paths = ['self.jpg', 'ping.png', 'pong.png', 'sub/deep.jpg', 'sub/up/sub/up/real.gif', 'pipe.jpg', 'real.gif'].map((name) => join(folder, name));
    for (const fileAccess of ['sync', 'async'] as const) {
      const started = performance.now();
      const results: ProbeImagesResult[] = [];
      for await (const result of probeImages(paths, { fileAccess })) results.push(result);

      expect(performance.now() - started).toBeLessThan(BUDGET_MS);
      expect(results.map((result) => (result.ok ? result.info.format : result.error.message.split(': ').at(-1)))).toEqual([
        'it is a symbolic link loop.',
        'it is a symbolic link loop.',
        'it is a symbolic link loop.',
        'it is a symbolic link loop.',
        'gif',
        'it is not a regular file.',
        'gif',
      ]);
    }
  });
});

describe('safeFileName and resolveInsideDirectory', () => {
  let root: string;
  let output: string;
  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'hostile-labels-')));
    output = join(root, 'out');
    await mkdir(output);
    await writeFile(join(root, 'outside.txt'), 'must stay untouched');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const hostileLabels = [
    '../../etc/passwd',
    '..',
    '../',
    '/etc/passwd',
    '/',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\x',
    'a\u0000b',
    '\u0000',
    'x'.repeat(300),
    '寿'.repeat(300),
    'שלום עולם',
    'مرحبا بالعالم',
    'a\u202egnp.exe',
    '寿司 🍣',
    'たい焼き/../../up',
    'masks/../../../up',
    '.hidden',
    'CON',
    ' ',
    '',
  ];
  const label = fc.oneof(
    fc.constantFrom(...hostileLabels),
    fc.array(fc.constantFrom('..', '.', '/', '\\', 'a', '寿', '\u0000', 'ﷺ', ' ', 'C:', '~'), { maxLength: 12 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );

  it.each(hostileLabels)('keeps a file named after %j inside the output directory', async (text) => {
    const name = safeFileName(text, { extension: '.png' });
    const path = await resolveInsideDirectory(output, name);

    expect(dirname(path)).toBe(output);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(120);
    await writeFile(path, 'x');
  });

  propertyIt.prop([label], { numRuns: 200 })('never resolves a name outside the directory, with or without safeFileName', async (text) => {
    const safe = await resolveInsideDirectory(output, safeFileName(text, { extension: '.png' }));
    expect(safe.startsWith(output + sep)).toBe(true);

    const raw = await resolveInsideDirectory(output, text).then(
      (path) => path,
      (error: unknown) => {
        expect(GeminiVisionError.isInstance(error)).toBe(true);
        return undefined;
      },
    );
    if (raw !== undefined) expect(relative(output, raw).split(sep)[0]).not.toBe('..');
  });

  it('wrote nothing outside the output directory', async () => {
    expect((await readdir(root)).sort()).toEqual(['out', 'outside.txt']);
    expect(readFileSync(join(root, 'outside.txt'), 'utf8')).toBe('must stay untouched');
  });
});
