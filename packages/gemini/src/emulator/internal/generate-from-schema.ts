import { isRecord, type JsonRecord, readArray, readField, readRecord, readString } from './json-value';
import type { ResponseSchema } from './model-call';
import type { SeededRandom } from './seeded-random';

const MAX_DEPTH = 12;

/**
 * Generates a JSON value that satisfies a response schema, deterministically for a given random
 * source. Covers what structured prompts use: objects (`properties`, `required`), arrays
 * (`items`, `minItems`, `maxItems`; distinct values for enums), strings (`enum`, `const`,
 * `format: date-time`), numbers and integers (`minimum`, `maximum`), booleans, nullable,
 * `anyOf` / `oneOf` (first branch), `type` lists, and local `$ref`s to `$defs` / `definitions`.
 * OpenAPI-style schemas (`type: 'OBJECT'`) are read the same way.
 */
export function generateFromSchema(responseSchema: ResponseSchema, random: SeededRandom, hint: string): unknown {
  const root = responseSchema.schema;
  return generate(root, root, random, hint, 0);
}

function generate(schema: unknown, root: unknown, random: SeededRandom, name: string, depth: number): unknown {
  if (!isRecord(schema) || depth > MAX_DEPTH) return null;
  const reference = readString(schema, '$ref');
  if (reference !== undefined) return generate(resolveReference(reference, root), root, random, name, depth + 1);

  if (Object.hasOwn(schema, 'const')) return schema['const'];
  const choices = readArray(schema, 'enum');
  if (choices !== undefined && choices.length > 0) return choices[random.integer(0, choices.length - 1)];
  const branches = readArray(schema, 'anyOf', 'any_of') ?? readArray(schema, 'oneOf', 'one_of');
  if (branches !== undefined && branches.length > 0) {
    const firstNonNull = branches.find((branch) => !(isRecord(branch) && readType(branch) === 'null'));
    return generate(firstNonNull ?? branches[0], root, random, name, depth + 1);
  }
  const allOf = readArray(schema, 'allOf', 'all_of');
  if (allOf !== undefined && allOf.length > 0) return generate(mergeAll(allOf), root, random, name, depth + 1);

  switch (readType(schema)) {
    case 'object':
      return generateObject(schema, root, random, depth);
    case 'array':
      return generateArray(schema, root, random, name, depth);
    case 'string':
      return generateString(schema, name, random);
    case 'integer':
      return generateNumber(schema, random, true, name);
    case 'number':
      return generateNumber(schema, random, false, name);
    case 'boolean':
      return random.next() < 0.5;
    case 'null':
      return null;
    case undefined:
      return readRecord(schema, 'properties') === undefined ? null : generateObject(schema, root, random, depth);
  }
}

type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null' | undefined;

function readType(schema: JsonRecord): SchemaType {
  const type = readField(schema, 'type');
  const first = Array.isArray(type)
    ? (type as unknown[]).find((entry) => typeof entry === 'string' && entry.toLowerCase() !== 'null')
    : type;
  if (typeof first !== 'string') return undefined;
  const lower = first.toLowerCase();
  switch (lower) {
    case 'object':
    case 'array':
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
      return lower;
    default:
      return undefined;
  }
}

function generateObject(schema: JsonRecord, root: unknown, random: SeededRandom, depth: number): Record<string, unknown> {
  const properties = readRecord(schema, 'properties') ?? {};
  const ordering = readArray(schema, 'propertyOrdering', 'property_ordering');
  const names = ordering?.filter((entry): entry is string => typeof entry === 'string') ?? Object.keys(properties);
  const result: Record<string, unknown> = {};
  for (const key of names) {
    if (Object.hasOwn(properties, key)) result[key] = generate(properties[key], root, random, key, depth + 1);
  }
  return result;
}

function generateArray(schema: JsonRecord, root: unknown, random: SeededRandom, name: string, depth: number): unknown[] {
  const minimum = readCount(schema, 'minItems', 'min_items') ?? (isBoxName(name) ? 4 : 1);
  const maximum = Math.max(minimum, readCount(schema, 'maxItems', 'max_items') ?? Math.max(minimum, isBoxName(name) ? 4 : 3));
  let items = readField(schema, 'items');
  if (isRecord(items) && readString(items, '$ref') !== undefined) {
    items = resolveReference(readString(items, '$ref') ?? '', root);
  }
  const choices = isRecord(items) ? readArray(items, 'enum') : undefined;
  if (choices !== undefined && choices.length > 0) {
    // classification: distinct labels, as many as the bounds allow
    const pool = [...choices];
    const count = Math.min(pool.length, random.integer(minimum, maximum));
    const picked: unknown[] = [];
    while (picked.length < Math.max(count, Math.min(minimum, pool.length))) {
      picked.push(pool.splice(random.integer(0, pool.length - 1), 1)[0]);
    }
    return picked;
  }
  if (isBoxName(name) && isRecord(items) && (readType(items) === 'integer' || readType(items) === 'number')) {
    return name.toLowerCase().includes('point') ? generatePoint(random) : generateBox(random);
  }
  const count = random.integer(minimum, maximum);
  return Array.from({ length: count }, () => generate(items, root, random, singular(name), depth + 1));
}

function generateString(schema: JsonRecord, name: string, random: SeededRandom): string {
  const format = readString(schema, 'format');
  if (format === 'date-time') return new Date(Date.UTC(2026, 0, 1 + random.integer(0, 27))).toISOString();
  if (format === 'date') return `2026-01-${String(1 + random.integer(0, 27)).padStart(2, '0')}`;
  const base = name === '' ? 'value' : name.replace(/_/g, ' ');
  return `emulated ${base} ${random.integer(1, 99)}`;
}

function generateNumber(schema: JsonRecord, random: SeededRandom, integer: boolean, name: string): number {
  const coordinate = isBoxName(name);
  const minimum = readNumber(schema, 'minimum') ?? 0;
  const maximum = readNumber(schema, 'maximum') ?? (coordinate ? 1000 : minimum + 100);
  if (integer) return random.integer(Math.ceil(minimum), Math.floor(maximum));
  return Math.round((minimum + random.next() * (maximum - minimum)) * 1000) / 1000;
}

function generateBox(random: SeededRandom): number[] {
  const ymin = random.integer(0, 600);
  const xmin = random.integer(0, 600);
  return [ymin, xmin, ymin + random.integer(50, 400), xmin + random.integer(50, 400)];
}

function generatePoint(random: SeededRandom): number[] {
  return [random.integer(0, 1000), random.integer(0, 1000)];
}

function isBoxName(name: string): boolean {
  return /box|point/i.test(name);
}

function singular(name: string): string {
  return name.endsWith('s') && name.length > 3 ? name.slice(0, -1) : name;
}

function readCount(schema: JsonRecord, ...keys: string[]): number | undefined {
  const value = readField(schema, ...keys);
  // OpenAPI-style schemas carry int64 counts as strings
  const count = typeof value === 'string' ? Number(value) : value;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
}

function readNumber(schema: JsonRecord, key: string): number | undefined {
  const value = readField(schema, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function resolveReference(reference: string, root: unknown): unknown {
  if (!reference.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const segment of reference.slice(2).split('/')) {
    if (!isRecord(node)) return undefined;
    node = node[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function mergeAll(schemas: readonly unknown[]): JsonRecord {
  const merged: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  for (const schema of schemas) {
    if (!isRecord(schema)) continue;
    Object.assign(merged, schema);
    Object.assign(properties, readRecord(schema, 'properties') ?? {});
  }
  if (Object.keys(properties).length > 0) merged['properties'] = properties;
  return merged;
}
