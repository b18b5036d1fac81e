// Internal to parse/: reading the fields of one item object (box, label, confidence, numbers,
// leftover keys) while recording issues. Not re-exported by parse/index.ts.
import { repairNormalizedBox, type RepairedNormalizedBox } from '../geometry/repair-normalized-box';
import { describeValue } from '../internal/describe-value';
import type { ParseIssue } from './parse-issue';
import { setOwnProperty } from './read-json-value';

/** Label keys, canonical first, then the aliases seen in the wild. */
export const LABEL_KEYS: readonly string[] = ['label', 'name', 'class', 'class_name', 'text'];
/** Box keys, canonical first. */
export const BOX_KEYS: readonly string[] = ['box_2d', 'bbox', 'box', 'bounding_box'];
/** Self-reported confidence keys, canonical first. */
export const CONFIDENCE_KEYS: readonly string[] = ['confidence', 'score'];
/** Mask keys, canonical first. */
export const MASK_KEYS: readonly string[] = ['mask', 'segmentation_mask', 'segmentation'];
/** Point keys, canonical first. */
export const POINT_KEYS: readonly string[] = ['point', 'points'];

const MAX_NUMERIC_STRING_LENGTH = 64;
const NUMERIC_STRING = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Where one item's reading records what it used and what went wrong. */
export interface ItemContext {
  /** The item's position in the model's list. */
  readonly index: number;
  /** Issues of the whole list; item readers append to it. */
  readonly issues: ParseIssue[];
  /** Keys read into typed fields, so they are left out of `extra`. */
  readonly consumedKeys: Set<string>;
  /** Counts a use of an alias key for the list-level `key-alias` issue. */
  readonly noteAlias: (key: string, canonicalKey: string) => void;
}

/** A key found on an item, and its value. */
export interface PickedKey {
  readonly key: string;
  readonly value: unknown;
}

/**
 * Returns the first of `keys` the item has with a non-null value, noting an alias use. Every key
 * of the group holding `null` is consumed too (it carries nothing worth keeping in `extra`).
 */
export function pickKey(
  raw: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  context: ItemContext,
): PickedKey | undefined {
  for (const key of keys) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    context.consumedKeys.add(key);
    if (value === null || value === undefined) continue;
    const canonicalKey = keys[0];
    if (canonicalKey !== undefined && key !== canonicalKey) context.noteAlias(key, canonicalKey);
    return { key, value };
  }
  return undefined;
}

/** Reads the label verbatim; a missing or non-string label yields `''` (or its text) and an issue. */
export function readLabel(raw: Readonly<Record<string, unknown>>, context: ItemContext): string {
  const picked = pickKey(raw, LABEL_KEYS, context);
  if (picked === undefined) {
    context.issues.push({
      code: 'missing-label',
      severity: 'warning',
      itemIndex: context.index,
      message: `Item ${context.index} has no \`label\`; kept it with an empty label.`,
    });
    return '';
  }
  const { key, value } = picked;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    context.issues.push({
      code: 'invalid-label',
      severity: 'warning',
      itemIndex: context.index,
      message: `Item ${context.index} has a ${typeof value} in \`${key}\` instead of a string; used its text.`,
    });
    return String(value);
  }
  context.issues.push({
    code: 'invalid-label',
    severity: 'warning',
    itemIndex: context.index,
    message: `Item ${context.index} has ${describeValue(value)} in \`${key}\` instead of a string; kept it with an empty label.`,
  });
  return '';
}

/** Outcome of {@link readCoordinates}. */
export type CoordinatesResult =
  | { readonly ok: true; readonly values: readonly number[]; readonly fromStrings: boolean }
  | { readonly ok: false; readonly reason: string };

/** Reads an array of exactly `count` finite numbers; numeric strings are accepted and flagged. */
export function readCoordinates(value: unknown, count: number): CoordinatesResult {
  if (!Array.isArray(value)) {
    return { ok: false, reason: `expected an array of ${count} numbers, but received ${describeValue(value)}` };
  }
  if (value.length !== count) {
    return { ok: false, reason: `expected ${count} numbers, but received an array of length ${value.length}` };
  }
  const values: number[] = [];
  let fromStrings = false;
  for (const [position, element] of (value as readonly unknown[]).entries()) {
    const number = toNumber(element);
    if (number === undefined) {
      return { ok: false, reason: `element ${position} is ${describeValue(element)}, not a number` };
    }
    if (!Number.isFinite(number)) return { ok: false, reason: `element ${position} is ${number}, not a finite number` };
    if (typeof element === 'string') fromStrings = true;
    values.push(number);
  }
  return { ok: true, values, fromStrings };
}

/** A number, or the number a numeric string such as `"390"` spells; `undefined` otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.length <= MAX_NUMERIC_STRING_LENGTH && NUMERIC_STRING.test(value)) {
    return Number(value);
  }
  return undefined;
}

/** Records that `key` held numbers written as strings. */
export function noteNumericStrings(context: ItemContext, key: string): void {
  context.issues.push({
    code: 'numeric-string',
    severity: 'warning',
    itemIndex: context.index,
    key,
    message: `Item ${context.index} gives numbers as strings in \`${key}\`; read them as numbers.`,
  });
}

/** Reads and repairs the item's box; `undefined` (with an error issue) when it has no usable one. */
export function readBox(
  raw: Readonly<Record<string, unknown>>,
  context: ItemContext,
): RepairedNormalizedBox | undefined {
  const picked = pickKey(raw, BOX_KEYS, context);
  if (picked === undefined) {
    context.issues.push({
      code: 'missing-box',
      severity: 'error',
      itemIndex: context.index,
      message: `Item ${context.index} has no \`box_2d\` (nor \`bbox\`, \`box\`, \`bounding_box\`); dropped it.`,
    });
    return undefined;
  }
  const coordinates = readCoordinates(picked.value, 4);
  if (!coordinates.ok) {
    context.issues.push({
      code: 'invalid-box',
      severity: 'error',
      itemIndex: context.index,
      message: `Item ${context.index} has an unusable \`${picked.key}\`: ${coordinates.reason}; dropped it.`,
    });
    return undefined;
  }
  if (coordinates.fromStrings) noteNumericStrings(context, picked.key);
  const [ymin = 0, xmin = 0, ymax = 0, xmax = 0] = coordinates.values;
  const repaired = repairNormalizedBox([ymin, xmin, ymax, xmax]);
  if (repaired.repairs.length > 0) {
    context.issues.push({
      code: 'box-repaired',
      severity: 'warning',
      itemIndex: context.index,
      repairs: repaired.repairs,
      message: `Item ${context.index} has a box that needed repair (${repaired.repairs.join(', ')}).`,
    });
  }
  return repaired;
}

/** Reads the self-reported confidence as given; a non-number is dropped with a warning. */
export function readConfidence(raw: Readonly<Record<string, unknown>>, context: ItemContext): number | undefined {
  const picked = pickKey(raw, CONFIDENCE_KEYS, context);
  if (picked === undefined) return undefined;
  const number = toNumber(picked.value);
  if (number === undefined || !Number.isFinite(number)) {
    context.issues.push({
      code: 'invalid-confidence',
      severity: 'warning',
      itemIndex: context.index,
      message: `Item ${context.index} has ${describeValue(picked.value)} in \`${picked.key}\`, not a finite number; left it out.`,
    });
    return undefined;
  }
  if (typeof picked.value === 'string') noteNumericStrings(context, picked.key);
  return number;
}

/** The item's keys that were not read into typed fields, or `undefined` when there are none. */
export function collectExtra(
  raw: Readonly<Record<string, unknown>>,
  consumedKeys: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const key of Object.keys(raw)) {
    if (consumedKeys.has(key)) continue;
    extra ??= {};
    setOwnProperty(extra, key, raw[key]);
  }
  return extra;
}
