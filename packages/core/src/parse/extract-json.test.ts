import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { extractJson } from './extract-json';

const ITEMS = '[{"box_2d": [1, 2, 3, 4], "label": "a"}]';
const VALUE = [{ box_2d: [1, 2, 3, 4], label: 'a' }];

function onlyValue(text: string): unknown {
  const { candidates } = extractJson(text);
  expect(candidates).toHaveLength(1);
  return candidates[0]?.value;
}

function repairsOf(text: string): string[] {
  return extractJson(text).candidates.flatMap((candidate) =>
    candidate.issues.flatMap((issue) => (issue.code === 'json-repaired' ? [issue.repair] : [])),
  );
}

describe('extractJson', () => {
  it.each([
    { name: '```json', text: `\`\`\`json\n${ITEMS}\n\`\`\``, tag: 'json' },
    { name: '```JSON', text: `\`\`\`JSON\n${ITEMS}\n\`\`\``, tag: 'JSON' },
    { name: '``` json', text: `\`\`\` json\n${ITEMS}\n\`\`\``, tag: 'json' },
    { name: '```jsonc', text: `\`\`\`jsonc\n// boxes\n${ITEMS}\n\`\`\``, tag: 'jsonc' },
    { name: 'an untagged fence', text: `\`\`\`\n${ITEMS}\n\`\`\``, tag: '' },
    { name: 'an indented fence', text: `Boxes:\n    \`\`\`json\n    ${ITEMS}\n    \`\`\``, tag: 'json' },
    { name: 'a four-backtick fence', text: `\`\`\`\`json\n${ITEMS}\n\`\`\`\``, tag: 'json' },
    { name: 'a one-line fence', text: `\`\`\`json ${ITEMS} \`\`\``, tag: 'json' },
    { name: 'CRLF line endings', text: `\`\`\`json\r\n${ITEMS}\r\n\`\`\`\r\n`, tag: 'json' },
  ])('reads JSON from $name', ({ text, tag }) => {
    const { candidates, issues } = extractJson(text);

    expect(issues).toEqual([]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ value: VALUE, format: 'json', truncated: false, fence: { tag, closed: true } });
    expect(text.slice(candidates[0]?.start, candidates[0]?.end)).toBe(ITEMS);
  });

  it('reads Python from a ```python fence', () => {
    const text = "```python\nboxes = [\n  {'box_2d': [1, 2, 3, 4], 'label': 'a'},\n]\nprint(boxes)\n```";

    expect(onlyValue(text)).toEqual(VALUE);
    expect(extractJson(text).candidates[0]?.fence?.tag).toBe('python');
  });

  it('reads an unclosed fence to the end of the text', () => {
    const { candidates } = extractJson(`\`\`\`json\n${ITEMS}\n`);

    expect(candidates[0]).toMatchObject({ value: VALUE, truncated: false, fence: { tag: 'json', closed: false } });
  });

  it('reads bare JSON with no fence', () => {
    const { candidates } = extractJson(`\n${ITEMS}\n`);

    expect(candidates[0]).toMatchObject({ value: VALUE, fence: null, start: 1 });
  });

  it('locates the fence between prose before and after', () => {
    const before = 'Here are the bounding box detections:';
    const after = "Here's how to clean the table:\n\n1.  **Grab the cloth**: wipe (gently).";
    const text = `${before}\n\`\`\`json\n${ITEMS}\n\`\`\`\n${after}\n`;
    const fence = extractJson(text).candidates[0]?.fence;

    expect(text.slice(0, fence?.start).trim()).toBe(before);
    expect(text.slice(fence?.end).trim()).toBe(after);
  });

  it('returns every block in text order', () => {
    const text = '```json\n[{"a": 1}]\n```\nor, bare:\n{"b": 2}\n```\n[3]\n```';
    const { candidates } = extractJson(text);

    expect(candidates.map((candidate) => candidate.value)).toEqual([[{ a: 1 }], { b: 2 }, [3]]);
    expect(candidates.map((candidate) => candidate.fence?.tag ?? null)).toEqual(['json', null, '']);
  });

  it('finds JSON inside prose, respecting brackets and escaped quotes in strings', () => {
    const text = 'Sure [see below]: [{"label": "a ] } [ \\"quoted\\" label"}] — {done}.';

    expect(onlyValue(text)).toEqual([{ label: 'a ] } [ "quoted" label' }]);
  });

  it.each([
    { name: 'trailing commas', text: '[{"a": 1,},]', value: [{ a: 1 }], repair: 'trailing-comma' },
    { name: 'an extra comma', text: '[{"a": 1},, {"a": 2}]', value: [{ a: 1 }, { a: 2 }], repair: 'extra-comma' },
    { name: 'a missing comma', text: '[{"a": 1}\n {"a": 2}]', value: [{ a: 1 }, { a: 2 }], repair: 'missing-comma' },
    { name: '// comments', text: '[ // first\n{"a": 1}]', value: [{ a: 1 }], repair: 'comment' },
    { name: '/* */ comments', text: '[/* first */ {"a": /* one */ 1}]', value: [{ a: 1 }], repair: 'comment' },
    { name: 'a raw tab in a string', text: '[{"a": "x\ty"}]', value: [{ a: 'x\ty' }], repair: 'control-character' },
    { name: 'a raw line break in a string', text: '[{"a": "x\ny"}]', value: [{ a: 'x\ny' }], repair: 'control-character' },
    { name: 'a raw NUL in a string', text: '[{"a": "x\u0000y"}]', value: [{ a: 'x\u0000y' }], repair: 'control-character' },
    { name: 'single quotes', text: "[{'a': 'it\\'s'}]", value: [{ a: "it's" }], repair: 'single-quotes' },
    { name: 'unquoted keys', text: '[{box_2d: [1, 2, 3, 4]}]', value: [{ box_2d: [1, 2, 3, 4] }], repair: 'unquoted-key' },
    { name: 'Python literals', text: '[{"a": True, "b": False, "c": None}]', value: [{ a: true, b: false, c: null }], repair: 'python-literal' },
    { name: 'NaN and Infinity', text: '[NaN, -Infinity, Infinity]', value: [Number.NaN, -Infinity, Infinity], repair: 'non-finite-literal' },
    { name: 'non-standard numbers', text: '[+1, .5, 1., 007]', value: [1, 0.5, 1, 7], repair: 'non-standard-number' },
    { name: 'undefined escapes', text: '["a\\qb"]', value: ['aqb'], repair: 'invalid-escape' },
  ])('tolerates $name', ({ text, value, repair }) => {
    expect(onlyValue(text)).toEqual(value);
    expect(repairsOf(text)).toContain(repair);
  });

  it('decodes standard escapes without reporting a repair', () => {
    expect(onlyValue('["\\u00e9\\n\\t\\"\\\\\\/\\ud83e\\uddc1"]')).toEqual(['é\n\t"\\/🧁']);
    expect(repairsOf('["\\u00e9\\n"]')).toEqual([]);
  });

  it('gathers JSON Lines into one array', () => {
    const { candidates } = extractJson('{"a": 1}\n{"a": 2}\r\n\n{"a": 3}\n');

    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ format: 'json-lines', value: [{ a: 1 }, { a: 2 }, { a: 3 }], truncated: false });
  });

  it('keeps objects on one line as separate candidates', () => {
    expect(extractJson('{"a": 1} {"a": 2}').candidates.map((candidate) => candidate.format)).toEqual(['json', 'json']);
  });

  it('keeps the complete lines of truncated JSON Lines', () => {
    const { candidates } = extractJson('{"a": 1}\n{"a": 2}\n{"a": "thr');

    expect(candidates[0]).toMatchObject({ format: 'json-lines', value: [{ a: 1 }, { a: 2 }], truncated: true });
    expect(candidates[0]?.issues[0]).toMatchObject({ code: 'truncated', severity: 'warning' });
  });

  it.each([
    { name: 'inside an item', text: '[{"a": 1}, {"a": 2}, {"a": 3, "b": [4,', value: [{ a: 1 }, { a: 2 }] },
    { name: 'inside a string', text: '```json\n[{"a": 1}, {"a": "data:image/png;base64,iVBOR', value: [{ a: 1 }] },
    { name: 'after a comma', text: '[{"a": 1},', value: [{ a: 1 }] },
    { name: 'inside a wrapper', text: '{"boxes": [{"a": 1}, {"a":', value: { boxes: [{ a: 1 }] } },
    { name: 'inside a nested wrapper', text: '{"result": {"boxes": [{"a": 1}, {', value: { result: { boxes: [{ a: 1 }] } } },
    { name: 'at a fence that closes too early', text: '```json\n[{"a": 1}, {"a": 2\n```\nDone.', value: [{ a: 1 }] },
  ])('salvages the complete items of a reply truncated $name', ({ text, value }) => {
    const { candidates, issues } = extractJson(text);

    expect(issues).toEqual([]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ value, truncated: true });
    expect(candidates[0]?.issues[0]).toMatchObject({ code: 'truncated', severity: 'warning' });
  });

  it.each([
    { name: 'a single item', text: '{"box_2d": [1, 2, 3, 4], "label": "a' },
    { name: 'the first item', text: '[{"box_2d": [1, 2, 3, 4], "label": "a"' },
    { name: 'an opening fence and bracket', text: '```json\n[' },
  ])('reports an error when truncation leaves nothing of $name', ({ text }) => {
    const { candidates, issues } = extractJson(text);

    expect(candidates).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'truncated', severity: 'error', offset: text.length })]);
  });

  it('keeps the items before a syntax error and reports it', () => {
    const text = '[{"a": 1}, {"a": 2} oops, {"a": 3}]';
    const { candidates } = extractJson(text);

    expect(candidates[0]).toMatchObject({ value: [{ a: 1 }, { a: 2 }], truncated: false });
    expect(candidates[0]?.issues[0]).toMatchObject({ code: 'invalid-json', severity: 'warning', offset: text.indexOf('oops') });
  });

  it('reports invalid JSON that yields nothing, and resumes after it', () => {
    const text = '```json\n{"boxes" [{"box_2d": [1, 2, 3, 4]}]}\n```';
    const { candidates, issues } = extractJson(text);

    expect(issues).toEqual([expect.objectContaining({ code: 'invalid-json', severity: 'error', offset: text.indexOf(' [') + 1 })]);
    expect(candidates.map((candidate) => candidate.value)).toEqual([[{ box_2d: [1, 2, 3, 4] }]]);
  });

  it.each([
    { name: 'an empty reply', text: '', code: 'empty-response' },
    { name: 'a whitespace reply', text: ' \n\t', code: 'empty-response' },
    { name: 'prose', text: 'I cannot identify any objects in this image.', code: 'no-json-found' },
    { name: 'prose with brackets', text: 'The cat [sic] sat {name} on [the mat].', code: 'no-json-found' },
  ])('explains why $name holds no JSON', ({ text, code }) => {
    expect(extractJson(text)).toEqual({ candidates: [], issues: [expect.objectContaining({ code, severity: 'error' })] });
  });

  it('keeps `__proto__` as an own key without touching any prototype', () => {
    const value = onlyValue('[{"__proto__": {"polluted": true}, "label": "a"}]') as Record<string, unknown>[];
    const [item] = value;

    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.hasOwn(item ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses nesting deeper than 64 levels and still finds shallower JSON', () => {
    const text = `${'['.repeat(100)}${']'.repeat(100)}`;
    const { candidates } = extractJson(text);

    expect(candidates).toHaveLength(1);
    expect(candidates[0]?.start).toBe(64);
  });

  it('throws InvalidArgumentError for a non-string', () => {
    const call = (): unknown => extractJson(42 as unknown as string);

    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(/^Expected a string for `text`, but received 42\./);
  });

  it.each([
    { name: 'opening brackets', text: '['.repeat(1_000_000) },
    { name: 'opening braces', text: '{'.repeat(1_000_000) },
    { name: 'nested keys', text: '{"a":'.repeat(200_000) },
    { name: 'quotes', text: '"'.repeat(1_000_000) },
    { name: 'backticks', text: '`'.repeat(1_000_000) },
    { name: 'unterminated comments', text: '[/*'.repeat(333_333) },
    { name: 'unclosed strings in arrays', text: '["'.repeat(500_000) },
    { name: 'strings of brackets', text: '[{"a":"['.repeat(125_000) },
    { name: 'nested lists', text: '[1,'.repeat(333_333) },
    { name: 'prose brackets', text: '[note] '.repeat(140_000) },
    { name: 'salvageable fragments', text: '[1 x'.repeat(250_000) },
  ])('returns on 1 MB of $name', ({ text }) => {
    const { candidates, issues } = extractJson(text);

    expect(candidates.length + issues.length).toBeGreaterThan(0);
  });

  it('stops after 10,000 candidates and says so', () => {
    const text = '[1] '.repeat(20_000);
    const { candidates, issues } = extractJson(text);

    expect(candidates).toHaveLength(10_000);
    expect(issues).toEqual([expect.objectContaining({ code: 'scan-limit-reached', severity: 'warning', offset: 40_000 })]);
  });

  propertyIt.prop([fc.string({ unit: 'binary', maxLength: 300 })])(
    'returns candidates with valid ranges, or issues, for any string',
    (text) => {
      const { candidates, issues } = extractJson(text);

      if (candidates.length === 0) expect(issues.length).toBeGreaterThan(0);
      for (const candidate of candidates) {
        expect(candidate.start).toBeGreaterThanOrEqual(0);
        expect(candidate.end).toBeGreaterThan(candidate.start);
        expect(candidate.end).toBeLessThanOrEqual(text.length);
        expect(typeof candidate.value).toBe('object');
      }
    },
  );

  propertyIt.prop([fc.json()])('reads any JSON array or object exactly as JSON.parse does', (json) => {
    const parsed = JSON.parse(json) as unknown;
    fc.pre(typeof parsed === 'object' && parsed !== null);

    expect(extractJson(`Result:\n\`\`\`json\n${json}\n\`\`\``).candidates[0]?.value).toEqual(parsed);
  });
});
