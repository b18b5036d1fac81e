import { AsyncLocalStorage } from 'node:async_hooks';

import { parseRetryAfter } from './parse-retry-after';

/** What the fetch wrapper saw during one attempt. */
export interface AttemptObservation {
  /** Status of the last non-OK response. */
  status: number | undefined;
  /** `Retry-After` of the last non-OK response, in ms. */
  retryAfterMs: number | undefined;
}

const observations = new AsyncLocalStorage<AttemptObservation>();

/** A fresh observation for one attempt. */
export function createAttemptObservation(): AttemptObservation {
  return { status: undefined, retryAfterMs: undefined };
}

/** Runs `operation` with `observation` as the attempt the fetch wrapper reports to. */
export function runObserved<T>(observation: AttemptObservation, operation: () => Promise<T>): Promise<T> {
  return observations.run(observation, operation);
}

/**
 * Wraps `fetch` so that every response reports its status and `Retry-After` to the attempt that
 * caused it. The SDK's errors carry the status but not the headers; this is how `Retry-After` is
 * honoured. Uses `AsyncLocalStorage`, so concurrent attempts never see each other's headers.
 */
export function createObservingFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  const observingFetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
    const observation = observations.getStore();
    const response = await base(input, init);
    if (observation !== undefined && !response.ok) {
      observation.status = response.status;
      observation.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    }
    return response;
  };
  return observingFetch;
}
