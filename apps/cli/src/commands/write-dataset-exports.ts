import { extname, join } from 'node:path';

import { decodeCocoRle } from '@gemini-vision/core';

import { writeOutputFile } from '../output/write-output-file';
import { buildCocoDataset, buildYoloClasses, type ExportImage, formatYoloLabels } from './build-exports';
import type { ImageOutcome, PlannedImage } from './vision-images';

/**
 * Rebuilds `coco.json` and the YOLO labels (`labels/<name>.txt`, `classes.txt`) of an output
 * folder from every saved result, in input order, so an interrupted and resumed run ends with a
 * complete dataset.
 *
 * @param directory - The absolute output folder.
 * @param images - The run's images, in input order.
 * @param outcomes - What happened to each, by name.
 * @param formats - Which files to write.
 * @throws {@link CliError} (exit 4) If a file cannot be written.
 *
 * @example
 * ```ts
 * await writeDatasetExports('/abs/out', images, outcomes, { coco: true, yolo: false });
 * ```
 */
export async function writeDatasetExports(
  directory: string,
  images: readonly PlannedImage[],
  outcomes: ReadonlyMap<string, ImageOutcome>,
  formats: { readonly coco: boolean; readonly yolo: boolean },
): Promise<void> {
  const exported: ExportImage[] = [];
  const names: string[] = [];
  for (const image of images) {
    const outcome = outcomes.get(image.name);
    if (outcome === undefined || outcome.status === 'failed' || outcome.result.items === null || outcome.result.imageSize === null) continue;
    names.push(image.name);
    exported.push({
      fileName: image.path,
      size: outcome.result.imageSize,
      items: outcome.result.items.map((item) => {
        const rle = item.rle;
        return { label: item.label, box: item.box, mask: rle === null ? undefined : () => decodeCocoRle(rle) };
      }),
    });
  }
  if (formats.coco) {
    await writeOutputFile(join(directory, 'coco.json'), `${JSON.stringify(buildCocoDataset(exported))}\n`, { force: true, displayPath: 'coco.json' });
  }
  if (formats.yolo) {
    const classes = buildYoloClasses(exported);
    for (const [index, image] of exported.entries()) {
      const name = names[index] ?? image.fileName;
      const stem = name.slice(0, name.length - extname(name).length) || name;
      await writeOutputFile(join(directory, 'labels', `${stem}.txt`), formatYoloLabels(image, classes), { force: true });
    }
    await writeOutputFile(join(directory, 'classes.txt'), classes.names.length === 0 ? '' : `${classes.names.join('\n')}\n`, { force: true });
  }
}
