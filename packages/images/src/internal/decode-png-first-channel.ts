// The fast path of createPngMaskDecoder: well-formed 8-bit, non-interlaced PNGs without a palette
// (grey, grey + alpha, RGB, RGBA — Gemini's masks are 8-bit grey) decoded straight to their first
// channel. pngjs expands every image to RGBA first, which is most of its time on a 256×256 mask.
//
// Anything else, and anything unusual (a tRNS chunk, a bad CRC, a short or oversized zlib stream,
// an unknown filter type, a missing IEND), returns `undefined` so that pngjs decides: it decodes what it can
// and its errors stay the decoder's errors.
import { crc32, inflateSync } from 'node:zlib';

const IHDR = 0x49484452;
const IDAT = 0x49444154;
const IEND = 0x49454e44;
const TRNS = 0x74524e53;
/** Channels per colour type this path decodes (0 grey, 2 RGB, 4 grey + alpha, 6 RGBA). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** A decoded image's first channel. */
export interface FirstChannel {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** `width × height` samples, row-major. */
  readonly data: Uint8Array;
}

/**
 * Decodes `bytes` (a PNG whose signature and IHDR size the caller has checked) to its first
 * channel, or returns `undefined` when pngjs should decode it instead.
 */
export function decodePngFirstChannel(bytes: Uint8Array): FirstChannel | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || view.getUint32(8) !== 13 || view.getUint32(12) !== IHDR) return undefined;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const channels = CHANNELS[bytes[25] ?? -1];
  // Bit depth 8, a supported colour type, compression 0, filter method 0, no interlacing.
  if (bytes[24] !== 8 || channels === undefined || bytes[26] !== 0 || bytes[27] !== 0 || bytes[28] !== 0) return undefined;

  const compressed: Uint8Array[] = [];
  let ended = false;
  for (let position = 8; position + 12 <= bytes.length; ) {
    const length = view.getUint32(position);
    const type = view.getUint32(position + 4);
    const end = position + 12 + length;
    if (end > bytes.length) return undefined;
    const crc = view.getUint32(end - 4);
    if (crc32(bytes.subarray(position + 4, end - 4)) !== crc) return undefined;
    if (type === IDAT) compressed.push(bytes.subarray(position + 8, end - 4));
    if (type === TRNS) return undefined; // pngjs zeroes the pixels of a tRNS colour; keep its answer
    if (type === IEND) {
      ended = true;
      break;
    }
    position = end;
  }
  if (!ended || compressed.length === 0) return undefined;

  const rowBytes = width * channels;
  const expected = (rowBytes + 1) * height;
  let raw: Uint8Array;
  try {
    // One output chunk of the expected size: no concatenation (a third faster on a 256² mask).
    raw = inflateSync(compressed.length === 1 ? (compressed[0] ?? new Uint8Array(0)) : Buffer.concat(compressed), {
      chunkSize: Math.max(expected, 64),
      maxOutputLength: expected,
    });
  } catch {
    return undefined; // corrupt or oversized stream: let pngjs report it
  }
  if (raw.length !== expected) return undefined;
  if (!unfilterInPlace(raw, width * channels, height, channels)) return undefined;
  return { width, height, data: firstChannel(raw, width, height, channels) };
}

/**
 * Undoes the PNG row filters inside the inflated data (row y's bytes stay at y × (rowBytes + 1)
 * + 1, after its filter byte), `bpp` bytes per pixel; false on an unknown filter type.
 */
function unfilterInPlace(raw: Uint8Array, rowBytes: number, height: number, bpp: number): boolean {
  for (let y = 0; y < height; y += 1) {
    const row = y * (rowBytes + 1) + 1;
    const filter = raw[row - 1];
    if (filter === 0) continue;
    const above = row - (rowBytes + 1); // the row above, already unfiltered (none for y = 0)
    if (filter === 1) {
      for (let x = bpp; x < rowBytes; x += 1) raw[row + x] = ((raw[row + x] ?? 0) + (raw[row + x - bpp] ?? 0)) & 0xff;
    } else if (filter === 2) {
      if (y > 0) for (let x = 0; x < rowBytes; x += 1) raw[row + x] = ((raw[row + x] ?? 0) + (raw[above + x] ?? 0)) & 0xff;
    } else if (filter === 3) {
      for (let x = 0; x < rowBytes; x += 1) {
        const left = x >= bpp ? (raw[row + x - bpp] ?? 0) : 0;
        const up = y > 0 ? (raw[above + x] ?? 0) : 0;
        raw[row + x] = ((raw[row + x] ?? 0) + ((left + up) >> 1)) & 0xff;
      }
    } else if (filter === 4) {
      for (let x = 0; x < rowBytes; x += 1) {
        const left = x >= bpp ? (raw[row + x - bpp] ?? 0) : 0;
        const up = y > 0 ? (raw[above + x] ?? 0) : 0;
        const upperLeft = x >= bpp && y > 0 ? (raw[above + x - bpp] ?? 0) : 0;
        raw[row + x] = ((raw[row + x] ?? 0) + paeth(left, up, upperLeft)) & 0xff;
      }
    } else {
      return false;
    }
  }
  return true;
}

/** Channel 0 of the unfiltered rows as `width × height` bytes: for grey, the rows moved together in place. */
function firstChannel(raw: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const rowBytes = width * channels;
  if (channels === 1) {
    for (let y = 0; y < height; y += 1) raw.copyWithin(y * width, y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    // A view keeps the inflated buffer (no copy), unless that buffer is shared: Node serves small
    // allocations from one pooled ArrayBuffer, and a mask must not expose (or, when transferred,
    // detach) other buffers' memory.
    if (raw.byteOffset === 0 && raw.buffer.byteLength === raw.length) return new Uint8Array(raw.buffer, 0, width * height);
    const own = new Uint8Array(width * height); // not raw.slice(): on a Buffer that is a view
    own.set(raw.subarray(0, width * height));
    return own;
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (rowBytes + 1) + 1;
    for (let x = 0; x < width; x += 1) out[y * width + x] = raw[row + x * channels] ?? 0;
  }
  return out;
}

/** The PNG Paeth predictor. */
function paeth(left: number, above: number, upperLeft: number): number {
  const estimate = left + above - upperLeft;
  const distanceLeft = Math.abs(estimate - left);
  const distanceAbove = Math.abs(estimate - above);
  const distanceUpperLeft = Math.abs(estimate - upperLeft);
  if (distanceLeft <= distanceAbove && distanceLeft <= distanceUpperLeft) return left;
  return distanceAbove <= distanceUpperLeft ? above : upperLeft;
}

/**
 * Whether a chunk of type IDAT starts inside `bytes` (a PNG with a checked signature). pngjs
 * "decodes" a PNG without one from uninitialised memory (garbage, or a random "Unrecognised
 * filter type" error), so such bytes must be refused before they reach it.
 */
export function containsImageData(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let position = 8; position + 8 <= bytes.length; position += 12 + view.getUint32(position)) {
    if (view.getUint32(position + 4) === IDAT) return true;
  }
  return false;
}

