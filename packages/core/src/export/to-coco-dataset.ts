import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertPixelBox, assertSize } from '../geometry/assert-geometry';
import type { PixelBox } from '../geometry/types';
import { assertFiniteNumber, assertPositiveInteger } from '../internal/assert';
import { encodeCocoRle, type CocoRle } from '../masks/encode-coco-rle';
import type { Mask } from '../masks/mask';
import { maskArea } from '../masks/mask-area';
import {
  assertLabelNormalization,
  assertLabelString,
  normalizeLabel,
  sortNames,
  type LabelNormalization,
} from './normalize-label';

/**
 * One detected object to export with {@link toCocoDataset}.
 *
 * @example
 * ```ts
 * const item: CocoExportItem = { label: 'red sprinkles', box: { x0: 66, y0: 393, x1: 207, y1: 575 } };
 * ```
 */
export interface CocoExportItem {
  /** The label as the model returned it; mapped to a category by name. */
  readonly label: string;
  /** The box in this image's pixels (`x1`/`y1` exclusive), inside the image. */
  readonly box: PixelBox;
  /**
   * A full-frame mask (same width and height as the image), e.g. from `toFullFrameMask`; exported
   * as compressed RLE in `segmentation`.
   * @defaultValue none: the annotation has no `segmentation` and its area is the box area
   */
  readonly mask?: Mask | undefined;
  /**
   * A score to write as `score` (COCO results style). Gemini gives none; a self-reported
   * confidence is not calibrated.
   * @defaultValue none: no `score` field
   */
  readonly score?: number | undefined;
}

/**
 * One image and its objects, input of {@link toCocoDataset}.
 *
 * @example
 * ```ts
 * const image: CocoExportImage = { fileName: 'cupcakes.jpg', width: 1024, height: 1024, items: [] };
 * ```
 */
export interface CocoExportImage {
  /**
   * The COCO image id, a positive integer unique in the dataset.
   * @defaultValue the image's 1-based position in `images`
   */
  readonly id?: number | undefined;
  /** Written as `file_name`: the path relative to the dataset's image folder. */
  readonly fileName: string;
  /** Width in pixels of the image the boxes and masks refer to (positive integer). */
  readonly width: number;
  /** Height in pixels (positive integer). */
  readonly height: number;
  /** The objects in this image. */
  readonly items: readonly CocoExportItem[];
}

/**
 * Options of {@link toCocoDataset}.
 *
 * @example
 * ```ts
 * const options: CocoDatasetOptions = {
 *   images: [{ fileName: 'socks.jpg', width: 4080, height: 3072, items: [] }],
 *   labelNormalization: 'nfkc-trim',
 * };
 * ```
 */
export interface CocoDatasetOptions {
  /** The images, in output order. */
  readonly images: readonly CocoExportImage[];
  /**
   * Category names in id order (ids 1, 2, …). Every item's (normalized) label must be one of them.
   * @defaultValue every distinct label, sorted by UTF-16 code units (locale-independent), ids from 1
   */
  readonly categories?: readonly string[] | undefined;
  /**
   * How labels (and `categories`) become category names.
   * @defaultValue `'verbatim'`
   */
  readonly labelNormalization?: LabelNormalization | undefined;
  /**
   * A mask pixel is foreground when its value is greater than this. `0` is exact for thresholded
   * (0/255) masks; use `DEFAULT_MASK_THRESHOLD` (127) for raw probability maps.
   * @defaultValue `0`
   */
  readonly maskThreshold?: number | undefined;
}

/**
 * A COCO `images` entry.
 *
 * @example
 * ```ts
 * const image: CocoImage = { id: 1, file_name: 'cupcakes.jpg', width: 1024, height: 1024 };
 * ```
 */
export interface CocoImage {
  /** Image id. */
  readonly id: number;
  /** Path relative to the image folder. */
  readonly file_name: string;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
}

/**
 * A COCO `annotations` entry.
 *
 * @example
 * ```ts
 * const annotation: CocoAnnotation = { id: 1, image_id: 1, category_id: 3, bbox: [66, 393, 141, 182], area: 25662, iscrowd: 0 };
 * ```
 */
export interface CocoAnnotation {
  /** Annotation id, 1-based across the whole dataset in output order. */
  readonly id: number;
  /** Id of the image it belongs to. */
  readonly image_id: number;
  /** Id of its category. */
  readonly category_id: number;
  /** `[x, y, width, height]` in pixels, x first (not Gemini's y-first order). */
  readonly bbox: readonly [x: number, y: number, width: number, height: number];
  /** Foreground pixels of the mask, or `width × height` of the box when there is no mask. */
  readonly area: number;
  /** Always `0`: every annotation is a single object. */
  readonly iscrowd: 0;
  /** The mask as compressed RLE; absent when the item had no mask. */
  readonly segmentation?: CocoRle;
  /** The item's score; absent when it had none. */
  readonly score?: number;
}

/**
 * A COCO `categories` entry.
 *
 * @example
 * ```ts
 * const category: CocoCategory = { id: 1, name: 'chocolate' };
 * ```
 */
export interface CocoCategory {
  /** Category id, from 1. */
  readonly id: number;
  /** The (normalized) label. */
  readonly name: string;
}

/**
 * A COCO object-detection dataset, ready for `JSON.stringify`.
 *
 * @example
 * ```ts
 * const dataset: CocoDataset = { images: [], annotations: [], categories: [] };
 * ```
 */
export interface CocoDataset {
  /** The images. */
  readonly images: readonly CocoImage[];
  /** One entry per exported item. */
  readonly annotations: readonly CocoAnnotation[];
  /** One entry per class. */
  readonly categories: readonly CocoCategory[];
}

/**
 * Builds a COCO detection / instance-segmentation dataset from labelled pixel boxes and optional
 * full-frame masks.
 *
 * @remarks
 * Boxes must be in the pixels of each image as described by its `width`/`height` (map Gemini's
 * normalized boxes with {@link normalizedBoxToPixels} or a frame transform first); they become
 * `bbox: [x, y, width, height]`. Category ids are deterministic: `categories` in the given order,
 * or else every distinct label sorted by UTF-16 code units; labels are kept verbatim unless
 * `labelNormalization` is `'nfkc-trim'`. Annotation ids run 1, 2, … in image then item order. A
 * mask becomes `segmentation` in compressed RLE (pycocotools-compatible, via
 * {@link encodeCocoRle}), and `area` is its foreground pixel count; without a mask, `area` is the
 * box area and `segmentation` is omitted. Every annotation has `iscrowd: 0`.
 *
 * @param options - Images with their items, and category options; see {@link CocoDatasetOptions}.
 * @returns The dataset object.
 * @throws {@link InvalidArgumentError} If an image size is not positive integers, an image id is
 * not a positive integer or repeats, a box is malformed or outside its image, a mask's size differs
 * from its image, a label is not a string or not in `categories`, `categories` repeats a name, or
 * a score is not finite.
 *
 * @example
 * ```ts
 * toCocoDataset({
 *   images: [{
 *     fileName: 'cupcakes.jpg', width: 1024, height: 1024,
 *     items: [{ label: 'red sprinkles', box: { x0: 66, y0: 393, x1: 207, y1: 575 } }],
 *   }],
 * });
 * // => {
 * //   images: [{ id: 1, file_name: 'cupcakes.jpg', width: 1024, height: 1024 }],
 * //   annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [66, 393, 141, 182], area: 25662, iscrowd: 0 }],
 * //   categories: [{ id: 1, name: 'red sprinkles' }],
 * // }
 * ```
 */
export function toCocoDataset(options: CocoDatasetOptions): CocoDataset {
  const { images } = options;
  if (!Array.isArray(images)) {
    throw new InvalidArgumentError({ argument: 'options.images', expected: 'an array of images', received: images });
  }
  const normalization = options.labelNormalization ?? 'verbatim';
  assertLabelNormalization('options.labelNormalization', normalization);
  const maskThreshold = options.maskThreshold ?? 0;
  assertFiniteNumber('options.maskThreshold', maskThreshold);

  images.forEach((image: CocoExportImage, imageIndex) => {
    validateImage(`options.images[${imageIndex}]`, image);
  });
  const categoryIds = resolveCategories(options.categories, images, normalization);

  const usedImageIds = new Set<number>();
  const cocoImages: CocoImage[] = [];
  const annotations: CocoAnnotation[] = [];
  images.forEach((image: CocoExportImage, imageIndex) => {
    const id = image.id ?? imageIndex + 1;
    if (usedImageIds.has(id)) {
      throw new InvalidArgumentError({
        argument: `options.images[${imageIndex}].id`,
        expected: 'an image id not used by another image',
        received: id,
        hint: 'Give every image a unique id, or none to number them by position.',
      });
    }
    usedImageIds.add(id);
    cocoImages.push({ id, file_name: image.fileName, width: image.width, height: image.height });

    image.items.forEach((item: CocoExportItem, itemIndex) => {
      const argument = `options.images[${imageIndex}].items[${itemIndex}]`;
      const name = normalizeLabel(item.label, normalization);
      const categoryId = categoryIds.get(name);
      if (categoryId === undefined) {
        throw new InvalidArgumentError({
          argument: `${argument}.label`,
          expected: 'a label listed in `categories`',
          received: name,
          hint: 'Add it to `categories` or filter the items first.',
        });
      }
      const { x0, y0, x1, y1 } = item.box;
      const annotation: CocoAnnotation = {
        id: annotations.length + 1,
        image_id: id,
        category_id: categoryId,
        bbox: [x0, y0, x1 - x0, y1 - y0],
        area: item.mask === undefined ? (x1 - x0) * (y1 - y0) : maskArea(item.mask, { threshold: maskThreshold }),
        iscrowd: 0,
        ...(item.mask === undefined ? {} : { segmentation: encodeCocoRle(item.mask, { threshold: maskThreshold }) }),
        ...(item.score === undefined ? {} : { score: item.score }),
      };
      annotations.push(annotation);
    });
  });

  const categories = [...categoryIds].map(([name, id]): CocoCategory => ({ id, name }));
  return { images: cocoImages, annotations, categories };
}

function validateImage(argument: string, image: CocoExportImage): void {
  if (typeof image !== 'object' || (image as unknown) === null) {
    throw new InvalidArgumentError({ argument, expected: 'an image { fileName, width, height, items }', received: image });
  }
  if (image.id !== undefined) assertPositiveInteger(`${argument}.id`, image.id);
  if (typeof image.fileName !== 'string') {
    throw new InvalidArgumentError({ argument: `${argument}.fileName`, expected: 'a string', received: image.fileName });
  }
  assertSize(argument, image);
  if (!Array.isArray(image.items)) {
    throw new InvalidArgumentError({ argument: `${argument}.items`, expected: 'an array of items', received: image.items });
  }
  image.items.forEach((item: CocoExportItem, itemIndex) => {
    const itemArgument = `${argument}.items[${itemIndex}]`;
    assertLabelString(`${itemArgument}.label`, item.label);
    assertPixelBox(`${itemArgument}.box`, item.box, image);
    if (item.score !== undefined) assertFiniteNumber(`${itemArgument}.score`, item.score);
    if (item.mask === undefined) return;
    const mask: unknown = item.mask;
    if (typeof mask !== 'object' || mask === null) {
      throw new InvalidArgumentError({ argument: `${itemArgument}.mask`, expected: 'a Mask or undefined', received: mask });
    }
    const { width, height } = mask as Partial<Mask>;
    if (width !== image.width || height !== image.height) {
      throw new InvalidArgumentError({
        argument: `${itemArgument}.mask`,
        expected: `a full-frame ${image.width}×${image.height} mask`,
        received: `a ${String(width)}×${String(height)} mask`,
        hint: 'Paste box-sized masks into the frame first (toFullFrameMask).',
      });
    }
  });
}

function resolveCategories(
  categories: readonly string[] | undefined,
  images: readonly CocoExportImage[],
  normalization: LabelNormalization,
): Map<string, number> {
  if (categories === undefined) {
    const names = sortNames(images.flatMap((image) => image.items.map((item) => normalizeLabel(item.label, normalization))));
    return new Map(names.map((name, index) => [name, index + 1]));
  }
  if (!Array.isArray(categories)) {
    throw new InvalidArgumentError({ argument: 'options.categories', expected: 'an array of names', received: categories });
  }
  const ids = new Map<string, number>();
  categories.forEach((category: string, index) => {
    assertLabelString(`options.categories[${index}]`, category);
    const name = normalizeLabel(category, normalization);
    if (ids.has(name)) {
      throw new InvalidArgumentError({
        argument: `options.categories[${index}]`,
        expected: 'a category name not listed before',
        received: name,
      });
    }
    ids.set(name, index + 1);
  });
  return ids;
}
