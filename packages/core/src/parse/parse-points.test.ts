import { describe, expect, it } from 'vitest';

import { parsePoints } from './parse-points';

describe('parsePoints', () => {
  it('reads [y, x] points and labels', () => {
    const { items, issues } = parsePoints('[{"point": [263, 404], "label": "blue bowl"}, {"point": [0, 1000], "label": "corner"}]');

    expect(issues).toEqual([]);
    expect(items).toEqual([
      { index: 0, label: 'blue bowl', point: [263, 404], repairs: [] },
      { index: 1, label: 'corner', point: [0, 1000], repairs: [] },
    ]);
  });

  it.each([
    { name: '`points` as one pair', json: '{"points": [263, 404], "label": "a"}', codes: ['key-alias'] },
    { name: '`point` as a list of one pair', json: '{"point": [[263, 404]], "label": "a"}', codes: [] },
    { name: 'numeric strings', json: '{"point": ["263", "404"], "label": "a"}', codes: ['numeric-string'] },
  ])('reads $name', ({ json, codes }) => {
    const { items, issues } = parsePoints(`[${json}]`);

    expect(items).toEqual([{ index: 0, label: 'a', point: [263, 404], repairs: [] }]);
    expect(issues.map((issue) => issue.code)).toEqual(codes);
  });

  it.each([
    { input: '[-5, 404]', point: [0, 404], repairs: ['clamped'] },
    { input: '[263, 1200]', point: [263, 1000], repairs: ['clamped', 'looks-like-pixels'] },
    { input: '[1000.5, -0.5]', point: [1000, 0], repairs: ['clamped', 'looks-like-pixels'] },
  ])('clamps $input to $point and warns', ({ input, point, repairs }) => {
    const { items, issues } = parsePoints(`[{"point": ${input}, "label": "a"}]`);

    expect(items).toEqual([{ index: 0, label: 'a', point, repairs }]);
    expect(issues).toEqual([expect.objectContaining({ code: 'point-repaired', severity: 'warning', itemIndex: 0, repairs })]);
  });

  it.each([
    { name: 'three numbers', point: '[1, 2, 3]', reason: /array of length 3/ },
    { name: 'NaN', point: '[NaN, 2]', reason: /element 0 is NaN/ },
    { name: 'a word', point: '["top", 2]', reason: /element 0 is "top"/ },
    { name: 'a trajectory', point: '[[1, 2], [3, 4]]', reason: /element 0 is an array of length 2/ },
    { name: 'an object', point: '{"y": 1, "x": 2}', reason: /received an object/ },
  ])('drops a point given as $name', ({ point, reason }) => {
    const { items, issues } = parsePoints(`[{"point": ${point}, "label": "bad"}, {"point": [5, 6], "label": "good"}]`);
    const itemIssues = issues.filter((issue) => issue.code !== 'json-repaired');

    expect(items.map((item) => [item.index, item.label])).toEqual([[1, 'good']]);
    expect(itemIssues).toEqual([expect.objectContaining({ code: 'invalid-point', severity: 'error', itemIndex: 0 })]);
    expect(itemIssues[0]?.message).toMatch(reason);
  });

  it('drops an item without a point', () => {
    const { items, issues } = parsePoints('[{"box_2d": [1, 2, 3, 4], "label": "a"}]');

    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'missing-point', severity: 'error', itemIndex: 0 })]);
  });

  it('unwraps a `points` wrapper and keeps other keys in `extra`', () => {
    const { items, issues } = parsePoints('{"points": [{"point": [1, 2], "label": "a", "in_frame": true}]}');

    expect(items).toEqual([{ index: 0, label: 'a', point: [1, 2], repairs: [], extra: { in_frame: true } }]);
    expect(issues).toEqual([expect.objectContaining({ code: 'wrapper-unwrapped', key: 'points' })]);
  });

  it('reads a single point object with a `points` key as one item, not a wrapper', () => {
    const { items, issues } = parsePoints('{"points": [[1, 2]], "label": "a"}');

    expect(items).toEqual([{ index: 0, label: 'a', point: [1, 2], repairs: [] }]);
    expect(issues.map((issue) => issue.code)).toEqual(['single-object', 'key-alias']);
  });

  it('reads JSON Lines of points', () => {
    const { items, candidate } = parsePoints('{"point": [1, 2], "label": "a"}\n{"point": [3, 4], "label": "b"}');

    expect(candidate?.format).toBe('json-lines');
    expect(items.map((item) => item.point)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('filters by label and limits the count', () => {
    const text = '[{"point": [1, 2], "label": "a"}, {"point": [3, 4], "label": "b"}, {"point": [5, 6], "label": "a"}]';
    const { items, issues } = parsePoints(text, { labels: ['a'], maxItems: 1 });

    expect(items.map((item) => item.index)).toEqual([0]);
    expect(issues.map((issue) => issue.code === 'filtered-by-label' || issue.code === 'max-items-exceeded' ? issue.count : -1)).toEqual([1, 1]);
  });
});
