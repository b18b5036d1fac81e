import { readFile } from 'node:fs/promises';

import { ImageUnreadableError, InvalidArgumentError } from '@gemini-vision/core';

import { describeUrl, fetchImageUrl } from './fetch-image-url';

/**
 * An image to send: a file path, an `http(s)://` URL (as a string or `URL`), or the encoded bytes.
 *
 * @remarks
 * URLs are downloaded by this package (with a size limit and a timeout) and sent as bytes, so the
 * model sees exactly what was probed and prepared.
 *
 * @example
 * ```ts
 * const inputs: ImageInput[] = ['photos/cat.jpg', 'https://example.com/dog.png', new Uint8Array(bytes)];
 * ```
 */
export type ImageInput = string | URL | Uint8Array;

/** An image input read into memory. */
export interface LoadedImage {
  /** Where it came from. */
  readonly source: 'path' | 'url' | 'bytes';
  /** For messages: the path, the URL without its query, or `a N-byte buffer`. */
  readonly description: string;
  /** The encoded bytes. */
  readonly bytes: Uint8Array;
}

/** Options of {@link loadImageInput}. */
export interface LoadImageInputOptions {
  /** Download size limit in bytes. */
  readonly maxDownloadBytes: number;
  /** Download timeout in ms. */
  readonly downloadTimeoutMs: number;
  /** The `fetch` for downloads. */
  readonly fetch: typeof fetch;
  /** The caller's signal. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Reads an {@link ImageInput} into memory: a file, a download, or the bytes as given.
 *
 * @throws {@link InvalidArgumentError} If `input` is none of the accepted forms.
 * @throws {@link ImageUnreadableError} If the file or download cannot be read or is empty.
 */
export async function loadImageInput(input: ImageInput, options: LoadImageInputOptions): Promise<LoadedImage> {
  if (input instanceof Uint8Array) {
    if (input.byteLength === 0) {
      throw new ImageUnreadableError({ source: { byteLength: 0 }, reason: 'it is empty (0 bytes)' });
    }
    return { source: 'bytes', description: `a ${input.byteLength}-byte buffer`, bytes: input };
  }
  const url = input instanceof URL ? input : typeof input === 'string' && /^https?:\/\//iu.test(input) ? new URL(input) : undefined;
  if (url !== undefined) {
    const bytes = await fetchImageUrl(url, {
      maxBytes: options.maxDownloadBytes,
      timeoutMs: options.downloadTimeoutMs,
      fetch: options.fetch,
      signal: options.signal,
    });
    const description = describeUrl(url);
    if (bytes.byteLength === 0) throw new ImageUnreadableError({ source: description, reason: 'the download is empty (0 bytes)' });
    return { source: 'url', description, bytes };
  }
  if (typeof input !== 'string' || input === '') {
    throw new InvalidArgumentError({
      argument: 'image',
      expected: 'a file path, an http(s) URL or a Uint8Array',
      received: input,
    });
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(input);
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    throw new ImageUnreadableError({
      source: input,
      reason: code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a directory' : 'the file cannot be read',
      cause,
    });
  }
  if (buffer.byteLength === 0) throw new ImageUnreadableError({ source: input, reason: 'the file is empty (0 bytes)' });
  return { source: 'path', description: input, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}
