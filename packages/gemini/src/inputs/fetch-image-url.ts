import { AbortedError, ImageUnreadableError, InvalidArgumentError } from '@gemini-vision/core';

/** Options of {@link fetchImageUrl}. */
export interface FetchImageUrlOptions {
  /** Refuse responses larger than this many bytes (checked on `Content-Length` and while reading). */
  readonly maxBytes: number;
  /** Give up after this many ms (connection, headers and body together). */
  readonly timeoutMs: number;
  /** The `fetch` to use. */
  readonly fetch: typeof fetch;
  /** The caller's signal. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Describes a URL for messages without its query string or credentials, which may be secrets
 * (signed URLs carry tokens there).
 */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Downloads an image over http(s) with a size limit and a timeout.
 *
 * @throws {@link InvalidArgumentError} If the URL is not http or https.
 * @throws {@link ImageUnreadableError} On an error status, a timeout, a network error, or a body
 * over `maxBytes`.
 * @throws {@link AbortedError} If the caller's signal aborts.
 */
export async function fetchImageUrl(url: URL, options: FetchImageUrlOptions): Promise<Uint8Array> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError({ argument: 'image', expected: 'an http or https URL', received: url.protocol });
  }
  const source = describeUrl(url);
  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timeout.abort(new DOMException('timed out', 'TimeoutError'));
  }, options.timeoutMs);
  const signal = options.signal === undefined ? timeout.signal : AbortSignal.any([options.signal, timeout.signal]);
  const fail = (reason: string, cause?: unknown, hint?: string): never => {
    if (options.signal?.aborted === true) throw new AbortedError({ operation: `download ${source}`, cause: options.signal.reason });
    throw new ImageUnreadableError({ source, reason, hint, cause });
  };
  try {
    let response: Response;
    try {
      response = await options.fetch(url, { signal, redirect: 'follow' });
    } catch (cause) {
      return fail(timeout.signal.aborted ? `the download timed out after ${options.timeoutMs} ms` : 'the download failed', cause);
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail(`the server answered HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel();
      return fail(`it is ${declared} bytes, over the download limit of ${options.maxBytes}`, undefined, 'Raise `maxDownloadBytes` or download the file yourself.');
    }
    if (response.body === null) return new Uint8Array(0);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let tooLarge = false;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > options.maxBytes) {
          tooLarge = true;
          await reader.cancel();
          break;
        }
        chunks.push(value);
      }
    } catch (cause) {
      return fail(timeout.signal.aborted ? `the download timed out after ${options.timeoutMs} ms` : 'the download broke off', cause);
    }
    if (tooLarge) {
      return fail(`it is over the download limit of ${options.maxBytes} bytes`, undefined, 'Raise `maxDownloadBytes` or download the file yourself.');
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}
