import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '@gemini-vision/core';

import { probeImages, type ProbeImagesResult } from './probe-images';

let directory: string;
let paths: string[];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'probe-images-'));
  const image = sharp({ create: { width: 80, height: 60, channels: 3, background: '#369' } });
  const files: [string, Uint8Array | string][] = [
    ['a.jpg', await image.clone().jpeg().withMetadata({ orientation: 6 }).toBuffer()],
    ['b.png', new Uint8Array(0)],
    ['c.webp', await image.clone().webp().toBuffer()],
    ['d.txt', 'not an image'],
    ['e.png.jpg', await image.clone().png().toBuffer()],
  ];
  paths = [];
  for (const [name, content] of files) {
    const path = join(directory, name);
    await writeFile(path, content);
    paths.push(path);
  }
  paths.push(join(directory, 'missing.gif'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function collect(iterable: AsyncIterable<ProbeImagesResult>): Promise<ProbeImagesResult[]> {
  const results: ProbeImagesResult[] = [];
  for await (const result of iterable) results.push(result);
  return results;
}

function summarize(results: readonly ProbeImagesResult[]): string[] {
  return results.map((result) =>
    result.ok ? `${result.info.mimeType} ${result.info.displayWidth}x${result.info.displayHeight}` : result.error.code,
  );
}

describe('probeImages', () => {
  it('reports every file in input order and goes on after bad ones', async () => {
    const results = await collect(probeImages(paths));

    expect(results.map((result) => result.path)).toEqual(paths);
    expect(summarize(results)).toEqual([
      'image/jpeg 60x80',
      'IMAGE_UNREADABLE',
      'image/webp 80x60',
      'IMAGE_UNSUPPORTED_FORMAT',
      'image/png 80x60',
      'IMAGE_UNREADABLE',
    ]);
  });

  it('gives the same results with asynchronous reads and any concurrency', async () => {
    const sync = summarize(await collect(probeImages(paths)));

    for (const concurrency of [1, 3, 16]) {
      expect(summarize(await collect(probeImages(paths, { fileAccess: 'async', concurrency })))).toEqual(sync);
    }
  });

  it('accepts an async iterable of paths', async () => {
    async function* generate(): AsyncGenerator<string> {
      for (const path of paths.slice(0, 2)) yield await Promise.resolve(path);
    }

    expect(summarize(await collect(probeImages(generate())))).toEqual(['image/jpeg 60x80', 'IMAGE_UNREADABLE']);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const seen: string[] = [];

    const run = (async () => {
      for await (const result of probeImages(paths, { signal: controller.signal })) {
        seen.push(result.path);
        controller.abort(new Error('stop'));
      }
    })();

    await expect(run).rejects.toThrow('stop');
    expect(seen).toHaveLength(1);
  });

  it('refuses an invalid concurrency', async () => {
    await expect(collect(probeImages(paths, { concurrency: 0 }))).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
