import { describe, expect, it } from 'vitest';

import { createUploadCache } from './create-upload-cache';

const file = { name: 'files/a', uri: 'http://x/files/a', mimeType: 'image/png' };

describe('createUploadCache', () => {
  it('uploads each hash once, sharing a concurrent upload', async () => {
    const cache = createUploadCache();
    let uploads = 0;
    const upload = async () => {
      uploads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return file;
    };

    const [first, second] = await Promise.all([cache.getOrUpload('h', upload), cache.getOrUpload('h', upload)]);
    const third = await cache.getOrUpload('h', upload);

    expect(uploads).toBe(1);
    expect([first.reused, second.reused, third.reused]).toEqual([false, true, true]);
  });

  it('forgets a failed upload so the next call tries again', async () => {
    const cache = createUploadCache();

    await expect(cache.getOrUpload('h', () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    const again = await cache.getOrUpload('h', () => Promise.resolve(file));

    expect(again).toEqual({ file, reused: false });
  });

  it('does not reuse an upload about to expire', async () => {
    let now = 0;
    const cache = createUploadCache(() => now);
    await cache.getOrUpload('h', () => Promise.resolve(file));

    now = 47 * 3_600_000;
    const later = await cache.getOrUpload('h', () => Promise.resolve({ ...file, name: 'files/b' }));

    expect(later).toEqual({ file: { ...file, name: 'files/b' }, reused: false });
  });
});
