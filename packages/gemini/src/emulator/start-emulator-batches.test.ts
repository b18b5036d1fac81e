import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiError, GoogleGenAI, type InlinedRequest } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { estimateRequestCost, InvalidArgumentError } from '@gemini-vision/core';

import { createManualClock } from './create-manual-clock';
import type { Emulator } from './emulator';
import { startEmulator } from './start-emulator';

const HOUR_MS = 3_600_000;
const MODEL = 'gemini-2.5-flash';

let emulator: Emulator;
let ai: GoogleGenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

function inlineRequests(keys: readonly string[]): InlinedRequest[] {
  return keys.map((key) => ({ contents: [{ role: 'user', parts: [{ text: `Describe item ${key}` }] }], metadata: { key } }));
}

describe('startEmulator (Batch API)', () => {
  it('moves an inline batch PENDING → RUNNING → SUCCEEDED by polls, results keyed', async () => {
    const created = await ai.batches.create({ model: MODEL, src: inlineRequests(['a', 'b', 'c']), config: { displayName: 'three' } });
    const running = await ai.batches.get({ name: created.name ?? '' });
    const done = await ai.batches.get({ name: created.name ?? '' });

    expect([created.state, running.state, done.state]).toEqual(['JOB_STATE_PENDING', 'JOB_STATE_RUNNING', 'JOB_STATE_SUCCEEDED']);
    expect(created.displayName).toBe('three');
    const byKey = new Map((done.dest?.inlinedResponses ?? []).map((entry) => [entry.metadata?.['key'], entry.response]));
    expect([...byKey.keys()]).toEqual(['a', 'b', 'c']);
    expect(byKey.get('b')?.candidates?.[0]?.content?.parts?.[0]?.text).toContain('Describe item b');
  });

  it('bills batch requests once each at Batch API rates', async () => {
    const created = await ai.batches.create({ model: MODEL, src: inlineRequests(['a', 'b']) });
    await ai.batches.get({ name: created.name ?? '' });
    await ai.batches.get({ name: created.name ?? '' });
    await ai.batches.get({ name: created.name ?? '' }); // a finished batch is not billed again

    const { billed, usd, billedRequests } = emulator.stats;
    expect(billed.map((call) => [call.route, call.pricing, call.batchKey, call.batchName])).toEqual([
      ['batchItem', 'batch', 'a', created.name],
      ['batchItem', 'batch', 'b', created.name],
    ]);
    expect([...billedRequests.values()]).toEqual([1, 1]);
    const [first] = billed;
    const expected = estimateRequestCost({
      model: MODEL,
      text: { tokens: first?.promptTokenCount ?? 0 },
      outputTokens: first?.candidatesTokenCount ?? 0,
      batch: true,
    });
    expect(first?.usd).toBeCloseTo(expected.dollars?.total ?? Number.NaN, 12);
    expect(usd.standard).toBe(0);
    expect(usd.batch).toBeGreaterThan(0);
  });

  it('runs a JSONL file batch into a downloadable responses file', async () => {
    const lines = ['x', 'y'].map((key) => JSON.stringify({ key, request: { contents: [{ parts: [{ text: `Say ${key}` }] }] } }));
    const input = await ai.files.upload({
      file: new Blob([`${lines.join('\n')}\n`], { type: 'application/jsonl' }),
      config: { mimeType: 'application/jsonl' },
    });
    const created = await ai.batches.create({ model: MODEL, src: input.name ?? '' });
    await ai.batches.get({ name: created.name ?? '' });
    const done = await ai.batches.get({ name: created.name ?? '' });

    expect(done.state).toBe('JOB_STATE_SUCCEEDED');
    const fileName = done.dest?.fileName ?? '';
    expect(fileName).toMatch(/^files\/batch-/);
    const directory = await mkdtemp(join(tmpdir(), 'emulator-batch-'));
    try {
      const downloadPath = join(directory, 'results.jsonl');
      await ai.files.download({ file: fileName, downloadPath });
      const results = (await readFile(downloadPath, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { key: string; response: { candidates: { content: { parts: { text: string }[] } }[] } });
      expect(results.map((result) => result.key)).toEqual(['x', 'y']);
      expect(results[1]?.response.candidates[0]?.content.parts[0]?.text).toContain('Say y');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('moves batches by the clock when polls are turned off', async () => {
    const clock = createManualClock();
    const timed = await startEmulator({ clock: clock.now, batches: { pollsPerState: Infinity, stateDurationMs: 60_000 } });
    try {
      const client = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: timed.url } });
      const created = await client.batches.create({ model: MODEL, src: inlineRequests(['a']) });
      const states = [];
      for (const step of [59_999, 1, 60_000]) {
        clock.advance(step);
        states.push((await client.batches.get({ name: created.name ?? '' })).state);
      }
      expect(states).toEqual(['JOB_STATE_PENDING', 'JOB_STATE_RUNNING', 'JOB_STATE_SUCCEEDED']);
    } finally {
      await timed.close();
    }
  });

  it('expires a batch still unfinished after 48 hours', async () => {
    const clock = createManualClock();
    const slow = await startEmulator({ clock: clock.now, batches: { pollsPerState: Infinity } });
    try {
      const client = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: slow.url } });
      const created = await client.batches.create({ model: MODEL, src: inlineRequests(['a']) });
      clock.advance(48 * HOUR_MS);

      const expired = await client.batches.get({ name: created.name ?? '' });
      expect(expired.state).toBe('JOB_STATE_EXPIRED');
      expect(expired.dest?.inlinedResponses).toBeUndefined();
      expect(slow.stats.billed).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('cancels a pending batch, and refuses to cancel it again', async () => {
    const created = await ai.batches.create({ model: MODEL, src: inlineRequests(['a']) });
    await ai.batches.cancel({ name: created.name ?? '' });
    const cancelled = await ai.batches.get({ name: created.name ?? '' });
    const again: unknown = await ai.batches.cancel({ name: created.name ?? '' }).catch((caught: unknown) => caught);

    expect(cancelled.state).toBe('JOB_STATE_CANCELLED');
    expect((again as ApiError).status).toBe(400);
    expect(emulator.stats.billed).toEqual([]);
  });

  it('deletes a batch and lists the rest newest first', async () => {
    const first = await ai.batches.create({ model: MODEL, src: inlineRequests(['a']) });
    const second = await ai.batches.create({ model: MODEL, src: inlineRequests(['b']) });
    await ai.batches.delete({ name: first.name ?? '' });

    const listed = [];
    for await (const batch of await ai.batches.list()) listed.push(batch.name);
    const missing: unknown = await ai.batches.get({ name: first.name ?? '' }).catch((caught: unknown) => caught);

    expect(listed).toEqual([second.name]);
    expect((missing as ApiError).status).toBe(404);
  });

  it('gives one keyed result an error when a batchItem fault is scripted', async () => {
    emulator.script([{ when: { route: 'batchItem', batchKey: 'b' }, fault: '500' }]);
    const created = await ai.batches.create({ model: MODEL, src: inlineRequests(['a', 'b', 'c']) });
    await ai.batches.get({ name: created.name ?? '' });
    const done = await ai.batches.get({ name: created.name ?? '' });

    const results = done.dest?.inlinedResponses ?? [];
    expect(results.map((entry) => [entry.metadata?.['key'], entry.error?.code ?? 'ok'])).toEqual([
      ['a', 'ok'],
      ['b', 13],
      ['c', 'ok'],
    ]);
    expect(emulator.stats.billed.map((call) => call.batchKey)).toEqual(['a', 'c']);
  });

  it('lets a test force a batch to FAILED', async () => {
    const created = await ai.batches.create({ model: MODEL, src: inlineRequests(['a']) });
    const failed = emulator.finishBatch(created.name ?? '', 'BATCH_STATE_FAILED');

    expect(failed.state).toBe('BATCH_STATE_FAILED');
    expect((await ai.batches.get({ name: created.name ?? '' })).state).toBe('JOB_STATE_FAILED');
    expect(() => emulator.finishBatch(created.name ?? '', 'BATCH_STATE_SUCCEEDED')).toThrow(InvalidArgumentError);
  });

  it('answers 403 for a batch whose input file does not exist', async () => {
    const error: unknown = await ai.batches.create({ model: MODEL, src: 'files/missing' }).catch((caught: unknown) => caught);

    expect((error as ApiError).status).toBe(403);
  });
});
