import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertNormalizedBox, assertPixelBox, assertSize } from '../geometry/assert-geometry';
import type { DetectionBox } from '../geometry/detection-box';
import { NORMALIZED_COORDINATE_MAX } from '../geometry/repair-normalized-box';
import type { NormalizedBox, Size } from '../geometry/types';
import { assertOneOf } from '../internal/assert';
import {
  assertLabelNormalization,
  assertLabelString,
  normalizeLabel,
  sortNames,
  type LabelNormalization,
} from './normalize-label';

/**
 * One object to export with {@link toYoloLines}.
 *
 * @example
 * ```ts
 * const item: YoloExportItem = { label: 'sock', box: { x0: 64, y0: 48, x1: 320, y1: 240 } };
 * ```
 */
export interface YoloExportItem {
  /** The label, looked up with `classIndexOf`. */
  readonly label: string;
  /**
   * The box: in pixels of the image of `size`, or Gemini's normalized `[ymin, xmin, ymax, xmax]`
   * (0..1000), which is converted without going through pixels.
   */
  readonly box: DetectionBox;
}

/**
 * Options of {@link toYoloLines}.
 *
 * @example
 * ```ts
 * const options: YoloLinesOptions = { decimals: 4 };
 * ```
 */
export interface YoloLinesOptions {
  /**
   * Digits after the decimal point for the four coordinates (integer 0..17).
   * @defaultValue `6`
   */
  readonly decimals?: number | undefined;
}

/**
 * Options of {@link createYoloClasses}.
 *
 * @example
 * ```ts
 * const options: YoloClassesOptions = { order: 'given', labelNormalization: 'nfkc-trim' };
 * ```
 */
export interface YoloClassesOptions {
  /**
   * `'sorted'`: distinct names by UTF-16 code units (locale-independent), so the same label set
   * always gets the same indices. `'given'`: first occurrence order, e.g. to reuse an existing
   * dataset's class list.
   * @defaultValue `'sorted'`
   */
  readonly order?: 'sorted' | 'given' | undefined;
  /**
   * How labels become class names; `indexOf` applies the same normalization to its argument.
   * @defaultValue `'verbatim'`
   */
  readonly labelNormalization?: LabelNormalization | undefined;
}

/**
 * A YOLO class list, from {@link createYoloClasses}.
 *
 * @example
 * ```ts
 * const classes: YoloClasses = createYoloClasses(['sock', 'face']);
 * classes.names; // => ['face', 'sock']  (write one per line to classes.txt, or as `names` in data.yaml)
 * ```
 */
export interface YoloClasses {
  /** Class names; the index in this list is the class id. */
  readonly names: readonly string[];
  /** The class id of a label (normalized like the names), or `undefined` if it is not a class. */
  readonly indexOf: (label: string) => number | undefined;
}

const DEFAULT_DECIMALS = 6;
const MAX_DECIMALS = 17;
const CLASS_ORDERS = ['sorted', 'given'] as const;

/**
 * Builds a YOLO class list (0-based ids) from labels.
 *
 * @param labels - Labels, e.g. every item's label in the dataset; repeats are fine.
 * @param options - Order and normalization; see {@link YoloClassesOptions}.
 * @returns The names and a lookup to pass as `classIndexOf` to {@link toYoloLines}.
 * @throws {@link InvalidArgumentError} If a label is not a string or an option is unknown.
 *
 * @example
 * ```ts
 * const classes = createYoloClasses(['sock', 'face', 'sock']);
 * classes.names; // => ['face', 'sock']
 * classes.indexOf('sock'); // => 1
 * ```
 */
export function createYoloClasses(labels: Iterable<string>, options: YoloClassesOptions = {}): YoloClasses {
  const order = options.order ?? 'sorted';
  assertOneOf('options.order', order, CLASS_ORDERS);
  const normalization = options.labelNormalization ?? 'verbatim';
  assertLabelNormalization('options.labelNormalization', normalization);

  const normalized = [...labels].map((label, index) => {
    assertLabelString(`labels[${index}]`, label);
    return normalizeLabel(label, normalization);
  });
  const names = order === 'sorted' ? sortNames(normalized) : [...new Set(normalized)];
  const indices = new Map(names.map((name, index) => [name, index]));
  return {
    names,
    indexOf: (label) => (typeof label === 'string' ? indices.get(normalizeLabel(label, normalization)) : undefined),
  };
}

/**
 * Formats objects as YOLO label-file lines: `class cx cy w h`, the centre and size normalized to
 * 0..1 of the image, x before y.
 *
 * @remarks
 * YOLO order is not Gemini order: Gemini gives `[ymin, xmin, ymax, xmax]` in 0..1000; YOLO wants
 * the centre x, centre y, width and height as fractions of the image width/height. Normalized
 * boxes are converted directly (`(xmin + xmax) / 2000`, …), pixel boxes via `size`. Numbers use
 * fixed decimals (`toFixed`), lines are in item order, with no trailing newline; join them with
 * `'\n'` for the `.txt` file next to the image.
 *
 * @param items - The objects of one image.
 * @param size - The image size in pixels (positive integers); pixel boxes must lie inside it.
 * @param classIndexOf - Class id (non-negative integer) of a label, e.g. `createYoloClasses(labels).indexOf`.
 * @param options - Number formatting; see {@link YoloLinesOptions}.
 * @returns One line per item.
 * @throws {@link InvalidArgumentError} If the size is not positive integers, a box is malformed or
 * outside the image, `classIndexOf` returns no non-negative integer for a label, or `decimals` is
 * not an integer 0..17.
 *
 * @example
 * ```ts
 * const classes = createYoloClasses(['sock']);
 * toYoloLines([{ label: 'sock', box: { x0: 64, y0: 48, x1: 320, y1: 240 } }], { width: 640, height: 480 }, classes.indexOf);
 * // => ['0 0.300000 0.300000 0.400000 0.400000']
 * ```
 */
export function toYoloLines(
  items: readonly YoloExportItem[],
  size: Size,
  classIndexOf: (label: string) => number | undefined,
  options: YoloLinesOptions = {},
): string[] {
  if (!Array.isArray(items)) {
    throw new InvalidArgumentError({ argument: 'items', expected: 'an array of items', received: items });
  }
  assertSize('size', size);
  if (typeof classIndexOf !== 'function') {
    throw new InvalidArgumentError({ argument: 'classIndexOf', expected: 'a function', received: classIndexOf });
  }
  const decimals = options.decimals ?? DEFAULT_DECIMALS;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new InvalidArgumentError({
      argument: 'options.decimals',
      expected: `an integer 0..${MAX_DECIMALS}`,
      received: decimals,
    });
  }

  return items.map((item: YoloExportItem, index) => {
    const argument = `items[${index}]`;
    assertLabelString(`${argument}.label`, item.label);
    const classIndex = classIndexOf(item.label);
    if (typeof classIndex !== 'number' || !Number.isInteger(classIndex) || classIndex < 0) {
      throw new InvalidArgumentError({
        argument: `${argument}.label`,
        expected: 'a label that classIndexOf maps to a non-negative integer',
        received: item.label,
        hint: 'Build the classes from every label (createYoloClasses) or filter the items first.',
      });
    }
    const { centerX, centerY, width, height } = toUnitBox(`${argument}.box`, item.box, size);
    const format = (value: number): string => value.toFixed(decimals);
    return `${classIndex} ${format(centerX)} ${format(centerY)} ${format(width)} ${format(height)}`;
  });
}

function toUnitBox(
  argument: string,
  box: DetectionBox,
  size: Size,
): { centerX: number; centerY: number; width: number; height: number } {
  if (Array.isArray(box)) {
    assertNormalizedBox(argument, box);
    const [ymin, xmin, ymax, xmax] = box as NormalizedBox;
    return {
      centerX: (xmin + xmax) / (2 * NORMALIZED_COORDINATE_MAX),
      centerY: (ymin + ymax) / (2 * NORMALIZED_COORDINATE_MAX),
      width: (xmax - xmin) / NORMALIZED_COORDINATE_MAX,
      height: (ymax - ymin) / NORMALIZED_COORDINATE_MAX,
    };
  }
  assertPixelBox(argument, box, size);
  const { x0, y0, x1, y1 } = box;
  return {
    centerX: (x0 + x1) / (2 * size.width),
    centerY: (y0 + y1) / (2 * size.height),
    width: (x1 - x0) / size.width,
    height: (y1 - y0) / size.height,
  };
}
