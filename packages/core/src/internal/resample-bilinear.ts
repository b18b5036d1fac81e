// Pillow's BILINEAR resize for one-channel 8-bit masks, bit for bit, written for speed.
// Not part of the public API: resizeMaskBilinear and placeSegmentationMask wrap it.
//
// Pillow (libImaging/Resample.c) resizes with a separable triangle filter: a horizontal pass over
// the source rows the vertical pass needs, then a vertical pass. Each output sample is
// `clip8((2^21 + Σ w·v) >> 22)` with non-negative 22-bit fixed-point weights `w` per output index.
// Three facts keep this exact while skipping most of the multiply-adds on a mask:
//
// 1. A window of equal values `v` gives `(2^21 + v·Σw) >> 22`: one multiply, whatever the taps.
//    Masks are runs of equal values (0 outside, 255 inside) with short soft edges.
// 2. A row of zeros contributes nothing, so each intermediate row keeps the extent [lo, hi) of its
//    non-zero samples and the vertical pass only touches those columns.
// 3. Equal source rows give equal intermediate rows, and a column whose samples are equal across a
//    vertical window is case 1 again. Each source row is split into runs once (a word at a time);
//    comparing a row's runs with the previous row's gives the columns where they differ, and the
//    vertical pass multiplies out only those, following the runs of the window's first row
//    elsewhere.
//
// Sums stay below 2^31 (255 · (2^22 + taps / 2) + 2^21 for any size the mask limits allow), so
// int32 arithmetic (`| 0`, `>> 22`) is exact.

/** Fractional bits of Pillow's fixed-point filter weights (`32 - 8 - 2`). */
const PRECISION_BITS = 22;
/** `1.0` in fixed point. */
const FIXED_ONE = 2 ** PRECISION_BITS;
/** `0.5` in fixed point: the rounding bias every accumulator starts from. */
const FIXED_HALF = 2 ** (PRECISION_BITS - 1);

/**
 * Working arrays are reused from call to call (the resampler is synchronous, so one set per slot
 * suffices): in V8 every typed array of more than 64 bytes is a separate zeroed allocation that the
 * garbage collector tracks, and a resize needs about twenty. Arrays above this many elements are
 * allocated per call instead, so that at most about 5 MB stay pinned (a 256² mask to a box of up
 * to ~250 px per side fits).
 */
const SCRATCH_LIMIT = 1 << 16;
const int32Scratch: (Int32Array | undefined)[] = [];
const uint8Scratch: (Uint8Array | undefined)[] = [];
// Slots of int32Scratch: four per set of filter coefficients (first, count, weights, totals).
const HORIZONTAL = 0;
const VERTICAL = 4;
const STARTS_FROM = 8;
const ENDS_BY = 9;
const RUN_STARTS = 10;
const RUN_OFFSETS = 11;
const LO = 12;
const HI = 13;
const SPANS = 14;
const SPAN_OFFSETS = 15;
const UNION = 16;
const NEXT = 17;
// Slots of uint8Scratch.
const RUN_VALUES = 0;
const SAME_AS_PREVIOUS = 1;
const ROWS = 2;

/** An Int32Array of `length` elements from `slot`, contents left over from earlier calls. */
function scratchInt32(slot: number, length: number): Int32Array {
  if (length > SCRATCH_LIMIT) return new Int32Array(length);
  let array = int32Scratch[slot];
  if (array === undefined || array.length < length) {
    array = new Int32Array(Math.max(length, Math.min(2 * (array?.length ?? 0), SCRATCH_LIMIT), 64));
    int32Scratch[slot] = array;
  }
  return array.subarray(0, length);
}

/** A Uint8Array of `length` elements from `slot`, 4-byte aligned, contents left over from earlier calls. */
function scratchUint8(slot: number, length: number): Uint8Array {
  if (length > SCRATCH_LIMIT) return new Uint8Array(length);
  let array = uint8Scratch[slot];
  if (array === undefined || array.length < length) {
    array = new Uint8Array(Math.max(length, Math.min(2 * (array?.length ?? 0), SCRATCH_LIMIT), 64));
    uint8Scratch[slot] = array;
  }
  return array.subarray(0, length);
}

/** `array` (from `slot`) with at least twice the capacity, its contents kept. */
function growInt32(slot: number, array: Int32Array): Int32Array {
  const bigger = scratchInt32(slot, array.length * 2);
  if (bigger.buffer !== array.buffer || bigger.byteOffset !== array.byteOffset) bigger.set(array);
  return bigger;
}

/** `array` (from `slot`) with at least twice the capacity, its contents kept. */
function growUint8(slot: number, array: Uint8Array): Uint8Array {
  const bigger = scratchUint8(slot, array.length * 2);
  if (bigger.buffer !== array.buffer || bigger.byteOffset !== array.byteOffset) bigger.set(array);
  return bigger;
}

/** Fixed-point weights of a one-dimensional resampling pass, as Pillow's `precompute_coeffs`. */
interface FilterCoefficients {
  /** Maximum number of taps per output index; row stride of `weights`. */
  readonly taps: number;
  /** First source index read by each output index. */
  readonly first: Int32Array;
  /** Number of source indices read by each output index. */
  readonly count: Int32Array;
  /** `outSize * taps` weights, each in units of `2^-22`. */
  readonly weights: Int32Array;
  /** Sum of the weights of each output index (`Σw`, for windows of equal values). */
  readonly totals: Int32Array;
  /**
   * Whether a window of equal values `v` gives `v` back for every output index and every `v`:
   * true when each `|Σw - 2^22| · 255 < 2^21`, i.e. unless a window has thousands of taps.
   */
  readonly identity: boolean;
}

/** Result of {@link resampleBilinear}. */
export interface ResampledMask {
  /** `width × height` samples: resized values, or 0/255 when a threshold was given. */
  readonly data: Uint8Array;
  /** Samples above the threshold (0 without a threshold). */
  readonly area: number;
}

/**
 * Resizes `source` (`sourceWidth × sourceHeight`, one byte per pixel) to `width × height` exactly
 * as Pillow's `Image.resize(..., BILINEAR)` on mode "L". With a `threshold`, each output sample
 * becomes 255 when its value is greater than the threshold and 0 otherwise, and `area` counts the
 * 255s. Arguments are trusted: callers validate them.
 */
export function resampleBilinear(
  source: Uint8Array,
  sourceWidth: number,
  sourceHeight: number,
  width: number,
  height: number,
  threshold?: number,
): ResampledMask {
  // Every sample is 0..255: a threshold below 0 or from 255 up decides the output alone.
  if (threshold !== undefined && (threshold < 0 || threshold >= 255)) {
    const everything = threshold < 0;
    return { data: new Uint8Array(width * height).fill(everything ? 255 : 0), area: everything ? width * height : 0 };
  }
  const vertical = height === sourceHeight ? undefined : computeCoefficients(sourceHeight, height, VERTICAL);
  // Only the source rows the vertical pass reads need the horizontal pass.
  const firstRow = vertical === undefined ? 0 : (vertical.first[0] ?? 0);
  const lastRow =
    vertical === undefined ? sourceHeight : (vertical.first[height - 1] ?? 0) + (vertical.count[height - 1] ?? 0);
  const rows =
    width === sourceWidth
      ? keepRows(source, sourceWidth, firstRow, lastRow)
      : resampleRows(source, sourceWidth, firstRow, lastRow, computeCoefficients(sourceWidth, width, HORIZONTAL), width);

  if (vertical === undefined) {
    // Pillow copies a side whose size does not change.
    const data = rows.data.slice(0, width * sourceHeight); // a copy: rows.data is the source or scratch
    return threshold === undefined ? { data, area: 0 } : { data, area: thresholdInPlace(data, threshold) };
  }
  return resampleColumns(rows, width, vertical, height, threshold);
}

/** Source rows `firstRow..lastRow - 1` after the horizontal pass, with what the vertical pass skips by. */
interface IntermediateRows {
  /** The rows, `width` samples each (row `i` is source row `firstRow + i`). */
  readonly data: Uint8Array;
  /** `data` as 32-bit words when it starts 4-byte aligned (see {@link wordsOf}). */
  readonly words: Int32Array | undefined;
  /** Source row of row 0. */
  readonly firstRow: number;
  /** Extents, equal rows and changed columns; see {@link RowDescriptions}. */
  readonly rows: RowDescriptions;
}

/** Runs of equal values in each source row: row `r`'s runs are `offsets[r] .. offsets[r + 1] - 1`. */
interface SourceRuns {
  /** Column where each run starts (it ends where the row's next run starts, or at the row's end). */
  readonly starts: Int32Array;
  /** Value of each run. */
  readonly values: Uint8Array;
  /** First run of each row, and one past the last row's runs. */
  readonly offsets: Int32Array;
}

/**
 * What the vertical pass skips by, per intermediate row (all in output columns, conservative: an
 * extent or a change interval may include a few columns that are zero or unchanged).
 */
interface RowDescriptions {
  /** First column that may be non-zero (`lo === hi` for a row of zeros). */
  readonly lo: Int32Array;
  /** One past the last column that may be non-zero. */
  readonly hi: Int32Array;
  /** 1 when the row equals the row before it. */
  readonly sameAsPrevious: Uint8Array;
  /** Flat `x0, x1` pairs: column intervals where the row may differ from the row before it, sorted, disjoint. */
  readonly spans: Int32Array;
  /** Row `r`'s intervals are pairs `offsets[r] .. offsets[r + 1] - 1` of `spans`. */
  readonly offsets: Int32Array;
}

/** Which output columns a source column interval reaches: `undefined` when the width is unchanged. */
interface ColumnReach {
  /** `startsFrom[i]`: the first output index whose window starts at or after source index `i`. */
  readonly startsFrom: Int32Array;
  /** `endsBy[i]`: the first output index whose window ends after source index `i` (exclusive end > i). */
  readonly endsBy: Int32Array;
}

/** Splits source rows `firstRow..lastRow - 1` into runs of equal values (a word at a time when aligned). */
function scanRuns(source: Uint8Array, sourceWidth: number, firstRow: number, lastRow: number): SourceRuns {
  const words = wordsOf(source);
  const rowCount = lastRow - firstRow;
  const offsets = scratchInt32(RUN_OFFSETS, rowCount + 1);
  let starts = scratchInt32(RUN_STARTS, rowCount * 4 + 16);
  let values = scratchUint8(RUN_VALUES, starts.length);
  let runCount = 0;
  for (let row = 0; row < rowCount; row += 1) {
    offsets[row] = runCount;
    const rowStart = (firstRow + row) * sourceWidth;
    const rowEnd = rowStart + sourceWidth;
    for (let at = rowStart; at < rowEnd; at = findRunEnd(source, words, at, rowEnd)) {
      if (runCount === starts.length) {
        starts = growInt32(RUN_STARTS, starts);
        values = growUint8(RUN_VALUES, values);
      }
      starts[runCount] = at - rowStart;
      values[runCount] = source[at] ?? 0;
      runCount += 1;
    }
  }
  offsets[rowCount] = runCount;
  return { starts, values, offsets };
}

/** First output column that source columns from `s0` on reach (`[reachStart(s0), reachEnd(s1))` for `[s0, s1)`). */
function reachStart(reach: ColumnReach | undefined, s0: number): number {
  return reach === undefined ? s0 : (reach.endsBy[s0] ?? 0);
}

/** One past the last output column that source columns before `s1` reach. */
function reachEnd(reach: ColumnReach | undefined, s1: number): number {
  return reach === undefined ? s1 : (reach.startsFrom[s1] ?? 0);
}

/**
 * Describes each row from its runs: the extent of its non-zero runs, whether its runs equal the
 * previous row's, and where the two differ (walking both run lists together), all mapped to output
 * columns through `reach`.
 */
function describeRows(runs: SourceRuns, rowCount: number, sourceWidth: number, reach: ColumnReach | undefined): RowDescriptions {
  const { starts, values, offsets: runOffsets } = runs;
  const lo = scratchInt32(LO, rowCount).fill(0);
  const hi = scratchInt32(HI, rowCount).fill(0);
  const sameAsPrevious = scratchUint8(SAME_AS_PREVIOUS, rowCount).fill(0);
  const offsets = scratchInt32(SPAN_OFFSETS, rowCount + 1);
  let spans = scratchInt32(SPANS, rowCount * 4 + 16);
  let spanCount = 0;

  for (let row = 0; row < rowCount; row += 1) {
    offsets[row] = spanCount;
    const first = runOffsets[row] ?? 0;
    const end = runOffsets[row + 1] ?? 0;
    const runEnd = (run: number, last: number): number => (run + 1 < last ? (starts[run + 1] ?? 0) : sourceWidth);

    // Extent of the non-zero runs.
    let nonZeroStart = -1;
    let nonZeroEnd = 0;
    for (let run = first; run < end; run += 1) {
      if (values[run] === 0) continue;
      if (nonZeroStart < 0) nonZeroStart = starts[run] ?? 0;
      nonZeroEnd = runEnd(run, end);
    }
    if (nonZeroStart >= 0) {
      lo[row] = reachStart(reach, nonZeroStart);
      hi[row] = reachEnd(reach, nonZeroEnd);
    }
    if (row === 0) continue;

    const previousFirst = runOffsets[row - 1] ?? 0;
    let same = end - first === first - previousFirst;
    for (let offset = 0; same && offset < end - first; offset += 1) {
      same = starts[first + offset] === starts[previousFirst + offset] && values[first + offset] === values[previousFirst + offset];
    }
    if (same) {
      sameAsPrevious[row] = 1;
      continue;
    }

    // Source intervals where the two rows differ, mapped and merged.
    let a = previousFirst;
    let b = first;
    for (let position = 0; position < sourceWidth; ) {
      const aEnd = runEnd(a, first);
      const bEnd = runEnd(b, end);
      const segmentEnd = aEnd < bEnd ? aEnd : bEnd;
      if (values[a] !== values[b]) {
        const x0 = reachStart(reach, position);
        const x1 = reachEnd(reach, segmentEnd);
        if (spanCount > (offsets[row] ?? 0) && x0 <= (spans[2 * spanCount - 1] ?? 0)) {
          if (x1 > (spans[2 * spanCount - 1] ?? 0)) spans[2 * spanCount - 1] = x1;
        } else if (x0 < x1) {
          if (2 * spanCount + 2 > spans.length) spans = growInt32(SPANS, spans);
          spans[2 * spanCount] = x0;
          spans[2 * spanCount + 1] = x1;
          spanCount += 1;
        }
      }
      position = segmentEnd;
      if (aEnd === segmentEnd) a += 1;
      if (bEnd === segmentEnd) b += 1;
    }
  }
  offsets[rowCount] = spanCount;
  return { lo, hi, sameAsPrevious, spans, offsets };
}

/** Tables of {@link ColumnReach} for one set of coefficients. */
function computeReach({ first, count }: FilterCoefficients, inSize: number, outSize: number): ColumnReach {
  const startsFrom = scratchInt32(STARTS_FROM, inSize + 1);
  const endsBy = scratchInt32(ENDS_BY, inSize + 1);
  let starting = 0;
  let ending = 0;
  for (let index = 0; index <= inSize; index += 1) {
    while (starting < outSize && (first[starting] ?? 0) < index) starting += 1;
    while (ending < outSize && (first[ending] ?? 0) + (count[ending] ?? 0) <= index) ending += 1;
    startsFrom[index] = starting;
    endsBy[index] = ending;
  }
  return { startsFrom, endsBy };
}

/** Rows that need no horizontal pass (the width is unchanged): the source itself. */
function keepRows(source: Uint8Array, width: number, firstRow: number, lastRow: number): IntermediateRows {
  const runs = scanRuns(source, width, firstRow, lastRow);
  return {
    data: source,
    words: wordsOf(source),
    firstRow,
    rows: describeRows(runs, lastRow - firstRow, width, undefined),
  };
}

/**
 * Horizontal pass over source rows `firstRow..lastRow - 1`, run by run: outputs whose window lies
 * inside a run of value `v` are `constantWindow(v, Σw)` (nothing to write for 0, a `fill` when the
 * weights keep constants unchanged); only windows that straddle a run boundary are multiplied
 * out. A row whose runs equal the previous row's is copied.
 */
function resampleRows(
  source: Uint8Array,
  sourceWidth: number,
  firstRow: number,
  lastRow: number,
  coefficients: FilterCoefficients,
  width: number,
): IntermediateRows {
  const { totals, identity } = coefficients;
  const reach = computeReach(coefficients, sourceWidth, width);
  const { startsFrom, endsBy } = reach;
  const runs = scanRuns(source, sourceWidth, firstRow, lastRow);
  const { starts, values, offsets: runOffsets } = runs;
  const rowCount = lastRow - firstRow;
  const rows = describeRows(runs, rowCount, sourceWidth, reach);
  const data = scratchUint8(ROWS, width * rowCount).fill(0);

  for (let row = 0; row < rowCount; row += 1) {
    const outRow = row * width;
    if (rows.sameAsPrevious[row] === 1) {
      data.copyWithin(outRow, outRow - width, outRow);
      continue;
    }
    const sourceRow = (firstRow + row) * sourceWidth;
    const end = runOffsets[row + 1] ?? 0;
    let pending = 0; // outputs before `pending` are written
    for (let run = runOffsets[row] ?? 0; run < end; run += 1) {
      const runStart = starts[run] ?? 0;
      const runEnd = run + 1 < end ? (starts[run + 1] ?? 0) : sourceWidth;
      const inside = Math.max(startsFrom[runStart] ?? width, pending);
      const insideEnd = endsBy[runEnd] ?? width;
      if (inside >= insideEnd) continue; // too short to hold a whole window
      if (pending < inside) multiplyRow(source, sourceRow, coefficients, pending, inside, data, outRow);
      const value = values[run] ?? 0;
      if (value !== 0) {
        if (identity) data.fill(value, outRow + inside, outRow + insideEnd);
        else for (let x = inside; x < insideEnd; x += 1) data[outRow + x] = constantWindow(value, totals[x] ?? 0);
      }
      pending = insideEnd;
    }
    if (pending < width) multiplyRow(source, sourceRow, coefficients, pending, width, data, outRow);
  }
  return { data, words: wordsOf(data), firstRow, rows };
}

/** Pillow's `bilinear_filter`: the triangle `max(0, 1 - |x|)`. */
function triangle(x: number): number {
  const distance = Math.abs(x);
  return distance < 1 ? 1 - distance : 0;
}

/** Port of Pillow's `precompute_coeffs` followed by `normalize_coeffs_8bpc`, for the triangle filter. */
function computeCoefficients(inSize: number, outSize: number, slot: typeof HORIZONTAL | typeof VERTICAL): FilterCoefficients {
  const scale = inSize / outSize;
  const filterScale = scale < 1 ? 1 : scale;
  const support = filterScale; // the triangle's support is 1 at scale 1
  const taps = Math.ceil(support) * 2 + 1;
  const inverseFilterScale = 1 / filterScale;

  const first = scratchInt32(slot, outSize);
  const count = scratchInt32(slot + 1, outSize);
  const weights = scratchInt32(slot + 2, outSize * taps);
  const totals = scratchInt32(slot + 3, outSize);
  let identity = true;

  for (let index = 0; index < outSize; index += 1) {
    const center = (index + 0.5) * scale;
    // C's (int) cast truncates toward zero; both ends are then clamped to the source.
    const start = Math.max(Math.trunc(center - support + 0.5), 0);
    const end = Math.min(Math.trunc(center + support + 0.5), inSize);
    const length = end - start;

    let total = 0;
    for (let tap = 0; tap < length; tap += 1) total += triangle((tap + start - center + 0.5) * inverseFilterScale);
    const row = index * taps;
    let fixedTotal = 0;
    for (let tap = 0; tap < length; tap += 1) {
      // The same weight as in the sum above (same expression), normalised as Pillow does.
      const raw = triangle((tap + start - center + 0.5) * inverseFilterScale);
      const normalized = total === 0 ? raw : raw / total;
      // The triangle is never negative, so Pillow's `(int)(0.5 + w * 2^22)` branch applies.
      const weight = Math.trunc(0.5 + normalized * FIXED_ONE);
      weights[row + tap] = weight;
      fixedTotal += weight;
    }
    first[index] = start;
    count[index] = length;
    totals[index] = fixedTotal;
    // (2^21 + v·(2^22 + d)) >> 22 = v + ((2^21 + v·d) >> 22), which is v while |v·d| < 2^21.
    if (Math.abs(fixedTotal - FIXED_ONE) * 255 >= FIXED_HALF) identity = false;
  }
  return { taps, first, count, weights, totals, identity };
}

/** `clip8(FIXED_HALF + value · total)`: the output of a window whose samples all equal `value`. */
function constantWindow(value: number, total: number): number {
  const sample = (FIXED_HALF + value * total) >> PRECISION_BITS;
  return sample > 255 ? 255 : sample;
}


/** `data` viewed as 32-bit words when its start is 4-byte aligned (the word size is irrelevant to equality). */
function wordsOf(data: Uint8Array): Int32Array | undefined {
  return data.byteOffset % 4 === 0 ? new Int32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
}

/**
 * First index in `from + 1 .. end - 1` whose byte differs from `source[from]`, or `end`. Compares
 * four bytes at a time through `words` (a view of the same memory) once aligned.
 */
function findRunEnd(source: Uint8Array, words: Int32Array | undefined, from: number, end: number): number {
  const value = source[from] ?? 0;
  let index = from + 1;
  if (words !== undefined) {
    while (index < end && (index & 3) !== 0) {
      if (source[index] !== value) return index;
      index += 1;
    }
    if (index < end) {
      const pattern = (value * 0x01010101) | 0;
      let word = index >> 2; // index is a multiple of 4 here
      const lastWord = end >> 2;
      while (word < lastWord && words[word] === pattern) word += 1;
      index = word << 2;
    }
  }
  while (index < end && source[index] === value) index += 1;
  return index;
}

/** Multiplies out outputs `from..to - 1` of the source row at `sourceRow` into `out` at `outRow`. */
function multiplyRow(
  source: Uint8Array,
  sourceRow: number,
  { taps, first, count, weights }: FilterCoefficients,
  from: number,
  to: number,
  out: Uint8Array,
  outRow: number,
): void {
  for (let x = from; x < to; x += 1) {
    const base = sourceRow + (first[x] ?? 0);
    const length = count[x] ?? 0;
    const weightRow = x * taps;
    let sum = FIXED_HALF;
    for (let tap = 0; tap < length; tap += 1) {
      sum = (sum + (source[base + tap] ?? 0) * (weights[weightRow + tap] ?? 0)) | 0;
    }
    const sample = sum >> PRECISION_BITS;
    if (sample !== 0) out[outRow + x] = sample > 255 ? 255 : sample;
  }
}

/**
 * Vertical pass, optionally thresholded. For each output row, the columns where some row of its
 * window may differ from the row above (the union of their change intervals) are multiplied out; in the
 * other columns the window is constant, so the output follows the window's first row run by run
 * (a `fill` when the weights keep constants unchanged).
 */
function resampleColumns(
  rows: IntermediateRows,
  width: number,
  coefficients: FilterCoefficients,
  height: number,
  threshold: number | undefined,
): ResampledMask {
  const { taps, first, count, weights, totals, identity } = coefficients;
  const { data: rowData, words, firstRow } = rows;
  const { lo, hi, spans, offsets } = rows.rows;
  const out = new Uint8Array(width * height);
  const thresholded = threshold !== undefined;
  const cut = threshold ?? 0;
  // Union of the window's change intervals, built by merging into one buffer and swapping.
  let union = scratchInt32(UNION, 2 * (width + 2));
  let next = scratchInt32(NEXT, 2 * (width + 2));
  let area = 0;

  /** Writes `sample` to output columns `x0..x1 - 1` of the row at `outRow` (thresholded if asked). */
  const writeSpan = (outRow: number, x0: number, x1: number, sample: number): void => {
    if (!thresholded) {
      if (sample !== 0) out.fill(sample, outRow + x0, outRow + x1);
    } else if (sample > cut) {
      out.fill(255, outRow + x0, outRow + x1);
      area += x1 - x0;
    }
  };

  for (let y = 0; y < height; y += 1) {
    const startRow = (first[y] ?? 0) - firstRow;
    const length = count[y] ?? 0;

    let low = width;
    let high = 0;
    for (let tap = 0; tap < length; tap += 1) {
      const rowLow = lo[startRow + tap] ?? 0;
      const rowHigh = hi[startRow + tap] ?? 0;
      if (rowLow < rowHigh) {
        if (rowLow < low) low = rowLow;
        if (rowHigh > high) high = rowHigh;
      }
    }
    if (low >= high) continue; // only rows of zeros: the output row stays 0

    // Union of the change intervals of rows startRow + 1 .. startRow + length - 1.
    let unionCount = 0;
    for (let row = startRow + 1; row < startRow + length; row += 1) {
      const from = offsets[row] ?? 0;
      const to = offsets[row + 1] ?? 0;
      if (from === to) continue;
      let merged = 0;
      let a = 0;
      let b = from;
      while (a < unionCount || b < to) {
        let x0: number;
        let x1: number;
        if (b >= to || (a < unionCount && (union[2 * a] ?? 0) <= (spans[2 * b] ?? 0))) {
          x0 = union[2 * a] ?? 0;
          x1 = union[2 * a + 1] ?? 0;
          a += 1;
        } else {
          x0 = spans[2 * b] ?? 0;
          x1 = spans[2 * b + 1] ?? 0;
          b += 1;
        }
        if (merged > 0 && x0 <= (next[2 * merged - 1] ?? 0)) {
          if (x1 > (next[2 * merged - 1] ?? 0)) next[2 * merged - 1] = x1;
        } else {
          next[2 * merged] = x0;
          next[2 * merged + 1] = x1;
          merged += 1;
        }
      }
      const swap = union;
      union = next;
      next = swap;
      unionCount = merged;
    }

    const outRow = y * width;
    const top = startRow * width;
    const total = totals[y] ?? 0;
    const weightRow = y * taps;
    let x = low;
    for (let interval = 0; interval <= unionCount && x < high; interval += 1) {
      const changeStart = interval < unionCount ? Math.min(Math.max(union[2 * interval] ?? 0, x), high) : high;
      const changeEnd = interval < unionCount ? Math.min(union[2 * interval + 1] ?? 0, high) : high;
      // Columns x .. changeStart - 1 are constant over the window: follow the first row's runs.
      while (x < changeStart) {
        const runEnd = Math.min(findRunEnd(rowData, words, top + x, top + changeStart) - top, changeStart);
        const value = rowData[top + x] ?? 0;
        if (identity) writeSpan(outRow, x, runEnd, value);
        else for (let column = x; column < runEnd; column += 1) writeSpan(outRow, column, column + 1, constantWindow(value, total));
        x = runEnd;
      }
      // Columns changeStart .. changeEnd - 1 change inside the window: multiply out.
      for (; x < changeEnd; x += 1) {
        let sum = FIXED_HALF;
        for (let tap = 0, at = top + x; tap < length; tap += 1, at += width) {
          sum = (sum + (rowData[at] ?? 0) * (weights[weightRow + tap] ?? 0)) | 0;
        }
        const sample = sum >> PRECISION_BITS;
        if (!thresholded) {
          if (sample !== 0) out[outRow + x] = sample > 255 ? 255 : sample;
        } else if (sample > cut) {
          out[outRow + x] = 255;
          area += 1;
        }
      }
    }
  }
  return { data: out, area };
}

/** Sets each sample to 255 when greater than `threshold`, else 0; returns the number of 255s. */
function thresholdInPlace(data: Uint8Array, threshold: number): number {
  let area = 0;
  for (let index = 0; index < data.length; index += 1) {
    if ((data[index] ?? 0) > threshold) {
      data[index] = 255;
      area += 1;
    } else {
      data[index] = 0;
    }
  }
  return area;
}
