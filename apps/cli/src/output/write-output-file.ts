import { randomBytes } from 'node:crypto';
import { access, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';

/**
 * Options of {@link writeOutputFile}.
 *
 * @example
 * ```ts
 * const options: WriteOutputFileOptions = { force: true, displayPath: 'out/cupcakes.png' };
 * ```
 */
export interface WriteOutputFileOptions {
  /** Replace an existing file. Without it an existing file is an error (exit 4) and stays untouched. */
  readonly force: boolean;
  /**
   * The path as the user wrote it, for messages.
   * @defaultValue `path`
   */
  readonly displayPath?: string | undefined;
}

/**
 * Writes a file atomically and, unless `force` is set, never over an existing one.
 *
 * @remarks
 * The data goes to a hidden temporary file beside the target first; it is then renamed over the
 * target (`force`) or hard-linked to it, which fails if the target exists. Either way the
 * target appears complete or not at all, even if the process is killed mid-write — which is
 * what lets an interrupted run resume by looking at which result files exist. Parent folders
 * are created.
 *
 * @param path - Where to write.
 * @param data - Text (written as UTF-8) or bytes.
 * @param options - `force` and the path to show; see {@link WriteOutputFileOptions}.
 * @throws {@link CliError} (exit 4) If the file exists and `force` is not set, or writing fails.
 *
 * @example
 * ```ts
 * await writeOutputFile('out/result.json', JSON.stringify(result), { force: false });
 * ```
 */
export async function writeOutputFile(path: string, data: string | Uint8Array, options: WriteOutputFileOptions): Promise<void> {
  const shown = options.displayPath ?? path;
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, data);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    // mkdir answers EEXIST when a file sits where a parent folder should be.
    throw writeError(shown, hasCode(error, 'EEXIST') ? Object.assign(new Error('not a folder'), { code: 'ENOTDIR', cause: error }) : error);
  }
  try {
    if (options.force) {
      await rename(temporary, path);
    } else {
      await link(temporary, path); // fails with EEXIST instead of replacing
    }
  } catch (error) {
    throw hasCode(error, 'EEXIST') ? existsError(shown) : writeError(shown, error);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

/**
 * Fails early, before any work or spending, when one of the output files already exists and
 * `force` is not set.
 *
 * @param paths - Absolute or relative paths, each with the text to show for it.
 * @param force - `--force`: existing files may be replaced.
 * @throws {@link CliError} (exit 4) Naming the first file that exists.
 *
 * @example
 * ```ts
 * await assertOutputsAvailable([{ path: '/abs/out.png', displayPath: 'out.png' }], false);
 * ```
 */
export async function assertOutputsAvailable(
  paths: readonly { readonly path: string; readonly displayPath: string }[],
  force: boolean,
): Promise<void> {
  if (force) return;
  for (const { path, displayPath } of paths) {
    if (await exists(path)) throw existsError(displayPath);
  }
}

/**
 * Tells whether a file or directory exists at `path`.
 *
 * @param path - The path to check.
 * @returns `true` when something is there.
 *
 * @example
 * ```ts
 * if (await exists('out/a.json')) skip();
 * ```
 */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function writeError(displayPath: string, error: unknown): CliError {
  return new CliError(`Could not write \`${displayPath}\`: ${describeSystemError(error)}.`, EXIT_CODES.output, { cause: error });
}

function existsError(displayPath: string): CliError {
  return new CliError(
    `\`${displayPath}\` already exists. Pass --force to overwrite it, or choose another output path.`,
    EXIT_CODES.output,
  );
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function describeSystemError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOSPC') return 'no space left on the device';
    if (code === 'ENOTDIR') return 'a parent of it is a file, not a folder';
    if (code === 'EISDIR') return 'it is a folder';
    if (typeof message === 'string') return message.replace(/\.$/u, '');
  }
  return String(error);
}
