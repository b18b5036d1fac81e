import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** File extensions picked up when walking a directory (explicit file arguments are always probed). */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.jpe', '.jfif', '.png', '.webp', '.gif', '.avif', '.heic', '.heif']);
const GLOB_CHARACTERS = /[*?[\]{}!]/u;

/**
 * What {@link collectImagePaths} found.
 *
 * @example
 * ```ts
 * const { paths, unmatched }: CollectedImagePaths = await collectImagePaths(['photos/'], process.cwd());
 * ```
 */
export interface CollectedImagePaths {
  /** Files to probe, as the user would write them (relative to the working directory when given so), without duplicates. */
  readonly paths: readonly string[];
  /** Glob patterns that matched no file, and directories that held no image, as given. */
  readonly unmatched: readonly string[];
}

/**
 * Expands command-line arguments into image file paths: files as given, directories walked
 * recursively for image extensions, and glob patterns through tinyglobby.
 *
 * @remarks
 * A path that does not exist is kept (the prober then reports it as unreadable) unless it
 * contains glob characters, in which case it is matched as a pattern; tinyglobby is only loaded
 * then. Directory entries are sorted by name so output is deterministic; symbolic links to
 * files are followed, links to directories are not (no cycles). Hidden files and folders
 * (leading dot) are skipped when walking.
 *
 * @param inputs - Files, directories and glob patterns.
 * @param cwd - The directory relative inputs are resolved against.
 * @returns The image paths in argument order and the inputs that matched nothing.
 *
 * @example
 * ```ts
 * await collectImagePaths(['samples', 'extra/*.png', 'one.jpg'], process.cwd());
 * // => { paths: ['samples/a.jpg', …, 'extra/b.png', 'one.jpg'], unmatched: [] }
 * ```
 */
export async function collectImagePaths(inputs: readonly string[], cwd: string): Promise<CollectedImagePaths> {
  const paths: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  const add = (path: string): void => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    paths.push(path);
  };

  for (const input of inputs) {
    const kind = await statKind(resolve(cwd, input));
    if (kind === 'directory') {
      const found = await walkDirectory(cwd, input);
      if (found.length === 0) unmatched.push(input);
      found.forEach(add);
    } else if (kind === 'missing' && GLOB_CHARACTERS.test(input)) {
      const { glob } = await import('tinyglobby');
      const found = (await glob(input, { cwd, onlyFiles: true, expandDirectories: false })).sort(compareNames);
      if (found.length === 0) unmatched.push(input);
      found.forEach(add);
    } else {
      add(input);
    }
  }
  return { paths, unmatched };
}

async function statKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

async function walkDirectory(cwd: string, directory: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(resolve(cwd, directory), { withFileTypes: true });
  entries.sort((left, right) => compareNames(left.name, right.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await walkDirectory(cwd, path)));
    } else if (IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      if (entry.isFile() || (entry.isSymbolicLink() && (await statKind(resolve(cwd, path))) === 'file')) found.push(path);
    }
  }
  return found;
}

function compareNames(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
