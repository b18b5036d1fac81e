// Turns what the header reader found into core's `ImageInfo` or a typed image error. Pure (no Node
// APIs): shared by `probeImage` (files, streams, bytes) and `readImageHeaderFromBytes` (browsers).
import {
  GeminiVisionError,
  type ImageInfo,
  type ImageSource,
  ImageTooLargeError,
  ImageUnreadableError,
  ImageUnsupportedFormatError,
} from '@gemini-vision/core';

import { swapsSides } from './orientation';
import type { HeaderOutcome } from './read-image-header';
import type { ImageFormat } from './sniff-image-format';

const SUPPORTED_FORMATS_HINT = 'Pass a JPEG, PNG, WebP, GIF, AVIF, HEIC or HEIF image.';

const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  gif: 'GIF',
  webp: 'WebP',
  avif: 'AVIF',
  heic: 'HEIC',
  heif: 'HEIF',
};

/**
 * The {@link ImageInfo} of a header the reader understood; throws the image error that says why
 * otherwise, or when the header claims more than `maxPixels` pixels.
 */
export function imageInfoFromHeader(
  outcome: HeaderOutcome,
  source: ImageSource,
  byteLength: number | undefined,
  maxPixels: number,
): ImageInfo {
  if (!outcome.ok) throw problemToError(outcome, source);
  const { format, mimeType, width, height, orientation } = outcome.header;
  if (width * height > maxPixels) throw new ImageTooLargeError({ source, width, height, pixelLimit: maxPixels });
  const swap = swapsSides(orientation);
  return {
    mimeType,
    format,
    width,
    height,
    orientation,
    displayWidth: swap ? height : width,
    displayHeight: swap ? width : height,
    byteLength,
  };
}

/**
 * A parser bug on a strange file must not escape as a raw `TypeError`: anything but our own errors
 * becomes an {@link ImageUnreadableError} that names the input.
 */
export function wrapUnexpectedHeaderError(error: unknown, source: ImageSource): unknown {
  if (GeminiVisionError.isInstance(error)) return error;
  return new ImageUnreadableError({ source, reason: 'its header could not be parsed', cause: error });
}

function problemToError(outcome: Extract<HeaderOutcome, { ok: false }>, source: ImageSource): GeminiVisionError {
  const { problem } = outcome;
  switch (problem.kind) {
    case 'empty':
      return new ImageUnreadableError({ source, reason: 'it is empty (0 bytes)', hint: SUPPORTED_FORMATS_HINT });
    case 'unsupported':
      return new ImageUnsupportedFormatError({ source, detected: problem.detected, hint: SUPPORTED_FORMATS_HINT });
    case 'truncated':
      return new ImageUnreadableError({
        source,
        reason:
          problem.atMost === true
            ? `its ${FORMAT_NAMES[problem.format]} header is truncated (its boxes claim ${problem.bytesRead} bytes, but the data ends before the header is complete)`
            : `its ${FORMAT_NAMES[problem.format]} header is truncated (the data ends after ${problem.bytesRead} bytes)`,
        hint: 'The file was probably cut short while copying or downloading; get it again.',
      });
    case 'corrupt':
      return new ImageUnreadableError({
        source,
        reason: `it starts like a ${FORMAT_NAMES[problem.format]} image, but ${problem.detail}`,
        hint: 'The file is damaged; re-export it or get it again.',
      });
  }
}
