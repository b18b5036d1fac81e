import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { PrepareSetting } from '@gemini-vision/gemini';

import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import { exists, writeOutputFile } from '../output/write-output-file';
import type { ImageResult, LiveTask } from './vision-result';

/**
 * The folder inside `--out` where a run keeps its settings and batch job records.
 *
 * @example
 * ```ts
 * join(out, STATE_FOLDER, 'run.json');
 * ```
 */
export const STATE_FOLDER = '.gemini-vision';

/**
 * The settings a resumable output folder was made with (`<out>/.gemini-vision/run.json`); a
 * rerun must match them to resume.
 *
 * @example
 * ```ts
 * const manifest: RunManifest = { tool: 'gemini-vision', version: 1, task: 'detect', model: 'gemini-2.5-flash', prompt: null, target: null, question: null, classes: null, mediaResolution: null, resize: false, maxItems: null };
 * ```
 */
export interface RunManifest {
  /** Always `gemini-vision`. */
  readonly tool: 'gemini-vision';
  /** Format version. */
  readonly version: 1;
  /** The task. */
  readonly task: LiveTask;
  /** The model. */
  readonly model: string;
  /** `--prompt`, or `null`. */
  readonly prompt: string | null;
  /** `--target`, or `null`. */
  readonly target: string | null;
  /** `--question`, or `null`. */
  readonly question: string | null;
  /** `--classes`, or `null`. */
  readonly classes: readonly string[] | null;
  /** `--media-resolution`, or `null`. */
  readonly mediaResolution: string | null;
  /** `--resize`. */
  readonly resize: PrepareSetting;
  /** `--max-items`, or `null`. */
  readonly maxItems: number | null;
}

/**
 * Claims the output folder for a run, or checks that it holds a run with the same settings (so
 * the run resumes it).
 *
 * @remarks
 * A folder that does not exist or is empty is claimed by writing the manifest. A non-empty folder
 * without a manifest, or one whose manifest differs, is refused unless `force`, which also drops
 * the folder's batch records so that everything is redone.
 *
 * @param directory - The absolute output folder.
 * @param shown - The folder as the user wrote it, for messages.
 * @param manifest - This run's settings.
 * @param force - `--force`.
 * @throws {@link CliError} (exit 4) For a foreign folder or another run's folder without `force`.
 *
 * @example
 * ```ts
 * await prepareOutputFolder('/abs/out', 'out', manifest, false);
 * ```
 */
export async function prepareOutputFolder(directory: string, shown: string, manifest: RunManifest, force: boolean): Promise<void> {
  const manifestPath = join(directory, STATE_FOLDER, 'run.json');
  if (!force && (await exists(directory))) {
    const saved = await readFile(manifestPath, 'utf8').then(
      (text) => JSON.parse(text) as unknown,
      () => undefined,
    );
    if (saved === undefined) {
      const entries = await readdir(directory).catch(() => [] as string[]);
      if (entries.length > 0) {
        throw new CliError(
          `\`${shown}\` is not empty and holds no gemini-vision run. Choose a new or empty folder for --out, or pass --force to write into it anyway.`,
          EXIT_CODES.output,
        );
      }
    } else if (JSON.stringify(saved) !== JSON.stringify(manifest)) {
      const previous = saved as Partial<RunManifest>;
      throw new CliError(
        `\`${shown}\` holds results of another run (${String(previous.task)} with ${String(previous.model)}${differences(previous, manifest)}). Rerun with the same settings to resume, choose another --out, or pass --force to start over.`,
        EXIT_CODES.output,
      );
    } else {
      return;
    }
  }
  if (force) await rm(join(directory, STATE_FOLDER), { recursive: true, force: true });
  await writeOutputFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, { force: true, displayPath: join(shown, STATE_FOLDER, 'run.json') });
}

function differences(previous: Partial<RunManifest>, current: RunManifest): string {
  const changed = (Object.keys(current) as (keyof RunManifest)[]).filter(
    (key) => JSON.stringify(previous[key] ?? null) !== JSON.stringify(current[key]),
  );
  return changed.length === 0 ? '' : `; different ${changed.join(', ')}`;
}

/**
 * Reads an image's saved result, if it is there, whole and for that image.
 *
 * @param path - `<out>/<name>.json`.
 * @param image - The image path the result must be for.
 * @returns The saved result, or `undefined` when there is none (so the image is still to do).
 *
 * @example
 * ```ts
 * const done = (await readSavedResult('out/a.jpg.json', 'a.jpg')) !== undefined;
 * ```
 */
export async function readSavedResult(path: string, image: string): Promise<ImageResult | undefined> {
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as Partial<ImageResult>;
    return saved.image === image && typeof saved.task === 'string' ? (saved as ImageResult) : undefined;
  } catch {
    return undefined;
  }
}
