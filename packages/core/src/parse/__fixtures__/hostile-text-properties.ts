// Hostile-text properties of the parsers, registered by `hostile-text.test.ts` (a small sample in
// `pnpm test`) and `hostile-text.fuzz.test.ts` (`pnpm test:fuzz`).
//
// Inputs: arbitrary strings (any code unit, lone surrogates included), JSON-like token soup,
// nesting bombs, and mutations of the real Gemini replies in `responses/` (truncation, insertion,
// deletion, bit flips in the UTF-8 bytes and in UTF-16 code units). Property: `extractJson` and
// the three parsers never throw on a string, return well-formed results (no silent empty list),
// and stay within the per-case time budget. Labels with path characters, NUL, 300 characters,
// right-to-left or CJK text come back verbatim.
import { readFileSync } from 'node:fs';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe } from 'vitest';

import { expectTypedOutcome, expectValidResult, hostileValue, type Validation } from '../../__fixtures__/fuzz-harness';
import { extractJson, type JsonExtraction } from '../extract-json';
import type { ParseIssue } from '../parse-issue';
import { parseDetections } from '../parse-detections';
import { parsePoints } from '../parse-points';
import { parseSegmentations } from '../parse-segmentations';
import type { Detection, LabeledPoint, ParseResult, Segmentation } from '../types';

const fixtures = new URL('./', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('fixtures.json', fixtures), 'utf8')) as readonly { readonly kind: string; readonly file: string }[];
/** The 21 real replies, verbatim. */
const REAL_TEXTS: readonly string[] = manifest.map(({ file }) => readFileSync(new URL(file, fixtures), 'utf8'));
const ISSUE_SEVERITIES = new Set(['error', 'warning', 'info']);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function issueProblems(issue: ParseIssue): string[] {
  const { code, severity, message } = issue as unknown as Readonly<Record<string, unknown>>;
  const problems: string[] = [];
  if (typeof code !== 'string' || code === '') problems.push('issue without a code');
  if (typeof severity !== 'string' || !ISSUE_SEVERITIES.has(severity)) problems.push(`issue severity ${JSON.stringify(severity)}`);
  if (typeof message !== 'string' || message === '') problems.push('issue without a message');
  else if (message.length > 2000) problems.push(`issue message of ${message.length} characters`);
  return problems;
}

function isCoordinate(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1000;
}

type AnyResult = ParseResult<Detection> | ParseResult<Segmentation> | ParseResult<LabeledPoint>;

function resultProblems(result: AnyResult): string[] {
  const problems = result.issues.flatMap(issueProblems);
  if (typeof result.truncated !== 'boolean') problems.push('truncated is not a boolean');
  if (result.items.length === 0 && result.issues.length === 0) problems.push('silent empty list');
  let previousIndex = -1;
  for (const item of result.items) {
    if (typeof item.label !== 'string') problems.push(`item ${item.index}: label is not a string`);
    if (!(Number.isInteger(item.index) && item.index > previousIndex)) problems.push(`bad index ${item.index}`);
    previousIndex = item.index;
    if ('box' in item) {
      const [ymin, xmin, ymax, xmax] = item.box;
      if (!item.box.every(isCoordinate) || ymin > ymax || xmin > xmax) problems.push(`item ${item.index}: bad box ${JSON.stringify(item.box)}`);
    }
    if ('point' in item && !item.point.every(isCoordinate)) problems.push(`item ${item.index}: bad point ${JSON.stringify(item.point)}`);
    if ('mask' in item && item.mask !== null) {
      const signature = [...item.mask.bytes.subarray(0, 8)];
      if ((item.mask.encoding as string) !== 'png' || signature.some((byte, index) => byte !== PNG_SIGNATURE[index])) problems.push(`item ${item.index}: mask is not PNG bytes`);
    }
  }
  return problems;
}

function extractionProblems(text: string): (extraction: JsonExtraction) => Validation {
  return ({ candidates, issues }) => {
    const problems = issues.flatMap(issueProblems);
    if (candidates.length === 0 && issues.length === 0) problems.push('no candidate and no issue');
    for (const candidate of candidates) {
      const value: unknown = candidate.value;
      if (typeof value !== 'object' || value === null) problems.push('candidate value is not an object');
      if (!(candidate.start >= 0 && candidate.start < candidate.end && candidate.end <= text.length)) problems.push(`bad candidate range ${candidate.start}..${candidate.end}`);
      problems.push(...candidate.issues.flatMap(issueProblems));
    }
    return problems;
  };
}

/** Runs `extractJson` and the three parsers on `text`; none may throw. */
function expectAllWellFormed(text: string): void {
  expectValidResult('extractJson', () => extractJson(text), extractionProblems(text));
  expectValidResult('parseDetections', () => parseDetections(text), resultProblems);
  expectValidResult('parseSegmentations', () => parseSegmentations(text), resultProblems);
  expectValidResult('parsePoints', () => parsePoints(text), resultProblems);
}

const TOKENS = [
  '[', ']', '{', '}', '"', "'", ',', ':', ' ', '\n', '```', '```json\n', '```python\n', '\\', '\\u00', '\\ud83d', '1', '-2.5e3', '1e400',
  '-0', '0x1F', 'true', 'None', 'NaN', 'Infinity', '//', '/*', '*/', '"box_2d"', '"label"', '"point"', '"points"', '"mask"', '"boxes"',
  '[1, 2, 3, 4]', '[400, 300, 100, 2000]', '[1e308, -1e308, 5, 5]', '"data:image/png;base64,iVBORw0KGgo="', '"data:image/png;base64,',
  '"<seg_1>"', '[[1,2],[3,4]]', '"390"', '\u0000', '\u2028', '\ufeff', '\ud800', '\udfff', '寿司', '\u202e',
];
const tokenSoup = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 120 }).map((parts) => parts.join(''));
/** Deep nesting and long runs: what a recursive reader or a quadratic scan would choke on. */
const bomb = fc
  .tuple(fc.constantFrom('[', '{"a":', '[{"box_2d":', '"', '\\', '```', '{', '[1,', '```json\n[', '"\\u', ' '), fc.integer({ min: 1, max: 40_000 }), fc.constantFrom('', ']', '}', '"', '```'))
  .map(([unit, count, tail]) => unit.repeat(count) + tail);
const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 3, arbitrary: tokenSoup },
  { weight: 1, arbitrary: bomb },
);

/** A uniform fraction of the length in [0, 1) (no bias toward the ends, unlike `fc.double`). */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((value) => value / 1_000_000);

/** One edit of a real reply; positions are fractions of the current length. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('flip-byte' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('flip-unit' as const), at: position, bit: fc.integer({ min: 0, max: 15 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function applyMutation(text: string, edit: Mutation): string {
  const indexAt = (length: number): number => Math.min(length - 1, Math.floor(edit.at * length));
  switch (edit.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(edit.at * text.length));
    case 'insert': {
      const at = Math.floor(edit.at * text.length);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'delete': {
      const at = Math.floor(edit.at * text.length);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'flip-byte': {
      const bytes = encoder.encode(text);
      if (bytes.length === 0) return text;
      const at = indexAt(bytes.length);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << edit.bit);
      return decoder.decode(bytes);
    }
    case 'flip-unit': {
      if (text.length === 0) return text;
      const at = indexAt(text.length);
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << edit.bit)) + text.slice(at + 1);
    }
  }
}

const mutatedReal = fc
  .tuple(fc.nat({ max: REAL_TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([index, edits]) => edits.reduce(applyMutation, REAL_TEXTS[index] ?? ''));

/** Labels that must survive parsing byte for byte. */
const hostileLabel = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'a\u0000b',
    '\u0000',
    'x'.repeat(300),
    '寿'.repeat(300),
    'שלום עולם',
    'مرحبا بالعالم',
    'a\u202egnp.exe',
    '寿司 🍣 (sushi)',
    'たい焼き',
    'e\u0301',
    '\ud800',
    ' leading and trailing ',
    '"quoted" \\ back\\slash',
    '\n\t',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Registers every parser property with `numRuns` cases each. */
export function describeHostileTextProperties(numRuns: number): void {
  describe('parsers on hostile text', () => {
    propertyIt.prop([anyText], { numRuns })('never throw and return well-formed results on arbitrary text', (text) => {
      expectAllWellFormed(text);
    });

    propertyIt.prop([mutatedReal], { numRuns })(
      'never throw and return well-formed results on truncated, edited and bit-flipped real replies',
      (text) => {
        expectAllWellFormed(text);
      },
    );

    propertyIt.prop([hostileValue().filter((value) => typeof value !== 'string')], { numRuns: Math.max(1, Math.floor(numRuns / 10)) })(
      'throw a typed error, never an untyped one, on a value that is not a string',
      (value) => {
        expectTypedOutcome('extractJson (not a string)', () => extractJson(value as string), () => ['accepted a non-string']);
        expectTypedOutcome('parseDetections (not a string)', () => parseDetections(value as string), () => ['accepted a non-string']);
        expectTypedOutcome('parseSegmentations (not a string)', () => parseSegmentations(value as string), () => ['accepted a non-string']);
        expectTypedOutcome('parsePoints (not a string)', () => parsePoints(value as string), () => ['accepted a non-string']);
      },
    );

    propertyIt.prop([fc.array(hostileLabel, { minLength: 1, maxLength: 6 }), fc.constantFrom('detect', 'segment', 'point'), fc.boolean()], {
      numRuns: Math.max(1, Math.floor(numRuns / 4)),
    })('keep hostile labels verbatim', (labels, kind, fenced) => {
      const mask = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';
      const items = labels.map((label, index) =>
        kind === 'point'
          ? `{"point": [${100 + index}, ${200 + index}], "label": ${JSON.stringify(label)}}`
          : kind === 'segment'
            ? `{"box_2d": [${100 + index}, 200, 300, 400], "mask": "${mask}", "label": ${JSON.stringify(label)}}`
            : `{"box_2d": [${100 + index}, 200, 300, 400], "label": ${JSON.stringify(label)}}`,
      );
      const json = `[\n  ${items.join(',\n  ')}\n]`;
      const text = fenced ? `\`\`\`json\n${json}\n\`\`\`` : json;
      const parse = kind === 'point' ? parsePoints : kind === 'segment' ? parseSegmentations : parseDetections;
      expectValidResult(`${kind} labels`, () => parse(text), (result): Validation => {
        const got = result.items.map((item) => item.label);
        return JSON.stringify(got) === JSON.stringify(labels) && got.every((label, index) => label === labels[index])
          ? []
          : [`labels ${JSON.stringify(got)} instead of ${JSON.stringify(labels)}`];
      });
    });
  });
}
