import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AbortedError, BatchJobFailedError, BudgetExceededError, InvalidArgumentError } from '@gemini-vision/core';
import { createImageProber, createPngMaskDecoder } from '@gemini-vision/images';

import { createGradientPng } from '../__fixtures__/test-images';
import { createGeminiVision, type GeminiVisionSettings } from '../create-gemini-vision';
import { startEmulator, type Emulator } from '../emulator/index';
import { readBatchJobRecord } from './batch-job-record';
import type { BatchRequest } from './run-batch';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterEach(() => {
  emulator.reset();
});

afterAll(async () => {
  await emulator.close();
});

function createVision(settings: Partial<GeminiVisionSettings> = {}) {
  return createGeminiVision({
    apiKey: 'batch-test-key',
    baseUrl: emulator.url,
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    retry: { initialDelayMs: 5 },
    ...settings,
  });
}

const requests: readonly BatchRequest[] = [
  { key: 'caption-1', task: 'caption', images: createGradientPng(64, 48, 1) },
  { key: 'detect-1', task: 'detect', images: createGradientPng(128, 96, 2), options: { target: 'the squares' } },
  { key: 'segment-1', task: 'segment', images: createGradientPng(100, 100, 3), options: { target: 'the squares' } },
  { key: 'classify-1', task: 'classify', images: createGradientPng(32, 32, 4), classes: ['red', 'blue'] },
];

const routes = (route: string) => emulator.requests.filter((request) => request.route === route);
const directory = () => mkdtemp(join(tmpdir(), 'gv-batch-'));

describe('GeminiVision.batch', () => {
  it('runs an inline batch and maps every result back by key, at batch rates', async () => {
    const vision = createVision();

    const result = await vision.batch(requests, { recordDirectory: await directory(), pollIntervalMs: 5 });

    expect(result.entries.map((entry) => [entry.key, entry.status])).toEqual([
      ['caption-1', 'fulfilled'],
      ['detect-1', 'fulfilled'],
      ['segment-1', 'fulfilled'],
      ['classify-1', 'fulfilled'],
    ]);
    const segment = result.entries[2];
    expect(segment?.status === 'fulfilled' && segment.result.task === 'segment' && segment.result.items.every((item) => item.mask !== null)).toBe(true);
    const detect = result.entries[1];
    expect(detect?.status === 'fulfilled' && detect.result.task === 'detect' && detect.result.imageSize).toEqual({ width: 128, height: 96 });
    expect(routes('batchGenerateContent')).toHaveLength(1);
    expect(emulator.getBatch(result.job)).toMatchObject({ input: 'inline', requestCount: 4 });
    expect(emulator.stats.billed.every((call) => call.pricing === 'batch')).toBe(true);
    expect(result.billedUsd).toBeCloseTo(emulator.stats.usd.batch, 10);
    expect(vision.ledger.entries()[0]).toMatchObject({ pricing: 'batch', status: 'succeeded' });
  });

  it('uploads the requests as a JSONL file in file mode and reads the results file', async () => {
    const vision = createVision();

    const result = await vision.batch(requests, { recordDirectory: await directory(), mode: 'file', pollIntervalMs: 5 });

    expect(result.entries.every((entry) => entry.status === 'fulfilled')).toBe(true);
    expect(emulator.getBatch(result.job)).toMatchObject({ input: 'file' });
    expect(routes('uploadFile')).toHaveLength(1);
    expect(routes('downloadFile')).toHaveLength(1);
    const detect = result.entries[1];
    expect(detect?.status === 'fulfilled' && detect.result.task === 'detect' && detect.result.items.length).toBeGreaterThan(0);
  });

  it('resumes after a crash without submitting again, and serves a finished job from its record', async () => {
    const recordDirectory = await directory();
    const controller = new AbortController();
    const crashing = createVision();

    const crashed = crashing.batch(requests, {
      recordDirectory,
      name: 'nightly',
      pollIntervalMs: 5,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.stage === 'submitted') controller.abort(new Error('simulated crash'));
      },
    });

    await expect(crashed).rejects.toBeInstanceOf(AbortedError);
    expect(await readBatchJobRecord(recordDirectory, 'nightly')).toMatchObject({ stage: 'submitted' });

    const resumed = await createVision().batch(requests, { recordDirectory, name: 'nightly', pollIntervalMs: 5 });

    expect(resumed.resumed).toBe(true);
    expect(resumed.entries.every((entry) => entry.status === 'fulfilled')).toBe(true);
    expect(routes('batchGenerateContent')).toHaveLength(1);
    expect([...emulator.stats.billedRequests.values()].every((times) => times === 1)).toBe(true);

    const requestsBefore = emulator.requests.length;
    const again = await createVision().batch(requests, { recordDirectory, name: 'nightly' });

    const withoutLedger = (entries: typeof again.entries) =>
      entries.map((entry) => (entry.status === 'fulfilled' ? { ...entry, result: { ...entry.result, ledgerEntry: 0 } } : entry));
    expect(withoutLedger(again.entries)).toEqual(withoutLedger(resumed.entries));
    expect(again.entries[0]?.status === 'fulfilled' && again.entries[0].result.ledgerEntry).toBe(0);
    expect(emulator.requests.length).toBe(requestsBefore);
  });

  it('finds a job whose creation reached the service just before a crash', async () => {
    const recordDirectory = await directory();
    const crashAfterCreate: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).includes(':batchGenerateContent')) throw new Error('process died');
      return response;
    };

    await expect(createVision({ fetch: crashAfterCreate }).batch(requests, { recordDirectory, pollIntervalMs: 5 })).rejects.toThrow();
    const record = await readBatchJobRecord(recordDirectory);
    expect(record?.stage).toBe('submitting');
    expect(record?.job).toBeUndefined();
    expect(routes('batchGenerateContent')).toHaveLength(1);

    const resumed = await createVision().batch(requests, { recordDirectory, pollIntervalMs: 5 });

    expect(resumed.entries.every((entry) => entry.status === 'fulfilled')).toBe(true);
    expect(routes('batchGenerateContent')).toHaveLength(1);
    expect(routes('listBatches').length).toBeGreaterThan(0);
  });

  it('resumes a job submitted by another process that crashed', async () => {
    const recordDirectory = await directory();
    const script = fileURLToPath(new URL('__fixtures__/crash-after-submit.ts', import.meta.url));

    const child = await run(process.execPath, ['--conditions=@gemini-vision/source', '--import', 'tsx', script], {
      GEMINI_VISION_TEST_URL: emulator.url,
      GEMINI_VISION_TEST_DIR: recordDirectory,
    });

    expect(child.code).toBe(7);
    expect(child.stdout).toMatch(/^submitted batches\//u);
    const lock = await readFile(join(recordDirectory, 'crash.batch.json.lock'), 'utf8');
    expect(Number(lock)).toBeGreaterThan(0);

    const resumed = await createVision().batch(
      [
        { key: 'one', task: 'caption', images: createGradientPng(64, 48, 1) },
        { key: 'two', task: 'detect', images: createGradientPng(64, 48, 2) },
      ],
      { recordDirectory, name: 'crash', pollIntervalMs: 5 },
    );

    expect(resumed.resumed).toBe(true);
    expect(resumed.entries.map((entry) => entry.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(routes('batchGenerateContent')).toHaveLength(1);
  }, 60_000);

  it('never writes the API key into the job record', async () => {
    const recordDirectory = await directory();

    const result = await createVision().batch(requests, { recordDirectory, mode: 'file', pollIntervalMs: 5 });

    expect(await readFile(result.recordPath, 'utf8')).not.toContain('batch-test-key');
  });

  it('reports a failed request of the batch under its key and keeps the others', async () => {
    emulator.script([{ when: { route: 'batchItem', batchKey: 'detect-1' }, fault: '500' }]);

    const result = await createVision().batch(requests, { recordDirectory: await directory(), pollIntervalMs: 5 });

    expect(result.entries.map((entry) => entry.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(result.entries[1]).toMatchObject({ key: 'detect-1', error: { code: 'BATCH_ITEM_13' } });
  });

  it('throws BatchJobFailedError when the job fails', async () => {
    const run = createVision().batch(requests, {
      recordDirectory: await directory(),
      pollIntervalMs: 5,
      onProgress: (event) => {
        if (event.stage === 'submitted' && event.job !== undefined) emulator.finishBatch(event.job, 'BATCH_STATE_FAILED');
      },
    });

    await expect(run).rejects.toBeInstanceOf(BatchJobFailedError);
  });

  it('refuses other requests under an existing record', async () => {
    const recordDirectory = await directory();
    await createVision().batch(requests.slice(0, 1), { recordDirectory, pollIntervalMs: 5 });

    await expect(createVision().batch(requests.slice(0, 2), { recordDirectory })).rejects.toThrow(/the requests recorded in/u);
  });

  it('refuses a batch over the budget before submitting anything', async () => {
    await expect(createVision({ maxCostUsd: 0.000_01 }).batch(requests, { recordDirectory: await directory() })).rejects.toBeInstanceOf(BudgetExceededError);
    expect(routes('batchGenerateContent')).toHaveLength(0);
  });

  it('rejects duplicate keys and a model per request', async () => {
    const vision = createVision();
    const recordDirectory = await directory();

    await expect(vision.batch([requests[0]!, requests[0]!], { recordDirectory })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(
      vision.batch([{ ...requests[0]!, options: { model: 'gemini-3-flash-preview' } }], { recordDirectory }),
    ).rejects.toThrow(/batch's model/u);
  });
});

function run(command: string, args: readonly string[], environment: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: fileURLToPath(new URL('../..', import.meta.url)), env: { ...process.env, ...environment } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => { resolve({ code, stdout, stderr }); });
  });
}
