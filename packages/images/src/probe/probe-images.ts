import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import {
  GeminiVisionError,
  type ImageInfo,
  ImageUnreadableError,
  InvalidArgumentError,
} from '@gemini-vision/core';

import { resolveMaxPixels } from '../header/read-image-header-from-bytes';
import { probeImage, probeImageSync, type ProbeImageOptions } from './probe-image';

/**
 * Options of {@link probeImages}.
 *
 * @example
 * ```ts
 * const options: ProbeImagesOptions = { concurrency: 16, fileAccess: 'async' };
 * ```
 */
export interface ProbeImagesOptions extends ProbeImageOptions {
  /**
   * Files read at once when `fileAccess` is `'async'` (a positive integer). With the default
   * `'sync'` access files are read one after another, which is faster from the page cache; the
   * loop still yields to the event loop every few milliseconds.
   * @defaultValue `8`
   */
  readonly concurrency?: number | undefined;
  /** Stops the run: the iterator throws the signal's reason before the next file. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * One file's outcome in {@link probeImages}: its {@link ImageInfo}, or the typed error that says
 * what is wrong with it.
 *
 * @example
 * ```ts
 * const result: ProbeImagesResult = { path: 'a.jpg', ok: false, error };
 * ```
 */
export type ProbeImagesResult =
  | {
      /** The path as given. */
      readonly path: string;
      /** `true`: the header was read. */
      readonly ok: true;
      /** What the header says. */
      readonly info: ImageInfo;
    }
  | {
      /** The path as given. */
      readonly path: string;
      /** `false`: the file could not be probed. */
      readonly ok: false;
      /** Why: `ImageUnreadableError`, `ImageUnsupportedFormatError` or `ImageTooLargeError`. */
      readonly error: GeminiVisionError;
    };

const DEFAULT_CONCURRENCY = 8;
/** In sync mode, give timers and I/O callbacks a turn at least this often. */
const YIELD_INTERVAL_MS = 8;

/**
 * Probes many files, reporting each one's outcome in input order; a bad file is reported and the
 * run goes on.
 *
 * @remarks
 * Reads only headers, exactly like {@link probeImage}. Measured on 2,000 mixed images it runs
 * well over ten times faster than `sharp(path).metadata()` per file (see `BENCHMARKS.md`).
 *
 * @param paths - File paths (any iterable or async iterable of strings).
 * @param options - Concurrency, file access mode, pixel limit, abort signal; see
 * {@link ProbeImagesOptions}.
 * @returns An async iterable of {@link ProbeImagesResult}, one per path, in input order.
 * @throws {@link InvalidArgumentError} If an option is invalid (when iteration starts).
 * @throws The `signal`'s reason when it is aborted.
 *
 * @example
 * ```ts
 * for await (const result of probeImages(['a.jpg', 'b.heic'])) {
 *   if (result.ok) console.log(result.path, result.info.displayWidth, result.info.displayHeight);
 *   else console.warn(result.path, result.error.code, result.error.message);
 * }
 * ```
 */
export async function* probeImages(
  paths: Iterable<string> | AsyncIterable<string>,
  options: ProbeImagesOptions = {},
): AsyncGenerator<ProbeImagesResult, void, undefined> {
  const maxPixels = resolveMaxPixels(options.maxPixels);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError({ argument: 'options.concurrency', expected: 'a positive integer', received: concurrency });
  }
  const { signal } = options;

  if ((options.fileAccess ?? 'sync') === 'sync') {
    let lastYield = performance.now();
    for await (const path of paths) {
      signal?.throwIfAborted();
      yield probeOneSync(path, maxPixels);
      const now = performance.now();
      if (now - lastYield > YIELD_INTERVAL_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    return;
  }

  // Async: a sliding window of `concurrency` probes, yielded in input order.
  const probeOptions: ProbeImageOptions = { maxPixels, fileAccess: 'async' };
  const pending: { path: string; result: Promise<ProbeImagesResult> }[] = [];
  const iterator = toAsyncIterator(paths);
  let exhausted = false;
  for (;;) {
    while (!exhausted && pending.length < concurrency) {
      const next = await iterator.next();
      if (next.done === true) exhausted = true;
      else pending.push({ path: next.value, result: probeOneAsync(next.value, probeOptions) });
    }
    const head = pending.shift();
    if (head === undefined) return;
    signal?.throwIfAborted();
    yield await head.result;
  }
}

function probeOneSync(path: string, maxPixels: number): ProbeImagesResult {
  try {
    return { path, ok: true, info: probeImageSync(path, maxPixels) };
  } catch (error) {
    return { path, ok: false, error: asPerFileError(error, path) };
  }
}

async function probeOneAsync(path: string, options: ProbeImageOptions): Promise<ProbeImagesResult> {
  try {
    return { path, ok: true, info: await probeImage(path, options) };
  } catch (error) {
    return { path, ok: false, error: asPerFileError(error, path) };
  }
}

function asPerFileError(error: unknown, path: string): GeminiVisionError {
  if (GeminiVisionError.isInstance(error)) return error;
  return new ImageUnreadableError({ source: path, reason: 'it could not be probed', cause: error });
}

function toAsyncIterator(paths: Iterable<string> | AsyncIterable<string>): AsyncIterator<string> {
  if (Symbol.asyncIterator in paths) return paths[Symbol.asyncIterator]();
  const iterator = paths[Symbol.iterator]();
  return { next: () => Promise.resolve(iterator.next()) };
}
