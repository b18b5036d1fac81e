import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link BatchJobFailedError}.
 *
 * @example
 * ```ts
 * const options: BatchJobFailedErrorOptions = { job: 'batches/123', state: 'JOB_STATE_FAILED' };
 * ```
 */
export interface BatchJobFailedErrorOptions extends GeminiVisionErrorOptions {
  /** The batch job's name, e.g. `batches/123`. */
  readonly job: string;
  /** The terminal state it ended in, e.g. `JOB_STATE_FAILED`, `JOB_STATE_EXPIRED`. */
  readonly state: string;
  /** The service's explanation, already stripped of secrets, when it gave one. */
  readonly detail?: string | undefined;
  /** One sentence saying what to do. */
  readonly hint?: string | undefined;
}

/**
 * A Gemini batch job ended without results: failed, cancelled or expired, or its results could
 * not be read.
 *
 * @example
 * ```ts
 * throw new BatchJobFailedError({ job: 'batches/123', state: 'JOB_STATE_EXPIRED' });
 * ```
 */
export class BatchJobFailedError extends GeminiVisionError {
  override readonly name = 'BatchJobFailedError';

  /** The batch job's name. */
  readonly job: string;
  /** The state it ended in. */
  readonly state: string;

  constructor({ job, state, detail, hint, cause }: BatchJobFailedErrorOptions) {
    const because = detail === undefined || detail === '' ? '' : ` (${detail.slice(0, 300)})`;
    super(
      'BATCH_JOB_FAILED',
      `Expected the batch job \`${job}\` to succeed, but it ended in ${state}${because}. ${hint ?? 'Inspect it with `batches.get`, then submit the remaining requests again with a new job record.'}`,
      { cause },
    );
    this.job = job;
    this.state = state;
  }

  /**
   * Tells whether `value` is a `BatchJobFailedError` from any copy of this package.
   *
   * @example
   * ```ts
   * BatchJobFailedError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is BatchJobFailedError {
    return GeminiVisionError.isInstance(value) && value.code === 'BATCH_JOB_FAILED';
  }
}
