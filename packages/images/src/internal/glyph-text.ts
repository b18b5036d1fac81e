// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- opentype.js ships no types; this makes its ambient typings reach every program that compiles this source
/// <reference path="./opentype-js.d.ts" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

import opentype, { type Font, type Glyph, type PathCommand } from 'opentype.js';

/**
 * The bundled font: Noto Sans JP Regular (SIL Open Font License 1.1), Latin + kana + the JIS
 * kanji, stored brotli-compressed (2.6 MB instead of 5.5 MB). See `fonts/README.md`.
 */
const BUNDLED_FONT_FILE = 'fonts/NotoSansJP-Regular.ttf.br';

let bundledFont: Font | undefined;
const extraFonts = new Map<string | Uint8Array, Font>();

/** Loads (once per process) the font bundled with this package. */
export function loadBundledFont(): Font {
  if (bundledFont === undefined) {
    const packageRoot = dirname(createRequire(import.meta.url).resolve('@gemini-vision/images/package.json'));
    bundledFont = parseFont(brotliDecompressSync(readFileSync(join(packageRoot, BUNDLED_FONT_FILE))));
  }
  return bundledFont;
}

/** Loads a caller-supplied TrueType/OpenType font (a path or the bytes), cached per source. */
export function loadFont(source: string | Uint8Array): Font {
  let font = extraFonts.get(source);
  if (font === undefined) {
    font = parseFont(typeof source === 'string' ? readFileSync(source) : source);
    extraFonts.set(source, font);
  }
  return font;
}

function parseFont(bytes: Uint8Array): Font {
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** A line of text turned into SVG path data. */
export interface TextOutline {
  /** SVG path data (absolute coordinates), drawn with its baseline at the requested `y`. */
  readonly pathData: string;
  /** Advance width in pixels. */
  readonly width: number;
  /** Code points with no glyph in any font (drawn as the font's missing-glyph box). */
  readonly missing: number;
}

/** Measures text without building paths. */
export function measureText(text: string, fontSize: number, fonts: readonly Font[]): number {
  let width = 0;
  let previous: { font: Font; glyph: Glyph } | undefined;
  for (const character of text) {
    const { font, glyph } = pickGlyph(character, fonts);
    const scale = fontSize / font.unitsPerEm;
    if (previous?.font === font) width += font.getKerningValue(previous.glyph, glyph) * scale;
    width += (glyph.advanceWidth ?? font.unitsPerEm / 2) * scale;
    previous = { font, glyph };
  }
  return width;
}

/**
 * Lays out one line left to right, taking each character from the first font that has it, and
 * returns its outline as SVG path data — so labels render identically with no system fonts.
 *
 * @remarks No complex shaping (Arabic joining, Indic reordering); fine for Latin, Greek,
 * Cyrillic, kana and CJK ideographs.
 */
export function outlineText(text: string, x: number, baseline: number, fontSize: number, fonts: readonly Font[]): TextOutline {
  const parts: string[] = [];
  let cursor = x;
  let missing = 0;
  let previous: { font: Font; glyph: Glyph } | undefined;
  for (const character of text) {
    const picked = pickGlyph(character, fonts);
    const { font, glyph } = picked;
    if (glyph.index === 0) missing += 1;
    const scale = fontSize / font.unitsPerEm;
    if (previous?.font === font) cursor += font.getKerningValue(previous.glyph, glyph) * scale;
    const data = toPathData(glyph.getPath(cursor, baseline, fontSize).commands);
    if (data !== '') parts.push(data);
    cursor += (glyph.advanceWidth ?? font.unitsPerEm / 2) * scale;
    previous = picked;
  }
  return { pathData: parts.join(''), width: cursor - x, missing };
}

/**
 * Serialises outline commands as SVG path data with two decimals. (opentype.js 2.0's own
 * `toPathData` prints `NaN` for some coordinates, which makes librsvg stop drawing the path.)
 */
function toPathData(commands: readonly PathCommand[]): string {
  let data = '';
  for (const command of commands) {
    switch (command.type) {
      case 'M':
      case 'L':
        data += `${command.type}${number(command.x)} ${number(command.y)}`;
        break;
      case 'Q':
        data += `Q${number(command.x1)} ${number(command.y1)} ${number(command.x)} ${number(command.y)}`;
        break;
      case 'C':
        data += `C${number(command.x1)} ${number(command.y1)} ${number(command.x2)} ${number(command.y2)} ${number(command.x)} ${number(command.y)}`;
        break;
      case 'Z':
        data += 'Z';
        break;
    }
  }
  return data;
}

function number(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}

function pickGlyph(character: string, fonts: readonly Font[]): { font: Font; glyph: Glyph } {
  for (const font of fonts) {
    if (font.charToGlyphIndex(character) > 0) return { font, glyph: font.charToGlyph(character) };
  }
  const fallback = fonts[fonts.length - 1] ?? loadBundledFont();
  return { font: fallback, glyph: fallback.glyphs.get(0) };
}

/** Ascent and descent of the primary font at `fontSize`, in pixels (descent positive). */
export function lineMetrics(fontSize: number, font: Font): { ascent: number; descent: number } {
  const scale = fontSize / font.unitsPerEm;
  return { ascent: font.ascender * scale, descent: -font.descender * scale };
}
