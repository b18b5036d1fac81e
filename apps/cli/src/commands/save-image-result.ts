import { join } from 'node:path';

import { type CocoRle, encodeCocoRle, type ImageInfo, type PixelBox, type PixelPoint, type Size, toFullFrameMask } from '@gemini-vision/core';
import type {
  AskResult,
  CaptionResult,
  ClassifyResult,
  DetectedObject,
  DetectResult,
  PointedObject,
  PointResult,
  SegmentedObject,
  SegmentResult,
  TaskResultBase,
} from '@gemini-vision/gemini';

import type { FileNaming, MaskEncoder, OverlayRenderer } from '../composition-root';
import { writeOutputFile } from '../output/write-output-file';
import type { PlacedItem } from './place-items';
import type { ProbedImage } from './vision-images';
import type { ImageResult, LiveTask, ResultItem } from './vision-result';

/**
 * The result of any live task.
 *
 * @example
 * ```ts
 * const result: AnyTaskResult = await vision.detect('a.jpg');
 * ```
 */
export type AnyTaskResult = DetectResult | SegmentResult | PointResult | CaptionResult | AskResult | ClassifyResult;

/**
 * Where and how {@link saveImageResult} writes.
 *
 * @example
 * ```ts
 * const writer: ResultWriter = { outDirectory: '/abs/out', naming, renderer, maskEncoder, pricing: 'standard' };
 * ```
 */
export interface ResultWriter {
  /** The absolute output folder, or `undefined` when nothing is written (no `--out`). */
  readonly outDirectory: string | undefined;
  /** images' file naming. */
  readonly naming: FileNaming;
  /** The overlay renderer (spatial tasks with `--out`), else `undefined`. */
  readonly renderer: OverlayRenderer | undefined;
  /** The mask PNG encoder (spatial tasks with `--out`), else `undefined`: no mask files are written. */
  readonly maskEncoder: MaskEncoder | undefined;
  /** `standard` or `batch` rates. */
  readonly pricing: 'standard' | 'batch';
}

/**
 * Turns a task result into the saved {@link ImageResult}; with an output folder, writes the
 * image's mask PNGs (named after their labels, kept inside the folder) and overlay first, then its
 * JSON, whose presence marks the image as done.
 *
 * @param image - The image.
 * @param result - The client's result for it.
 * @param task - The task.
 * @param writer - Output folder, naming, renderer, mask encoder and pricing.
 * @returns The saved result.
 * @throws {@link CliError} (exit 4) If a file cannot be written; `UnsafePathError` if a label
 * would lead outside the folder.
 *
 * @example
 * ```ts
 * const saved = await saveImageResult(image, await vision.segment(image.absolute), 'segment', writer);
 * ```
 */
export async function saveImageResult(image: ProbedImage, result: AnyTaskResult, task: LiveTask, writer: ResultWriter): Promise<ImageResult> {
  const { outDirectory, naming, renderer, maskEncoder } = writer;
  let items: ResultItem[] | null = null;
  let overlay: string | null = null;
  const located = locatedItems(result);
  if (located !== undefined) {
    const drawn: PlacedItem[] = [];
    items = [];
    for (const [position, { label, box, point, segmented }] of located.entries()) {
      const placement = segmented?.placement ?? null;
      const mask = segmented?.mask ?? null;
      const maskArea = segmented === undefined || mask === null ? null : segmented.area;
      let maskFile: string | null = null;
      let rle: CocoRle | null = null;
      if (outDirectory !== undefined && maskEncoder !== undefined && placement !== null && !placement.degenerate && mask !== null) {
        maskFile = `${image.name}.masks/${naming.safeFileName(`${String(position).padStart(2, '0')}-${label}`, { extension: '.png' })}`;
        await writeOutputFile(await naming.resolveInsideDirectory(outDirectory, maskFile), maskEncoder(mask), { force: true, displayPath: maskFile });
        rle = encodeCocoRle(toFullFrameMask(placement));
      }
      items.push({ label, box, point, maskArea, maskFile, rle });
      drawn.push({ label, box, point, maskArea, mask: placement !== null && !placement.degenerate ? placement : undefined });
    }
    if (outDirectory !== undefined && renderer !== undefined) {
      overlay = `${image.name}.overlay.jpg`;
      const encoded = await renderer(
        image.absolute,
        {
          items: drawn.map((item) => ({
            label: item.label,
            ...(item.box === null ? {} : { box: item.box }),
            ...(item.point === null ? {} : { point: item.point }),
            ...(item.mask === undefined ? {} : { mask: { box: item.mask.box, mask: item.mask.mask } }),
          })),
        },
        { format: 'jpeg', quality: 88, autoOrient: refersToDisplayedImage(image.info, 'imageSize' in result ? result.imageSize : undefined) },
      );
      await writeOutputFile(join(outDirectory, overlay), encoded, { force: true, displayPath: overlay });
    }
  }
  const saved: ImageResult = {
    image: image.path,
    task,
    model: result.model,
    imageSize: 'imageSize' in result ? result.imageSize : null,
    items,
    answer: 'caption' in result ? result.caption : 'answer' in result && !('label' in result) ? result.answer : 'label' in result ? result.label : null,
    text: result.text,
    issues: 'issues' in result ? result.issues : [],
    warnings: result.warnings,
    usage: usageOf(result),
    billedUsd: result.billedUsd ?? null,
    estimatedUsd: result.estimate.dollars?.total ?? null,
    pricing: writer.pricing,
    overlay,
  };
  if (outDirectory !== undefined) {
    await writeOutputFile(join(outDirectory, `${image.name}.json`), `${JSON.stringify(saved, null, 2)}\n`, { force: true, displayPath: `${image.name}.json` });
  }
  return saved;
}

/** Whether a result's coordinates are on the upright (displayed) image rather than the stored pixel grid. */
function refersToDisplayedImage(info: ImageInfo, size: Size | undefined): boolean {
  if (size === undefined || info.width === info.displayWidth) return true;
  return !(size.width === info.width && size.height === info.height);
}

interface LocatedItem {
  readonly label: string;
  readonly box: PixelBox | null;
  readonly point: PixelPoint | null;
  readonly segmented: SegmentedObject | undefined;
}

/** The items of a spatial result in one shape; `undefined` for the text tasks. */
function locatedItems(result: AnyTaskResult): LocatedItem[] | undefined {
  if (!('items' in result)) return undefined;
  if ('masksRequested' in result) {
    return result.items.map((item) => ({ label: item.label, box: item.box, point: null, segmented: item }));
  }
  const items: readonly (DetectedObject | PointedObject)[] = result.items;
  return items.map((item) =>
    'box' in item
      ? { label: item.label, box: item.box, point: null, segmented: undefined }
      : { label: item.label, box: null, point: item.point, segmented: undefined },
  );
}

function usageOf(result: TaskResultBase): ImageResult['usage'] {
  const usage = result.usage;
  if (usage === undefined) return null;
  return {
    promptTokens: usage.promptTokens ?? null,
    imageTokens: usage.imageTokens ?? null,
    outputTokens: usage.outputTokens ?? null,
    thoughtsTokens: usage.thoughtsTokens ?? null,
    totalTokens: usage.totalTokens ?? null,
  };
}
