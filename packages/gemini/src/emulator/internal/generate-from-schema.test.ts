import { describe, expect, it } from 'vitest';

import { generateFromSchema } from './generate-from-schema';
import { createSeededRandom } from './seeded-random';

describe('generateFromSchema', () => {
  it('resolves $refs, picks the non-null anyOf branch and keeps const values', () => {
    const schema = {
      $defs: { item: { type: 'object', properties: { box_2d: { type: 'array', items: { type: 'integer' } }, kind: { const: 'cup' } } } },
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/$defs/item' }, minItems: 2, maxItems: 2 },
        note: { anyOf: [{ type: 'null' }, { type: 'string' }] },
      },
    };

    const value = generateFromSchema({ style: 'json-schema', schema }, createSeededRandom(3), '') as {
      items: { box_2d: number[]; kind: string }[];
      note: unknown;
    };

    expect(value.items).toHaveLength(2);
    for (const item of value.items) {
      expect(item.kind).toBe('cup');
      expect(item.box_2d).toHaveLength(4);
      const [ymin = 0, xmin = 0, ymax = 0, xmax = 0] = item.box_2d;
      expect(ymin).toBeLessThan(ymax);
      expect(xmin).toBeLessThan(xmax);
      expect(Math.max(...item.box_2d)).toBeLessThanOrEqual(1000);
    }
    expect(typeof value.note).toBe('string');
  });

  it('reads OpenAPI-style upper-case types and string counts', () => {
    const schema = { type: 'ARRAY', items: { type: 'STRING', enum: ['a', 'b', 'c'] }, minItems: '3' };

    const value = generateFromSchema({ style: 'openapi', schema }, createSeededRandom(9), '') as string[];

    expect([...value].sort()).toEqual(['a', 'b', 'c']);
  });
});
