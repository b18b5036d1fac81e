import type { ImageTokenEstimate, Size } from '@gemini-vision/core';

/** Gemini 1.5 scales an image to fit this many pixels per side before tiling (core's rule). */
const GEMINI_1_5_MAX_SIDE_PX = 3072;

/**
 * What to draw over an image to show how its tokens were counted, in pixels of the image as
 * displayed (the size the estimate was made for).
 */
export interface TokenOverlay {
  /** `grid`: Gemini 3 patches; `tiles`: crop tiles (Gemini 1.5–2.5); `flat`: one unit for the whole image. */
  readonly kind: 'grid' | 'tiles' | 'flat';
  /** The frame the lines are in: the displayed image, in pixels. */
  readonly size: Size;
  /** x positions of the inner vertical lines, in pixels, left to right. */
  readonly verticals: readonly number[];
  /** y positions of the inner horizontal lines, in pixels, top to bottom. */
  readonly horizontals: readonly number[];
  /** Columns of the grid or tiling (1 for `flat`). */
  readonly columns: number;
  /** Rows of the grid or tiling (1 for `flat`). */
  readonly rows: number;
  /** Side of one crop tile in displayed pixels (`tiles` only; the last row and column may be cut short). */
  readonly tileSide: number | undefined;
  /** True when Gemini adds one more 258-token view of the whole image (`tiles-plus-global`). */
  readonly globalView: boolean;
  /** One line for the figure caption, e.g. `44 × 25 patches (B = 1120)`. */
  readonly caption: string;
}

/**
 * Turns a token estimate into the lines that show it: the Gemini 3 budget grid, the crop tiles of
 * Gemini 1.5–2.5 (with the global view flagged), or a single outline for flat rules.
 *
 * @param estimate - What `estimateImageTokens` returned for `size`.
 * @param size - The image as displayed, in pixels (the size the estimate was made for).
 * @returns The overlay, in displayed pixels.
 */
export function computeTokenOverlay(estimate: ImageTokenEstimate, size: Size): TokenOverlay {
  switch (estimate.rule) {
    case 'budget-grid': {
      const { columns, rows, budget } = estimate;
      return {
        kind: 'grid',
        size,
        verticals: evenlySpaced(size.width, columns),
        horizontals: evenlySpaced(size.height, rows),
        columns,
        rows,
        tileSide: undefined,
        globalView: false,
        caption: `${columns} × ${rows} patches = ${estimate.tokens} tokens (B = ${budget})`,
      };
    }
    case 'tiles':
    case 'tiles-plus-global': {
      const tiled = estimate.rule === 'tiles' ? capGemini15Size(size) : size;
      const scale = size.width / tiled.width;
      const tileSide = estimate.cropUnit * scale;
      const globalView = estimate.rule === 'tiles-plus-global';
      const tiles = `${estimate.columns} × ${estimate.rows} crop tiles of ${estimate.cropUnit} px`;
      return {
        kind: 'tiles',
        size,
        verticals: tileEdges(estimate.columns, tileSide, size.width),
        horizontals: tileEdges(estimate.rows, estimate.cropUnit * (size.height / tiled.height), size.height),
        columns: estimate.columns,
        rows: estimate.rows,
        tileSide,
        globalView,
        caption: `${tiles}${globalView ? ' + 1 global view' : ''} × 258 = ${estimate.tokens} tokens`,
      };
    }
    case 'flat':
      return {
        kind: 'flat',
        size,
        verticals: [],
        horizontals: [],
        columns: 1,
        rows: 1,
        tileSide: undefined,
        globalView: false,
        caption: `a flat ${estimate.tokens} tokens, whatever the size`,
      };
  }
}

/**
 * The size Gemini 1.5 tiles: scaled down (aspect kept, rounded) to fit 3072 px per side.
 *
 * @param size - The image as displayed, in pixels.
 * @returns The size after the cap (the same size when it already fits).
 */
export function capGemini15Size(size: Size): Size {
  const longSide = Math.max(size.width, size.height);
  if (longSide <= GEMINI_1_5_MAX_SIDE_PX) return size;
  const cap = (side: number): number => Math.max(1, Math.round((side * GEMINI_1_5_MAX_SIDE_PX) / longSide));
  return { width: cap(size.width), height: cap(size.height) };
}

function evenlySpaced(length: number, parts: number): number[] {
  const lines: number[] = [];
  for (let index = 1; index < parts; index += 1) lines.push((index * length) / parts);
  return lines;
}

function tileEdges(count: number, side: number, length: number): number[] {
  const lines: number[] = [];
  for (let index = 1; index < count; index += 1) {
    const edge = index * side;
    if (edge < length) lines.push(edge);
  }
  return lines;
}
