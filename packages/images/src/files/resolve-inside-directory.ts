import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import { InvalidArgumentError, UnsafePathError } from '@gemini-vision/core';

/**
 * Resolves `name` inside `directory` and refuses — with a typed `UNSAFE_PATH` error — anything
 * that would land outside it: absolute paths, `..` segments that climb out, and symbolic links
 * (in the directory or on the way) that point outside.
 *
 * @remarks
 * `directory` must exist; `name` may contain sub-folders and need not exist yet. The check uses
 * the real paths of `directory` and of the deepest existing part of the target, so a link planted
 * inside the directory cannot redirect a write. It cannot stop a link created after the check:
 * open the file with the `wx` flag (fail if it exists) when that matters. Pass model labels
 * through {@link safeFileName} first.
 *
 * @param directory - The output directory (must exist).
 * @param name - A file name or relative path inside it.
 * @returns The absolute path of the target, inside the real path of `directory`.
 * @throws {@link UnsafePathError} If the target would be outside `directory`, or `name` is empty,
 * contains NUL, or names the directory itself.
 * @throws {@link InvalidArgumentError} If an argument is not a string.
 *
 * @example
 * ```ts
 * const path = await resolveInsideDirectory('out/masks', safeFileName(item.label, { extension: '.png' }));
 * await writeFile(path, png, { flag: 'wx' });
 * await resolveInsideDirectory('out', '../secret.txt'); // throws UnsafePathError (code UNSAFE_PATH)
 * ```
 */
export async function resolveInsideDirectory(directory: string, name: string): Promise<string> {
  if (typeof directory !== 'string' || directory === '') {
    throw new InvalidArgumentError({ argument: 'directory', expected: 'a non-empty path', received: directory });
  }
  if (typeof name !== 'string') {
    throw new InvalidArgumentError({ argument: 'name', expected: 'a string', received: name });
  }
  const refuse = (reason: string): UnsafePathError => new UnsafePathError({ name, directory, reason });
  if (name === '' || name.includes('\0')) throw refuse(name === '' ? 'the name is empty' : 'it contains a NUL character');
  if (isAbsolute(name) || /^[A-Za-z]:/u.test(name) || name.startsWith('\\\\')) throw refuse('it is an absolute path');

  const root = await realpath(directory);
  const target = resolve(root, name);
  if (target === root) throw refuse('it names the directory itself');
  if (!isInside(root, target)) throw refuse('it climbs out of the directory with `..`');

  // Follow every existing component: the deepest one that exists must resolve inside too.
  let existing = target;
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  let real: string;
  try {
    real = await realpath(existing);
  } catch (cause) {
    // A dangling symbolic link: its destination does not exist, so it cannot be checked.
    throw new UnsafePathError({ name, directory, reason: 'it passes through a symbolic link that cannot be resolved', cause });
  }
  if (!isInside(root, real) && real !== root) throw refuse('it leaves the directory through a symbolic link');

  const resolved = join(real, relative(existing, target));
  if (resolved === root) throw refuse('it names the directory itself');
  return resolved;
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && !fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot);
}
