import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { collectImagePaths } from './collect-image-paths';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'collect-image-paths-'));
  await mkdir(join(root, 'photos', '2024', 'june'), { recursive: true });
  await mkdir(join(root, 'photos', '.thumbnails'), { recursive: true });
  await mkdir(join(root, 'empty'));
  for (const name of ['photos/b.JPG', 'photos/a.png', 'photos/notes.txt', 'photos/2024/june/c.webp', 'photos/.thumbnails/t.jpg', 'photos/.hidden.jpg', 'loose.gif']) {
    await writeFile(join(root, name), '');
  }
  await symlink(join(root, 'loose.gif'), join(root, 'photos', 'link.gif'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('collectImagePaths', () => {
  it('walks folders recursively for image extensions, sorted, skipping hidden entries', async () => {
    const { paths, unmatched } = await collectImagePaths(['photos'], root);

    expect(paths).toEqual(['photos/2024/june/c.webp', 'photos/a.png', 'photos/b.JPG', 'photos/link.gif']);
    expect(unmatched).toEqual([]);
  });

  it('expands glob patterns and keeps argument order without duplicates', async () => {
    const { paths } = await collectImagePaths(['loose.gif', 'photos/*.png', 'photos/**/*.webp', 'photos/a.png'], root);

    expect(paths).toEqual(['loose.gif', 'photos/a.png', 'photos/2024/june/c.webp']);
  });

  it('keeps a missing file (the prober reports it) and reports patterns and folders with no image', async () => {
    const { paths, unmatched } = await collectImagePaths(['missing.jpg', 'nothing/*.jpg', 'empty'], root);

    expect(paths).toEqual(['missing.jpg']);
    expect(unmatched).toEqual(['nothing/*.jpg', 'empty']);
  });

  it('takes an explicit file whatever its extension', async () => {
    expect((await collectImagePaths(['photos/notes.txt'], root)).paths).toEqual(['photos/notes.txt']);
  });
});
