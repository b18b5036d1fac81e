import { createRequire } from 'node:module';

/**
 * The incremental parsers inside probe-image-size 7.5 (`lib/formats/*`, `lib/common/*`).
 *
 * The package's public entry points re-parse from scratch and cannot tell "need more bytes" from
 * "not this format"; its parser classes can (`getStatus()`), and they expose how many bytes they
 * are about to skip (`bytes_to_skip`), which lets a file reader jump over large segments (XMP,
 * bitstreams) instead of reading them. The version is pinned (`~7.5.0`) because these are
 * internal modules; every property used here is checked for at run time, so a change upstream
 * makes probing slower, never wrong.
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

type ParserConstructor<T> = new () => T;

const require = createRequire(import.meta.url);

/** Status codes shared by the incremental parsers. */
export const PARSER_STATUS = { needMore: 0, done: 1, fail: 2 } as const;

/** The sequential formats whose dimensions come from probe-image-size. */
export type SequentialFormat = 'jpeg' | 'png' | 'gif' | 'webp';

const parserModules: Record<SequentialFormat, string> = {
  jpeg: 'probe-image-size/lib/formats/jpeg.js',
  png: 'probe-image-size/lib/formats/png.js',
  gif: 'probe-image-size/lib/formats/gif.js',
  webp: 'probe-image-size/lib/formats/webp.js',
};

const parserCache = new Map<SequentialFormat, ParserConstructor<IncrementalParser>>();
let exifParserConstructor: ParserConstructor<ExifOrientationParser> | undefined;

/** Creates probe-image-size's incremental parser for `format`. */
export function createFormatParser(format: SequentialFormat): IncrementalParser {
  let Parser = parserCache.get(format);
  if (Parser === undefined) {
    Parser = (require(parserModules[format]) as { Parser: ParserConstructor<IncrementalParser> }).Parser;
    parserCache.set(format, Parser);
  }
  return new Parser();
}

/** Creates probe-image-size's EXIF orientation parser. */
export function createExifOrientationParser(): ExifOrientationParser {
  exifParserConstructor ??= (
    require('probe-image-size/lib/common/exif_orientation_parser.js') as {
      Parser: ParserConstructor<ExifOrientationParser>;
    }
  ).Parser;
  return new exifParserConstructor();
}
