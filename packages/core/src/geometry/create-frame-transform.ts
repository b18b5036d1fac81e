import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertOneOf } from '../internal/assert';
import {
  assertNormalizedBox,
  assertNormalizedPoint,
  assertPixelBox,
  assertPixelPoint,
  assertSize,
} from './assert-geometry';
import {
  assertExifOrientation,
  invertOrientation,
  orientBoxUnchecked,
  orientPointUnchecked,
  orientSize,
  type ExifOrientation,
} from './exif-orientation';
import { assertPixelRounding, roundCoordinate, type PixelRounding } from './pixel-rounding';
import { NORMALIZED_COORDINATE_MAX } from './repair-normalized-box';
import type { NormalizedBox, NormalizedPoint, PixelBox, PixelPoint, Size } from './types';

/**
 * Cut a rectangle out of the current frame; the result is `box`'s width × height.
 *
 * @example
 * ```ts
 * const step: CropStep = { type: 'crop', box: { x0: 100, y0: 0, x1: 1100, y1: 1000 } };
 * ```
 */
export interface CropStep {
  /** Discriminant. */
  readonly type: 'crop';
  /** The kept rectangle in the current frame's pixels: integers, inside the frame, non-empty. */
  readonly box: PixelBox;
}

/**
 * Scale the current frame to exactly `size` (aspect ratio not necessarily kept).
 *
 * @example
 * ```ts
 * const step: ResizeStep = { type: 'resize', size: { width: 1024, height: 768 } };
 * ```
 */
export interface ResizeStep {
  /** Discriminant. */
  readonly type: 'resize';
  /** The new size in pixels (positive integers). */
  readonly size: Size;
}

/**
 * Add borders around the current frame.
 *
 * @example
 * ```ts
 * const step: PadStep = { type: 'pad', top: 128, bottom: 128 };
 * ```
 */
export interface PadStep {
  /** Discriminant. */
  readonly type: 'pad';
  /**
   * Rows added above, in pixels (non-negative integer).
   * @defaultValue `0`
   */
  readonly top?: number | undefined;
  /**
   * Columns added on the right, in pixels (non-negative integer).
   * @defaultValue `0`
   */
  readonly right?: number | undefined;
  /**
   * Rows added below, in pixels (non-negative integer).
   * @defaultValue `0`
   */
  readonly bottom?: number | undefined;
  /**
   * Columns added on the left, in pixels (non-negative integer).
   * @defaultValue `0`
   */
  readonly left?: number | undefined;
}

/**
 * Scale the current frame to fit inside `size` keeping its aspect ratio, then pad to exactly
 * `size`.
 *
 * @remarks
 * With current size `w × h` and target `W × H`: `scale = min(W / w, H / h)`, content size
 * `round(w · scale) × round(h · scale)` (at least 1, at most the target), and with `'center'`
 * the left/top padding is `floor((W − contentWidth) / 2)` / `floor((H − contentHeight) / 2)`, the
 * rest going right/bottom (sharp's `fit: 'contain'` places it the same way). If your letterboxing
 * rounds differently, describe it exactly with a `resize` and a `pad` step instead.
 *
 * @example
 * ```ts
 * const step: LetterboxStep = { type: 'letterbox', size: { width: 640, height: 640 } };
 * ```
 */
export interface LetterboxStep {
  /** Discriminant. */
  readonly type: 'letterbox';
  /** The final size in pixels (positive integers). */
  readonly size: Size;
  /**
   * Where the scaled content sits inside the padded frame.
   * @defaultValue `'center'`
   */
  readonly align?: 'center' | 'top-left' | undefined;
}

/**
 * One operation between the displayed (EXIF-oriented) image and the image sent to Gemini.
 *
 * @example
 * ```ts
 * const steps: FrameStep[] = [
 *   { type: 'crop', box: { x0: 0, y0: 0, x1: 2000, y1: 1500 } },
 *   { type: 'resize', size: { width: 1024, height: 768 } },
 * ];
 * ```
 */
export type FrameStep = CropStep | ResizeStep | PadStep | LetterboxStep;

/**
 * Which pixel grid the `*ToOriginal` methods of a {@link FrameTransform} map into.
 *
 * - `'displayed'`: the image upright, as browsers, viewers and `sharp().rotate()` show it.
 * - `'stored'`: the pixel grid as encoded in the file, before EXIF orientation (what a decoder
 *   that ignores EXIF, such as PIL's `Image.open`, returns).
 *
 * Both are the same when the orientation is 1.
 *
 * @example
 * ```ts
 * const space: OriginalSpace = 'displayed';
 * ```
 */
export type OriginalSpace = 'displayed' | 'stored';

/**
 * Options of {@link createFrameTransform}.
 *
 * @example
 * ```ts
 * const options: FrameTransformOptions = {
 *   originalSize: { width: 4032, height: 3024 },
 *   orientation: 6,
 *   steps: [{ type: 'resize', size: { width: 768, height: 1024 } }],
 * };
 * ```
 */
export interface FrameTransformOptions {
  /**
   * Size of the original file as stored, in pixels: the header's width × height, before EXIF
   * orientation (`probeImage(...).width/height`).
   */
  readonly originalSize: Size;
  /**
   * EXIF orientation of the original file; steps apply to the image after it.
   * @defaultValue `1`
   */
  readonly orientation?: ExifOrientation | undefined;
  /**
   * What was done to the displayed image before sending it, in order.
   * @defaultValue `[]` (the displayed image was sent as is)
   */
  readonly steps?: readonly FrameStep[] | undefined;
  /**
   * The grid the `*ToOriginal` methods map into and the `*FromOriginal` / `*ToSent` methods map from.
   * @defaultValue `'displayed'`
   */
  readonly originalSpace?: OriginalSpace | undefined;
}

/**
 * Options of the mapping methods of a {@link FrameTransform}.
 *
 * @example
 * ```ts
 * const options: FrameMappingOptions = { clip: false, rounding: 'round' };
 * ```
 */
export interface FrameMappingOptions {
  /**
   * Clamp the result to the target frame (the original frame, the sent frame, or 0..1000).
   * Points and boxes in letterbox padding or outside a crop otherwise land outside it.
   * @defaultValue `true`
   */
  readonly clip?: boolean | undefined;
  /**
   * How each returned coordinate is rounded (after clipping).
   * @defaultValue `'floor'` for `normalizedBoxToOriginal` (the guide's rule), `'none'` elsewhere
   */
  readonly rounding?: PixelRounding | undefined;
}

/**
 * Maps geometry between the image sent to Gemini and the original file. Created by
 * {@link createFrameTransform}.
 *
 * @remarks
 * "Original" means the grid chosen by {@link FrameTransform.originalSpace}. Coordinates are
 * continuous pixels (pixel `(i, j)` covers `[i, i + 1) × [j, j + 1)`), and box corners map as
 * points, so `x1`/`y1` stay exclusive edges. Boxes stay axis-aligned under rotation (both corners
 * are mapped, then re-ordered). With clipping on (the default), a box lying entirely in letterbox
 * padding or outside a crop comes back with zero width or height; check for that before using it.
 *
 * @example
 * ```ts
 * const frame = createFrameTransform({ originalSize: { width: 4080, height: 3072 }, steps: [{ type: 'resize', size: { width: 640, height: 482 } }] });
 * frame.normalizedBoxToOriginal([100, 200, 300, 400]); // => { x0: 816, y0: 307, x1: 1632, y1: 921 }
 * ```
 */
export interface FrameTransform {
  /** Size of the original file as stored (before EXIF orientation), in pixels. */
  readonly storedSize: Size;
  /** EXIF orientation of the original file. */
  readonly orientation: ExifOrientation;
  /** Size of the original as displayed (after EXIF orientation), in pixels. */
  readonly displayedSize: Size;
  /** The grid the `*ToOriginal` methods map into. */
  readonly originalSpace: OriginalSpace;
  /** Size of that grid: `displayedSize` or `storedSize`. */
  readonly originalFrameSize: Size;
  /** Size of the image sent to Gemini, after every step, in pixels. */
  readonly sentSize: Size;
  /** Maps a point in sent-image pixels to original pixels. */
  readonly pointToOriginal: (point: PixelPoint, options?: FrameMappingOptions) => PixelPoint;
  /** Maps a box in sent-image pixels to original pixels. */
  readonly boxToOriginal: (box: PixelBox, options?: FrameMappingOptions) => PixelBox;
  /** Maps a Gemini `point` (`[y, x]`, 0..1000 of the sent image) to original pixels. */
  readonly normalizedPointToOriginal: (point: NormalizedPoint, options?: FrameMappingOptions) => PixelPoint;
  /**
   * Maps a Gemini `box_2d` (`[ymin, xmin, ymax, xmax]`, 0..1000 of the sent image) to original
   * pixels; floors by default, like {@link normalizedBoxToPixels}.
   */
  readonly normalizedBoxToOriginal: (box: NormalizedBox, options?: FrameMappingOptions) => PixelBox;
  /** Maps a point in original pixels to sent-image pixels. */
  readonly pointToSent: (point: PixelPoint, options?: FrameMappingOptions) => PixelPoint;
  /** Maps a box in original pixels to sent-image pixels. */
  readonly boxToSent: (box: PixelBox, options?: FrameMappingOptions) => PixelBox;
  /** Maps a point in original pixels to Gemini's `[y, x]` (0..1000 of the sent image). */
  readonly normalizedPointFromOriginal: (point: PixelPoint, options?: FrameMappingOptions) => NormalizedPoint;
  /** Maps a box in original pixels to Gemini's `[ymin, xmin, ymax, xmax]` (0..1000 of the sent image). */
  readonly normalizedBoxFromOriginal: (box: PixelBox, options?: FrameMappingOptions) => NormalizedBox;
}

/** How one axis of the current frame sits on the displayed image: `d = origin + c · span / extent`. */
interface AxisMapping {
  /** Displayed coordinate of the current frame's 0 edge. */
  readonly origin: number;
  /** Displayed length covered by the whole current frame. */
  readonly span: number;
  /** Length of the current frame in its own pixels. */
  readonly extent: number;
}

const ORIGINAL_SPACES: readonly OriginalSpace[] = ['displayed', 'stored'];
const LETTERBOX_ALIGNMENTS = ['center', 'top-left'] as const;

/**
 * Creates the transform between an original image file and the image sent to Gemini, so that
 * boxes and points from the model land on the original's pixels (and back).
 *
 * @remarks
 * The chain is: original as stored → EXIF orientation → displayed → `steps` in order (crop,
 * resize, pad, letterbox) → sent. Gemini's normalized coordinates refer to the sent image; the
 * `*ToOriginal` methods undo the chain and, by default, clip to the original frame (letterbox
 * padding is removed by inverting its scale and offset, then clipping).
 *
 * Choose the original grid with `originalSpace`: `'displayed'` (default) for drawing on the photo
 * as people see it or on an auto-oriented copy; `'stored'` for tools that read the raw pixel grid
 * and ignore EXIF. Without steps and with orientation 1, `normalizedBoxToOriginal` equals
 * {@link normalizedBoxToPixels} on the original size bit for bit (the cookbook's
 * `int(v / 1000 * dimension)`), and `resize` steps keep that exactness: normalized coordinates
 * are mapped as `origin + v / 1000 * span` with `origin = 0` and `span` the original dimension
 * itself until a crop or pad moves them.
 *
 * @param options - The original size, orientation, steps and original space; see
 * {@link FrameTransformOptions}.
 * @returns The transform, with its sizes and mapping methods.
 * @throws {@link InvalidArgumentError} If a size is not positive integers, the orientation is not
 * 1..8, a step is malformed (a crop outside the current frame or with non-integer edges, negative
 * padding, an unknown `type`), or a mapping method receives malformed input.
 *
 * @example
 * ```ts
 * // A portrait phone photo, stored 4032×3024 with orientation 6, sent as 768×1024.
 * const frame = createFrameTransform({
 *   originalSize: { width: 4032, height: 3024 },
 *   orientation: 6,
 *   steps: [{ type: 'resize', size: { width: 768, height: 1024 } }],
 * });
 * frame.displayedSize; // => { width: 3024, height: 4032 }
 * frame.normalizedBoxToOriginal([0, 0, 500, 250]); // => { x0: 0, y0: 0, x1: 756, y1: 2016 }
 * ```
 */
export function createFrameTransform(options: FrameTransformOptions): FrameTransform {
  assertSize('options.originalSize', options.originalSize);
  const orientation = options.orientation ?? 1;
  assertExifOrientation('options.orientation', orientation);
  const originalSpace = options.originalSpace ?? 'displayed';
  assertOneOf('options.originalSpace', originalSpace, ORIGINAL_SPACES);
  const steps = options.steps ?? [];
  if (!Array.isArray(steps)) {
    throw new InvalidArgumentError({ argument: 'options.steps', expected: 'an array of steps', received: steps });
  }

  const storedSize: Size = { width: options.originalSize.width, height: options.originalSize.height };
  const displayedSize = orientSize(storedSize, orientation);
  let horizontal: AxisMapping = { origin: 0, span: displayedSize.width, extent: displayedSize.width };
  let vertical: AxisMapping = { origin: 0, span: displayedSize.height, extent: displayedSize.height };
  steps.forEach((step: FrameStep, index) => {
    [horizontal, vertical] = applyStep(step, `options.steps[${index}]`, horizontal, vertical);
  });

  const sentSize: Size = { width: horizontal.extent, height: vertical.extent };
  const originalFrameSize = originalSpace === 'stored' ? storedSize : displayedSize;
  const toStored = invertOrientation(orientation);
  const useStored = originalSpace === 'stored' && orientation !== 1;

  /** Displayed point → original-space point. */
  const displayedToOriginal = (x: number, y: number): PixelPoint =>
    useStored ? orientPointUnchecked(x, y, displayedSize, toStored) : { x, y };
  /** Original-space point → displayed point. */
  const originalToDisplayed = (x: number, y: number): PixelPoint =>
    useStored ? orientPointUnchecked(x, y, storedSize, orientation) : { x, y };

  const finishPoint = (point: PixelPoint, frame: Size, options: FrameMappingOptions, defaultRounding: PixelRounding): PixelPoint => {
    const { clip, rounding } = readMappingOptions(options, defaultRounding);
    const x = clip ? clamp(point.x, frame.width) : point.x;
    const y = clip ? clamp(point.y, frame.height) : point.y;
    return assertFiniteMapping('point', { x: roundCoordinate(x, rounding), y: roundCoordinate(y, rounding) }, point);
  };
  const finishBox = (box: PixelBox, frame: Size, options: FrameMappingOptions, defaultRounding: PixelRounding): PixelBox => {
    const { clip, rounding } = readMappingOptions(options, defaultRounding);
    const clipX = (value: number): number => roundCoordinate(clip ? clamp(value, frame.width) : value, rounding);
    const clipY = (value: number): number => roundCoordinate(clip ? clamp(value, frame.height) : value, rounding);
    return assertFiniteMapping('box', { x0: clipX(box.x0), y0: clipY(box.y0), x1: clipX(box.x1), y1: clipY(box.y1) }, box);
  };
  const originalBox = (x0: number, y0: number, x1: number, y1: number): PixelBox => {
    const displayed = { x0, y0, x1, y1 };
    return useStored ? orientBoxUnchecked(displayed, displayedSize, toStored) : displayed;
  };
  const displayedBox = (box: PixelBox): PixelBox =>
    useStored ? orientBoxUnchecked(box, storedSize, orientation) : box;

  const normalizedFrame: Size = { width: NORMALIZED_COORDINATE_MAX, height: NORMALIZED_COORDINATE_MAX };

  return {
    storedSize,
    orientation,
    displayedSize,
    originalSpace,
    originalFrameSize,
    sentSize,

    pointToOriginal: (point, mappingOptions = {}) => {
      assertPixelPoint('point', point);
      const displayed = displayedToOriginal(
        sentPixelToDisplayed(point.x, horizontal),
        sentPixelToDisplayed(point.y, vertical),
      );
      return finishPoint(displayed, originalFrameSize, mappingOptions, 'none');
    },

    boxToOriginal: (box, mappingOptions = {}) => {
      assertPixelBox('box', box);
      const mapped = originalBox(
        sentPixelToDisplayed(box.x0, horizontal),
        sentPixelToDisplayed(box.y0, vertical),
        sentPixelToDisplayed(box.x1, horizontal),
        sentPixelToDisplayed(box.y1, vertical),
      );
      return finishBox(mapped, originalFrameSize, mappingOptions, 'none');
    },

    normalizedPointToOriginal: (point, mappingOptions = {}) => {
      assertNormalizedPoint('point', point);
      const [y, x] = point;
      const displayed = displayedToOriginal(
        normalizedToDisplayed(x, horizontal),
        normalizedToDisplayed(y, vertical),
      );
      return finishPoint(displayed, originalFrameSize, mappingOptions, 'none');
    },

    normalizedBoxToOriginal: (box, mappingOptions = {}) => {
      assertNormalizedBox('box', box);
      const [ymin, xmin, ymax, xmax] = box;
      const mapped = originalBox(
        normalizedToDisplayed(xmin, horizontal),
        normalizedToDisplayed(ymin, vertical),
        normalizedToDisplayed(xmax, horizontal),
        normalizedToDisplayed(ymax, vertical),
      );
      return finishBox(mapped, originalFrameSize, mappingOptions, 'floor');
    },

    pointToSent: (point, mappingOptions = {}) => {
      assertPixelPoint('point', point);
      const displayed = originalToDisplayed(point.x, point.y);
      const sent = {
        x: displayedToSentPixel(displayed.x, horizontal),
        y: displayedToSentPixel(displayed.y, vertical),
      };
      return finishPoint(sent, sentSize, mappingOptions, 'none');
    },

    boxToSent: (box, mappingOptions = {}) => {
      assertPixelBox('box', box);
      const displayed = displayedBox(box);
      const sent = {
        x0: displayedToSentPixel(displayed.x0, horizontal),
        y0: displayedToSentPixel(displayed.y0, vertical),
        x1: displayedToSentPixel(displayed.x1, horizontal),
        y1: displayedToSentPixel(displayed.y1, vertical),
      };
      return finishBox(sent, sentSize, mappingOptions, 'none');
    },

    normalizedPointFromOriginal: (point, mappingOptions = {}) => {
      assertPixelPoint('point', point);
      const displayed = originalToDisplayed(point.x, point.y);
      const normalized = finishPoint(
        { x: displayedToNormalized(displayed.x, horizontal), y: displayedToNormalized(displayed.y, vertical) },
        normalizedFrame,
        mappingOptions,
        'none',
      );
      return [normalized.y, normalized.x];
    },

    normalizedBoxFromOriginal: (box, mappingOptions = {}) => {
      assertPixelBox('box', box);
      const displayed = displayedBox(box);
      const normalized = finishBox(
        {
          x0: displayedToNormalized(displayed.x0, horizontal),
          y0: displayedToNormalized(displayed.y0, vertical),
          x1: displayedToNormalized(displayed.x1, horizontal),
          y1: displayedToNormalized(displayed.y1, vertical),
        },
        normalizedFrame,
        mappingOptions,
        'none',
      );
      return [normalized.y0, normalized.x0, normalized.y1, normalized.x1];
    },
  };
}

function applyStep(
  step: FrameStep,
  argument: string,
  horizontal: AxisMapping,
  vertical: AxisMapping,
): [AxisMapping, AxisMapping] {
  if (typeof step !== 'object' || (step as unknown) === null) {
    throw new InvalidArgumentError({ argument, expected: 'a step object', received: step });
  }
  const type = (step as { readonly type?: unknown }).type;
  switch (type) {
    case 'crop': {
      const { box } = step as CropStep;
      assertCropBox(`${argument}.box`, box, horizontal.extent, vertical.extent);
      return [cropAxis(horizontal, box.x0, box.x1), cropAxis(vertical, box.y0, box.y1)];
    }
    case 'resize': {
      const { size } = step as ResizeStep;
      assertSize(`${argument}.size`, size);
      return [resizeAxis(horizontal, size.width), resizeAxis(vertical, size.height)];
    }
    case 'pad': {
      const pad = step as PadStep;
      const top = readPadding(`${argument}.top`, pad.top);
      const right = readPadding(`${argument}.right`, pad.right);
      const bottom = readPadding(`${argument}.bottom`, pad.bottom);
      const left = readPadding(`${argument}.left`, pad.left);
      return [padAxis(horizontal, left, right), padAxis(vertical, top, bottom)];
    }
    case 'letterbox': {
      const { size, align = 'center' } = step as LetterboxStep;
      assertSize(`${argument}.size`, size);
      assertOneOf(`${argument}.align`, align, LETTERBOX_ALIGNMENTS);
      const scale = Math.min(size.width / horizontal.extent, size.height / vertical.extent);
      const contentWidth = clampInteger(Math.round(horizontal.extent * scale), 1, size.width);
      const contentHeight = clampInteger(Math.round(vertical.extent * scale), 1, size.height);
      const left = align === 'center' ? Math.floor((size.width - contentWidth) / 2) : 0;
      const top = align === 'center' ? Math.floor((size.height - contentHeight) / 2) : 0;
      return [
        padAxis(resizeAxis(horizontal, contentWidth), left, size.width - contentWidth - left),
        padAxis(resizeAxis(vertical, contentHeight), top, size.height - contentHeight - top),
      ];
    }
    default:
      throw new InvalidArgumentError({
        argument: `${argument}.type`,
        expected: "one of 'crop', 'resize', 'pad', 'letterbox'",
        received: type,
      });
  }
}

/** Scale of the current frame: displayed pixels per current pixel (exactly 1 until a resize). */
function scaleOf(axis: AxisMapping): number {
  return axis.span === axis.extent ? 1 : axis.span / axis.extent;
}

function cropAxis(axis: AxisMapping, start: number, end: number): AxisMapping {
  const scale = scaleOf(axis);
  return { origin: axis.origin + start * scale, span: (end - start) * scale, extent: end - start };
}

function resizeAxis(axis: AxisMapping, extent: number): AxisMapping {
  return { origin: axis.origin, span: axis.span, extent };
}

function padAxis(axis: AxisMapping, before: number, after: number): AxisMapping {
  if (before === 0 && after === 0) return axis;
  const scale = scaleOf(axis);
  const extent = axis.extent + before + after;
  return { origin: axis.origin - before * scale, span: extent * scale, extent };
}

function sentPixelToDisplayed(value: number, axis: AxisMapping): number {
  return axis.origin + value * scaleOf(axis);
}

function displayedToSentPixel(value: number, axis: AxisMapping): number {
  return axis.span === axis.extent
    ? value - axis.origin
    : ((value - axis.origin) / axis.span) * axis.extent;
}

/** `origin + (v / 1000) · span`: with no crop or padding this is exactly `v / 1000 * dimension`. */
function normalizedToDisplayed(value: number, axis: AxisMapping): number {
  return axis.origin + (value / NORMALIZED_COORDINATE_MAX) * axis.span;
}

function displayedToNormalized(value: number, axis: AxisMapping): number {
  return ((value - axis.origin) / axis.span) * NORMALIZED_COORDINATE_MAX;
}

function assertCropBox(argument: string, box: unknown, width: number, height: number): asserts box is PixelBox {
  assertPixelBox(argument, box, { width, height });
  for (const key of ['x0', 'y0', 'x1', 'y1'] as const) {
    if (!Number.isInteger(box[key])) {
      throw new InvalidArgumentError({
        argument: `${argument}.${key}`,
        expected: 'an integer pixel coordinate',
        received: box[key],
      });
    }
  }
  if (box.x0 === box.x1 || box.y0 === box.y1) {
    throw new InvalidArgumentError({
      argument,
      expected: 'a crop box with positive width and height',
      received: `${box.x1 - box.x0}×${box.y1 - box.y0}`,
    });
  }
}

function readPadding(argument: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError({ argument, expected: 'a non-negative integer', received: value });
  }
  return value;
}

/**
 * Throws when finite input coordinates overflowed to ±Infinity on the way (e.g. `x: -1e308`
 * mapped without clipping): such values are not pixel positions.
 */
function assertFiniteMapping<T extends PixelPoint | PixelBox>(argument: string, mapped: T, unclipped: PixelPoint | PixelBox): T {
  if (!Object.values(mapped).every((value: number) => Number.isFinite(value))) {
    throw new InvalidArgumentError({
      argument,
      expected: 'coordinates whose mapped values are finite',
      received: Object.values(unclipped).map((value: number) => String(value)).join(', '),
      hint: 'Coordinates this large are not pixel positions; check where they come from, or map them with `clip: true`.',
    });
  }
  return mapped;
}

function readMappingOptions(
  options: FrameMappingOptions,
  defaultRounding: PixelRounding,
): { clip: boolean; rounding: PixelRounding } {
  const clip = options.clip ?? true;
  if (typeof clip !== 'boolean') {
    throw new InvalidArgumentError({ argument: 'options.clip', expected: 'a boolean', received: clip });
  }
  const rounding = options.rounding ?? defaultRounding;
  assertPixelRounding('options.rounding', rounding);
  return { clip, rounding };
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, value));
}

function clampInteger(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
