import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CliError } from '../cli-error';
import { assertOutputsAvailable, writeOutputFile } from './write-output-file';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'write-output-file-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeOutputFile', () => {
  it('creates parent folders and writes text or bytes, leaving no temporary file', async () => {
    await writeOutputFile(join(root, 'a', 'b', 'c.json'), '{}', { force: false });
    await writeOutputFile(join(root, 'a', 'bytes.bin'), new Uint8Array([1, 2, 3]), { force: false });

    expect(await readFile(join(root, 'a', 'b', 'c.json'), 'utf8')).toBe('{}');
    expect([...(await readFile(join(root, 'a', 'bytes.bin')))]).toEqual([1, 2, 3]);
    expect(await readdir(join(root, 'a'))).toEqual(['b', 'bytes.bin']);
  });

  it('refuses to replace an existing file without force, with exit 4, and leaves it as it was', async () => {
    const path = join(root, 'keep.txt');
    await writeFile(path, 'original');

    const failure = await writeOutputFile(path, 'new', { force: false, displayPath: 'keep.txt' }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).exitCode).toBe(4);
    expect((failure as CliError).message).toBe('`keep.txt` already exists. Pass --force to overwrite it, or choose another output path.');
    expect(await readFile(path, 'utf8')).toBe('original');
    expect((await readdir(root)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('replaces an existing file with force', async () => {
    const path = join(root, 'replace.txt');
    await writeFile(path, 'old');

    await writeOutputFile(path, 'new', { force: true });

    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('says why a write failed', async () => {
    await writeFile(join(root, 'file'), '');

    await expect(writeOutputFile(join(root, 'file', 'inside.txt'), 'x', { force: false, displayPath: 'file/inside.txt' })).rejects.toThrow(
      /^Could not write `file\/inside\.txt`: a parent of it is a file, not a folder\.$/u,
    );
  });
});

describe('assertOutputsAvailable', () => {
  it('names the first output that exists, unless force is set', async () => {
    await writeFile(join(root, 'exists.png'), '');
    const paths = [
      { path: join(root, 'free.png'), displayPath: 'free.png' },
      { path: join(root, 'exists.png'), displayPath: 'exists.png' },
    ];

    await expect(assertOutputsAvailable(paths, false)).rejects.toThrow(/^`exists\.png` already exists/u);
    await expect(assertOutputsAvailable(paths, true)).resolves.toBeUndefined();
  });
});
