import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { ParseIssue } from './parse-issue';
import { parseDetections } from './parse-detections';

const RED = '{"box_2d": [390, 64, 574, 203], "label": "red sprinkles"}';
const PINK = '{"box_2d": [382, 250, 537, 369], "label": "pink frosting"}';

function codes(issues: readonly ParseIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

describe('parseDetections', () => {
  it('reads boxes and labels from a fenced list', () => {
    const result = parseDetections(`\`\`\`json\n[\n  ${RED},\n  ${PINK}\n]\n\`\`\``);

    expect(result).toMatchObject({ issues: [], truncated: false });
    expect(result.items).toEqual([
      { index: 0, label: 'red sprinkles', box: [390, 64, 574, 203], repairs: [] },
      { index: 1, label: 'pink frosting', box: [382, 250, 537, 369], repairs: [] },
    ]);
  });

  it.each(['boxes', 'items', 'detections', 'objects', 'results', 'points', 'masks', 'cupcakes'])(
    'unwraps the list from a `%s` wrapper',
    (key) => {
      const { items, issues } = parseDetections(`{"${key}": [${RED}, ${PINK}]}`);

      expect(items.map((item) => item.label)).toEqual(['red sprinkles', 'pink frosting']);
      expect(issues).toEqual([expect.objectContaining({ code: 'wrapper-unwrapped', severity: 'info', key })]);
    },
  );

  it('unwraps nested single-key wrappers', () => {
    const { items, issues } = parseDetections(`{"response": {"boxes": [${RED}]}}`);

    expect(items).toHaveLength(1);
    expect(issues.map((issue) => issue.code === 'wrapper-unwrapped' && issue.key)).toEqual(['response', 'boxes']);
  });

  it('reads a single item object as a list of one', () => {
    const { items, issues } = parseDetections(RED);

    expect(items).toEqual([{ index: 0, label: 'red sprinkles', box: [390, 64, 574, 203], repairs: [] }]);
    expect(codes(issues)).toEqual(['single-object']);
  });

  it.each([
    { key: 'bbox', canonicalKey: 'box_2d', json: '{"bbox": [1, 2, 3, 4], "label": "a"}' },
    { key: 'box', canonicalKey: 'box_2d', json: '{"box": [1, 2, 3, 4], "label": "a"}' },
    { key: 'bounding_box', canonicalKey: 'box_2d', json: '{"bounding_box": [1, 2, 3, 4], "label": "a"}' },
    { key: 'name', canonicalKey: 'label', json: '{"box_2d": [1, 2, 3, 4], "name": "a"}' },
    { key: 'class', canonicalKey: 'label', json: '{"box_2d": [1, 2, 3, 4], "class": "a"}' },
    { key: 'class_name', canonicalKey: 'label', json: '{"box_2d": [1, 2, 3, 4], "class_name": "a"}' },
    { key: 'text', canonicalKey: 'label', json: '{"box_2d": [1, 2, 3, 4], "text": "a"}' },
    { key: 'score', canonicalKey: 'confidence', json: '{"box_2d": [1, 2, 3, 4], "label": "a", "score": 0.5}' },
  ])('reads `$key` as `$canonicalKey` and counts the alias once for the list', ({ key, canonicalKey, json }) => {
    const { items, issues } = parseDetections(`[${json}, ${json}]`);

    expect(items.map((item) => [item.label, item.box])).toEqual([
      ['a', [1, 2, 3, 4]],
      ['a', [1, 2, 3, 4]],
    ]);
    expect(issues).toEqual([expect.objectContaining({ code: 'key-alias', severity: 'info', key, canonicalKey, count: 2 })]);
  });

  it('prefers the canonical key and keeps the other in `extra`', () => {
    const { items } = parseDetections('[{"box_2d": [1, 2, 3, 4], "bbox": [9, 9, 9, 9], "label": "a", "name": "b"}]');

    expect(items[0]).toMatchObject({ box: [1, 2, 3, 4], label: 'a', extra: { bbox: [9, 9, 9, 9], name: 'b' } });
  });

  it('reads numeric strings with a warning', () => {
    const { items, issues } = parseDetections('[{"box_2d": ["390", " 64", "574.5", "2.03e2"], "label": "a"}]');

    expect(items[0]?.box).toEqual([390, 64, 574.5, 203]);
    expect(issues).toEqual([expect.objectContaining({ code: 'numeric-string', severity: 'warning', itemIndex: 0, key: 'box_2d' })]);
  });

  it.each([
    { name: 'NaN', box: '[NaN, 1, 2, 3]', reason: /element 0 is NaN/ },
    { name: 'Infinity', box: '[0, Infinity, 2, 3]', reason: /element 1 is Infinity/ },
    { name: 'an overflowing number', box: '[0, 1, 1e400, 3]', reason: /element 2 is Infinity/ },
    { name: 'a word', box: '[0, 1, 2, "big"]', reason: /element 3 is "big", not a number/ },
    { name: 'null', box: '[0, 1, null, 3]', reason: /element 2 is null/ },
    { name: 'three numbers', box: '[0, 1, 2]', reason: /array of length 3/ },
    { name: 'a string', box: '"390, 64, 574, 203"', reason: /received "390, 64, 574, 203"/ },
    { name: 'an object', box: '{"ymin": 1}', reason: /received an object/ },
  ])('drops an item whose box holds $name, and keeps the rest', ({ box, reason }) => {
    const { items, issues } = parseDetections(`[{"box_2d": ${box}, "label": "bad"}, ${RED}]`);
    const itemIssues = issues.filter((issue) => issue.code !== 'json-repaired');

    expect(items.map((item) => [item.index, item.label])).toEqual([[1, 'red sprinkles']]);
    expect(itemIssues).toEqual([expect.objectContaining({ code: 'invalid-box', severity: 'error', itemIndex: 0 })]);
    expect(itemIssues[0]?.message).toMatch(reason);
  });

  it('drops an item without a box', () => {
    const { items, issues } = parseDetections(`[{"label": "floating"}, {"box_2d": null, "label": "null"}, ${RED}]`);

    expect(items.map((item) => item.index)).toEqual([2]);
    expect(issues.map((issue) => [issue.code, issue.itemIndex])).toEqual([
      ['missing-box', 0],
      ['missing-box', 1],
    ]);
  });

  it('drops list entries that are not objects, keeping positions as indices', () => {
    const { items, issues } = parseDetections(`[1, "x", null, [1, 2, 3, 4], ${RED}]`);

    expect(items.map((item) => item.index)).toEqual([4]);
    expect(issues.map((issue) => [issue.code, issue.severity, issue.itemIndex])).toEqual([
      ['item-not-an-object', 'error', 0],
      ['item-not-an-object', 'error', 1],
      ['item-not-an-object', 'error', 2],
      ['item-not-an-object', 'error', 3],
    ]);
  });

  it.each([
    { input: '[400, 300, 100, 200]', box: [100, 200, 400, 300], repairs: ['reversed-y', 'reversed-x'] },
    { input: '[-5, 10, 1003, 20]', box: [0, 10, 1000, 20], repairs: ['clamped', 'looks-like-pixels'] },
    { input: '[100, 50, 100, 60]', box: [100, 50, 100, 60], repairs: ['degenerate'] },
  ])('repairs $input to $box and warns', ({ input, box, repairs }) => {
    const { items, issues } = parseDetections(`[{"box_2d": ${input}, "label": "a"}]`);

    expect(items).toEqual([{ index: 0, label: 'a', box, repairs }]);
    expect(issues).toEqual([expect.objectContaining({ code: 'box-repaired', severity: 'warning', itemIndex: 0, repairs })]);
  });

  it.each([
    { name: 'no label', json: '{"box_2d": [1, 2, 3, 4]}', label: '', code: 'missing-label' },
    { name: 'a null label', json: '{"box_2d": [1, 2, 3, 4], "label": null}', label: '', code: 'missing-label' },
    { name: 'a number label', json: '{"box_2d": [1, 2, 3, 4], "label": 7}', label: '7', code: 'invalid-label' },
    { name: 'a boolean label', json: '{"box_2d": [1, 2, 3, 4], "label": false}', label: 'false', code: 'invalid-label' },
    { name: 'an object label', json: '{"box_2d": [1, 2, 3, 4], "label": {"en": "a"}}', label: '', code: 'invalid-label' },
  ])('keeps an item with $name and warns', ({ json, label, code }) => {
    const { items, issues } = parseDetections(`[${json}]`);

    expect(items).toEqual([{ index: 0, label, box: [1, 2, 3, 4], repairs: [] }]);
    expect(issues).toEqual([expect.objectContaining({ code, severity: 'warning', itemIndex: 0 })]);
  });

  it.each([
    { name: 'path traversal', label: '../../etc/passwd' },
    { name: 'NUL', label: 'nul\u0000byte' },
    { name: 'right-to-left override', label: 'abc\u202Etxt.exe' },
    { name: 'CJK', label: '抹茶のスイスロール (Matcha Swiss Roll)' },
    { name: 'emoji with ZWJ sequences', label: '🧁 👩‍👩‍👧 🏳️‍🌈' },
    { name: 'surrounding whitespace', label: '  padded\t ' },
    { name: 'the empty string', label: '' },
    { name: 'quotes and backslashes', label: 'fox\' "shadow" \\ /' },
    { name: 'HTML', label: '<script>alert(1)</script>' },
    { name: '300 characters', label: 'a sentence label, with: punctuation. '.repeat(9).slice(0, 300) },
  ])('keeps a label with $name verbatim', ({ label }) => {
    const { items, issues } = parseDetections(JSON.stringify([{ box_2d: [1, 2, 3, 4], label }]));

    expect(items[0]?.label).toBe(label);
    expect(issues).toEqual([]);
  });

  it('keeps a label with a raw control character verbatim', () => {
    const { items } = parseDetections('[{"box_2d": [1, 2, 3, 4], "label": "tab\there\u0001"}]');

    expect(items[0]?.label).toBe('tab\there\u0001');
  });

  it.each([
    { given: '0.93', confidence: 0.93, codes: [] },
    { given: '"0.5"', confidence: 0.5, codes: ['numeric-string'] },
    { given: '95', confidence: 95, codes: [] },
    { given: '"high"', confidence: undefined, codes: ['invalid-confidence'] },
    { given: 'NaN', confidence: undefined, codes: ['json-repaired', 'invalid-confidence'] },
  ])('reads a confidence of $given as given', ({ given, confidence, codes: expected }) => {
    const { items, issues } = parseDetections(`[{"box_2d": [1, 2, 3, 4], "label": "a", "confidence": ${given}}]`);

    expect(items[0]?.confidence).toBe(confidence);
    expect(items[0] && 'confidence' in items[0]).toBe(confidence !== undefined);
    expect(codes(issues)).toEqual(expected);
  });

  it('keeps unknown keys in `extra`, including a mask', () => {
    const { items } = parseDetections('[{"box_2d": [1, 2, 3, 4], "label": "a", "mask": "data:…", "color": "red", "__proto__": 1}]');

    expect(items[0]?.extra).toEqual({ mask: 'data:…', color: 'red', ['__proto__']: 1 });
    expect(Object.getPrototypeOf(items[0]?.extra)).toBe(Object.prototype);
  });

  it('leaves `extra` and `confidence` out when there are none', () => {
    const [item] = parseDetections(`[${RED}]`).items;

    expect(Object.keys(item ?? {})).toEqual(['index', 'label', 'box', 'repairs']);
  });

  it('picks the JSON block that yields the most items', () => {
    const text = `First [1, 2]. Then:\n\`\`\`json\n[${RED}, ${PINK}]\n\`\`\`\nAlso {"note": "x"}`;
    const { items, issues, candidate } = parseDetections(text);

    expect(items).toHaveLength(2);
    expect(candidate?.fence?.tag).toBe('json');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'multiple-candidates', severity: 'info', count: 3, chosenOffset: text.indexOf('[{') }),
    ]);
  });

  it('salvages the items before a truncation', () => {
    const { items, issues, truncated } = parseDetections(`\`\`\`json\n[${RED}, ${PINK}, {"box_2d": [1, 2, 3`);

    expect(truncated).toBe(true);
    expect(items.map((item) => item.label)).toEqual(['red sprinkles', 'pink frosting']);
    expect(issues).toEqual([expect.objectContaining({ code: 'truncated', severity: 'warning' })]);
  });

  it.each([
    { name: 'an empty reply', text: '', code: 'empty-response', truncated: false },
    { name: 'prose', text: 'There are no cupcakes in this image.', code: 'no-json-found', truncated: false },
    { name: 'an empty list', text: '```json\n[]\n```', code: 'empty-array', truncated: false },
    { name: 'an empty wrapper', text: '{"boxes": []}', code: 'empty-array', truncated: false },
    { name: 'an unrelated object', text: '{"error": "blocked", "reason": "safety"}', code: 'not-an-array', truncated: false },
    { name: 'invalid JSON', text: '```json\n[{"box_2d": [1, 2, 3, 4] "label" "a"}]\n```', code: 'invalid-json', truncated: false },
    { name: 'a reply cut inside the first item', text: '[{"box_2d": [1, 2, 3, 4], "lab', code: 'truncated', truncated: true },
    { name: 'a points reply', text: '[{"point": [1, 2], "label": "a"}]', code: 'missing-box', truncated: false },
  ])('explains an empty result for $name', ({ text, code, truncated }) => {
    const result = parseDetections(text);

    expect(result.items).toEqual([]);
    expect(result.truncated).toBe(truncated);
    expect(codes(result.issues)).toContain(code);
  });

  it('explains invalid JSON even when a fragment inside it parses', () => {
    const { items, issues } = parseDetections('{"boxes" [{"label": "a"}]}');

    expect(items).toEqual([]);
    expect(codes(issues)).toEqual(['invalid-json', 'missing-box']);
  });

  it('keeps only the labels asked for, by exact match', () => {
    const text = `[${RED}, ${PINK}, {"box_2d": [1, 2, 3, 4], "label": "Red sprinkles"}]`;
    const { items, issues } = parseDetections(text, { labels: ['red sprinkles'] });

    expect(items.map((item) => [item.index, item.label])).toEqual([[0, 'red sprinkles']]);
    expect(issues).toEqual([expect.objectContaining({ code: 'filtered-by-label', severity: 'info', count: 2 })]);
  });

  it('explains an empty result when every label is filtered out', () => {
    const { items, issues } = parseDetections(`[${RED}]`, { labels: [] });

    expect(items).toEqual([]);
    expect(codes(issues)).toEqual(['filtered-by-label']);
  });

  it('keeps at most `maxItems` items', () => {
    const { items, issues } = parseDetections(`[${RED}, ${PINK}, ${RED}]`, { maxItems: 2 });

    expect(items.map((item) => item.index)).toEqual([0, 1]);
    expect(issues).toEqual([expect.objectContaining({ code: 'max-items-exceeded', count: 1 })]);
  });

  it.each([
    { name: 'a number as text', call: () => parseDetections(42 as unknown as string), pattern: /^Expected a string for `text`/ },
    { name: 'options that are a string', call: () => parseDetections('[]', 'x' as never), pattern: /for `options`/ },
    { name: 'labels that are a string', call: () => parseDetections('[]', { labels: 'cat' as never }), pattern: /^Expected an array of strings for `options\.labels`/ },
    { name: 'labels that hold a number', call: () => parseDetections('[]', { labels: [1] as never }), pattern: /`options\.labels`/ },
    { name: 'a maxItems of 0', call: () => parseDetections('[]', { maxItems: 0 }), pattern: /^Expected a positive integer for `options\.maxItems`/ },
    { name: 'a fractional maxItems', call: () => parseDetections('[]', { maxItems: 1.5 }), pattern: /`options\.maxItems`/ },
  ])('throws InvalidArgumentError for $name', ({ call, pattern }) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(pattern);
  });
});
