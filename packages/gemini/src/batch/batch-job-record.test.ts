import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '@gemini-vision/core';

import { openBatchRecord, readBatchJobRecord, writeAtomically, type BatchJobRecord } from './batch-job-record';

const record: BatchJobRecord = {
  version: 1,
  fingerprint: 'f',
  model: 'gemini-2.5-flash',
  stage: 'prepared',
  displayName: 'gemini-vision-test',
  mode: undefined,
  inputFile: undefined,
  job: undefined,
  jobState: undefined,
  requests: [],
  replies: {},
  billedUsd: undefined,
  createdAt: '2026-11-21T00:00:00.000Z',
  updatedAt: '2026-11-21T00:00:00.000Z',
};

describe('openBatchRecord', () => {
  it('writes the record atomically and reads it back', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gv-record-'));
    const file = await openBatchRecord(directory, 'nightly');

    await file.write({ ...record, stage: 'submitted', job: 'batches/1' });
    await file.close();

    expect(await readBatchJobRecord(directory, 'nightly')).toMatchObject({ stage: 'submitted', job: 'batches/1' });
    expect((await readdir(directory)).sort()).toEqual(['nightly.batch.json']);
  });

  it('locks the record against a second opener in the same process', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gv-record-'));
    const file = await openBatchRecord(directory, 'locked');

    await expect(openBatchRecord(directory, 'locked')).rejects.toThrow(/not already open in this process/u);
    await file.close();
    await expect(openBatchRecord(directory, 'locked').then((again) => again.close())).resolves.toBeUndefined();
  });

  it('takes over a lock whose process is gone', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gv-record-'));
    await writeFile(join(directory, 'stale.batch.json.lock'), '999999999');

    const file = await openBatchRecord(directory, 'stale');

    expect(await readFile(join(directory, 'stale.batch.json.lock'), 'utf8')).toBe(String(process.pid));
    await file.close();
  });

  it('refuses a name that is not a plain file name', async () => {
    await expect(openBatchRecord(tmpdir(), '../escape')).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('refuses a file that is not a record', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gv-record-'));
    await writeFile(join(directory, 'junk.batch.json'), '{"hello": 1}');

    await expect(openBatchRecord(directory, 'junk')).rejects.toThrow(/record of version 1/u);
  });
});

describe('writeAtomically', () => {
  it('replaces the whole file and leaves no temporary file behind', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gv-atomic-'));
    const path = join(directory, 'x.json');

    await writeAtomically(path, 'first');
    await writeAtomically(path, 'second');

    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(directory)).toEqual(['x.json']);
  });
});
