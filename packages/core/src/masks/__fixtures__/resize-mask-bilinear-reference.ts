// Test oracle: the first, plain port of Pillow's resize (see resizeMaskBilinearReference).
import type { Mask } from '../mask';

/** Fractional bits of Pillow's fixed-point filter weights (`32 - 8 - 2`). */
const PRECISION_BITS = 22;
/** `1.0` in fixed point. */
const FIXED_ONE = 2 ** PRECISION_BITS;
/** `0.5` in fixed point: the rounding bias every accumulator starts from. */
const FIXED_HALF = 2 ** (PRECISION_BITS - 1);
/** Half-width of the triangle (bilinear) filter at scale 1, in source pixels. */
const BILINEAR_SUPPORT = 1;

/** Fixed-point weights of a one-dimensional resampling pass, as Pillow's `precompute_coeffs`. */
interface FilterCoefficients {
  /** Maximum number of taps per output pixel; row stride of `weights`. */
  readonly taps: number;
  /** First source index read by each output pixel. */
  readonly first: Int32Array;
  /** Number of source pixels read by each output pixel. */
  readonly count: Int32Array;
  /** `outSize * taps` weights, each in units of `2^-22`. */
  readonly weights: Int32Array;
}

/**
 * The straightforward port of Pillow's BILINEAR resize (every multiply-add, float accumulators
 * floored), kept as the oracle the fast resampler in `internal/resample-bilinear.ts` is checked
 * against. Same contract as resizeMaskBilinear, without argument checks.
 */
export function resizeMaskBilinearReference(mask: Mask, width: number, height: number): Mask {
  const vertical = computeCoefficients(mask.height, height);
  const firstRow = vertical.first[0] ?? 0;
  const lastRow = (vertical.first[height - 1] ?? 0) + (vertical.count[height - 1] ?? 0);

  let rows: Uint8Array;
  let rowOffset: number;
  if (width === mask.width) {
    rows = mask.data;
    rowOffset = 0;
  } else {
    rows = resampleRows(mask.data, mask.width, firstRow, lastRow, computeCoefficients(mask.width, width), width);
    rowOffset = firstRow;
  }

  if (height === mask.height) {
    const data = rows === mask.data ? mask.data.slice() : rows;
    return { width, height, data };
  }
  return { width, height, data: resampleColumns(rows, width, rowOffset, vertical, height) };
}

/** Pillow's `bilinear_filter`: the triangle `max(0, 1 - |x|)`. */
function triangle(x: number): number {
  const distance = Math.abs(x);
  return distance < 1 ? 1 - distance : 0;
}

/** Port of Pillow's `precompute_coeffs` followed by `normalize_coeffs_8bpc`, for the triangle filter. */
function computeCoefficients(inSize: number, outSize: number): FilterCoefficients {
  const scale = inSize / outSize;
  const filterScale = scale < 1 ? 1 : scale;
  const support = BILINEAR_SUPPORT * filterScale;
  const taps = Math.ceil(support) * 2 + 1;
  const inverseFilterScale = 1 / filterScale;

  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Int32Array(outSize * taps);
  const raw = new Float64Array(taps);

  for (let index = 0; index < outSize; index += 1) {
    const center = (index + 0.5) * scale;
    // C's (int) cast truncates toward zero; both ends are then clamped to the source.
    const start = Math.max(Math.trunc(center - support + 0.5), 0);
    const end = Math.min(Math.trunc(center + support + 0.5), inSize);
    const length = end - start;

    let total = 0;
    for (let tap = 0; tap < length; tap += 1) {
      const weight = triangle((tap + start - center + 0.5) * inverseFilterScale);
      raw[tap] = weight;
      total += weight;
    }
    const row = index * taps;
    for (let tap = 0; tap < length; tap += 1) {
      const normalized = total === 0 ? (raw[tap] ?? 0) : (raw[tap] ?? 0) / total;
      // The triangle is never negative, so Pillow's `(int)(0.5 + w * 2^22)` branch applies.
      weights[row + tap] = Math.trunc(0.5 + normalized * FIXED_ONE);
    }
    first[index] = start;
    count[index] = length;
  }
  return { taps, first, count, weights };
}

/** Pillow's `clip8`: the integer part of a fixed-point sum, clamped to 0..255. */
function clip8(sum: number): number {
  const value = Math.floor(sum / FIXED_ONE);
  return value < 0 ? 0 : value > 255 ? 255 : value;
}

/** Horizontal pass over source rows `firstRow..lastRow - 1`; returns those rows, `outWidth` wide. */
function resampleRows(
  source: Uint8Array,
  sourceWidth: number,
  firstRow: number,
  lastRow: number,
  coefficients: FilterCoefficients,
  outWidth: number,
): Uint8Array {
  const { taps, first, count, weights } = coefficients;
  const out = new Uint8Array(outWidth * (lastRow - firstRow));
  for (let row = firstRow; row < lastRow; row += 1) {
    const sourceRow = row * sourceWidth;
    const outRow = (row - firstRow) * outWidth;
    for (let x = 0; x < outWidth; x += 1) {
      const start = sourceRow + (first[x] ?? 0);
      const length = count[x] ?? 0;
      const weightRow = x * taps;
      let sum = FIXED_HALF;
      for (let tap = 0; tap < length; tap += 1) {
        sum += (source[start + tap] ?? 0) * (weights[weightRow + tap] ?? 0);
      }
      out[outRow + x] = clip8(sum);
    }
  }
  return out;
}

/** Vertical pass; `rows` holds source rows starting at `rowOffset`, each `width` wide. */
function resampleColumns(
  rows: Uint8Array,
  width: number,
  rowOffset: number,
  coefficients: FilterCoefficients,
  outHeight: number,
): Uint8Array {
  const { taps, first, count, weights } = coefficients;
  const out = new Uint8Array(width * outHeight);
  for (let y = 0; y < outHeight; y += 1) {
    const start = ((first[y] ?? 0) - rowOffset) * width;
    const length = count[y] ?? 0;
    const weightRow = y * taps;
    const outRow = y * width;
    for (let x = 0; x < width; x += 1) {
      let sum = FIXED_HALF;
      for (let tap = 0; tap < length; tap += 1) {
        sum += (rows[start + tap * width + x] ?? 0) * (weights[weightRow + tap] ?? 0);
      }
      out[outRow + x] = clip8(sum);
    }
  }
  return out;
}
