// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- opentype.js ships no types; this makes its ambient typings reach every program that compiles this source
/// <reference path="../internal/opentype-js.d.ts" />
import type { Font } from 'opentype.js';
import sharp, { type OverlayOptions } from 'sharp';

import {
  GeminiVisionError,
  ImageDecodeError,
  type ImageSource,
  InvalidArgumentError,
  type Mask,
  type PixelBox,
  type PixelPoint,
} from '@gemini-vision/core';

import { resolveMaxPixels } from '../header/read-image-header-from-bytes';
import { assertOneOf } from '../internal/assert-option';
import { loadBundledFont, loadFont, measureText, outlineText } from '../internal/glyph-text';
import { toPlainBytes } from '../internal/to-plain-bytes';
import { probeImageSync } from '../probe/probe-image';

/**
 * A mask kept crop-local: `mask` covers exactly `box` (as core's `placeSegmentationMask` returns
 * it); pixel (x, y) of the mask lies at image pixel (box.x0 + x, box.y0 + y).
 *
 * @example
 * ```ts
 * const placed: PlacedMask = { box: { x0: 10, y0: 20, x1: 12, y1: 21 }, mask: { width: 2, height: 1, data: new Uint8Array([0, 255]) } };
 * ```
 */
export interface PlacedMask {
  /** Where the mask sits, in image pixels (`x1`/`y1` exclusive). */
  readonly box: PixelBox;
  /** The box-sized mask; values above 127 are foreground. */
  readonly mask: Mask;
}

/**
 * One thing to draw: any mix of a box, a point, a mask and a label, in pixels of the image as
 * displayed (after EXIF orientation).
 *
 * @example
 * ```ts
 * const item: OverlayItem = { label: 'たい焼き (Taiyaki)', box: { x0: 185, y0: 190, x1: 305, y1: 284 } };
 * ```
 */
export interface OverlayItem {
  /**
   * Text drawn next to the box or point (control characters removed, long labels shortened with
   * `…`). Any script the fonts cover: Latin, kana, kanji by default.
   * @defaultValue no label
   */
  readonly label?: string | undefined;
  /**
   * Rectangle to outline.
   * @defaultValue no box
   */
  readonly box?: PixelBox | undefined;
  /**
   * Point to mark with a dot.
   * @defaultValue no point
   */
  readonly point?: PixelPoint | undefined;
  /**
   * Mask to tint: crop-local ({@link PlacedMask}) or a full-image {@link Mask}.
   * @defaultValue no mask
   */
  readonly mask?: PlacedMask | Mask | undefined;
  /**
   * Colour as `#rgb` or `#rrggbb`.
   * @defaultValue the next colour of a fixed ten-colour palette
   */
  readonly color?: string | undefined;
}

/**
 * A grid of equal cells over the whole image, e.g. the `columns × rows` that core's
 * `estimateImageTokens` reports for tiled (Gemini 2.x) or budget-grid (Gemini 3) estimates, so a
 * person sees why an image costs what it costs.
 *
 * @example
 * ```ts
 * const grid: OverlayGrid = { columns: 44, rows: 25, caption: 'gemini-3-flash: 44 × 25 = 1,100 tokens' };
 * ```
 */
export interface OverlayGrid {
  /** Cells across (a positive integer). */
  readonly columns: number;
  /** Cells down (a positive integer). */
  readonly rows: number;
  /**
   * Line colour as `#rgb` or `#rrggbb`.
   * @defaultValue `'#ffffff'`
   */
  readonly color?: string | undefined;
  /**
   * Text drawn in the bottom-left corner, above everything else, e.g. the token count.
   * @defaultValue no caption
   */
  readonly caption?: string | undefined;
}

/**
 * What {@link renderOverlay} draws.
 *
 * @example
 * ```ts
 * const drawing: OverlayDrawing = { items: [{ label: 'cat', box: { x0: 10, y0: 10, x1: 90, y1: 70 } }] };
 * ```
 */
export interface OverlayDrawing {
  /**
   * Boxes, points, masks and labels; masks are drawn largest first so small ones stay visible.
   * @defaultValue `[]`
   */
  readonly items?: readonly OverlayItem[] | undefined;
  /**
   * A cell grid drawn under the items.
   * @defaultValue no grid
   */
  readonly grid?: OverlayGrid | undefined;
}

/**
 * Options of {@link renderOverlay}.
 *
 * @example
 * ```ts
 * const options: RenderOverlayOptions = { format: 'jpeg', quality: 85, maskOpacity: 0.4 };
 * ```
 */
export interface RenderOverlayOptions {
  /**
   * Output encoding.
   * @defaultValue `'png'`
   */
  readonly format?: 'png' | 'jpeg' | undefined;
  /**
   * JPEG quality 1..100.
   * @defaultValue `90`
   */
  readonly quality?: number | undefined;
  /**
   * Opacity of mask tints, 0..1.
   * @defaultValue `0.55`
   */
  readonly maskOpacity?: number | undefined;
  /**
   * Label text height in pixels.
   * @defaultValue `max(12, round(shorter side / 60))`
   */
  readonly fontSize?: number | undefined;
  /**
   * Box outline width in pixels.
   * @defaultValue `max(2, round(shorter side / 300))`
   */
  readonly lineWidth?: number | undefined;
  /**
   * Extra TrueType/OpenType fonts (paths or bytes) tried before the bundled Noto Sans JP, e.g.
   * Noto Sans KR or SC for Hangul or simplified-only hanzi, or an emoji font with outlines.
   * @defaultValue `[]`
   */
  readonly fonts?: readonly (string | Uint8Array)[] | undefined;
  /**
   * Turn the image upright per its EXIF orientation before drawing (coordinates are then in the
   * displayed image's pixels).
   * @defaultValue `true`
   */
  readonly autoOrient?: boolean | undefined;
  /**
   * Inputs whose header claims more pixels are refused before decoding.
   * @defaultValue `268_402_689`
   */
  readonly maxPixels?: number | undefined;
}

/** Ten saturated colours that stay distinct from each other and from skin, wood and sky tones. */
const PALETTE = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#fabed4'];
const MAX_LABEL_CHARACTERS = 80;

/**
 * Draws boxes, points, translucent masks, labels and a token grid over an image and encodes the
 * result as PNG or JPEG.
 *
 * @remarks
 * Labels are turned into vector outlines with the bundled Noto Sans JP (SIL OFL 1.1) through
 * opentype.js and drawn as SVG paths, so they render the same on a server with no fonts
 * installed (no fontconfig lookup happens) and Japanese labels work out of the box. Labels stay
 * inside the image: above the box when there is room, else inside it. Masks are tinted where the
 * value is above 127.
 *
 * @param image - The image: a file path or encoded bytes.
 * @param drawing - Items and grid to draw; see {@link OverlayDrawing}.
 * @param options - Format, sizes, opacity, extra fonts; see {@link RenderOverlayOptions}.
 * @returns The encoded image with the overlay.
 * @throws {@link InvalidArgumentError} If an item, the grid or an option is invalid (a colour that
 * is not `#rgb`/`#rrggbb`, a grid of 0 columns, …).
 * @throws {@link ImageUnreadableError}, {@link ImageUnsupportedFormatError} or
 * {@link ImageTooLargeError} If the image cannot be probed; {@link ImageDecodeError} If it cannot
 * be decoded.
 *
 * @example
 * ```ts
 * const png = await renderOverlay('bento.png', {
 *   items: [{ label: 'たい焼き (Taiyaki)', box: { x0: 634, y0: 653, x1: 1045, y1: 975 } }],
 *   grid: { columns: 3, rows: 3, caption: '9 tiles + 1 = 2,580 tokens' },
 * });
 * await writeFile('overlay.png', png);
 * ```
 */
export async function renderOverlay(
  image: string | Uint8Array,
  drawing: OverlayDrawing,
  options: RenderOverlayOptions = {},
): Promise<Uint8Array> {
  if (typeof image !== 'string' && !(image instanceof Uint8Array)) {
    throw new InvalidArgumentError({ argument: 'image', expected: 'a file path or a Uint8Array', received: image });
  }
  const settings = resolveOptions(options);
  const items = drawing.items ?? [];
  items.forEach((item, index) => { validateItem(item, index); });
  if (drawing.grid !== undefined) validateGrid(drawing.grid);

  const info = probeImageSync(image, settings.maxPixels);
  const width = settings.autoOrient ? info.displayWidth : info.width;
  const height = settings.autoOrient ? info.displayHeight : info.height;
  const shorter = Math.min(width, height);
  const fontSize = settings.fontSize ?? Math.max(12, Math.round(shorter / 60));
  const lineWidth = settings.lineWidth ?? Math.max(2, Math.round(shorter / 300));
  const colored = items.map((item, index) => ({ item, color: item.color ?? PALETTE[index % PALETTE.length] ?? '#ff0000' }));

  const layers: OverlayOptions[] = [];
  for (const { item, color } of [...colored].sort((a, b) => maskArea(b.item.mask) - maskArea(a.item.mask))) {
    if (item.mask !== undefined) {
      const layer = maskLayer(item.mask, color, settings.maskOpacity, width, height);
      if (layer !== undefined) layers.push(layer);
    }
  }
  const needsFont = items.some((item) => (item.label ?? '') !== '') || (drawing.grid?.caption ?? '') !== '';
  const fonts = needsFont ? [...settings.fonts.map((font) => loadFont(font)), loadBundledFont()] : [];
  const svg = buildSvg({ width, height, colored, grid: drawing.grid, fontSize, lineWidth, fonts });
  layers.push({ input: Buffer.from(svg), left: 0, top: 0 });

  const source: ImageSource = typeof image === 'string' ? image : { byteLength: image.byteLength };
  try {
    let pipeline = sharp(image, { limitInputPixels: settings.maxPixels === Infinity ? false : settings.maxPixels });
    if (settings.autoOrient) pipeline = pipeline.autoOrient();
    // Composite needs the oriented pixels as its base: materialise them first.
    const base = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const composed = sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: 4 } }).composite(layers);
    const encoded =
      settings.format === 'jpeg'
        ? composed.flatten({ background: '#ffffff' }).jpeg({ quality: settings.quality })
        : composed.png();
    return toPlainBytes(await encoded.toBuffer());
  } catch (cause) {
    if (GeminiVisionError.isInstance(cause)) throw cause;
    throw new ImageDecodeError({ source, codec: 'sharp', cause });
  }
}

interface ResolvedOptions {
  readonly format: 'png' | 'jpeg';
  readonly quality: number;
  readonly maskOpacity: number;
  readonly fontSize: number | undefined;
  readonly lineWidth: number | undefined;
  readonly fonts: readonly (string | Uint8Array)[];
  readonly autoOrient: boolean;
  readonly maxPixels: number;
}

function resolveOptions(options: RenderOverlayOptions): ResolvedOptions {
  const format: unknown = options.format ?? 'png';
  assertOneOf('options.format', format, ['png', 'jpeg']);
  const quality = options.quality ?? 90;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new InvalidArgumentError({ argument: 'options.quality', expected: 'an integer from 1 to 100', received: quality });
  }
  const maskOpacity = options.maskOpacity ?? 0.55;
  if (typeof maskOpacity !== 'number' || !(maskOpacity >= 0 && maskOpacity <= 1)) {
    throw new InvalidArgumentError({ argument: 'options.maskOpacity', expected: 'a number from 0 to 1', received: maskOpacity });
  }
  for (const [argument, value] of [['options.fontSize', options.fontSize], ['options.lineWidth', options.lineWidth]] as const) {
    if (value !== undefined && (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))) {
      throw new InvalidArgumentError({ argument, expected: 'a positive number of pixels', received: value });
    }
  }
  return {
    format,
    quality,
    maskOpacity,
    fontSize: options.fontSize,
    lineWidth: options.lineWidth,
    fonts: options.fonts ?? [],
    autoOrient: options.autoOrient ?? true,
    maxPixels: resolveMaxPixels(options.maxPixels),
  };
}

const COLOR_PATTERN = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/iu;

function validateItem(item: OverlayItem, index: number): void {
  const at = `drawing.items[${index}]`;
  if (item.color !== undefined && !COLOR_PATTERN.test(item.color)) {
    throw new InvalidArgumentError({ argument: `${at}.color`, expected: 'a colour as #rgb or #rrggbb', received: item.color });
  }
  if (item.box !== undefined) {
    const { x0, y0, x1, y1 } = item.box;
    if (![x0, y0, x1, y1].every(Number.isFinite) || x1 < x0 || y1 < y0) {
      throw new InvalidArgumentError({ argument: `${at}.box`, expected: 'finite pixel corners with x0 ≤ x1 and y0 ≤ y1', received: item.box });
    }
  }
  if (item.point !== undefined && !(Number.isFinite(item.point.x) && Number.isFinite(item.point.y))) {
    throw new InvalidArgumentError({ argument: `${at}.point`, expected: 'finite pixel coordinates', received: item.point });
  }
  const mask = item.mask === undefined ? undefined : 'box' in item.mask ? item.mask.mask : item.mask;
  if (mask !== undefined && !(mask.data instanceof Uint8Array && mask.data.length === mask.width * mask.height)) {
    throw new InvalidArgumentError({ argument: `${at}.mask`, expected: 'a mask whose data has width × height bytes', received: mask });
  }
}

function validateGrid(grid: OverlayGrid): void {
  for (const [argument, value] of [['drawing.grid.columns', grid.columns], ['drawing.grid.rows', grid.rows]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 10_000) {
      throw new InvalidArgumentError({ argument, expected: 'an integer from 1 to 10000', received: value });
    }
  }
  if (grid.color !== undefined && !COLOR_PATTERN.test(grid.color)) {
    throw new InvalidArgumentError({ argument: 'drawing.grid.color', expected: 'a colour as #rgb or #rrggbb', received: grid.color });
  }
}

function maskArea(mask: PlacedMask | Mask | undefined): number {
  if (mask === undefined) return 0;
  return 'box' in mask ? mask.mask.width * mask.mask.height : mask.width * mask.height;
}

/** A tinted RGBA layer covering the mask's crop (clipped to the image). */
function maskLayer(
  input: PlacedMask | Mask,
  color: string,
  opacity: number,
  width: number,
  height: number,
): OverlayOptions | undefined {
  const mask = 'box' in input ? input.mask : input;
  const left = 'box' in input ? Math.round(input.box.x0) : 0;
  const top = 'box' in input ? Math.round(input.box.y0) : 0;
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(width, left + mask.width);
  const y1 = Math.min(height, top + mask.height);
  if (x1 <= x0 || y1 <= y0) return undefined;

  const [red, green, blue] = parseColor(color);
  const alpha = Math.round(opacity * 255);
  const layerWidth = x1 - x0;
  const pixels = Buffer.alloc(layerWidth * (y1 - y0) * 4);
  for (let y = y0; y < y1; y += 1) {
    const row = (y - top) * mask.width - left;
    for (let x = x0; x < x1; x += 1) {
      if ((mask.data[row + x] ?? 0) > 127) {
        const offset = ((y - y0) * layerWidth + (x - x0)) * 4;
        pixels[offset] = red;
        pixels[offset + 1] = green;
        pixels[offset + 2] = blue;
        pixels[offset + 3] = alpha;
      }
    }
  }
  return { input: pixels, raw: { width: layerWidth, height: y1 - y0, channels: 4 }, left: x0, top: y0 };
}

function parseColor(color: string): [number, number, number] {
  const hex = color.length === 4 ? Array.from(color.slice(1), (digit) => digit + digit).join('') : color.slice(1);
  return [Number.parseInt(hex.slice(0, 2), 16), Number.parseInt(hex.slice(2, 4), 16), Number.parseInt(hex.slice(4, 6), 16)];
}

/** Black or white, whichever reads better on `color`. */
function textColorOn(color: string): string {
  const [red, green, blue] = parseColor(color);
  return 0.299 * red + 0.587 * green + 0.114 * blue > 150 ? '#000000' : '#ffffff';
}

interface SvgInput {
  readonly width: number;
  readonly height: number;
  readonly colored: readonly { readonly item: OverlayItem; readonly color: string }[];
  readonly grid: OverlayGrid | undefined;
  readonly fontSize: number;
  readonly lineWidth: number;
  readonly fonts: readonly Font[];
}

function buildSvg({ width, height, colored, grid, fontSize, lineWidth, fonts }: SvgInput): string {
  const parts: string[] = [];
  if (grid !== undefined) parts.push(gridSvg(grid, width, height, lineWidth));

  for (const { item, color } of colored) {
    if (item.box !== undefined) {
      const { x0, y0, x1, y1 } = item.box;
      const inset = lineWidth / 2;
      parts.push(
        `<rect x="${fmt(x0 + inset)}" y="${fmt(y0 + inset)}" width="${fmt(Math.max(0, x1 - x0 - lineWidth))}" height="${fmt(Math.max(0, y1 - y0 - lineWidth))}" fill="none" stroke="${color}" stroke-width="${fmt(lineWidth)}"/>`,
      );
    }
    if (item.point !== undefined) {
      const radius = Math.max(4, lineWidth * 2.5);
      parts.push(
        `<circle cx="${fmt(item.point.x)}" cy="${fmt(item.point.y)}" r="${fmt(radius)}" fill="${color}" stroke="#ffffff" stroke-width="${fmt(Math.max(1, lineWidth / 2))}"/>`,
      );
    }
  }
  // Labels last, so no box or dot covers them; each avoids the tags already placed.
  const placed: Rectangle[] = [];
  for (const { item, color } of colored) {
    const label = cleanLabel(item.label ?? '');
    if (label === '' || (item.box === undefined && item.point === undefined)) continue;
    const target = item.box === undefined ? { point: item.point ?? { x: 0, y: 0 } } : { box: item.box };
    parts.push(labelSvg(label, target, color, placed, { width, height, fontSize, lineWidth, fonts }));
  }
  const caption = cleanLabel(grid?.caption ?? '');
  if (caption !== '') {
    parts.push(labelSvg(caption, 'corner', '#000000', [], { width, height, fontSize, lineWidth, fonts }));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

function gridSvg(grid: OverlayGrid, width: number, height: number, lineWidth: number): string {
  const color = grid.color ?? '#ffffff';
  const stroke = Math.max(1, lineWidth / 2);
  const lines: string[] = [];
  for (let column = 1; column < grid.columns; column += 1) {
    const x = fmt((column * width) / grid.columns);
    lines.push(`M${x} 0V${height}`);
  }
  for (let row = 1; row < grid.rows; row += 1) {
    const y = fmt((row * height) / grid.rows);
    lines.push(`M0 ${y}H${width}`);
  }
  // A dark halo under light lines keeps the grid visible on any photo.
  const path = lines.join('');
  return (
    `<path d="${path}" stroke="#000000" stroke-opacity="0.45" stroke-width="${fmt(stroke * 3)}" fill="none"/>` +
    `<path d="${path}" stroke="${color}" stroke-opacity="0.9" stroke-width="${fmt(stroke)}" fill="none"/>` +
    `<rect x="${fmt(stroke / 2)}" y="${fmt(stroke / 2)}" width="${fmt(width - stroke)}" height="${fmt(height - stroke)}" fill="none" stroke="${color}" stroke-opacity="0.9" stroke-width="${fmt(stroke)}"/>`
  );
}

interface LabelContext {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly lineWidth: number;
  readonly fonts: SvgInput['fonts'];
}

interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A filled tag with the label's outline, kept inside the image. A box's tag goes above it, or —
 * when that is off the image or covers a tag already placed — inside its top, below it, or inside
 * its bottom; a point's tag goes to its right. `placed` receives the chosen rectangle.
 */
function labelSvg(
  label: string,
  target: { readonly box: PixelBox } | { readonly point: PixelPoint } | 'corner',
  color: string,
  placed: Rectangle[],
  { width, height, fontSize, lineWidth, fonts }: LabelContext,
): string {
  const padding = Math.round(fontSize * 0.3);
  const maxTextWidth = Math.max(fontSize * 4, width - 2 * padding);
  const text = fitText(label, fontSize, maxTextWidth, fonts);
  const textWidth = measureText(text, fontSize, fonts);
  const tagWidth = Math.min(width, Math.ceil(textWidth + 2 * padding));
  const tagHeight = Math.ceil(fontSize * 1.2 + padding);

  const clamp = (x: number, y: number): Rectangle => ({
    x: Math.round(Math.min(Math.max(0, x), width - tagWidth)),
    y: Math.round(Math.min(Math.max(0, y), height - tagHeight)),
    width: tagWidth,
    height: tagHeight,
  });
  let candidates: Rectangle[];
  if (target === 'corner') {
    candidates = [clamp(0, height - tagHeight)];
  } else if ('point' in target) {
    const { x, y } = target.point;
    candidates = [clamp(x + fontSize * 0.6, y - tagHeight / 2), clamp(x - fontSize * 0.6 - tagWidth, y - tagHeight / 2)];
  } else {
    const { x0, y0, y1 } = target.box;
    candidates = [
      ...(y0 - tagHeight >= 0 ? [clamp(x0, y0 - tagHeight)] : []),
      clamp(x0, y0 + lineWidth),
      ...(y1 + tagHeight <= height ? [clamp(x0, y1)] : []),
      clamp(x0, y1 - lineWidth - tagHeight),
    ];
  }
  const free = candidates.find((candidate) => !placed.some((other) => overlaps(candidate, other)));
  const tag = free ?? candidates[0] ?? clamp(0, 0);
  placed.push(tag);

  const baseline = tag.y + padding / 2 + fontSize * 0.92;
  const outline = outlineText(text, tag.x + padding, baseline, fontSize, fonts);
  const corner = target === 'corner';
  return (
    `<rect x="${tag.x}" y="${tag.y}" width="${tag.width}" height="${tag.height}" fill="${color}"${corner ? ' fill-opacity="0.7"' : ''}/>` +
    `<path d="${outline.pathData}" fill="${corner ? '#ffffff' : textColorOn(color)}"/>`
  );
}

function overlaps(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Shortens `text` with `…` until it fits `maxWidth` pixels. */
function fitText(text: string, fontSize: number, maxWidth: number, fonts: SvgInput['fonts']): string {
  if (measureText(text, fontSize, fonts) <= maxWidth) return text;
  const characters = Array.from(text);
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measureText(`${characters.slice(0, middle).join('')}…`, fontSize, fonts) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join('').trimEnd()}…`;
}

/** One line, no control characters, at most {@link MAX_LABEL_CHARACTERS} code points. */
function cleanLabel(label: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = label.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  const characters = Array.from(flat);
  return characters.length <= MAX_LABEL_CHARACTERS ? flat : `${characters.slice(0, MAX_LABEL_CHARACTERS - 1).join('')}…`;
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
