import { GeminiVisionError, type ImageInfo, ImageUnreadableError } from '@gemini-vision/core';
import { readImageHeaderFromBytes } from '@gemini-vision/images/header';

/** Bytes read first: enough for the header of nearly every JPEG, PNG, WebP, AVIF and HEIC. */
export const HEADER_READ_BYTES = 512 * 1024;

/** A file's header, or why it could not be read. */
export type FileHeaderOutcome =
  | { readonly ok: true; readonly info: ImageInfo }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a dropped or chosen file's real type, stored size and orientation in the browser, with
 * `@gemini-vision/images/header` (the reader `probeImage` uses): the first
 * {@link HEADER_READ_BYTES}, then the whole file if its header lies further in. Nothing is decoded
 * or uploaded, so there is no pixel limit.
 *
 * @param file - A file from an `<input type="file">` or a drop.
 * @param fileName - The name errors give the file.
 * @returns The header as core's `ImageInfo`, or the image error's message.
 */
export async function readFileHeader(file: Blob, fileName?: string): Promise<FileHeaderOutcome> {
  const read = async (bytes: Blob): Promise<FileHeaderOutcome> => {
    const info = readImageHeaderFromBytes(new Uint8Array(await bytes.arrayBuffer()), { maxPixels: Infinity, fileName });
    return { ok: true, info };
  };
  try {
    return await read(file.slice(0, HEADER_READ_BYTES));
  } catch (error) {
    // A truncated header in the first bytes may be complete in the whole file; nothing else changes.
    if (!(ImageUnreadableError.isInstance(error) && file.size > HEADER_READ_BYTES)) return failure(error);
  }
  try {
    return await read(file);
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): FileHeaderOutcome {
  if (GeminiVisionError.isInstance(error)) return { ok: false, reason: error.message };
  throw error;
}
