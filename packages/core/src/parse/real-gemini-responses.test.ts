import { readFileSync } from 'node:fs';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { extractJson } from './extract-json';
import type { ParseIssue, ParseIssueCode } from './parse-issue';
import { parseDetections } from './parse-detections';
import { parsePoints } from './parse-points';
import { parseSegmentations } from './parse-segmentations';
import type { Detection, LabeledPoint, ParseResult, Segmentation } from './types';

interface ManifestEntry {
  readonly id: string;
  readonly kind: 'detect' | 'segment' | 'point';
  readonly file: string;
}

interface SummaryItem {
  readonly label: string;
  readonly box_2d?: readonly number[];
  readonly point?: readonly number[];
  readonly mask_png?: { readonly size: readonly number[]; readonly bytes: number };
}

interface Summary {
  readonly fenced: boolean;
  readonly text_before_fence: string;
  readonly text_after_fence: string;
  readonly n_items: number;
  readonly items: readonly SummaryItem[];
}

const fixturesDirectory = new URL('./__fixtures__/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('fixtures.json', fixturesDirectory), 'utf8')) as ManifestEntry[];
const summaries = (
  JSON.parse(readFileSync(new URL('expected-summary.json', fixturesDirectory), 'utf8')) as {
    readonly fixtures: Readonly<Record<string, Summary>>;
  }
).fixtures;

const SEGMENT_PROMPT_WITHOUT_MASKS = 'cupcakes-segprompt-boxes-only-gemini-3-flash-preview-py';

const fixtures = manifest.map((entry) => {
  const summary = summaries[entry.id];
  if (summary === undefined) throw new Error(`no summary for ${entry.id}`);
  const text = readFileSync(new URL(entry.file, fixturesDirectory), 'utf8');
  const kind = entry.id === SEGMENT_PROMPT_WITHOUT_MASKS ? 'segment' : entry.kind;
  return { id: entry.id, kind, text, summary };
});

type AnyResult = ParseResult<Detection> | ParseResult<Segmentation> | ParseResult<LabeledPoint>;

function parseAs(kind: 'detect' | 'segment' | 'point', text: string): AnyResult {
  if (kind === 'point') return parsePoints(text);
  if (kind === 'segment') return parseSegmentations(text);
  return parseDetections(text);
}

/** Offsets just after the closing `}` of each item; every fixture puts one item per line. */
function itemEndOffsets(text: string): number[] {
  const ends: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (/^\s*\{.*\}\s*,?\s*$/.test(line)) ends.push(lineStart + line.lastIndexOf('}') + 1);
    lineStart += line.length + 1;
  }
  return ends;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ISSUE_CODES: ReadonlySet<ParseIssueCode> = new Set<ParseIssueCode>([
  'empty-response',
  'no-json-found',
  'invalid-json',
  'truncated',
  'scan-limit-reached',
  'json-repaired',
  'multiple-candidates',
  'not-an-array',
  'single-object',
  'wrapper-unwrapped',
  'empty-array',
  'item-not-an-object',
  'key-alias',
  'numeric-string',
  'missing-box',
  'invalid-box',
  'box-repaired',
  'missing-label',
  'invalid-label',
  'invalid-confidence',
  'missing-point',
  'invalid-point',
  'point-repaired',
  'missing-mask',
  'unsupported-mask-encoding',
  'invalid-mask',
  'mask-mime-mismatch',
  'filtered-by-label',
  'max-items-exceeded',
]);

function issueViolations(issue: ParseIssue): string[] {
  const violations: string[] = [];
  if (!ISSUE_CODES.has(issue.code)) violations.push(`unknown code ${issue.code}`);
  if (!['error', 'warning', 'info'].includes(issue.severity)) violations.push(`bad severity ${issue.severity}`);
  if (!/^[^\n]+$/.test(issue.message)) violations.push(`${issue.code}: message is empty or multi-line`);
  if (issue.itemIndex !== undefined && !(Number.isInteger(issue.itemIndex) && issue.itemIndex >= 0)) {
    violations.push(`${issue.code}: bad itemIndex ${issue.itemIndex}`);
  }
  return violations;
}

function isCoordinate(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1000;
}

/** Every broken invariant of a parse result; empty when the result is well-formed. */
function resultViolations(result: AnyResult): string[] {
  const violations = result.issues.flatMap(issueViolations);
  if (typeof result.truncated !== 'boolean') violations.push('truncated is not a boolean');
  if (result.items.length === 0 && result.issues.length === 0) violations.push('silent empty list');
  let previousIndex = -1;
  for (const item of result.items) {
    if (typeof item.label !== 'string') violations.push(`item ${item.index}: label is not a string`);
    if (!(Number.isInteger(item.index) && item.index > previousIndex)) violations.push(`bad index ${item.index}`);
    previousIndex = item.index;
    if ('box' in item) {
      const [ymin, xmin, ymax, xmax] = item.box;
      if (!item.box.every(isCoordinate) || ymin > ymax || xmin > xmax) {
        violations.push(`item ${item.index}: bad box ${JSON.stringify(item.box)}`);
      }
    }
    if ('point' in item && !item.point.every(isCoordinate)) {
      violations.push(`item ${item.index}: bad point ${JSON.stringify(item.point)}`);
    }
    if ('mask' in item && item.mask !== null) {
      const signature = [...item.mask.bytes.subarray(0, 8)];
      if ((item.mask.encoding as string) !== 'png' || signature.some((byte, index) => byte !== PNG_SIGNATURE[index])) {
        violations.push(`item ${item.index}: mask is not PNG bytes`);
      }
    }
  }
  return violations;
}

function extractionViolations(text: string): string[] {
  const { candidates, issues } = extractJson(text);
  const violations = issues.flatMap(issueViolations);
  if (candidates.length === 0 && issues.length === 0) violations.push('no candidate and no issue');
  for (const candidate of candidates) {
    if (typeof candidate.value !== 'object') violations.push('candidate value is not an object');
    if (!(candidate.start >= 0 && candidate.start < candidate.end && candidate.end <= text.length)) {
      violations.push(`bad candidate range ${candidate.start}..${candidate.end}`);
    }
    violations.push(...candidate.issues.flatMap(issueViolations));
  }
  return violations;
}

function expectAllParsersWellFormed(text: string): void {
  expect([
    ...extractionViolations(text),
    ...resultViolations(parseDetections(text)),
    ...resultViolations(parseSegmentations(text)),
    ...resultViolations(parsePoints(text)),
  ]).toEqual([]);
}

describe('parsers on real Gemini responses', () => {
  it('covers all 21 fixtures', () => {
    expect(fixtures).toHaveLength(21);
  });

  it.each(fixtures)('recovers every item of $id verbatim', ({ kind, text, summary }) => {
    const result = parseAs(kind, text);

    expect(result.items).toHaveLength(summary.n_items);
    expect(result.truncated).toBe(false);
    expect(result.items.map((item) => item.index)).toEqual(summary.items.map((_, index) => index));
    expect(result.items.map((item) => item.label)).toEqual(summary.items.map((item) => item.label));
    for (const [index, expected] of summary.items.entries()) {
      const item = result.items[index];
      if (expected.box_2d !== undefined) expect(item).toMatchObject({ box: expected.box_2d, repairs: [] });
      if (expected.point !== undefined) expect(item).toMatchObject({ point: expected.point, repairs: [] });
    }
    expect(resultViolations(result)).toEqual([]);
  });

  it.each(fixtures.filter(({ id }) => id !== SEGMENT_PROMPT_WITHOUT_MASKS))(
    'reports no errors or warnings for $id',
    ({ kind, text }) => {
      const serious = parseAs(kind, text).issues.filter((issue) => issue.severity !== 'info');

      expect(serious).toEqual([]);
    },
  );

  it.each(fixtures)('finds the JSON of $id inside or outside a fence as recorded', ({ kind, text, summary }) => {
    const { candidate } = parseAs(kind, text);

    expect(candidate).not.toBeNull();
    expect(candidate?.fence !== null).toBe(summary.fenced);
    if (candidate?.fence) {
      expect(candidate.fence.tag).toBe('json');
      expect(candidate.fence.closed).toBe(true);
      expect(text.slice(0, candidate.fence.start).trim()).toBe(summary.text_before_fence);
      expect(text.slice(candidate.fence.end).trim()).toBe(summary.text_after_fence);
    } else {
      expect(text.slice(0, candidate?.start).trim()).toBe('');
      expect(text.slice(candidate?.end).trim()).toBe('');
    }
  });

  it.each(fixtures.filter(({ summary }) => summary.items.some((item) => item.mask_png !== undefined)))(
    'returns every mask of $id as 256×256 PNG bytes',
    ({ text, summary }) => {
      const { items } = parseSegmentations(text);

      expect(items).toHaveLength(summary.n_items);
      for (const [index, item] of items.entries()) {
        const expected = summary.items[index]?.mask_png;
        const bytes = item.mask?.bytes ?? new Uint8Array();

        expect(item.mask?.encoding).toBe('png');
        expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('IHDR');
        expect([readUint32(bytes, 16), readUint32(bytes, 20)]).toEqual(expected?.size);
        expect(bytes.byteLength).toBe(expected?.bytes);
      }
    },
  );

  it('keeps the boxes of the Gemini 3 segment reply and reports each missing mask', () => {
    const fixture = fixtures.find(({ id }) => id === SEGMENT_PROMPT_WITHOUT_MASKS);
    const { items, issues } = parseSegmentations(fixture?.text ?? '');

    expect(items).toHaveLength(13);
    expect(items.every((item) => item.mask === null)).toBe(true);
    expect(items.map((item) => item.box)).toEqual(fixture?.summary.items.map((item) => item.box_2d));
    expect(issues).toHaveLength(13);
    expect(issues.map((issue) => [issue.code, issue.severity, issue.itemIndex])).toEqual(
      items.map((_, index) => ['missing-mask', 'warning', index]),
    );
    expect(issues[0]?.message).toMatch(/^Item 0 has no `mask`; kept its box/);
  });
});

describe('truncation salvage on real Gemini responses', () => {
  const cases = fixtures.flatMap(({ id, kind, text, summary }) =>
    itemEndOffsets(text).map((end, index) => {
      const start = text.lastIndexOf('{', end - 1);
      return { id, kind, index, cut: Math.floor((start + end) / 2), text, summary };
    }),
  );

  it('finds one line per item in every fixture', () => {
    for (const { text, summary } of fixtures) expect(itemEndOffsets(text)).toHaveLength(summary.n_items);
  });

  it.each(cases)('recovers the $index items before a cut inside item $index of $id', ({ kind, index, cut, text, summary }) => {
    const result = parseAs(kind, text.slice(0, cut));

    expect(result.truncated).toBe(true);
    expect(result.items.map((item) => item.label)).toEqual(summary.items.slice(0, index).map((item) => item.label));
    expect(result.issues.find((issue) => issue.code === 'truncated')?.severity).toBe(index === 0 ? 'error' : 'warning');
    expect(resultViolations(result)).toEqual([]);
  });

  it.each(fixtures)('recovers exactly the complete items at every cut of $id', ({ kind, text, summary }) => {
    const ends = itemEndOffsets(text);
    const arrayStart = text.indexOf('[');
    const arrayEnd = text.lastIndexOf(']') + 1;
    // Masks make the three segmentation replies long; test every position near an item boundary there.
    const step = text.length > 5000 ? 41 : 1;
    const cuts = new Set<number>();
    for (let cut = 0; cut <= text.length; cut += step) cuts.add(cut);
    for (const end of ends) for (let delta = -3; delta <= 3; delta += 1) cuts.add(end + delta);

    const mismatches: string[] = [];
    for (const cut of [...cuts].filter((value) => value >= 0 && value <= text.length)) {
      const result = parseAs(kind, text.slice(0, cut));
      const complete = ends.filter((end) => end <= cut).length;
      const labels = result.items.map((item) => item.label);
      const expectedLabels = summary.items.slice(0, complete).map((item) => item.label);
      if (JSON.stringify(labels) !== JSON.stringify(expectedLabels)) mismatches.push(`cut ${cut}: items ${labels.length}, expected ${complete}`);
      if (result.truncated !== (cut > arrayStart && cut < arrayEnd)) mismatches.push(`cut ${cut}: truncated ${result.truncated}`);
      mismatches.push(...resultViolations(result).map((violation) => `cut ${cut}: ${violation}`));
    }

    expect(mismatches).toEqual([]);
  });
});

describe('parsers on mutated real Gemini responses', () => {
  const insertions = ['[', ']', '{', '}', '"', "'", ',', ':', '\\', '`', '```', '\n', ' ', '0', '-', 'e', 'NaN', '//', '/*', '\u0000', '\ud83e'];
  const mutation = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    insert: fc.constantFrom(...insertions),
    remove: fc.nat({ max: 40 }),
  });

  propertyIt.prop([fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 })])(
    'returns well-formed results after random insertions and deletions',
    (fixtureIndex, mutations) => {
      let text = fixtures[fixtureIndex]?.text ?? '';
      for (const { at, insert, remove } of mutations) {
        const position = Math.floor(at * text.length);
        text = text.slice(0, position) + insert + text.slice(position + remove);
      }

      expectAllParsersWellFormed(text);
    },
  );
});

describe('parsers on arbitrary text', () => {
  const jsonish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '[', ']', '{', '}', '"', "'", ',', ':', ' ', '\n', '```', '```json\n', '\\', '\\u00', '1', '-2.5e3', '1e400',
          'true', 'None', 'NaN', '//', '/*', '*/', '"box_2d"', '"label"', '"point"', '"mask"', '"boxes"', '[1, 2, 3, 4]',
          '[400, 300, 100, 2000]', '"data:image/png;base64,iVBORw0KGgo="', '"<seg_1>"', '[[1,2],[3,4]]', '"390"',
        ),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));

  propertyIt.prop([fc.string({ unit: 'binary', maxLength: 200 })])('never throws on any string', (text) => {
    expectAllParsersWellFormed(text);
  });

  propertyIt.prop([jsonish])('never throws on JSON-like token soup', (text) => {
    expectAllParsersWellFormed(text);
  });
});
