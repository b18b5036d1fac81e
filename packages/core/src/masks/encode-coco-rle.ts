import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertMask, assertThreshold } from './assert-mask';
import type { Mask } from './mask';
import type { MaskThresholdOptions } from './threshold-mask';

/**
 * A mask in COCO's compressed run-length encoding, as pycocotools' `mask.encode` returns it
 * (with `counts` decoded from bytes to a string) and as COCO result files store it.
 *
 * @remarks
 * Runs go down the columns (column-major, Fortran order), alternate background/foreground and
 * start with background (a first count of 0 means the first pixel is foreground). `counts` packs
 * them with pycocotools' `rleToString`: from the fourth run on, each run is stored as the
 * difference to the run two before; numbers are written 5 bits per character, least significant
 * first, with a continuation bit, as ASCII 48..111.
 *
 * @example
 * ```ts
 * const rle: CocoRle = { size: [25, 25], counts: '05d00000000d?' }; // a 5×5 square at the top left
 * ```
 */
export interface CocoRle {
  /** `[height, width]` in pixels (height first, as in COCO). */
  readonly size: readonly [height: number, width: number];
  /** The runs, compressed with pycocotools' `rleToString`. */
  readonly counts: string;
}

/**
 * A mask in COCO's uncompressed run-length encoding, as COCO annotation files store `iscrowd`
 * regions: the same runs as {@link CocoRle}, as plain numbers.
 *
 * @example
 * ```ts
 * const rle: UncompressedCocoRle = { size: [2, 2], counts: [1, 3] }; // [[0, 1], [1, 1]]
 * ```
 */
export interface UncompressedCocoRle {
  /** `[height, width]` in pixels (height first, as in COCO). */
  readonly size: readonly [height: number, width: number];
  /** Run lengths in pixels, column-major, alternating background/foreground, starting with background. */
  readonly counts: readonly number[];
}

/**
 * Encodes a mask as COCO compressed RLE, byte for byte what pycocotools'
 * `mask.encode(np.asfortranarray(mask > threshold, dtype=np.uint8))` returns.
 *
 * @param mask - The mask; foreground is every value above the threshold.
 * @param options - What counts as foreground; see {@link MaskThresholdOptions} (default: any
 * value above 0, exact for 0/255 and 0/1 masks).
 * @returns `{ size: [height, width], counts }` ready for a COCO `segmentation` field.
 * @throws {@link InvalidArgumentError} If `mask` is not a valid {@link Mask} or the threshold is
 * not a finite number.
 *
 * @example
 * ```ts
 * const mask = createMask(25, 25);
 * for (let y = 0; y < 5; y += 1) mask.data.fill(255, y * 25, y * 25 + 5);
 * encodeCocoRle(mask); // => { size: [25, 25], counts: '05d00000000d?' }
 * ```
 */
export function encodeCocoRle(mask: Mask, options: MaskThresholdOptions = {}): CocoRle {
  assertMask('mask', mask);
  const threshold = options.threshold ?? 0;
  assertThreshold('options.threshold', threshold);
  const { width, height, data } = mask;

  const counts: number[] = [];
  let foreground = false;
  let run = 0;
  for (let x = 0; x < width; x += 1) {
    for (let y = 0; y < height; y += 1) {
      const isForeground = (data[y * width + x] ?? 0) > threshold;
      if (isForeground !== foreground) {
        counts.push(run);
        run = 0;
        foreground = isForeground;
      }
      run += 1;
    }
  }
  counts.push(run);
  return { size: [height, width], counts: compressCocoRleCounts(counts) };
}

/**
 * Packs COCO run lengths into the compressed `counts` string, as pycocotools' `rleToString`.
 *
 * @param counts - Run lengths in pixels: non-negative safe integers, column-major, starting with
 * background.
 * @returns The compressed string (ASCII 48..111).
 * @throws {@link InvalidArgumentError} If a count is not a non-negative safe integer.
 *
 * @example
 * ```ts
 * compressCocoRleCounts([0, 5, 20, 5, 20, 5, 20, 5, 20, 5, 520]); // => '05d00000000d?'
 * ```
 */
export function compressCocoRleCounts(counts: readonly number[]): string {
  const input: unknown = counts;
  if (!Array.isArray(input)) {
    throw new InvalidArgumentError({ argument: 'counts', expected: 'an array of run lengths', received: counts });
  }
  const characters: string[] = [];
  for (let index = 0; index < counts.length; index += 1) {
    const count: unknown = counts[index];
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      throw new InvalidArgumentError({
        argument: `counts[${index}]`,
        expected: 'a non-negative integer run length',
        received: count,
      });
    }
    let value = index > 2 ? count - (counts[index - 2] ?? 0) : count;
    let more = true;
    while (more) {
      // Two's-complement `value & 0x1f` and `value >> 5`, without 32-bit overflow.
      const quotient = Math.floor(value / 32);
      let character = value - quotient * 32;
      value = quotient;
      more = (character & 0x10) === 0 ? value !== 0 : value !== -1;
      if (more) character |= 0x20;
      characters.push(String.fromCharCode(character + 48));
    }
  }
  return characters.join('');
}
