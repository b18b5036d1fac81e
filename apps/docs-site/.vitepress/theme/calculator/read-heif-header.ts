import type { ExifOrientation, Size } from '@gemini-vision/core';

/** What the `meta` box of a HEIF-family still image (HEIC, HEIF, AVIF) says. */
export interface HeifHeader {
  /** `image/heic`, `image/heif` or `image/avif`, from the `ftyp` brands. */
  readonly mimeType: string;
  /** The primary item's `ispe` size, as stored. */
  readonly storedSize: Size;
  /** The primary item's `irot` and `imir` as an EXIF orientation (EXIF itself is ignored, as libheif does). */
  readonly orientation: ExifOrientation;
}

interface Box {
  readonly type: string;
  /** Offset of the payload (after the header). */
  readonly start: number;
  /** Offset just past the box. */
  readonly end: number;
}

/**
 * EXIF orientations as 2×2 matrices on `(x, y)` with y down (`displayed = M · stored`), index =
 * the EXIF value.
 */
const ORIENTATIONS: readonly (readonly [number, number, number, number])[] = [
  [1, 0, 0, 1],
  [1, 0, 0, 1],
  [-1, 0, 0, 1],
  [-1, 0, 0, -1],
  [1, 0, 0, -1],
  [0, 1, 1, 0],
  [0, -1, 1, 0],
  [0, -1, -1, 0],
  [0, 1, -1, 0],
];

/**
 * Whether `bytes` start with an ISO BMFF `ftyp` box (HEIC, HEIF, AVIF).
 *
 * @param bytes - The start of a file.
 * @returns `true` for the HEIF family.
 */
export function isHeifFamily(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && readType(bytes, 4) === 'ftyp';
}

/**
 * Reads the size and orientation of a HEIF-family still image from its `meta` box: the primary
 * item (`pitm`), its properties (`iprp/ipco`, associated through `ipma`), `ispe` for the size and
 * `irot`/`imir` in association order for the orientation.
 *
 * @remarks
 * probe-image-size 7.5 cannot read HEICs whose `iloc` is version 1 (Apple cameras, heif-enc), so
 * the calculator reads these boxes itself. Browser-safe; runs on the first bytes of the file
 * (the `meta` box comes before the image data in camera files).
 *
 * @param bytes - The start of the file, including the whole `meta` box.
 * @returns The header, or a reason it could not be read.
 */
export function readHeifHeader(bytes: Uint8Array): HeifHeader | string {
  const ftyp = readBox(bytes, 0, bytes.length);
  if (ftyp?.type !== 'ftyp') return 'its `ftyp` box is malformed';
  const mimeType = brandMimeType(bytes, ftyp);

  let meta: Box | undefined;
  for (const box of boxes(bytes, ftyp.end, bytes.length)) {
    if (box.type === 'meta') {
      meta = box;
      break;
    }
  }
  if (meta === undefined) return 'it has no `meta` box in the bytes read';

  let primaryItem: number | undefined;
  const properties: Box[] = [];
  const associations = new Map<number, number[]>();
  for (const box of boxes(bytes, meta.start + 4, meta.end)) {
    if (box.type === 'pitm') {
      primaryItem = bytes[box.start] === 0 ? readUint16(bytes, box.start + 4) : readUint32(bytes, box.start + 4);
    } else if (box.type === 'iprp') {
      for (const child of boxes(bytes, box.start, box.end)) {
        if (child.type === 'ipco') properties.push(...boxes(bytes, child.start, child.end));
        if (child.type === 'ipma') readAssociations(bytes, child, associations);
      }
    }
  }
  if (primaryItem === undefined) return 'it has no primary item (`pitm`)';

  let storedSize: Size | undefined;
  let orientation: ExifOrientation = 1;
  for (const index of associations.get(primaryItem) ?? []) {
    const property = properties[index - 1];
    if (property?.type === 'ispe' && property.end - property.start >= 12) {
      storedSize = { width: readUint32(bytes, property.start + 4), height: readUint32(bytes, property.start + 8) };
    } else if (property?.type === 'irot') {
      // Anticlockwise quarter turns: each is EXIF 8 ("rotate 90° anticlockwise to display").
      for (let turn = 0; turn < ((bytes[property.start] ?? 0) & 3); turn += 1) orientation = compose(orientation, 8);
    } else if (property?.type === 'imir') {
      // libheif: axis 0 flips top-bottom (EXIF 4), axis 1 left-right (EXIF 2).
      orientation = compose(orientation, ((bytes[property.start] ?? 0) & 1) === 0 ? 4 : 2);
    }
  }
  if (storedSize === undefined || storedSize.width < 1 || storedSize.height < 1) {
    return 'its primary item has no size (`ispe`)';
  }
  return { mimeType, storedSize, orientation };
}

/** First `first`, then `second`, as one EXIF orientation. */
function compose(first: ExifOrientation, second: ExifOrientation): ExifOrientation {
  const [a, b, c, d] = ORIENTATIONS[second] ?? [1, 0, 0, 1];
  const [e, f, g, h] = ORIENTATIONS[first] ?? [1, 0, 0, 1];
  const product = [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h];
  const index = ORIENTATIONS.findIndex((matrix, at) => at > 0 && matrix.every((value, i) => value === product[i]));
  return index as ExifOrientation;
}

function brandMimeType(bytes: Uint8Array, ftyp: Box): string {
  const major = readType(bytes, ftyp.start);
  const compatible: string[] = [];
  for (let offset = ftyp.start + 8; offset + 4 <= ftyp.end; offset += 4) compatible.push(readType(bytes, offset));
  if (major === 'avif' || major === 'avis') return 'image/avif';
  if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'].includes(major)) return 'image/heic';
  if (compatible.includes('avif') || compatible.includes('avis')) return 'image/avif';
  return 'image/heif';
}

function readAssociations(bytes: Uint8Array, box: Box, into: Map<number, number[]>): void {
  const version = bytes[box.start] ?? 0;
  const wide = ((bytes[box.start + 3] ?? 0) & 1) === 1;
  let offset = box.start + 8;
  const entries = readUint32(bytes, box.start + 4);
  for (let entry = 0; entry < entries && offset < box.end; entry += 1) {
    const item = version < 1 ? readUint16(bytes, offset) : readUint32(bytes, offset);
    offset += version < 1 ? 2 : 4;
    const count = bytes[offset] ?? 0;
    offset += 1;
    const indices: number[] = [];
    for (let association = 0; association < count && offset < box.end; association += 1) {
      indices.push(wide ? readUint16(bytes, offset) & 0x7fff : (bytes[offset] ?? 0) & 0x7f);
      offset += wide ? 2 : 1;
    }
    into.set(item, indices);
  }
}

/** The boxes between `start` and `end`, stopping at the first malformed one. */
function* boxes(bytes: Uint8Array, start: number, end: number): Generator<Box> {
  let offset = start;
  for (let box = readBox(bytes, offset, end); box !== undefined; box = readBox(bytes, offset, end)) {
    yield box;
    offset = box.end;
  }
}

function readBox(bytes: Uint8Array, at: number, limit: number): Box | undefined {
  if (at + 8 > Math.min(limit, bytes.length)) return undefined;
  const size32 = readUint32(bytes, at);
  let header = 8;
  let size = size32;
  if (size32 === 1) {
    if (at + 16 > bytes.length) return undefined;
    size = readUint32(bytes, at + 8) * 0x1_0000_0000 + readUint32(bytes, at + 12);
    header = 16;
  } else if (size32 === 0) {
    size = limit - at;
  }
  // A box may end past the bytes read (the image data): only its start must lie within them.
  if (size < header || !Number.isSafeInteger(at + size) || at + size > limit) return undefined;
  return { type: readType(bytes, at + 4), start: at + header, end: at + size };
}

function readType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function readUint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) >>> 0) + ((bytes[at + 1] ?? 0) << 16) + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
}
