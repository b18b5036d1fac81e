import type { SequentialFormat } from './probe-image-size-parsers';

/** The image formats the probe understands. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heic' | 'heif';

/** What the first bytes of a file say it is. */
export type SniffedFormat =
  | { readonly kind: 'sequential'; readonly format: SequentialFormat }
  | { readonly kind: 'miaf' }
  | { readonly kind: 'truncated'; readonly format: ImageFormat }
  | { readonly kind: 'unsupported'; readonly detected: string | undefined };

interface Signature {
  readonly bytes: readonly number[];
  readonly offset?: number;
}

const SUPPORTED: readonly { readonly format: SequentialFormat; readonly signatures: readonly Signature[] }[] = [
  { format: 'jpeg', signatures: [{ bytes: [0xff, 0xd8, 0xff] }] },
  { format: 'png', signatures: [{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  { format: 'gif', signatures: [{ bytes: ascii('GIF87a') }, { bytes: ascii('GIF89a') }] },
  { format: 'webp', signatures: [{ bytes: [...ascii('RIFF'), -1, -1, -1, -1, ...ascii('WEBP')] }] },
];

const OTHERS: readonly { readonly detected: string; readonly signatures: readonly Signature[] }[] = [
  { detected: 'a TIFF image', signatures: [{ bytes: [0x49, 0x49, 0x2a, 0x00] }, { bytes: [0x4d, 0x4d, 0x00, 0x2a] }] },
  { detected: 'a BMP image', signatures: [{ bytes: ascii('BM') }] },
  { detected: 'a JPEG XL image', signatures: [{ bytes: [0xff, 0x0a] }, { bytes: [0, 0, 0, 0x0c, ...ascii('JXL ')] }] },
  { detected: 'a JPEG 2000 image', signatures: [{ bytes: [0, 0, 0, 0x0c, ...ascii('jP  ')] }] },
  { detected: 'a Photoshop document', signatures: [{ bytes: ascii('8BPS') }] },
  { detected: 'an ICO icon', signatures: [{ bytes: [0, 0, 1, 0] }] },
  { detected: 'a PDF document', signatures: [{ bytes: ascii('%PDF') }] },
  { detected: 'a ZIP archive', signatures: [{ bytes: [0x50, 0x4b, 0x03, 0x04] }] },
  { detected: 'a gzip archive', signatures: [{ bytes: [0x1f, 0x8b] }] },
  { detected: 'a RIFF file that is not WebP (audio or video)', signatures: [{ bytes: ascii('RIFF') }] },
];

/** ISO BMFF brands of HEIF-family still images (AVIF, HEIC, HEIF). */
const MIAF_BRANDS = new Set(['mif1', 'msf1', 'miaf', 'avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'MiHE', 'MiHB', 'MiAB']);

/**
 * Identifies an image from its first bytes (magic numbers), never from a file name: a PNG named
 * `.jpg` is a PNG.
 */
export function sniffImageFormat(bytes: Uint8Array): SniffedFormat {
  for (const { format, signatures } of SUPPORTED) {
    for (const signature of signatures) {
      const match = matchSignature(bytes, signature);
      if (match === 'full') return { kind: 'sequential', format };
      if (match === 'prefix') return { kind: 'truncated', format };
    }
  }

  if (bytes.length >= 8 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp') {
    return sniffIsoMedia(bytes);
  }

  for (const { detected, signatures } of OTHERS) {
    if (signatures.some((signature) => matchSignature(bytes, signature) === 'full')) {
      return { kind: 'unsupported', detected };
    }
  }
  if (looksLikeMarkup(bytes)) return { kind: 'unsupported', detected: 'a text or markup file (SVG, HTML, XML?)' };
  return { kind: 'unsupported', detected: undefined };
}

function sniffIsoMedia(bytes: Uint8Array): SniffedFormat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = Math.min(view.getUint32(0), bytes.length);
  const brands: string[] = [];
  for (let offset = 8; offset + 4 <= size; offset += 4) {
    if (offset === 12) continue; // minor version
    brands.push(String.fromCharCode(...bytes.subarray(offset, offset + 4)));
  }
  if (brands.some((brand) => MIAF_BRANDS.has(brand))) return { kind: 'miaf' };
  const major = brands[0] ?? '????';
  return { kind: 'unsupported', detected: `an ISO media file of brand "${major.trim()}" (a video?)` };
}

function matchSignature(bytes: Uint8Array, { bytes: expected, offset = 0 }: Signature): 'full' | 'prefix' | 'none' {
  for (let index = 0; index < expected.length; index++) {
    const actual = bytes[offset + index];
    if (actual === undefined) return index > 0 ? 'prefix' : 'none';
    const wanted = expected[index];
    if (wanted !== -1 && actual !== wanted) return 'none';
  }
  return 'full';
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  let index = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) index = 3;
  while (index < bytes.length && (bytes[index] === 0x20 || bytes[index] === 0x0a || bytes[index] === 0x0d || bytes[index] === 0x09)) index++;
  return bytes[index] === 0x3c; // "<"
}

function ascii(text: string): number[] {
  return Array.from(text, (character) => character.charCodeAt(0));
}
