import { composeOrientations, orientationFromMirror, orientationFromRotation } from './orientation';
import {
  readFourCharacterCode,
  readUint32BigEndian,
  type ByteRequester,
  type HeaderOutcome,
  type RangeCache,
} from './read-image-header';
import type { ImageFormat } from './sniff-image-format';

/** A `meta` box larger than this is not a still image's metadata. */
const MAX_META_BYTES = 8 * 1024 * 1024;
const MAX_TOP_LEVEL_BOXES = 64;

interface Box {
  readonly type: string;
  /** Offset of the payload (after the header). */
  readonly start: number;
  /** Offset just past the box. */
  readonly end: number;
}

/**
 * Reads the size and orientation of a HEIF-family still image (AVIF, HEIC, HEIF) from its
 * `meta` box: the primary item (`pitm`), its properties (`iprp/ipco`, associated through
 * `ipma`): `ispe` for the size, `irot` and `imir` — in association order — for the orientation.
 *
 * @remarks
 * Written because probe-image-size 7.5 fails on `iloc` version 1 (grid images from heif-enc
 * and Apple cameras), ignores `pitm`/`ipma`, and lets EXIF orientation override `irot`, whereas
 * libheif (and so sharp, browsers and Gemini's decoders) applies `irot`/`imir` and ignores EXIF.
 * `clap` (clean aperture) crops are not applied.
 */
export function* readMiafHeader(reader: RangeCache, firstLength: number): ByteRequester<HeaderOutcome> {
  const ftypHeader = yield* reader.bytesAt(0, Math.min(firstLength, 4096));
  const ftyp = readBoxHeader(ftypHeader, 0, Number.MAX_SAFE_INTEGER);
  const { format, mimeType } = brandFormat(ftypHeader, ftyp);
  const corrupt = (detail: string): HeaderOutcome => ({ ok: false, problem: { kind: 'corrupt', format, detail } });

  if (ftyp?.type !== 'ftyp') return corrupt('its `ftyp` box is malformed');

  let position = ftyp.end;
  let confirmed = ftypHeader.length; // the data is known to reach this far
  let meta: Box | undefined;
  for (let count = 0; count < MAX_TOP_LEVEL_BOXES && meta === undefined; count++) {
    const header = yield* reader.bytesAt(position, 16);
    if (header.length > 0) confirmed = Math.max(confirmed, position + header.length);
    if (header.length < 8) {
      // No byte where the boxes so far say the next one starts, and none known there: the data
      // ends at or before that offset, which a damaged box size can put far past the real end.
      const atMost = header.length === 0 && confirmed < position;
      return { ok: false, problem: { kind: 'truncated', format, bytesRead: position + header.length, ...(atMost ? { atMost } : {}) } };
    }
    const box = readBoxHeader(header, position, Number.MAX_SAFE_INTEGER);
    if (box === undefined) return corrupt('a top-level box is malformed');
    if (box.type === 'meta') meta = box;
    position = box.end;
  }
  if (meta === undefined) return corrupt('it has no `meta` box');
  if (meta.end - meta.start > MAX_META_BYTES) return corrupt('its `meta` box is implausibly large');

  const metaBytes = yield* reader.bytesAt(meta.start, meta.end - meta.start);
  if (metaBytes.length < meta.end - meta.start) {
    return { ok: false, problem: { kind: 'truncated', format, bytesRead: meta.start + metaBytes.length } };
  }

  const parsed = parseMeta(metaBytes);
  if (typeof parsed === 'string') return corrupt(parsed);
  return { ok: true, header: { format, mimeType, ...parsed } };
}

interface ParsedMeta {
  readonly width: number;
  readonly height: number;
  readonly orientation: number;
}

type Property =
  | { readonly type: 'ispe'; readonly width: number; readonly height: number }
  | { readonly type: 'irot'; readonly quarterTurns: number }
  | { readonly type: 'imir'; readonly axis: number }
  | { readonly type: 'other' };

/** Parses the payload of a `meta` full box (starting at version/flags). */
function parseMeta(bytes: Uint8Array): ParsedMeta | string {
  let primaryItem: number | undefined;
  const properties: Property[] = [];
  const associations = new Map<number, number[]>();

  for (const box of childBoxes(bytes, 4, bytes.length)) {
    if (box.type === 'pitm') {
      const version = bytes[box.start] ?? 0;
      primaryItem = version === 0 ? readUint16(bytes, box.start + 4) : readUint32BigEndian(bytes, box.start + 4);
    } else if (box.type === 'iprp') {
      for (const child of childBoxes(bytes, box.start, box.end)) {
        if (child.type === 'ipco') {
          for (const property of childBoxes(bytes, child.start, child.end)) properties.push(readProperty(bytes, property));
        } else if (child.type === 'ipma') {
          readAssociations(bytes, child, associations);
        }
      }
    }
  }

  if (primaryItem === undefined) return 'it has no primary item (`pitm`)';
  const indices = associations.get(primaryItem);
  if (indices === undefined) return 'its primary item has no properties (`ipma`)';

  let size: { width: number; height: number } | undefined;
  let orientation = 1;
  for (const index of indices) {
    const property = properties[index - 1];
    if (property === undefined) continue;
    if (property.type === 'ispe') size = property;
    if (property.type === 'irot') orientation = composeOrientations(orientation, orientationFromRotation(property.quarterTurns));
    if (property.type === 'imir') orientation = composeOrientations(orientation, orientationFromMirror(property.axis));
  }
  if (size === undefined) return 'its primary item has no size (`ispe`)';
  if (!(size.width > 0 && size.height > 0)) return `it claims a size of ${size.width}×${size.height}`;
  return { width: size.width, height: size.height, orientation };
}

function readProperty(bytes: Uint8Array, box: Box): Property {
  switch (box.type) {
    case 'ispe':
      if (box.end - box.start < 12) return { type: 'other' };
      return { type: 'ispe', width: readUint32BigEndian(bytes, box.start + 4), height: readUint32BigEndian(bytes, box.start + 8) };
    case 'irot':
      return { type: 'irot', quarterTurns: (bytes[box.start] ?? 0) & 3 };
    case 'imir':
      return { type: 'imir', axis: (bytes[box.start] ?? 0) & 1 };
    default:
      return { type: 'other' };
  }
}

function readAssociations(bytes: Uint8Array, box: Box, into: Map<number, number[]>): void {
  const version = bytes[box.start] ?? 0;
  const wideIndices = ((bytes[box.start + 3] ?? 0) & 1) === 1;
  let offset = box.start + 4;
  const entries = readUint32BigEndian(bytes, offset);
  offset += 4;
  for (let entry = 0; entry < entries && offset < box.end; entry++) {
    const item = version < 1 ? readUint16(bytes, offset) : readUint32BigEndian(bytes, offset);
    offset += version < 1 ? 2 : 4;
    const count = bytes[offset] ?? 0;
    offset += 1;
    const indices: number[] = [];
    for (let association = 0; association < count && offset < box.end; association++) {
      indices.push(wideIndices ? readUint16(bytes, offset) & 0x7fff : (bytes[offset] ?? 0) & 0x7f);
      offset += wideIndices ? 2 : 1;
    }
    into.set(item, indices);
  }
}

/** The boxes between `start` and `end`; stops at the first malformed one. */
function* childBoxes(bytes: Uint8Array, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end) {
    const box = readBoxHeader(bytes, offset, end, offset);
    if (box === undefined) return;
    yield box;
    offset = box.end;
  }
}

/**
 * Reads an ISO BMFF box header at `at` in `bytes`; `base` is the absolute offset of `bytes[at]`
 * when `bytes` is a window of a larger input (top-level walk), or equals `at` inside a buffer.
 */
function readBoxHeader(bytes: Uint8Array, base: number, limit: number, at = 0): Box | undefined {
  if (at + 8 > bytes.length) return undefined;
  const size32 = readUint32BigEndian(bytes, at);
  const type = readFourCharacterCode(bytes, at + 4);
  let headerSize = 8;
  let size = size32;
  if (size32 === 1) {
    if (at + 16 > bytes.length) return undefined;
    size = readUint32BigEndian(bytes, at + 8) * 0x1_0000_0000 + readUint32BigEndian(bytes, at + 12);
    headerSize = 16;
  } else if (size32 === 0) {
    size = limit === Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER - base : limit - base;
  }
  if (size < headerSize || !Number.isSafeInteger(base + size) || base + size > limit) return undefined;
  return { type, start: base + headerSize, end: base + size };
}

function brandFormat(bytes: Uint8Array, ftyp: Box | undefined): { format: ImageFormat; mimeType: string } {
  const major = readFourCharacterCode(bytes, 8);
  const compatible = new Set<string>();
  const end = Math.min(ftyp?.end ?? 16, bytes.length);
  for (let offset = 16; offset + 4 <= end; offset += 4) compatible.add(readFourCharacterCode(bytes, offset));

  if (major === 'avif' || major === 'avis') return { format: 'avif', mimeType: 'image/avif' };
  if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'].includes(major)) return { format: 'heic', mimeType: 'image/heic' };
  if (compatible.has('avif') || compatible.has('avis')) return { format: 'avif', mimeType: 'image/avif' };
  return { format: 'heif', mimeType: 'image/heif' };
}

function readUint16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}
