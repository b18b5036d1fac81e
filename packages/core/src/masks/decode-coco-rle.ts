import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertPositiveInteger } from '../internal/assert';
import { assertMaskSizeLimit } from './assert-mask';
import type { CocoRle, UncompressedCocoRle } from './encode-coco-rle';
import type { Mask } from './mask';

/** The lowest and highest character codes of a compressed `counts` string (`'0'` and `'o'`). */
const FIRST_CODE = 48;
const LAST_CODE = 111;

/**
 * Decodes a COCO run-length encoded mask, compressed (string `counts`, as pycocotools writes it)
 * or uncompressed (number array, as COCO annotation files store crowd regions).
 *
 * @remarks
 * Stricter than pycocotools, which silently wraps negative runs and fills short ones with
 * garbage: here a malformed string, a negative run, or runs that do not add up to
 * `height × width` throw.
 *
 * @param rle - `{ size: [height, width], counts }`.
 * @returns A new `width × height` mask, 255 on the foreground and 0 elsewhere.
 * @throws {@link InvalidArgumentError} If `size` is not two positive integers, `counts` is not a
 * valid compressed string or an array of non-negative integers, or the runs do not add up to
 * `height × width`, or the mask would exceed 2^20 px per side or 2^30 pixels.
 *
 * @example
 * ```ts
 * const mask = decodeCocoRle({ size: [2, 2], counts: [1, 3] });
 * mask.data; // => Uint8Array [0, 255, 255, 255]
 * decodeCocoRle({ size: [25, 25], counts: '05d00000000d?' }).data[0]; // => 255
 * ```
 */
export function decodeCocoRle(rle: CocoRle | UncompressedCocoRle): Mask {
  if (typeof rle !== 'object' || (rle as unknown) === null) {
    throw new InvalidArgumentError({ argument: 'rle', expected: 'a COCO RLE { size, counts }', received: rle });
  }
  const { size, counts } = rle as { readonly size: unknown; readonly counts: unknown };
  if (!Array.isArray(size) || size.length !== 2) {
    throw new InvalidArgumentError({ argument: 'rle.size', expected: 'a [height, width] pair', received: size });
  }
  const [height, width] = size as readonly unknown[];
  assertPositiveInteger('rle.size[0]', height);
  assertPositiveInteger('rle.size[1]', width);
  assertMaskSizeLimit('rle.size', width, height);

  let runs: readonly number[];
  if (typeof counts === 'string') {
    runs = readCompressedCounts(counts, 'rle.counts');
  } else if (Array.isArray(counts)) {
    runs = counts as readonly number[];
    runs.forEach((run, index) => {
      if (typeof run !== 'number' || !Number.isSafeInteger(run) || run < 0) {
        throw new InvalidArgumentError({
          argument: `rle.counts[${index}]`,
          expected: 'a non-negative integer run length',
          received: run,
        });
      }
    });
  } else {
    throw new InvalidArgumentError({
      argument: 'rle.counts',
      expected: 'a compressed counts string or an array of run lengths',
      received: counts,
    });
  }

  const area = height * width;
  const total = runs.reduce((sum, run) => sum + run, 0);
  if (total !== area) {
    throw new InvalidArgumentError({
      argument: 'rle.counts',
      expected: `run lengths adding up to height × width = ${area}`,
      received: total,
      hint: 'Check that `size` is [height, width] (height first) and the counts belong to this mask.',
    });
  }

  const data = new Uint8Array(area);
  let position = 0;
  runs.forEach((run, index) => {
    if (index % 2 === 1) {
      for (let offset = position; offset < position + run; offset += 1) {
        const x = Math.floor(offset / height);
        data[(offset - x * height) * width + x] = 255;
      }
    }
    position += run;
  });
  return { width, height, data };
}

/**
 * Unpacks a compressed COCO `counts` string into run lengths, as pycocotools' `rleFrString`.
 *
 * @param counts - The compressed string (ASCII 48..111).
 * @returns The run lengths in pixels, column-major, starting with background.
 * @throws {@link InvalidArgumentError} If the string has a character outside `'0'..'o'`, ends in
 * the middle of a number, or yields a negative run.
 *
 * @example
 * ```ts
 * decompressCocoRleCounts('05d00000000d?'); // => [0, 5, 20, 5, 20, 5, 20, 5, 20, 5, 520]
 * ```
 */
export function decompressCocoRleCounts(counts: string): number[] {
  if (typeof counts !== 'string') {
    throw new InvalidArgumentError({ argument: 'counts', expected: 'a compressed counts string', received: counts });
  }
  return readCompressedCounts(counts, 'counts');
}

/** pycocotools' `rleFrString`, with validation; `argument` names the string in errors. */
function readCompressedCounts(counts: string, argument: string): number[] {
  const runs: number[] = [];
  let position = 0;
  while (position < counts.length) {
    const start = position;
    let value = 0;
    let shift = 1;
    let more = true;
    while (more) {
      if (position >= counts.length) {
        throw new InvalidArgumentError({
          argument,
          expected: `a compressed COCO counts string whose last number (from index ${start}) is complete`,
          received: counts,
          hint: 'The string was probably truncated.',
        });
      }
      const code = counts.charCodeAt(position) - FIRST_CODE;
      if (code < 0 || code > LAST_CODE - FIRST_CODE) {
        throw new InvalidArgumentError({
          argument: `${argument}[${position}]`,
          expected: `a character in '0'..'o' (ASCII 48..111)`,
          received: counts.charAt(position),
          hint: 'Uncompressed counts are an array of numbers, not a string.',
        });
      }
      value += (code & 0x1f) * shift;
      shift *= 32;
      more = (code & 0x20) !== 0;
      position += 1;
      if (!more && (code & 0x10) !== 0) value -= shift; // sign-extend
    }
    const run = runs.length > 2 ? value + (runs[runs.length - 2] ?? 0) : value;
    if (run < 0 || !Number.isSafeInteger(run)) {
      throw new InvalidArgumentError({
        argument,
        expected: `a non-negative length for run ${runs.length} (characters ${start}..${position - 1})`,
        received: run,
      });
    }
    runs.push(run);
  }
  return runs;
}
