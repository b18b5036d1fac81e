import {
  createExifOrientationParser,
  createFormatParser,
  PARSER_STATUS,
  type IncrementalParser,
  type SequentialFormat,
} from './probe-image-size-parsers';
import { readMiafHeader } from './read-miaf-header';
import { sniffImageFormat, type ImageFormat } from './sniff-image-format';

/** A request for `length` bytes at `offset`; the answer may be shorter at the end of the input. */
export interface ReadRequest {
  readonly offset: number;
  readonly length: number;
}

/** What a header says about an image. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly mimeType: string;
  /** Stored width in pixels, before orientation. */
  readonly width: number;
  /** Stored height in pixels, before orientation. */
  readonly height: number;
  /** EXIF orientation (or irot/imir) as 1..8. */
  readonly orientation: number;
}

/** Why a header could not be read. */
export type HeaderProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unsupported'; readonly detected: string | undefined }
  | {
      readonly kind: 'truncated';
      readonly format: ImageFormat;
      /** Where the data ends: exactly there, or (`atMost`) at or before it (a box claimed more). */
      readonly bytesRead: number;
      readonly atMost?: boolean;
    }
  | { readonly kind: 'corrupt'; readonly format: ImageFormat; readonly detail: string };

/** The outcome of {@link readImageHeader}. */
export type HeaderOutcome =
  | { readonly ok: true; readonly header: ImageHeader }
  | { readonly ok: false; readonly problem: HeaderProblem };

/** A generator that asks for byte ranges and finally returns a value. */
export type ByteRequester<T> = Generator<ReadRequest, T, Uint8Array>;

/** First read: big enough for nearly every header, small enough to stay cheap. */
export const INITIAL_READ_BYTES: number = 16 * 1024;
/** The read after a jump over skipped bytes. */
const AFTER_SKIP_READ_BYTES = 4096;
/** Later reads grow ×4 up to this size. */
const MAX_READ_BYTES = 4 * 1024 * 1024;
/**
 * Most bytes a sequential parser may actually look at (segments it skips do not count). Real
 * headers need a few KB plus at most one 64 KB EXIF segment; the JPEG parser, though, tolerates
 * any bytes between segments and would otherwise scan a corrupt file to its end (500 MB of zeros
 * after an APP1 segment took 2.6 s).
 */
const MAX_PARSED_BYTES = 1024 * 1024;
/** Zeros fed to a parser in place of bytes it skips without looking at them. */
const SKIP_FILLER = new Uint8Array(1024 * 1024);

/**
 * Reads an image header through byte-range requests: sniffs the format from the magic bytes,
 * then lets the format's parser ask for more until it knows the size and orientation. Large
 * segments the parser skips (XMP, bitstreams) are never read.
 */
export function* readImageHeader(): ByteRequester<HeaderOutcome> {
  const reader = new RangeCache();
  const first = yield* reader.bytesAt(0, INITIAL_READ_BYTES);
  if (first.length === 0) return { ok: false, problem: { kind: 'empty' } };

  const sniffed = sniffImageFormat(first);
  if (sniffed.kind === 'unsupported') {
    return { ok: false, problem: { kind: 'unsupported', detected: sniffed.detected } };
  }
  if (sniffed.kind === 'truncated') {
    return {
      ok: false,
      problem: { kind: 'truncated', format: sniffed.format, bytesRead: first.length },
    };
  }
  if (sniffed.kind === 'miaf') return yield* readMiafHeader(reader, first.length);

  const format = sniffed.format;
  const parsed = yield* readSequential(format, first);
  if (!parsed.ok) return parsed;
  const { width, height } = parsed.result;
  if (!(width > 0 && height > 0)) {
    return { ok: false, problem: { kind: 'corrupt', format, detail: `it claims a size of ${width}×${height}` } };
  }

  let orientation = 1;
  if (format === 'jpeg') orientation = validOrientation(parsed.result.orientation);
  if (format === 'png') orientation = yield* readPngOrientation(reader);
  if (format === 'webp' && hasWebpExifFlag(first)) orientation = yield* readWebpOrientation(reader);

  return {
    ok: true,
    header: { format, mimeType: MIME_TYPES[format], width, height, orientation },
  };
}

const MIME_TYPES: Record<SequentialFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** Feeds a probe-image-size parser sequential chunks, jumping over what it skips. */
function* readSequential(
  format: SequentialFormat,
  first: Uint8Array,
): ByteRequester<
  | { readonly ok: true; readonly result: { width: number; height: number; orientation?: number } }
  | { readonly ok: false; readonly problem: HeaderProblem }
> {
  const parser = createFormatParser(format);
  let chunk = first;
  let requested = INITIAL_READ_BYTES;
  let position = 0;
  let parsed = 0;

  for (;;) {
    parser.push(chunk);
    position += chunk.length;
    parsed += chunk.length;
    const atEnd = chunk.length < requested;

    const skipped = parser.getStatus() === PARSER_STATUS.needMore ? skipVirtually(parser) : 0;
    position += skipped;
    const status = parser.getStatus();

    if (status === PARSER_STATUS.done) {
      const result = parser.getResult();
      if (result === undefined) break;
      return { ok: true, result };
    }
    if (status === PARSER_STATUS.fail) break;
    if (atEnd && skipped === 0) {
      return { ok: false, problem: { kind: 'truncated', format, bytesRead: position } };
    }
    if (parsed >= MAX_PARSED_BYTES) {
      return { ok: false, problem: { kind: 'corrupt', format, detail: `no size was found in the first ${parsed} bytes of its header` } };
    }

    // After a jump only the next segment header is needed; otherwise the parser is inside a
    // segment it reads (EXIF) and bigger reads save system calls.
    requested = skipped > 0 ? AFTER_SKIP_READ_BYTES : Math.min(requested * 4, MAX_READ_BYTES);
    chunk = yield { offset: position, length: requested };
    if (chunk.length === 0) {
      return { ok: false, problem: { kind: 'truncated', format, bytesRead: position } };
    }
  }
  return { ok: false, problem: { kind: 'corrupt', format, detail: 'its header is malformed' } };
}

/** Lets the parser skip the bytes it announced it will ignore, without reading them. */
function skipVirtually(parser: IncrementalParser): number {
  let skipped = 0;
  for (;;) {
    const pending = parser.bytes_to_skip;
    if (typeof pending !== 'number' || pending <= 0 || parser.getStatus() !== PARSER_STATUS.needMore) {
      return skipped;
    }
    const length = Math.min(pending, SKIP_FILLER.length);
    parser.push(SKIP_FILLER.subarray(0, length));
    skipped += length;
  }
}

/** Walks PNG chunks up to the first IDAT looking for `eXIf` (where libvips and browsers read it). */
function* readPngOrientation(reader: RangeCache): ByteRequester<number> {
  let position = 8;
  for (let chunks = 0; chunks < MAX_CONTAINER_CHUNKS; chunks++) {
    const header = yield* reader.bytesAt(position, 8);
    if (header.length < 8) return 1;
    const length = readUint32BigEndian(header, 0);
    const type = readFourCharacterCode(header, 4);
    if (type === 'IDAT' || type === 'IEND') return 1;
    if (type === 'eXIf') return parseExifOrientation(yield* reader.bytesAt(position + 8, length));
    position += 12 + length;
  }
  return 1;
}

/** Whether a WebP's VP8X header announces an EXIF chunk. */
function hasWebpExifFlag(first: Uint8Array): boolean {
  return first.length > 20 && readFourCharacterCode(first, 12) === 'VP8X' && ((first[20] ?? 0) & 0x08) !== 0;
}

/** Walks WebP RIFF chunks looking for `EXIF` (which comes after the bitstream). */
function* readWebpOrientation(reader: RangeCache): ByteRequester<number> {
  const riff = yield* reader.bytesAt(0, 12);
  const end = readUint32LittleEndian(riff, 4) + 8;
  let position = 12;
  for (let chunks = 0; chunks < MAX_CONTAINER_CHUNKS && position + 8 <= end; chunks++) {
    const header = yield* reader.bytesAt(position, 8);
    if (header.length < 8) return 1;
    const type = readFourCharacterCode(header, 0);
    const length = readUint32LittleEndian(header, 4);
    if (type === 'EXIF') return parseExifOrientation(yield* reader.bytesAt(position + 8, length));
    position += 8 + length + (length & 1);
  }
  return 1;
}

const MAX_CONTAINER_CHUNKS = 10_000;
const EXIF_PREFIX = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/**
 * Reads the orientation tag from EXIF data, with or without the `Exif\0\0` prefix (libvips
 * writes it into WebP and PNG; the specifications say raw TIFF).
 */
export function parseExifOrientation(exif: Uint8Array): number {
  const data = EXIF_PREFIX.every((byte, index) => exif[index] === byte) ? exif.subarray(6) : exif;
  const parser = createExifOrientationParser();
  parser.push(data);
  return validOrientation(parser.orientation);
}

function validOrientation(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8 ? value : 1;
}

/**
 * Remembers the last window read, so walkers that ask for many small ranges (chunk headers)
 * cause one read per window instead of one per header.
 */
export class RangeCache {
  private windowOffset = 0;
  private window: Uint8Array = new Uint8Array(0);
  private windowComplete = false;

  /** Returns `length` bytes at `offset` (fewer at the end of the input). */
  *bytesAt(offset: number, length: number): ByteRequester<Uint8Array> {
    const start = offset - this.windowOffset;
    const covered =
      start >= 0 && (start + length <= this.window.length || (this.windowComplete && start <= this.window.length));
    if (!covered) {
      const requested = Math.max(length, INITIAL_READ_BYTES);
      const bytes = yield { offset, length: requested };
      this.windowOffset = offset;
      this.window = bytes;
      this.windowComplete = bytes.length < requested;
      return bytes.subarray(0, length);
    }
    return this.window.subarray(start, start + length);
  }
}

/** Reads a big-endian unsigned 32-bit integer. */
export function readUint32BigEndian(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] ?? 0) * 0x1000000) +
    (((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0))
  );
}

function readUint32LittleEndian(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset + 3] ?? 0) * 0x1000000) +
    (((bytes[offset + 2] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset] ?? 0))
  );
}

/** Reads four bytes as ASCII, e.g. a PNG chunk type or an ISO BMFF box type. */
export function readFourCharacterCode(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
}
