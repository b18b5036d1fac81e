import type { GoogleError } from './google-error';
import type { JsonRecord } from './json-value';

/** A batch's state as the REST API spells it. */
export type BatchState =
  | 'BATCH_STATE_PENDING'
  | 'BATCH_STATE_RUNNING'
  | 'BATCH_STATE_SUCCEEDED'
  | 'BATCH_STATE_FAILED'
  | 'BATCH_STATE_CANCELLED'
  | 'BATCH_STATE_EXPIRED';

/** One request of a batch. */
export interface BatchItem {
  /** `metadata.key` (inline) or `key` (JSONL). */
  readonly key: string | undefined;
  /** The `GenerateContentRequest`, or `undefined` when the input line was unusable. */
  readonly request: JsonRecord | undefined;
  /** Why the input line was unusable. */
  readonly inputError: GoogleError | undefined;
}

/** One result of a batch. */
export interface BatchResult {
  /** The request's key. */
  readonly key: string | undefined;
  /** The `GenerateContentResponse`, on success. */
  readonly response: JsonRecord | undefined;
  /** The error, on failure. */
  readonly error: GoogleError | undefined;
}

/** A batch job held by the emulator. */
export interface StoredBatch {
  /** The id. */
  readonly id: string;
  /** `batches/<id>`. */
  readonly name: string;
  /** The model id, without `models/`. */
  readonly model: string;
  /** `batch.displayName`. */
  readonly displayName: string | undefined;
  /** `inline` requests or a JSONL `file`. */
  readonly input: 'inline' | 'file';
  /** The input file's name, for file input. */
  readonly inputFileName: string | undefined;
  /** The requests. */
  readonly items: readonly BatchItem[];
  /** API version it was created under, for URLs. */
  readonly apiVersion: string;
  /** Creation time, ms. */
  readonly createTime: number;
  /** Current state. */
  state: BatchState;
  /** When the current state began, ms. */
  stateEnteredAt: number;
  /** `batches.get` calls seen in the current state. */
  pollsInState: number;
  /** Last change, ms. */
  updateTime: number;
  /** When it reached a terminal state, ms. */
  endTime: number | undefined;
  /** Results, once it succeeded. */
  results: readonly BatchResult[] | undefined;
  /** `files/<id>` of the JSONL results, for file input. */
  responsesFile: string | undefined;
}

/** How batches move through their states. */
export interface BatchTiming {
  /** The emulator clock. */
  readonly clock: () => number;
  /** Polls a batch spends in PENDING and in RUNNING before moving on. */
  readonly pollsPerState: number;
  /** Clock time a batch spends in PENDING and in RUNNING, ms; `undefined`: polls only. */
  readonly stateDurationMs: number | undefined;
  /** A batch not finished this long after creation expires, ms. */
  readonly expiresAfterMs: number;
}

/** Whether a state is final. */
export function isTerminalBatchState(state: BatchState): boolean {
  return state !== 'BATCH_STATE_PENDING' && state !== 'BATCH_STATE_RUNNING';
}

/**
 * Advances a batch by the clock (and by one poll when `poll`), calling `succeed` when it reaches
 * SUCCEEDED. Time moves it through each state after `stateDurationMs`; polls after
 * `pollsPerState` `batches.get` calls; a batch still unfinished `expiresAfterMs` after creation
 * becomes EXPIRED.
 */
export function advanceBatch(batch: StoredBatch, timing: BatchTiming, poll: boolean, succeed: (batch: StoredBatch) => void): void {
  if (isTerminalBatchState(batch.state)) return;
  const now = timing.clock();
  const deadline = batch.createTime + timing.expiresAfterMs;
  if (poll) batch.pollsInState += 1;
  for (;;) {
    const state = batch.state;
    if (state !== 'BATCH_STATE_PENDING' && state !== 'BATCH_STATE_RUNNING') return;
    const byPolls = batch.pollsInState >= timing.pollsPerState;
    const dueAt = timing.stateDurationMs === undefined ? Infinity : batch.stateEnteredAt + timing.stateDurationMs;
    const byTime = dueAt <= Math.min(now, deadline);
    if (!byPolls && !byTime) break;
    const enteredAt = byTime ? dueAt : now;
    batch.pollsInState = 0;
    batch.stateEnteredAt = enteredAt;
    batch.updateTime = enteredAt;
    if (state === 'BATCH_STATE_PENDING') {
      batch.state = 'BATCH_STATE_RUNNING';
    } else {
      finishBatch(batch, 'BATCH_STATE_SUCCEEDED', enteredAt);
      succeed(batch);
    }
  }
  if (!isTerminalBatchState(batch.state) && now >= deadline) finishBatch(batch, 'BATCH_STATE_EXPIRED', deadline);
}

/** Moves a batch to a terminal state. */
export function finishBatch(batch: StoredBatch, state: BatchState, at: number): void {
  batch.state = state;
  batch.updateTime = at;
  batch.endTime = at;
}
