// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- probe-image-size ships no types for its internal modules; this makes their ambient typings reach every program that compiles this source
/// <reference path="./probe-image-size-modules.d.ts" />
import { Parser as ExifParser } from 'probe-image-size/lib/common/exif_orientation_parser.js';
import { Parser as GifParser } from 'probe-image-size/lib/formats/gif.js';
import { Parser as JpegParser } from 'probe-image-size/lib/formats/jpeg.js';
import { Parser as PngParser } from 'probe-image-size/lib/formats/png.js';
import { Parser as WebpParser } from 'probe-image-size/lib/formats/webp.js';

/**
 * The incremental parsers inside probe-image-size 7.5 (`lib/formats/*`, `lib/common/*`).
 *
 * The package's public entry points re-parse from scratch and cannot tell "need more bytes" from
 * "not this format"; its parser classes can (`getStatus()`), and they expose how many bytes they
 * are about to skip (`bytes_to_skip`), which lets a file reader jump over large segments (XMP,
 * bitstreams) instead of reading them. The version is pinned (`~7.5.0`) because these are
 * internal modules; every property used here is checked for at run time, so a change upstream
 * makes probing slower, never wrong.
 *
 * The modules are plain CommonJS over `Uint8Array` (no `Buffer`, no Node built-ins) and are
 * imported statically, so the header reader also runs in browsers (`@gemini-vision/images/header`):
 * bundlers convert them to ESM. The Node build inlines them (tsdown.config.ts), which starts
 * faster than Node's CommonJS-from-ESM loading.
 */
export interface IncrementalParser {
  readonly push: (chunk: Uint8Array) => void;
  readonly getStatus: () => number;
  readonly getResult: () => ProbeImageSizeResult | undefined;
  /** Internal: bytes the parser will skip without looking at them. */
  bytes_to_skip?: unknown;
}

/** What probe-image-size reports for an image. */
export interface ProbeImageSizeResult {
  readonly width: number;
  readonly height: number;
  readonly type: string;
  readonly mime: string;
  readonly orientation?: number;
}

/** probe-image-size's EXIF reader: input starts at the TIFF header (`II*\0` / `MM\0*`). */
export interface ExifOrientationParser {
  readonly push: (chunk: Uint8Array) => void;
  readonly getStatus: () => number;
  readonly orientation: number;
}

/** Status codes shared by the incremental parsers. */
export const PARSER_STATUS = { needMore: 0, done: 1, fail: 2 } as const;

/** The sequential formats whose dimensions come from probe-image-size. */
export type SequentialFormat = 'jpeg' | 'png' | 'gif' | 'webp';

const PARSERS: Record<SequentialFormat, new () => IncrementalParser> = {
  jpeg: JpegParser,
  png: PngParser,
  gif: GifParser,
  webp: WebpParser,
};

/** Creates probe-image-size's incremental parser for `format`. */
export function createFormatParser(format: SequentialFormat): IncrementalParser {
  return new PARSERS[format]();
}

/** Creates probe-image-size's EXIF orientation parser. */
export function createExifOrientationParser(): ExifOrientationParser {
  return new ExifParser();
}
