import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UnsafePathError } from '@gemini-vision/core';
import { resolveInsideDirectory } from './resolve-inside-directory';

let root: string;
let output: string;
let outside: string;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'resolve-inside-')));
  output = join(root, 'out');
  outside = join(root, 'outside');
  await mkdir(join(output, 'masks'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.txt'), 'secret');
  await symlink(outside, join(output, 'escape'));
  await symlink(join(output, 'masks'), join(output, 'inner-link'));
  await symlink(join(outside, 'secret.txt'), join(output, 'file-link.png'));
  await symlink(join(root, 'nowhere'), join(output, 'dangling'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('resolveInsideDirectory', () => {
  it.each([
    { name: 'glass jar.png', expected: 'glass jar.png' },
    { name: 'masks/たい焼き.png', expected: 'masks/たい焼き.png' },
    { name: 'new/sub/folder/a.png', expected: 'new/sub/folder/a.png' },
    { name: 'masks/../b.png', expected: 'b.png' },
    { name: 'inner-link/c.png', expected: 'masks/c.png' },
  ])('resolves $name inside the directory', async ({ name, expected }) => {
    expect(await resolveInsideDirectory(output, name)).toBe(join(output, expected));
  });

  it.each([
    { name: '../outside/secret.txt', reason: /climbs out/u },
    { name: 'masks/../../x.png', reason: /climbs out/u },
    { name: '/etc/passwd', reason: /absolute path/u },
    { name: 'C:\\Windows\\win.ini', reason: /absolute path/u },
    { name: 'escape/secret.txt', reason: /symbolic link/u },
    { name: 'escape/new.png', reason: /symbolic link/u },
    { name: 'file-link.png', reason: /symbolic link/u },
    { name: 'dangling', reason: /symbolic link that cannot be resolved/u },
    { name: '', reason: /empty/u },
    { name: 'a\0b', reason: /NUL/u },
    { name: '.', reason: /directory itself/u },
  ])('refuses $name with UNSAFE_PATH', async ({ name, reason }) => {
    const failure = await resolveInsideDirectory(output, name).catch((caught: unknown) => caught);

    expect(failure).toBeInstanceOf(UnsafePathError);
    expect((failure as UnsafePathError).code).toBe('UNSAFE_PATH');
    expect((failure as Error).message).toMatch(reason);
    expect((failure as UnsafePathError).directory).toBe(output);
  });
});
