import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { InvalidArgumentError, type RequestCostEstimate } from '@gemini-vision/core';

import type { ModelReply } from '../results/read-model-reply';
import type { ReplyContext } from '../tasks/run-vision-task';

/**
 * Where a batch job is in its life, as its local record tells it.
 *
 * - `prepared`: requests planned, nothing submitted.
 * - `submitting`: a `batches.create` call may be on the wire; `displayName` identifies it.
 * - `submitted`: the job exists (`job` is set); polling.
 * - `completed`: results are in the record; nothing more to fetch.
 * - `failed`: the job ended without results (`jobState` says how).
 *
 * @example
 * ```ts
 * const stage: BatchRecordStage = 'submitted';
 * ```
 */
export type BatchRecordStage = 'prepared' | 'submitting' | 'submitted' | 'completed' | 'failed';

/**
 * The reply of one request, as stored in the record: the reply's text, finish reason and usage,
 * or the service's per-request error.
 *
 * @example
 * ```ts
 * const stored: StoredReply = { ok: true, reply: { text: '[]', finishReason: 'STOP', usage: undefined } };
 * ```
 */
export type StoredReply =
  | { readonly ok: true; readonly reply: Pick<ModelReply, 'text' | 'finishReason' | 'usage'> }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/**
 * One request of the job, as stored: what is needed to read its reply back without the images.
 *
 * @example
 * ```ts
 * const keys = record.requests.map((request: StoredRequest) => request.key);
 * ```
 */
export interface StoredRequest {
  /** The request's key. */
  readonly key: string;
  /** Task, prompt, filters and the images' transforms. */
  readonly context: ReplyContext;
  /** The pre-flight estimate at batch rates. */
  readonly estimate: RequestCostEstimate;
}

/**
 * The local record of a batch job: a JSON file written atomically (temporary file, then rename)
 * after every step, so a rerun after a crash resumes the same job instead of submitting it again.
 *
 * @example
 * ```ts
 * const record: BatchJobRecord = JSON.parse(await readFile('jobs/nightly.batch.json', 'utf8'));
 * console.log(record.stage, record.job);
 * ```
 */
export interface BatchJobRecord {
  /** Format version. */
  readonly version: 1;
  /** SHA-256 of the requests (keys, tasks, options, image identities) and model. */
  readonly fingerprint: string;
  /** The model every request of the job uses. */
  readonly model: string;
  /** Where the job is. */
  readonly stage: BatchRecordStage;
  /** Unique display name given to the job at submission; finds it again after a crash mid-create. */
  readonly displayName: string;
  /** `inline` requests in the create call, or `file`: an uploaded JSONL file. */
  readonly mode: 'inline' | 'file' | undefined;
  /** The uploaded JSONL input (`files/…`), in `file` mode. */
  readonly inputFile: string | undefined;
  /** The job name (`batches/…`), once created. */
  readonly job: string | undefined;
  /** The last state the service reported (`JOB_STATE_…`). */
  readonly jobState: string | undefined;
  /** The requests, in input order. */
  readonly requests: readonly StoredRequest[];
  /** Replies received so far, by key. */
  readonly replies: Readonly<Record<string, StoredReply>>;
  /** Billed dollars at batch rates, once completed. */
  readonly billedUsd: number | undefined;
  /** ISO 8601 creation time. */
  readonly createdAt: string;
  /** ISO 8601 time of the last write. */
  readonly updatedAt: string;
}

/** A record file held open by this process. */
export interface OpenRecord {
  /** The record's path. */
  readonly path: string;
  /** The current content, or `undefined` before the first write. */
  readonly current: () => BatchJobRecord | undefined;
  /** Writes a new version atomically. */
  readonly write: (record: BatchJobRecord) => Promise<void>;
  /** Releases the lock. */
  readonly close: () => Promise<void>;
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;

/**
 * Opens (or prepares to create) the record `<directory>/<name>.batch.json`, taking an exclusive
 * lock file beside it so two processes never drive the same job. A lock left by a process that
 * no longer runs is taken over.
 *
 * @throws {@link InvalidArgumentError} If `name` is not a plain file name, the record is not a
 * record of this format, or another running process holds the lock.
 */
export async function openBatchRecord(directory: string, name: string): Promise<OpenRecord> {
  if (!NAME_PATTERN.test(name)) {
    throw new InvalidArgumentError({
      argument: 'name',
      expected: 'a plain name of letters, digits, `.`, `_` and `-` (at most 100)',
      received: name,
    });
  }
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${name}.batch.json`);
  const lockPath = `${path}.lock`;
  await acquireLock(lockPath, name);

  let current: BatchJobRecord | undefined;
  try {
    current = await readRecord(path);
  } catch (error) {
    await rm(lockPath, { force: true });
    throw error;
  }
  return {
    path,
    current: () => current,
    write: async (record) => {
      await writeAtomically(path, `${JSON.stringify(record, null, 2)}\n`);
      current = record;
    },
    close: () => rm(lockPath, { force: true }),
  };
}

/** Reads a record file, or `undefined` when there is none. */
export async function readRecord(path: string): Promise<BatchJobRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InvalidArgumentError({
      argument: 'recordDirectory',
      expected: 'a readable batch job record',
      received: path,
      hint: 'The record is not valid JSON; move it away to start a new job.',
      cause,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) {
    throw new InvalidArgumentError({
      argument: 'recordDirectory',
      expected: 'a batch job record of version 1',
      received: path,
      hint: 'Move the file away to start a new job.',
    });
  }
  return parsed as BatchJobRecord;
}

/** Writes `text` to a temporary file beside `path`, flushes it, and renames it over `path`. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function acquireLock(lockPath: string, name: string): Promise<void> {
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new InvalidArgumentError({
          argument: 'name',
          expected: 'a batch record no other process is using',
          received: name,
          hint: `Process ${owner} holds ${lockPath}; wait for it to finish, or delete the lock file if that process is gone.`,
        });
      }
      if (owner === process.pid) {
        throw new InvalidArgumentError({
          argument: 'name',
          expected: 'a batch record not already open in this process',
          received: name,
          hint: 'Await the running batch() call with this record before starting another.',
        });
      }
      await rm(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new InvalidArgumentError({ argument: 'name', expected: 'a lockable batch record', received: name });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Reads the local record of a batch job, to inspect a job between runs (stage, job name,
 * replies so far).
 *
 * @param directory - The `recordDirectory` given to `batch`.
 * @param name - The record's `name`.
 * @returns The record, or `undefined` when there is none.
 * @throws {@link InvalidArgumentError} If the file is not a record of this format.
 *
 * @example
 * ```ts
 * const record = await readBatchJobRecord('.gemini-batches', 'nightly');
 * console.log(record?.stage, record?.job);
 * ```
 */
export function readBatchJobRecord(directory: string, name = 'batch'): Promise<BatchJobRecord | undefined> {
  return readRecord(join(directory, `${name}.batch.json`));
}
