// Minimal typings for the parts of opentype.js 2.x this package uses (it ships no types).
declare module 'opentype.js' {
  export type PathCommand =
    | { readonly type: 'M' | 'L'; readonly x: number; readonly y: number }
    | { readonly type: 'Q'; readonly x1: number; readonly y1: number; readonly x: number; readonly y: number }
    | {
        readonly type: 'C';
        readonly x1: number;
        readonly y1: number;
        readonly x2: number;
        readonly y2: number;
        readonly x: number;
        readonly y: number;
      }
    | { readonly type: 'Z' };
  export interface Path {
    readonly commands: readonly PathCommand[];
  }
  export interface Glyph {
    readonly index: number;
    readonly advanceWidth: number | undefined;
    readonly getPath: (x: number, y: number, fontSize: number) => Path;
  }
  export interface Font {
    readonly unitsPerEm: number;
    readonly ascender: number;
    readonly descender: number;
    readonly charToGlyphIndex: (character: string) => number;
    readonly charToGlyph: (character: string) => Glyph;
    readonly glyphs: { readonly get: (index: number) => Glyph };
    readonly getKerningValue: (left: Glyph, right: Glyph) => number;
  }
  export function parse(buffer: ArrayBuffer): Font;
  const opentype: { readonly parse: typeof parse };
  export default opentype;
}
