// Public API of the retry domain: the backoff policy and Retry-After parsing.
export { parseRetryAfter } from './parse-retry-after';
export {
  computeRetryDelay,
  DEFAULT_RETRY_POLICY,
  resolveRetryPolicy,
  type RetryPolicy,
  type RetrySettings,
} from './retry-policy';
