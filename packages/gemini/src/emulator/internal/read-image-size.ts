import { createRequire } from 'node:module';

import type { Size } from '@gemini-vision/core';

/** The subset of probe-image-size's result the emulator reads. */
interface ProbeResult {
  readonly width: number;
  readonly height: number;
  readonly mime: string;
  readonly orientation?: number | undefined;
}

// probe-image-size is CommonJS without bundled types; its `sync.js` entry parses a header from a
// buffer (PNG, JPEG with EXIF orientation, WebP, GIF, AVIF/HEIF, BMP, TIFF, …) without decoding.
const probeSync = createRequire(import.meta.url)('probe-image-size/sync.js') as (
  data: Uint8Array,
) => ProbeResult | null;

/** An image's displayed size and the MIME type its bytes carry. */
export interface ImageHeader extends Size {
  /** The type sniffed from the bytes, e.g. `image/png`. */
  readonly mimeType: string;
}

/**
 * Reads the displayed size of an image from its header: EXIF orientations 5–8 swap width and
 * height, as Gemini sees the image upright. Returns `undefined` for bytes that are not an image.
 */
export function readImageSize(bytes: Uint8Array): ImageHeader | undefined {
  let result: ProbeResult | null;
  try {
    result = probeSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return undefined;
  }
  if (result === null) {
    try {
      return readHeifSize(bytes);
    } catch {
      return undefined; // a box pointing past the end
    }
  }
  const swapped = result.orientation !== undefined && result.orientation >= 5;
  return {
    width: swapped ? result.height : result.width,
    height: swapped ? result.width : result.height,
    mimeType: result.mime,
  };
}

const HEIF_BRANDS = /^(heic|heix|heim|heis|hevc|hevx|mif1|msf1|avif|avis)$/;

interface Box {
  readonly type: string;
  /** Offset of the payload (after the size and type). */
  readonly start: number;
  /** Offset just past the box. */
  readonly end: number;
}

/**
 * A fallback for HEIC/HEIF files probe-image-size cannot read (grid images with `iloc` version 1,
 * as heif-enc writes them): the `ispe` (image spatial extents) property of the primary item, found
 * through `pitm` and `ipma`; an `irot` of 90° or 270° on it swaps the sides.
 */
function readHeifSize(bytes: Uint8Array): ImageHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const top = readBoxes(view, 0, bytes.length);
  const ftyp = top.find((box) => box.type === 'ftyp');
  const brand = ftyp === undefined ? '' : text(view, ftyp.start, ftyp.start + 4);
  const meta = top.find((box) => box.type === 'meta');
  if (!HEIF_BRANDS.test(brand) || meta === undefined) return undefined;
  const inMeta = readBoxes(view, meta.start + 4, meta.end); // meta is a full box
  const pitm = inMeta.find((box) => box.type === 'pitm');
  const iprp = inMeta.find((box) => box.type === 'iprp');
  if (pitm === undefined || iprp === undefined) return undefined;
  const primary = view.getUint8(pitm.start) === 0 ? view.getUint16(pitm.start + 4) : view.getUint32(pitm.start + 4);
  const inIprp = readBoxes(view, iprp.start, iprp.end);
  const ipco = inIprp.find((box) => box.type === 'ipco');
  const ipma = inIprp.find((box) => box.type === 'ipma');
  if (ipco === undefined || ipma === undefined) return undefined;
  const properties = readBoxes(view, ipco.start, ipco.end);

  let width = 0;
  let height = 0;
  let quarterTurns = 0;
  for (const index of primaryProperties(view, ipma, primary)) {
    const property = properties[index - 1];
    if (property?.type === 'ispe' && property.end - property.start >= 12) {
      width = view.getUint32(property.start + 4);
      height = view.getUint32(property.start + 8);
    } else if (property?.type === 'irot' && property.end > property.start) {
      quarterTurns = view.getUint8(property.start) & 3;
    }
  }
  if (width === 0 || height === 0) return undefined;
  const swapped = quarterTurns % 2 === 1;
  return {
    width: swapped ? height : width,
    height: swapped ? width : height,
    mimeType: brand.startsWith('avi') ? 'image/avif' : 'image/heic',
  };
}

/** The 1-based `ipco` indices `ipma` associates with an item. */
function primaryProperties(view: DataView, ipma: Box, itemId: number): number[] {
  const version = view.getUint8(ipma.start);
  const wideIndices = (view.getUint8(ipma.start + 3) & 1) === 1;
  let offset = ipma.start + 4;
  const entries = view.getUint32(offset);
  offset += 4;
  for (let entry = 0; entry < entries && offset < ipma.end; entry += 1) {
    const id = version < 1 ? view.getUint16(offset) : view.getUint32(offset);
    offset += version < 1 ? 2 : 4;
    const count = view.getUint8(offset);
    offset += 1;
    const indices: number[] = [];
    for (let association = 0; association < count; association += 1) {
      indices.push(wideIndices ? view.getUint16(offset) & 0x7fff : view.getUint8(offset) & 0x7f);
      offset += wideIndices ? 2 : 1;
    }
    if (id === itemId) return indices;
  }
  return [];
}

/** The boxes between `start` and `end`; stops at the first malformed one. */
function readBoxes(view: DataView, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) break;
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) break;
    boxes.push({ type: text(view, offset + 4, offset + 8), start: offset + header, end: offset + size });
    offset += size;
  }
  return boxes;
}

function text(view: DataView, start: number, end: number): string {
  let result = '';
  for (let index = start; index < end && index < view.byteLength; index += 1) result += String.fromCharCode(view.getUint8(index));
  return result;
}
