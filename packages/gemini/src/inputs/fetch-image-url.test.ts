import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AbortedError, ImageUnreadableError, InvalidArgumentError } from '@gemini-vision/core';

import { describeUrl, fetchImageUrl } from './fetch-image-url';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/small.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.alloc(100, 1));
    } else if (request.url === '/declared-big.png') {
      response.writeHead(200, { 'content-length': '5000' });
      response.end(Buffer.alloc(5000));
    } else if (request.url === '/streamed-big.png') {
      response.writeHead(200);
      response.write(Buffer.alloc(600));
      response.end(Buffer.alloc(600));
    } else if (request.url === '/slow.png') {
      setTimeout(() => response.end('late'), 2000).unref();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = { maxBytes: 1000, timeoutMs: 500, fetch: globalThis.fetch };

describe('fetchImageUrl', () => {
  it('downloads the bytes', async () => {
    const bytes = await fetchImageUrl(new URL(`${base}/small.png`), options);

    expect(bytes.byteLength).toBe(100);
    expect(bytes[0]).toBe(1);
  });

  it('refuses a declared size over the limit', async () => {
    await expect(fetchImageUrl(new URL(`${base}/declared-big.png`), options)).rejects.toThrow(/5000 bytes, over the download limit of 1000/u);
  });

  it('stops reading a body that grows over the limit', async () => {
    await expect(fetchImageUrl(new URL(`${base}/streamed-big.png`), options)).rejects.toThrow(/over the download limit of 1000 bytes/u);
  });

  it('reports an error status', async () => {
    await expect(fetchImageUrl(new URL(`${base}/missing.png`), options)).rejects.toThrow(ImageUnreadableError);
  });

  it('times out', async () => {
    await expect(fetchImageUrl(new URL(`${base}/slow.png`), { ...options, timeoutMs: 50 })).rejects.toThrow(/timed out after 50 ms/u);
  });

  it('stops with AbortedError when the caller aborts', async () => {
    await expect(fetchImageUrl(new URL(`${base}/slow.png`), { ...options, signal: AbortSignal.timeout(30) })).rejects.toBeInstanceOf(AbortedError);
  });

  it('refuses other protocols', async () => {
    await expect(fetchImageUrl(new URL('file:///etc/passwd'), options)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe('describeUrl', () => {
  it('leaves out credentials and the query string, which may hold tokens', () => {
    expect(describeUrl(new URL('https://user:pw@example.com/a.jpg?X-Goog-Signature=abc'))).toBe('https://example.com/a.jpg');
  });
});
