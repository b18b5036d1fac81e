import { readFileSync } from 'node:fs';

import { ApiError, createPartFromUri, GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { estimateImageTokens, estimateTextTokens } from '@gemini-vision/core';

import { createManualClock } from './create-manual-clock';
import type { Emulator } from './emulator';
import { startEmulator } from './start-emulator';

const CUPCAKES = readFileSync(new URL('__fixtures__/cupcakes-96.jpg', import.meta.url));
const HOUR_MS = 3_600_000;

const clock = createManualClock();
let emulator: Emulator;
let ai: GoogleGenAI;

beforeAll(async () => {
  emulator = await startEmulator({ clock: clock.now });
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

function uploadCupcakes(client: GoogleGenAI = ai) {
  return client.files.upload({ file: new Blob([CUPCAKES], { type: 'image/jpeg' }), config: { displayName: 'cupcakes' } });
}

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return error instanceof ApiError ? error.status : undefined;
}

describe('startEmulator (Files API)', () => {
  it('stores a resumable upload and serves it from files.get', async () => {
    const uploaded = await uploadCupcakes();
    const fetched = await ai.files.get({ name: uploaded.name ?? '' });

    expect(uploaded).toMatchObject({ mimeType: 'image/jpeg', sizeBytes: String(CUPCAKES.length), state: 'ACTIVE', displayName: 'cupcakes' });
    expect(fetched.uri).toBe(`${emulator.url}/v1beta/${uploaded.name ?? ''}`);
    expect(Date.parse(fetched.expirationTime ?? '') - Date.parse(fetched.createTime ?? '')).toBe(48 * HOUR_MS);
    expect(emulator.getFile(uploaded.name ?? '')?.bytes).toEqual(new Uint8Array(CUPCAKES));
    const upload = emulator.requests.filter((request) => request.route === 'uploadChunk');
    expect(upload.map((request) => request.headers['x-goog-upload-command'])).toEqual(['upload, finalize']);
  });

  it('counts an image referenced by fileData like an inline one, then forgets it after delete', async () => {
    const uploaded = await uploadCupcakes();
    const prompt = 'Caption this.';
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [{ role: 'user', parts: [createPartFromUri(uploaded.uri ?? '', 'image/jpeg'), { text: prompt }] }],
    });
    await ai.files.delete({ name: uploaded.name ?? '' });

    expect(response.usageMetadata?.promptTokenCount).toBe(
      estimateImageTokens({ width: 96, height: 96 }, { model: 'gemini-2.5-flash' }).tokens + estimateTextTokens(prompt),
    );
    expect(await statusOf(ai.files.get({ name: uploaded.name ?? '' }))).toBe(403);
    expect(emulator.listFiles()).toEqual([]);
  });

  it('reads an Interactions API image given by uri', async () => {
    const uploaded = await uploadCupcakes();
    const interaction = await ai.interactions.create({
      model: 'gemini-3-flash-preview',
      input: [{ type: 'image', uri: uploaded.uri ?? '', mime_type: 'image/jpeg' }],
    });

    expect(interaction.usage?.total_input_tokens).toBe(
      estimateImageTokens({ width: 96, height: 96 }, { model: 'gemini-3-flash-preview' }).tokens,
    );
  });

  it('uploads in 8 MiB chunks with offsets', async () => {
    const bytes = new Uint8Array(9 * 1024 * 1024).map((_, index) => index % 251);
    const uploaded = await ai.files.upload({ file: new Blob([bytes], { type: 'application/octet-stream' }) });

    const chunks = emulator.requests.filter((request) => request.route === 'uploadChunk');
    expect(chunks.map((request) => [request.headers['x-goog-upload-command'], request.headers['x-goog-upload-offset']])).toEqual([
      ['upload', '0'],
      ['upload, finalize', String(8 * 1024 * 1024)],
    ]);
    const stored = emulator.getFile(uploaded.name ?? '')?.bytes ?? new Uint8Array(0);
    expect(Buffer.compare(stored, bytes)).toBe(0); // toEqual on 9 MiB is slow
  });

  it('expires files 48 hours after creation on the emulator clock', async () => {
    const uploaded = await uploadCupcakes();
    clock.advance(48 * HOUR_MS - 1);
    await expect(ai.files.get({ name: uploaded.name ?? '' })).resolves.toMatchObject({ name: uploaded.name });

    clock.advance(1);
    expect(await statusOf(ai.files.get({ name: uploaded.name ?? '' }))).toBe(403);
    expect(
      await statusOf(
        ai.models.generateContent({
          model: 'gemini-2.5-flash',
          contents: [{ role: 'user', parts: [createPartFromUri(uploaded.uri ?? '', 'image/jpeg')] }],
        }),
      ),
    ).toBe(403);
    const listed = await ai.files.list();
    expect(listed.page).toEqual([]);
    expect(emulator.getFile(uploaded.name ?? '')).toBeUndefined();
  });

  it('lists files newest first across pages', async () => {
    const names: string[] = [];
    for (let index = 0; index < 3; index += 1) names.push((await uploadCupcakes()).name ?? '');

    const pager = await ai.files.list({ config: { pageSize: 2 } });
    const listed: string[] = [];
    for await (const file of pager) listed.push(file.name ?? '');

    expect(listed).toEqual([...names].reverse());
    expect(emulator.requests.filter((request) => request.route === 'listFiles')).toHaveLength(2);
  });

  it('refuses a file over the per-file limit when the upload starts', async () => {
    const response = await fetch(`${emulator.url}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        'x-goog-api-key': 'test-key',
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': String(2_000_000_001),
        'x-goog-upload-header-content-type': 'video/mp4',
      },
      body: '{}',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { status: 'INVALID_ARGUMENT' } });
  });

  it('enforces the project quota until files are deleted', async () => {
    const small = await startEmulator({ maxProjectBytes: CUPCAKES.length * 2 });
    try {
      const client = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: small.url } });
      const first = await uploadCupcakes(client);
      await uploadCupcakes(client);

      const error: unknown = await uploadCupcakes(client).catch((caught: unknown) => caught);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toContain('FAILED_PRECONDITION');

      await client.files.delete({ name: first.name ?? '' });
      await expect(uploadCupcakes(client)).resolves.toMatchObject({ state: 'ACTIVE' });
    } finally {
      await small.close();
    }
  });

  it('refuses to download uploaded files, as Google does', async () => {
    const uploaded = await uploadCupcakes();
    const response = await fetch(`${emulator.url}/v1beta/${uploaded.name ?? ''}:download?alt=media`, {
      headers: { 'x-goog-api-key': 'test-key' },
    });

    expect(response.status).toBe(400);
  });

  it('rejects a chunk at the wrong offset', async () => {
    const start = await fetch(`${emulator.url}/upload/v1beta/files`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'test-key', 'x-goog-upload-protocol': 'resumable', 'x-goog-upload-command': 'start' },
      body: JSON.stringify({ file: { mimeType: 'image/jpeg' } }),
    });
    const uploadUrl = start.headers.get('x-goog-upload-url') ?? '';
    const chunk = await fetch(uploadUrl, {
      method: 'POST',
      headers: { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '5' },
      body: CUPCAKES,
    });

    expect(start.headers.get('x-goog-upload-status')).toBe('active');
    expect(uploadUrl).toMatch(new RegExp(`^${emulator.url}/upload/v1beta/files\\?upload_id=`));
    expect(chunk.status).toBe(400);
  });
});
