// Internal to parse/: what parseDetections, parseSegmentations and parsePoints share — options,
// choosing among JSON candidates, unwrapping, per-item reading, filtering. Not re-exported.
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertPositiveInteger } from '../internal/assert';
import { describeValue } from '../internal/describe-value';
import { extractJson, type JsonCandidate } from './extract-json';
import type { ParseIssue } from './parse-issue';
import type { ItemContext } from './read-item-fields';
import type { ParseOptions, ParseResult } from './types';

/** Keys of wrapper objects such as `{"boxes": [...]}`, in the order they are tried. */
const WRAPPER_KEYS: readonly string[] = ['boxes', 'items', 'detections', 'objects', 'results', 'points', 'masks'];
/** How many single-key objects are unwrapped in a row, e.g. `{"result": {"boxes": [...]}}`. */
const MAX_UNWRAP_DEPTH = 3;

/** How one parser reads its kind of item. */
export interface ItemKind<Item> {
  /** Keys that make an object look like one item (rather than a wrapper or something else). */
  readonly itemKeys: readonly string[];
  /** Reads one item object; `undefined` (with an error issue) when it is unusable. */
  readonly readItem: (raw: Readonly<Record<string, unknown>>, context: ItemContext) => Item | undefined;
}

interface Evaluation<Item> {
  readonly candidate: JsonCandidate;
  readonly items: Item[];
  readonly issues: ParseIssue[];
}

/** Extracts JSON from `text`, picks the candidate yielding the most items, and reads them. */
export function parseItemList<Item extends { readonly label: string }>(
  text: string,
  options: ParseOptions | undefined,
  kind: ItemKind<Item>,
): ParseResult<Item> {
  const { labels, maxItems } = readOptions(options);
  const extraction = extractJson(text);
  const { candidates } = extraction;

  let best: Evaluation<Item> | undefined;
  for (const candidate of candidates) {
    const evaluation = evaluateCandidate(candidate, kind);
    if (best === undefined || isBetter(evaluation, best)) best = evaluation;
  }
  if (best === undefined) {
    return {
      items: [],
      issues: extraction.issues,
      truncated: extraction.issues.some((issue) => issue.code === 'truncated'),
      candidate: null,
    };
  }

  // Failed JSON attempts explain an empty result; next to recovered items they are noise.
  const issues: ParseIssue[] =
    best.items.length > 0 ? extraction.issues.filter((issue) => !isFailedAttempt(issue)) : [...extraction.issues];
  if (candidates.length > 1) {
    issues.push({
      code: 'multiple-candidates',
      severity: 'info',
      count: candidates.length,
      chosenOffset: best.candidate.start,
      message: `The reply holds ${candidates.length} JSON blocks; used the one at offset ${best.candidate.start}, which yields the most items (${best.items.length}).`,
    });
  }
  for (const issue of best.candidate.issues) issues.push(issue);
  for (const issue of best.issues) issues.push(issue);

  let items: readonly Item[] = best.items;
  if (labels !== undefined) {
    const wanted = new Set(labels);
    const kept = items.filter((item) => wanted.has(item.label));
    if (kept.length < items.length) {
      const count = items.length - kept.length;
      issues.push({
        code: 'filtered-by-label',
        severity: 'info',
        count,
        message: `Dropped ${count} ${count === 1 ? 'item' : 'items'} whose label is not in \`options.labels\`.`,
      });
    }
    items = kept;
  }
  if (maxItems !== undefined && items.length > maxItems) {
    const count = items.length - maxItems;
    issues.push({
      code: 'max-items-exceeded',
      severity: 'info',
      count,
      message: `Dropped the last ${count} ${count === 1 ? 'item' : 'items'} beyond \`options.maxItems\` (${maxItems}).`,
    });
    items = items.slice(0, maxItems);
  }

  const truncated =
    best.candidate.truncated || (best.items.length === 0 && extraction.issues.some((issue) => issue.code === 'truncated'));
  return { items, issues, truncated, candidate: best.candidate };
}

/** In `extraction.issues`, `invalid-json` and `truncated` describe attempts that yielded nothing. */
function isFailedAttempt(issue: ParseIssue): boolean {
  return issue.code === 'invalid-json' || issue.code === 'truncated';
}

function isBetter<Item>(challenger: Evaluation<Item>, incumbent: Evaluation<Item>): boolean {
  if (challenger.items.length !== incumbent.items.length) return challenger.items.length > incumbent.items.length;
  return incumbent.candidate.truncated && !challenger.candidate.truncated;
}

function evaluateCandidate<Item>(candidate: JsonCandidate, kind: ItemKind<Item>): Evaluation<Item> {
  const issues: ParseIssue[] = [];
  const items: Item[] = [];
  const list = unwrapList(candidate.value, kind.itemKeys, issues);
  if (list === undefined) return { candidate, items, issues };
  if (list.length === 0) {
    issues.push({ code: 'empty-array', severity: 'info', message: 'The model returned an empty list: it found nothing.' });
    return { candidate, items, issues };
  }

  const aliases = new Map<string, { readonly canonicalKey: string; count: number }>();
  const noteAlias = (key: string, canonicalKey: string): void => {
    const entry = aliases.get(key);
    if (entry === undefined) aliases.set(key, { canonicalKey, count: 1 });
    else entry.count += 1;
  };

  for (const [index, element] of list.entries()) {
    if (!isPlainObject(element)) {
      issues.push({
        code: 'item-not-an-object',
        severity: 'error',
        itemIndex: index,
        message: `Item ${index} is ${describeJsonType(element)}, not an object; dropped it.`,
      });
      continue;
    }
    const item = kind.readItem(element, { index, issues, consumedKeys: new Set(), noteAlias });
    if (item !== undefined) items.push(item);
  }

  for (const [key, { canonicalKey, count }] of aliases) {
    issues.push({
      code: 'key-alias',
      severity: 'info',
      key,
      canonicalKey,
      count,
      message: `Read \`${key}\` as \`${canonicalKey}\` in ${count} ${count === 1 ? 'item' : 'items'}.`,
    });
  }
  return { candidate, items, issues };
}

/** The list of items inside a candidate: the array itself, a wrapper's list, or one item object. */
function unwrapList(
  value: unknown,
  itemKeys: readonly string[],
  issues: ParseIssue[],
  depth = 0,
): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value as readonly unknown[];
  if (!isPlainObject(value)) {
    issues.push({ code: 'not-an-array', severity: 'error', message: `The JSON is ${describeJsonType(value)}, not a list of items.` });
    return undefined;
  }

  for (const key of WRAPPER_KEYS) {
    const inner = Object.hasOwn(value, key) ? value[key] : undefined;
    if (Array.isArray(inner) && (inner.length === 0 || inner.some(isPlainObject))) {
      issues.push(describeUnwrap(key));
      return inner as readonly unknown[];
    }
  }
  if (itemKeys.some((key) => Object.hasOwn(value, key))) {
    issues.push({
      code: 'single-object',
      severity: 'info',
      message: 'The JSON is a single item object, not a list; read it as a list of one.',
    });
    return [value];
  }
  const keys = Object.keys(value);
  const [onlyKey] = keys;
  if (keys.length === 1 && onlyKey !== undefined) {
    const inner = value[onlyKey];
    if (Array.isArray(inner) && (inner.length === 0 || inner.some(isPlainObject))) {
      issues.push(describeUnwrap(onlyKey));
      return inner as readonly unknown[];
    }
    if (isPlainObject(inner) && depth < MAX_UNWRAP_DEPTH) {
      issues.push(describeUnwrap(onlyKey));
      return unwrapList(inner, itemKeys, issues, depth + 1);
    }
  }
  issues.push({
    code: 'not-an-array',
    severity: 'error',
    message: `The JSON is an object with ${keys.length} ${keys.length === 1 ? 'key' : 'keys'} but no list of items and no item fields.`,
  });
  return undefined;
}

function describeUnwrap(key: string): ParseIssue {
  return {
    code: 'wrapper-unwrapped',
    severity: 'info',
    key,
    message: `Read the items from the wrapper key ${describeValue(key)}.`,
  };
}

function readOptions(options: ParseOptions | undefined): ParseOptions {
  if (options === undefined) return {};
  // Callers without TypeScript can pass anything.
  const untyped: unknown = options;
  if (typeof untyped !== 'object' || untyped === null || Array.isArray(untyped)) {
    throw new InvalidArgumentError({ argument: 'options', expected: 'an options object or undefined', received: options });
  }
  const { labels, maxItems } = options;
  if (labels !== undefined && (!Array.isArray(labels) || !labels.every((label) => typeof label === 'string'))) {
    throw new InvalidArgumentError({
      argument: 'options.labels',
      expected: 'an array of strings',
      received: labels,
      hint: 'Pass the exact labels to keep, e.g. `["cat", "dog"]`, or leave it out.',
    });
  }
  if (maxItems !== undefined) assertPositiveInteger('options.maxItems', maxItems);
  return { labels, maxItems };
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'string') return `a string of length ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
