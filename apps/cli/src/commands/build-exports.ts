import {
  type CocoAnnotation,
  type CocoDataset,
  type CocoImage,
  createYoloClasses,
  type Mask,
  type PixelBox,
  type Size,
  toCocoDataset,
  toYoloLines,
  type YoloClasses,
} from '@gemini-vision/core';

/**
 * One object to export: its label, its box in image pixels, and (lazily) its full-frame mask.
 *
 * @example
 * ```ts
 * const item: ExportItem = { label: 'cup', box: { x0: 1, y0: 2, x1: 30, y1: 40 }, mask: () => toFullFrameMask(placed) };
 * ```
 */
export interface ExportItem {
  /** The label as the model wrote it. */
  readonly label: string;
  /** The box in image pixels; items without one (points) are not exported. */
  readonly box: PixelBox | null;
  /** Builds the image-sized mask when it is needed (one at a time, to bound memory); `undefined` without a mask. */
  readonly mask: (() => Mask) | undefined;
}

/**
 * One image and its objects, for the COCO and YOLO exports.
 *
 * @example
 * ```ts
 * const image: ExportImage = { fileName: 'cupcakes.jpg', size: { width: 1024, height: 1024 }, items };
 * ```
 */
export interface ExportImage {
  /** The image's path as written in the dataset (`file_name`). */
  readonly fileName: string;
  /** The displayed size the boxes are in. */
  readonly size: Size;
  /** The objects. */
  readonly items: readonly ExportItem[];
}

/**
 * Builds a COCO dataset with core's `toCocoDataset`: boxes, masks as compressed RLE, category ids
 * from the sorted labels of all images.
 *
 * @remarks
 * Each image goes through `toCocoDataset` on its own with the shared category list, and the
 * results are merged with ids renumbered, so only one image's full-frame masks are in memory at
 * a time (a folder of 12-megapixel photos would otherwise need gigabytes).
 *
 * @param images - The images, in order.
 * @returns The dataset object, ready for `JSON.stringify`.
 *
 * @example
 * ```ts
 * const dataset = buildCocoDataset([{ fileName: 'a.jpg', size, items }]);
 * ```
 */
export function buildCocoDataset(images: readonly ExportImage[]): CocoDataset {
  const categories = [...new Set(images.flatMap((image) => image.items.filter((item) => item.box !== null).map((item) => item.label)))].sort(
    (left, right) => (left < right ? -1 : left > right ? 1 : 0),
  );
  const cocoImages: CocoImage[] = [];
  const annotations: CocoAnnotation[] = [];
  let result: CocoDataset | undefined;
  for (const [index, image] of images.entries()) {
    result = toCocoDataset({
      categories,
      images: [
        {
          id: index + 1,
          fileName: image.fileName,
          width: image.size.width,
          height: image.size.height,
          items: image.items.flatMap((item) =>
            item.box === null ? [] : [{ label: item.label, box: item.box, ...(item.mask === undefined ? {} : { mask: item.mask() }) }],
          ),
        },
      ],
    });
    cocoImages.push(...result.images);
    for (const annotation of result.annotations) annotations.push({ ...annotation, id: annotations.length + 1 });
  }
  return {
    images: cocoImages,
    annotations,
    categories: result?.categories ?? toCocoDataset({ images: [], categories }).categories,
  };
}

/**
 * Builds the YOLO class list shared by a set of images (sorted names, so the same labels always
 * get the same ids).
 *
 * @param images - The images whose labels make the classes.
 * @returns Names and the label → id lookup.
 *
 * @example
 * ```ts
 * buildYoloClasses(images).names.join('\n'); // classes.txt
 * ```
 */
export function buildYoloClasses(images: readonly ExportImage[]): YoloClasses {
  return createYoloClasses(images.flatMap((image) => image.items.filter((item) => item.box !== null).map((item) => item.label)));
}

/**
 * Formats one image's boxes as a YOLO label file (`class cx cy w h` per line).
 *
 * @param image - The image and its items.
 * @param classes - The class list from {@link buildYoloClasses}.
 * @returns The file text, ending with a line break (empty when there are no boxes).
 *
 * @example
 * ```ts
 * await writeFile('labels/a.txt', formatYoloLabels(image, classes));
 * ```
 */
export function formatYoloLabels(image: ExportImage, classes: YoloClasses): string {
  const lines = toYoloLines(
    image.items.flatMap((item) => (item.box === null ? [] : [{ label: item.label, box: item.box }])),
    image.size,
    classes.indexOf,
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
