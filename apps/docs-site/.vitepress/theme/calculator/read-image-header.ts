import {
  isExifOrientation,
  orientSize,
  SUPPORTED_IMAGE_MIME_TYPES,
  type ExifOrientation,
  type Size,
} from '@gemini-vision/core';
import probeImageSizeSync from 'probe-image-size/sync.js';

import { isHeifFamily, readHeifHeader } from './read-heif-header';

/** Bytes read first: enough for the header of nearly every JPEG, PNG, WebP, AVIF and HEIC. */
export const HEADER_READ_BYTES = 512 * 1024;

/** What the header of an image file says. */
export interface ImageHeader {
  /** The MIME type sniffed from the bytes (not the file name). */
  readonly mimeType: string;
  /** Whether Gemini accepts this MIME type (png, jpeg, webp, heic, heif). */
  readonly supportedByGemini: boolean;
  /** Width × height as stored in the file. */
  readonly storedSize: Size;
  /** EXIF orientation (or HEIF/AVIF `irot`/`imir`) as 1..8; 1 when absent. */
  readonly orientation: ExifOrientation;
  /** The size as displayed: sides swapped for orientations 5–8. This is the size tokens depend on. */
  readonly displayedSize: Size;
}

/** The header, or why it could not be read. */
export type HeaderOutcome =
  | { readonly ok: true; readonly header: ImageHeader }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads an image's size and orientation from its header bytes (no decoding, no upload): HEIC,
 * HEIF and AVIF from their `meta` box (`ispe`, `irot`, `imir`), everything else with
 * probe-image-size's browser-safe synchronous parser (EXIF orientation for JPEG).
 *
 * @param bytes - The start of the file (or all of it).
 * @returns The header, or why it could not be read.
 */
export function readImageHeader(bytes: Uint8Array): HeaderOutcome {
  if (isHeifFamily(bytes)) {
    const heif = readHeifHeader(bytes);
    if (typeof heif === 'string') return { ok: false, reason: `A HEIF-family image, but ${heif}.` };
    return { ok: true, header: toHeader(heif.mimeType, heif.storedSize, heif.orientation) };
  }
  let probed: ReturnType<typeof probeImageSizeSync>;
  try {
    probed = probeImageSizeSync(bytes);
  } catch (error) {
    return { ok: false, reason: `The header is corrupt (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (probed === null) {
    return { ok: false, reason: 'Not an image format probe-image-size recognises (or the header is cut short).' };
  }
  const orientation: ExifOrientation = isExifOrientation(probed.orientation) ? probed.orientation : 1;
  return { ok: true, header: toHeader(probed.mime, { width: probed.width, height: probed.height }, orientation) };
}

function toHeader(mimeType: string, storedSize: Size, orientation: ExifOrientation): ImageHeader {
  return {
    mimeType,
    supportedByGemini: (SUPPORTED_IMAGE_MIME_TYPES as readonly string[]).includes(mimeType),
    storedSize,
    orientation,
    displayedSize: orientSize(storedSize, orientation),
  };
}

/**
 * Reads a file's header in the browser: the first {@link HEADER_READ_BYTES}, then the whole file
 * if the header lies further in.
 *
 * @param file - A file from an `<input type="file">` or a drop.
 * @returns The header, or why it could not be read.
 */
export async function readFileHeader(file: Blob): Promise<HeaderOutcome> {
  const start = new Uint8Array(await file.slice(0, HEADER_READ_BYTES).arrayBuffer());
  const first = readImageHeader(start);
  if (first.ok || file.size <= HEADER_READ_BYTES) return first;
  return readImageHeader(new Uint8Array(await file.arrayBuffer()));
}
