import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { decode } from 'fast-png';
import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseDetections, parseSegmentations } from '@gemini-vision/core';

import type { Emulator } from './emulator';
import { sha256Hex } from './internal/seeded-random';
import { startEmulator } from './start-emulator';

const FIXTURES = fileURLToPath(new URL('__fixtures__/', import.meta.url));
const CUPCAKES = await readFile(join(FIXTURES, 'cupcakes-96.jpg'));
const CUPCAKES_BASE64 = CUPCAKES.toString('base64');
const REAL = join(FIXTURES, 'real-gemini');

interface ManifestEntry {
  readonly id: string;
  readonly file: string;
  readonly prompt: string;
  readonly system_instruction: string | null;
}
const MANIFEST = JSON.parse(await readFile(join(REAL, 'fixtures.json'), 'utf8')) as ManifestEntry[];

function entry(id: string): ManifestEntry {
  const found = MANIFEST.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no fixture ${id}`);
  return found;
}

function responseText(id: string): Promise<string> {
  return readFile(join(REAL, entry(id).file), 'utf8');
}

let directory: string;
let emulator: Emulator;
let ai: GoogleGenAI;

beforeAll(async () => {
  // a copy of the real-gemini fixtures whose cupcakes image is our small stand-in, so its hash matches
  directory = await mkdtemp(join(tmpdir(), 'emulator-fixtures-'));
  await cp(REAL, directory, { recursive: true });
  await mkdir(join(directory, 'images'));
  await writeFile(join(directory, 'images', 'cupcakes.jpg'), CUPCAKES);
  emulator = await startEmulator({ fixtures: directory });
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url } });
});
afterAll(async () => {
  await emulator.close();
  await rm(directory, { recursive: true, force: true });
});

function cupcakesWith(prompt: string, image = CUPCAKES_BASE64) {
  return [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/jpeg', data: image } }, { text: prompt }] }];
}

describe('startEmulator (fixtures)', () => {
  it('answers cupcakes with the real prompt with the real response text', async () => {
    const fixture = entry('cupcakes-detect-gemini-2.0-flash-py');
    const response = await ai.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: cupcakesWith(fixture.prompt),
      config: { systemInstruction: fixture.system_instruction ?? '' },
    });

    expect(response.text).toBe(await responseText(fixture.id));
    expect(emulator.requests.at(-1)?.fixtureId).toBe(fixture.id);
  });

  it('serves the fixture of the closest model of the same generation', async () => {
    const prompt = entry('cupcakes-detect-gemini-2.5-flash-preview-05-20-py').prompt;
    const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: cupcakesWith(prompt) });

    expect(response.text).toBe(await responseText('cupcakes-detect-gemini-2.5-flash-preview-05-20-py'));
  });

  it('serves the boxes-only Gemini 3 reply through the Interactions API', async () => {
    const interaction = await ai.interactions.create({
      model: 'gemini-3-flash-preview',
      input: [
        { type: 'text', text: 'segment the cupcakes' },
        { type: 'image', data: CUPCAKES_BASE64, mime_type: 'image/jpeg' },
      ],
    });

    const step = interaction.steps[0];
    const text = step?.type === 'model_output' && step.content?.[0]?.type === 'text' ? step.content[0].text : undefined;
    expect(text).toBe(await responseText('cupcakes-segprompt-boxes-only-gemini-3-flash-preview-py'));
    expect(interaction.usage?.total_input_tokens).toBeGreaterThan(0);
    expect(interaction.usage?.input_tokens_by_modality?.map((item) => item.modality)).toEqual(['text', 'image']);
  });

  it('keeps the real image hashes from SHA256SUMS next to the stand-in', () => {
    const cupcakes = emulator.fixtures.find((fixture) => fixture.id === 'cupcakes-detect-gemini-2.0-flash-py');

    expect(cupcakes?.match.imageSha256).toEqual([
      '2deb0ce9d3511b67db99bfa9f1d95d7bae3bdc043ebe5148f9138b22f8660667',
      sha256Hex(CUPCAKES),
    ]);
  });

  it('generates a reply when the image does not match', async () => {
    const fixture = entry('cupcakes-detect-gemini-2.0-flash-py');
    const other = Buffer.concat([CUPCAKES, Buffer.from([0])]).toString('base64'); // same pixels, other bytes
    const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: cupcakesWith(fixture.prompt, other) });

    expect(response.text).not.toBe(await responseText(fixture.id));
    expect(parseDetections(response.text ?? '').items.length).toBeGreaterThan(0);
    expect(emulator.requests.at(-1)?.fixtureId).toBeUndefined();
  });

  it('serves fixtures added at run time, matched by image hash and prompt', async () => {
    emulator.addFixtures([{ id: 'mine', match: { imageSha256: sha256Hex(CUPCAKES), promptIncludes: 'How many?' }, text: 'Twelve.' }]);

    const response = await ai.models.generateContent({ model: 'gemini-2.5-pro', contents: cupcakesWith('How many?') });

    expect(response.text).toBe('Twelve.');
  });

  it('generates segmentation masks that decode as 256×256 grayscale PNGs', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: cupcakesWith('Give the segmentation masks for the sprinkles. Output a JSON list of segmentation masks.'),
    });

    const { items } = parseSegmentations(response.text ?? '');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const png = decode(item.mask?.bytes ?? new Uint8Array(0));
      expect([png.width, png.height, png.channels, png.depth]).toEqual([256, 256, 1, 8]);
      const values = new Set(png.data);
      expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
    }
  });

  it('generates boxes without masks for segmentation prompts on Gemini 3', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-3-flash-preview',
      contents: cupcakesWith('Give the segmentation masks for the sprinkles.'),
    });

    expect(response.text).not.toContain('"mask"');
    expect(parseDetections(response.text ?? '').items.length).toBeGreaterThan(0);
  });
});
