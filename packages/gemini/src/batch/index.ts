// Public API of the batch domain: batch requests, results and the local job record.
export {
  readBatchJobRecord,
  type BatchJobRecord,
  type BatchRecordStage,
  type StoredReply,
  type StoredRequest,
} from './batch-job-record';
export {
  INLINE_BATCH_LIMIT_BYTES,
  type BatchEntry,
  type BatchOptions,
  type BatchProgress,
  type BatchRequest,
  type BatchResult,
} from './run-batch';
