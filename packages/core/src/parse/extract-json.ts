import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { JsonRepair, ParseIssue } from './parse-issue';
import { isWhitespace, readJsonValue, type JsonHalt, type JsonReadResult } from './read-json-value';

/** Failed attempts may re-read at most this many characters per character of text. */
const SCAN_BUDGET_PER_CHARACTER = 32;
/** …plus this many, so short texts are never cut off. */
const SCAN_BUDGET_BASE = 100_000;
/** Real replies hold a handful of blocks; past this many the text is hostile and the search stops. */
const MAX_CANDIDATES = 10_000;
/** At most this many `invalid-json` / `truncated` issues describe attempts that yielded nothing. */
const MAX_FAILURE_ISSUES = 3;

/**
 * A Markdown code fence around a JSON candidate.
 *
 * @example
 * ```ts
 * const fence: MarkdownFence = { tag: 'json', start: 0, end: 812, closed: true };
 * ```
 */
export interface MarkdownFence {
  /** The first word after the opening backticks, as written (`json`, `JSON`, `jsonc`, `python`), or `''`. */
  readonly tag: string;
  /** UTF-16 offset of the opening backticks. */
  readonly start: number;
  /** UTF-16 offset after the closing backticks, or the text length when the fence is never closed. */
  readonly end: number;
  /** Whether a closing fence was found. */
  readonly closed: boolean;
}

/**
 * One JSON array or object found in a model reply by {@link extractJson}.
 *
 * @example
 * ```ts
 * const [first]: readonly JsonCandidate[] = extractJson('[{"point": [263, 404], "label": "bowl"}]').candidates;
 * ```
 */
export interface JsonCandidate {
  /** The parsed value: an array, or an object (a wrapper or a single item). */
  readonly value: readonly unknown[] | Readonly<Record<string, unknown>>;
  /** `json` for one value; `json-lines` for one object per line, gathered into an array. */
  readonly format: 'json' | 'json-lines';
  /** UTF-16 offset of the first character of the JSON. */
  readonly start: number;
  /** UTF-16 offset after the last character read (where reading stopped, if truncated or invalid). */
  readonly end: number;
  /** The Markdown fence the JSON sits in, or `null` for JSON in plain text. */
  readonly fence: MarkdownFence | null;
  /** `true` when the text ended inside this JSON and only its complete part was kept. */
  readonly truncated: boolean;
  /** `truncated`, `invalid-json` (salvaged) and `json-repaired` issues about this candidate. */
  readonly issues: readonly ParseIssue[];
}

/**
 * Result of {@link extractJson}.
 *
 * @example
 * ```ts
 * const { candidates, issues }: JsonExtraction = extractJson('no JSON here');
 * ```
 */
export interface JsonExtraction {
  /** Every JSON array or object found, in text order. */
  readonly candidates: readonly JsonCandidate[];
  /**
   * Issues about the text as a whole: JSON-looking text that yielded nothing (`invalid-json`,
   * `truncated`, severity `error`, at most three), `scan-limit-reached`, and when there is neither
   * a candidate nor such an attempt, `empty-response` or `no-json-found`. Never empty when
   * `candidates` is.
   */
  readonly issues: readonly ParseIssue[];
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly fence: MarkdownFence | null;
}

interface Failure {
  readonly start: number;
  readonly halt: JsonHalt;
}

/**
 * Finds every JSON array and object in a model reply, tolerating what models actually write.
 *
 * @remarks
 * Handles Markdown fences with any tag (`json`, `JSON`, ` json`, `jsonc`, `python`, none,
 * indented, unclosed), prose before and after, several blocks, arrays and objects inside prose
 * (brackets are matched with strings and escapes respected), trailing and missing commas, `//`
 * and `/* *\/` comments, raw control characters in strings, single quotes, unquoted keys, Python
 * literals and `NaN` (see {@link JsonRepair}), and JSON Lines (one object per line, returned as
 * one array candidate). A reply cut short keeps the complete elements of its top-level array, or
 * of the list inside a wrapper object, and is marked `truncated`. Unwrapping and validation are
 * the parsers' job.
 *
 * Runs in time linear in the text length (nesting is capped at 64 levels, failed attempts share
 * a work budget, and the search stops after 10,000 candidates with a `scan-limit-reached`
 * warning), so hostile input of megabytes is safe. Offsets are UTF-16 code units.
 *
 * @param text - The model's reply, as `response.text`.
 * @returns Every candidate in text order, and issues about the text as a whole.
 * @throws {@link InvalidArgumentError} If `text` is not a string.
 *
 * @example
 * ```ts
 * const { candidates } = extractJson('Here you go:\n```json\n[{"box_2d": [1, 2, 3, 4], "label": "a",},]\n```');
 * candidates[0]?.value; // => [{ box_2d: [1, 2, 3, 4], label: 'a' }]
 * candidates[0]?.fence?.tag; // => 'json'
 * ```
 */
export function extractJson(text: string): JsonExtraction {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError({
      argument: 'text',
      expected: 'a string',
      received: text,
      hint: 'Pass the model reply text, e.g. `response.text`.',
    });
  }

  const candidates: JsonCandidate[] = [];
  const failures: Failure[] = [];
  const globalIssues: ParseIssue[] = [];
  const firstContentOffset = findFirstNonWhitespace(text);
  const budget = SCAN_BUDGET_BASE + SCAN_BUDGET_PER_CHARACTER * text.length;
  let work = 0;

  segments: for (const segment of splitByFences(text)) {
    const segmentCandidates: JsonCandidate[] = [];
    let endOfInputFailure: Failure | undefined;
    let position = segment.start;

    while (position < segment.end) {
      const start = findNextBracket(text, position, segment.end);
      if (start === -1) break;
      if (!isPlausibleStart(text, start, segment.end)) {
        position = start + 1;
        continue;
      }
      const found = candidates.length + segmentCandidates.length;
      if (work > budget || found >= MAX_CANDIDATES) {
        const reason = work > budget ? 'too many failed attempts' : `more than ${MAX_CANDIDATES} JSON blocks`;
        globalIssues.push({
          code: 'scan-limit-reached',
          severity: 'warning',
          message: `Stopped looking for JSON at offset ${start}: the text is pathological (${reason}).`,
          offset: start,
        });
        appendAll(candidates, mergeJsonLines(text, segmentCandidates, undefined));
        break segments;
      }

      const read = readJsonValue(text, start, segment.end);
      if (read.halt === undefined) {
        segmentCandidates.push(createCandidate(read, start, segment.fence, []));
        position = read.end;
        continue;
      }

      work += read.end - start;
      const { halt } = read;
      if (read.value !== undefined) {
        segmentCandidates.push(createCandidate(read, start, segment.fence, [salvageIssue(read.value, halt)]));
        position = halt.kind === 'end-of-input' ? segment.end : Math.max(read.end, start + 1);
        continue;
      }

      const failure = { start, halt };
      const meaningful = segment.fence !== null || read.completedValues > 0 || start === firstContentOffset;
      if (meaningful && failures.length < MAX_FAILURE_ISSUES) failures.push(failure);
      if (halt.kind === 'end-of-input') {
        endOfInputFailure = failure;
        break;
      }
      // Resume where reading failed: the values inside a broken one are fragments, not answers.
      position = Math.max(read.end, start + 1);
    }

    appendAll(candidates, mergeJsonLines(text, segmentCandidates, endOfInputFailure));
  }

  return { candidates, issues: [...describeFailures(text, firstContentOffset, candidates, failures), ...globalIssues] };
}

/** Splits the text into prose and fenced segments; fence markers belong to neither. */
function splitByFences(text: string): Segment[] {
  const segments: Segment[] = [];
  let proseStart = 0;

  for (;;) {
    const open = text.indexOf('```', proseStart);
    if (open === -1) break;
    let cursor = open;
    while (text.charCodeAt(cursor) === 0x60) cursor += 1;
    cursor = skipSpacesAndTabs(text, cursor);
    const tagStart = cursor;
    while (cursor < text.length && isFenceTagCharacter(text.charCodeAt(cursor))) cursor += 1;
    const tag = text.slice(tagStart, cursor);
    cursor = skipSpacesAndTabs(text, cursor);
    let contentStart = cursor;
    if (text.charCodeAt(cursor) === 0x0a) contentStart = cursor + 1;
    else if (text.charCodeAt(cursor) === 0x0d && text.charCodeAt(cursor + 1) === 0x0a) contentStart = cursor + 2;

    const close = text.indexOf('```', contentStart);
    let fenceEnd = text.length;
    if (close !== -1) {
      fenceEnd = close;
      while (text.charCodeAt(fenceEnd) === 0x60) fenceEnd += 1;
    }
    if (open > proseStart) segments.push({ start: proseStart, end: open, fence: null });
    segments.push({
      start: contentStart,
      end: close === -1 ? text.length : close,
      fence: { tag, start: open, end: fenceEnd, closed: close !== -1 },
    });
    proseStart = fenceEnd;
  }

  if (proseStart < text.length) segments.push({ start: proseStart, end: text.length, fence: null });
  return segments;
}

function createCandidate(
  read: JsonReadResult,
  start: number,
  fence: MarkdownFence | null,
  issues: readonly ParseIssue[],
): JsonCandidate {
  return {
    value: read.value as JsonCandidate['value'],
    format: 'json',
    start,
    end: read.end,
    fence,
    truncated: read.halt?.kind === 'end-of-input',
    issues: [...issues, ...read.repairs.map(describeRepair)],
  };
}

/** Gathers runs of objects on consecutive lines (JSON Lines) into one array candidate. */
function mergeJsonLines(
  text: string,
  candidates: readonly JsonCandidate[],
  endOfInputFailure: Failure | undefined,
): JsonCandidate[] {
  const merged: JsonCandidate[] = [];
  let index = 0;
  while (index < candidates.length) {
    let runEnd = index + 1;
    while (
      runEnd < candidates.length &&
      isLineObject(candidates[runEnd - 1]) &&
      isLineObject(candidates[runEnd]) &&
      isLineBreakGap(text, candidates[runEnd - 1]?.end ?? 0, candidates[runEnd]?.start ?? 0)
    ) {
      runEnd += 1;
    }
    const run = candidates.slice(index, runEnd);
    const last = run[run.length - 1];
    const first = run[0];
    const cutAfter =
      last !== undefined &&
      isLineObject(last) &&
      endOfInputFailure !== undefined &&
      endOfInputFailure.start >= last.end &&
      isLineBreakGap(text, last.end, endOfInputFailure.start);

    if (first === undefined || last === undefined || (run.length < 2 && !cutAfter) || !isLineObject(first)) {
      appendAll(merged, run);
    } else {
      const truncated = cutAfter || last.truncated;
      const cutIssue: ParseIssue[] =
        cutAfter
          ? [
              {
                code: 'truncated',
                severity: 'warning',
                message: `The reply ends inside JSON Lines at offset ${endOfInputFailure.halt.offset}; kept the ${run.length} complete lines before it.`,
                offset: endOfInputFailure.halt.offset,
              },
            ]
          : [];
      merged.push({
        value: run.map((candidate) => candidate.value),
        format: 'json-lines',
        start: first.start,
        end: last.end,
        fence: first.fence,
        truncated,
        issues: [...cutIssue, ...deduplicateIssues(run.flatMap((candidate) => candidate.issues))],
      });
    }
    index = runEnd;
  }
  return merged;
}

function isLineObject(candidate: JsonCandidate | undefined): boolean {
  return candidate?.format === 'json' && !Array.isArray(candidate.value);
}

/** `true` when `text[from, to)` is whitespace containing at least one line break. */
function isLineBreakGap(text: string, from: number, to: number): boolean {
  let sawLineBreak = false;
  for (let offset = from; offset < to; offset += 1) {
    const code = text.charCodeAt(offset);
    if (code === 0x0a) sawLineBreak = true;
    else if (!isWhitespace(code)) return false;
  }
  return sawLineBreak;
}

function deduplicateIssues(issues: readonly ParseIssue[]): ParseIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}:${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function salvageIssue(value: unknown, halt: JsonHalt): ParseIssue {
  const kept = Array.isArray(value)
    ? `the ${value.length} complete ${value.length === 1 ? 'element' : 'elements'} before it`
    : 'the complete part of the object before it';
  if (halt.kind === 'end-of-input') {
    return {
      code: 'truncated',
      severity: 'warning',
      message: `The reply ends inside the JSON at offset ${halt.offset}; kept ${kept}.`,
      offset: halt.offset,
    };
  }
  return {
    code: 'invalid-json',
    severity: 'warning',
    message: `Invalid JSON at offset ${halt.offset} (${halt.reason}); kept ${kept}.`,
    offset: halt.offset,
  };
}

function describeFailures(
  text: string,
  firstContentOffset: number,
  candidates: readonly JsonCandidate[],
  failures: readonly Failure[],
): ParseIssue[] {
  if (candidates.length === 0 && failures.length === 0) {
    if (firstContentOffset === -1) {
      return [
        {
          code: 'empty-response',
          severity: 'error',
          message: `The reply is empty${text.length > 0 ? ' (whitespace only)' : ''}; the model may have spent its output tokens on thinking.`,
        },
      ];
    }
    return [
      {
        code: 'no-json-found',
        severity: 'error',
        message: `No JSON array or object in the reply (${text.length} characters); the model answered in prose.`,
      },
    ];
  }
  return failures.map(({ start, halt }): ParseIssue => {
    if (halt.kind === 'end-of-input') {
      return {
        code: 'truncated',
        severity: 'error',
        message: `The reply ends at offset ${halt.offset} inside the JSON that starts at offset ${start}, before any item was complete.`,
        offset: halt.offset,
      };
    }
    return {
      code: 'invalid-json',
      severity: 'error',
      message: `Invalid JSON at offset ${halt.offset} (${halt.reason}) in the JSON that starts at offset ${start}; nothing could be kept from it.`,
      offset: halt.offset,
    };
  });
}

const REPAIR_DESCRIPTIONS: Readonly<Record<JsonRepair, string>> = {
  'trailing-comma': 'a trailing comma',
  'extra-comma': 'an extra comma',
  'missing-comma': 'a missing comma',
  comment: 'comments',
  'control-character': 'raw control characters inside strings',
  'single-quotes': 'single-quoted strings',
  'unquoted-key': 'unquoted keys',
  'python-literal': 'Python literals (True, False, None)',
  'non-finite-literal': 'NaN or Infinity',
  'non-standard-number': 'numbers JSON does not allow (such as +1, .5 or 01)',
  'invalid-escape': 'backslash escapes JSON does not define',
};

function describeRepair(repair: JsonRepair): ParseIssue {
  return {
    code: 'json-repaired',
    severity: 'info',
    message: `Tolerated ${REPAIR_DESCRIPTIONS[repair]} in the JSON.`,
    repair,
  };
}

/** `target.push(...source)` without the call-stack limit on huge arrays. */
function appendAll<T>(target: T[], source: readonly T[]): void {
  for (const element of source) target.push(element);
}

function findNextBracket(text: string, from: number, end: number): number {
  for (let offset = from; offset < end; offset += 1) {
    const code = text.charCodeAt(offset);
    if (code === 0x5b || code === 0x7b) return offset;
  }
  return -1;
}

/** Cheap look-ahead so that prose such as `[sic]` or `{name}` does not start a full attempt. */
function isPlausibleStart(text: string, start: number, end: number): boolean {
  let offset = start + 1;
  while (offset < end && isWhitespace(text.charCodeAt(offset))) offset += 1;
  if (offset >= end) return true;
  const code = text.charCodeAt(offset);
  const common = code === 0x22 || code === 0x27 || code === 0x2f || code === 0x2c;
  if (text.charCodeAt(start) === 0x7b) {
    return common || code === 0x7d || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
  }
  return (
    common ||
    code === 0x5b ||
    code === 0x5d ||
    code === 0x7b ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x2e ||
    LITERAL_INITIALS.has(code)
  );
}

/** First letters of `true`, `false`, `null`, `True`, `False`, `None`, `NaN`, `Infinity`. */
const LITERAL_INITIALS: ReadonlySet<number> = new Set([0x74, 0x66, 0x6e, 0x54, 0x46, 0x4e, 0x49]);

function findFirstNonWhitespace(text: string): number {
  for (let offset = 0; offset < text.length; offset += 1) {
    if (!isWhitespace(text.charCodeAt(offset))) return offset;
  }
  return -1;
}

function skipSpacesAndTabs(text: string, from: number): number {
  let offset = from;
  while (text.charCodeAt(offset) === 0x20 || text.charCodeAt(offset) === 0x09) offset += 1;
  return offset;
}

function isFenceTagCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x2e ||
    code === 0x23
  );
}
