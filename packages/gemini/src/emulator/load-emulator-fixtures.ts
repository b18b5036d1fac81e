import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

import { InvalidArgumentError, UnsafePathError } from '@gemini-vision/core';

import { isRecord, type JsonRecord, parseJson, readString } from './internal/json-value';

/**
 * When a {@link EmulatorFixture} applies. Every given field must hold.
 *
 * @example
 * ```ts
 * const match: EmulatorFixtureMatch = { imageSha256: 'a3f1…', promptIncludes: 'bounding boxes', model: 'gemini-2.5-flash' };
 * ```
 */
export interface EmulatorFixtureMatch {
  /**
   * SHA-256 (lower-case hex) of image bytes: the request must carry an image (inline or a stored
   * file) with one of these hashes.
   * @defaultValue any images, or none
   */
  readonly imageSha256?: string | readonly string[] | undefined;
  /**
   * Text the prompt must contain, all of it when a list. The prompt is the system instruction and
   * every text part joined; both sides are compared with runs of white space collapsed to one
   * space, case-sensitively.
   * @defaultValue any prompt
   */
  readonly promptIncludes?: string | readonly string[] | undefined;
  /**
   * The model that produced the reply. The fixture then serves only models of the same generation
   * (any 2.5 model for a 2.5 fixture); among matching fixtures the closest model wins: the same
   * id, then the same base id (`gemini-2.5-flash` for `gemini-2.5-flash-preview-05-20`), then the
   * same generation.
   * @defaultValue any model
   */
  readonly model?: string | undefined;
}

/**
 * A scripted reply: when a generation request (generateContent, stream, a batch request or an
 * interaction) matches, its text is served instead of a generated one.
 *
 * @example
 * ```ts
 * const fixture: EmulatorFixture = {
 *   id: 'socks',
 *   match: { promptIncludes: 'socks' },
 *   text: '[{"box_2d": [100, 200, 300, 400], "label": "sock"}]',
 * };
 * ```
 */
export interface EmulatorFixture {
  /** A name for logs and stats, unique within a directory. */
  readonly id: string;
  /** When it applies. */
  readonly match: EmulatorFixtureMatch;
  /** The model's text, served byte for byte. */
  readonly text: string;
  /**
   * The candidate's `finishReason`.
   * @defaultValue `'STOP'`
   */
  readonly finishReason?: string | undefined;
}

/**
 * Loads reply fixtures from a directory, in either of two layouts (both may be present):
 *
 * 1. **Emulator layout**: every top-level `*.fixture.json` file holds one fixture or an array of
 *    them: `{ id?, match: { imageSha256?, promptIncludes?, model? }, text? | textFile?,
 *    finishReason? }`. `textFile` is a path relative to the directory. `id` defaults to
 *    `<file name>#<index>`.
 * 2. **Real-gemini layout** (the shared `fixtures/real-gemini` folder): `fixtures.json` is an
 *    array of `{ id, file, prompt, model, image? }`; `file` is the response text
 *    (`responses/*.txt`); the image's hashes come from the file itself when `images/` holds it
 *    and from a `SHA256SUMS` file (`sha256sum` output: `<hex>  images/name.jpg`), so the big
 *    images can stay out of a copy. Each entry matches on its image hash (when known), its prompt
 *    and its model.
 *
 * Files are read in name order and fixtures keep that order, which breaks ties between equally
 * good matches.
 *
 * @param directory - The fixture directory.
 * @returns The fixtures, in order.
 * @throws {@link InvalidArgumentError} If the directory cannot be read, holds no fixtures, or a
 * fixture file is not valid (the message names the file).
 * @throws {@link UnsafePathError} If a `textFile` or `file` points outside the directory.
 *
 * @example
 * ```ts
 * const fixtures = await loadEmulatorFixtures('fixtures/real-gemini');
 * const emulator = await startEmulator({ fixtures: 'fixtures/real-gemini' }); // the same, loaded for you
 * ```
 */
export async function loadEmulatorFixtures(directory: string): Promise<EmulatorFixture[]> {
  const root = resolve(directory);
  let names: string[];
  try {
    names = (await readdir(root)).sort();
  } catch (cause) {
    throw new InvalidArgumentError({
      argument: 'fixtures',
      expected: 'a readable directory',
      received: directory,
      hint: 'Pass the folder that holds *.fixture.json files or a real-gemini fixtures.json.',
      cause,
    });
  }
  const fixtures: EmulatorFixture[] = [];
  if (names.includes('fixtures.json')) fixtures.push(...(await loadRealGeminiManifest(root)));
  for (const name of names.filter((entry) => entry.endsWith('.fixture.json'))) {
    fixtures.push(...(await loadFixtureFile(root, name)));
  }
  if (fixtures.length === 0) {
    throw new InvalidArgumentError({
      argument: 'fixtures',
      expected: 'a directory with *.fixture.json files or a real-gemini fixtures.json',
      received: directory,
      hint: 'See the fixture layouts in the emulator README.',
    });
  }
  return fixtures;
}

async function loadFixtureFile(root: string, name: string): Promise<EmulatorFixture[]> {
  const parsed = parseJson(await readFile(join(root, name), 'utf8'));
  const entries: readonly unknown[] = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  const fixtures: EmulatorFixture[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `${name}${Array.isArray(parsed) ? `[${index}]` : ''}`;
    if (!isRecord(entry) || !isRecord(entry['match'])) {
      throw badFixture(where, 'an object with a `match` object', entry);
    }
    const textFile = readString(entry, 'textFile');
    const text = textFile === undefined ? readString(entry, 'text') : await readInside(root, textFile);
    if (text === undefined) throw badFixture(`${where}.text`, 'a string (or a `textFile` path)', entry['text']);
    const finishReason = readString(entry, 'finishReason');
    fixtures.push({
      id: readString(entry, 'id') ?? `${name}#${index}`,
      match: readMatch(entry['match'], where),
      text,
      ...(finishReason === undefined ? {} : { finishReason }),
    });
  }
  return fixtures;
}

async function loadRealGeminiManifest(root: string): Promise<EmulatorFixture[]> {
  const parsed = parseJson(await readFile(join(root, 'fixtures.json'), 'utf8'));
  if (!Array.isArray(parsed)) throw badFixture('fixtures.json', 'an array of fixture entries', parsed);
  const knownHashes = await readChecksums(root);
  const fixtures: EmulatorFixture[] = [];
  for (const [index, entry] of (parsed as unknown[]).entries()) {
    const where = `fixtures.json[${index}]`;
    if (!isRecord(entry)) throw badFixture(where, 'an object', entry);
    const file = readString(entry, 'file');
    const prompt = readString(entry, 'prompt');
    if (file === undefined || prompt === undefined) throw badFixture(where, 'an entry with `file` and `prompt`', entry);
    const image = readString(entry, 'image');
    const hashes = image === undefined ? [] : await hashesOf(root, image, knownHashes);
    const model = readString(entry, 'model');
    fixtures.push({
      id: readString(entry, 'id') ?? file,
      match: {
        promptIncludes: prompt.trim(),
        // an entry whose image is known by name but not by bytes matches on its prompt alone
        ...(hashes.length > 0 ? { imageSha256: hashes } : {}),
        ...(model !== undefined && /^(models\/)?gemini-[\w.-]+$/.test(model) ? { model } : {}),
      },
      text: await readInside(root, file),
    });
  }
  return fixtures;
}

async function hashesOf(root: string, image: string, knownHashes: ReadonlyMap<string, readonly string[]>): Promise<string[]> {
  const hashes = new Set(knownHashes.get(normalizePath(image)) ?? []);
  const path = insideOrThrow(root, image);
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile() === true) hashes.add(createHash('sha256').update(await readFile(path)).digest('hex'));
  return [...hashes];
}

async function readChecksums(root: string): Promise<Map<string, string[]>> {
  const text = await readFile(join(root, 'SHA256SUMS'), 'utf8').catch(() => '');
  const hashes = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const path = normalizePath(match[2]);
    hashes.set(path, [...(hashes.get(path) ?? []), match[1].toLowerCase()]);
  }
  return hashes;
}

function readMatch(value: unknown, where: string): EmulatorFixtureMatch {
  const match = value as JsonRecord;
  const imageSha256 = readStrings(match['imageSha256'], `${where}.match.imageSha256`);
  const promptIncludes = readStrings(match['promptIncludes'], `${where}.match.promptIncludes`);
  const model = match['model'];
  if (model !== undefined && typeof model !== 'string') throw badFixture(`${where}.match.model`, 'a model id', model);
  if (imageSha256?.some((hash) => !/^[0-9a-f]{64}$/i.test(hash)) === true) {
    throw badFixture(`${where}.match.imageSha256`, 'SHA-256 hashes in hex (64 characters)', match['imageSha256']);
  }
  return {
    ...(imageSha256 === undefined ? {} : { imageSha256: imageSha256.map((hash) => hash.toLowerCase()) }),
    ...(promptIncludes === undefined ? {} : { promptIncludes }),
    ...(model === undefined ? {} : { model }),
  };
}

function readStrings(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw badFixture(where, 'a string or an array of strings', value);
}

async function readInside(root: string, path: string): Promise<string> {
  return readFile(insideOrThrow(root, path), 'utf8');
}

function insideOrThrow(root: string, path: string): string {
  const full = resolve(root, path);
  const rest = relative(root, full);
  if (isAbsolute(path) || rest.startsWith('..') || isAbsolute(rest)) {
    throw new UnsafePathError({ name: path, directory: root, reason: 'it leaves the fixture directory' });
  }
  return full;
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function badFixture(where: string, expected: string, received: unknown): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: `fixtures: ${where}`,
    expected,
    received,
    hint: 'Fix the fixture file (layouts: see loadEmulatorFixtures).',
  });
}
