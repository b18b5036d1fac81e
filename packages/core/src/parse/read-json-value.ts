// Internal to parse/: a forgiving JSON reader that also says where and why it stopped, and
// salvages what was complete. Not re-exported by parse/index.ts.
import type { JsonRepair } from './parse-issue';

/** Containers nested deeper than this are refused; Gemini replies nest four or five levels. */
export const MAX_JSON_DEPTH = 64;

/** Why {@link readJsonValue} stopped before the value was complete. */
export interface JsonHalt {
  /** `end-of-input`: the text ran out; `syntax`: unexpected text; `too-deep`: nesting over the limit. */
  readonly kind: 'end-of-input' | 'syntax' | 'too-deep';
  /** UTF-16 offset where reading stopped. */
  readonly offset: number;
  /** What was expected, for messages. */
  readonly reason: string;
}

/** Result of {@link readJsonValue}. */
export interface JsonReadResult {
  /**
   * The complete value, or, after a halt, what could be salvaged: a top-level array keeps its
   * complete elements (at least one); an object is kept only when it holds a list of objects
   * (a wrapper such as `{"boxes": [...]}`). `undefined` when nothing was salvaged.
   */
  readonly value: unknown;
  /** Offset after the value, or the halt offset. */
  readonly end: number;
  /** Why reading stopped early; `undefined` for a complete value. */
  readonly halt: JsonHalt | undefined;
  /** Tolerances applied, in the order first met. */
  readonly repairs: readonly JsonRepair[];
  /** How many complete values (strings, numbers, literals, containers) were read. */
  readonly completedValues: number;
}

const HALT: unique symbol = Symbol('halt');

interface ReaderState {
  readonly text: string;
  readonly end: number;
  position: number;
  depth: number;
  completedValues: number;
  readonly repairs: Set<JsonRepair>;
  halt: JsonHalt | undefined;
  /** After a halt: the salvaged part of the innermost container being unwound. */
  partial: unknown;
}

/**
 * Reads one JSON value starting at `start` (an `[` or `{`), never reading at or past `end`.
 * Accepts the tolerances listed in {@link JsonRepair}. Never throws.
 */
export function readJsonValue(text: string, start: number, end: number): JsonReadResult {
  const state: ReaderState = {
    text,
    end,
    position: start,
    depth: 0,
    completedValues: 0,
    repairs: new Set(),
    halt: undefined,
    partial: undefined,
  };
  const value = readValue(state);
  const repairs = [...state.repairs];
  if (value !== HALT) {
    return { value, end: state.position, halt: undefined, repairs, completedValues: state.completedValues };
  }
  const halt = state.halt ?? { kind: 'syntax', offset: state.position, reason: 'unreadable JSON' };
  const salvaged = Array.isArray(state.partial) && state.partial.length === 0 ? undefined : state.partial;
  return { value: salvaged, end: halt.offset, halt, repairs, completedValues: state.completedValues };
}

function readValue(state: ReaderState): unknown {
  const code = state.text.charCodeAt(state.position);
  if (code === 0x7b) return readObject(state);
  if (code === 0x5b) return readArray(state);
  if (code === 0x22) return readString(state, code);
  if (code === 0x27) {
    state.repairs.add('single-quotes');
    return readString(state, code);
  }
  if (isDigit(code) || code === 0x2d || code === 0x2b || code === 0x2e) return readNumber(state);
  if (isIdentifierStart(code)) return readWord(state);
  return haltSyntax(state, 'a JSON value');
}

function readArray(state: ReaderState): unknown {
  if (state.depth >= MAX_JSON_DEPTH) return haltTooDeep(state);
  state.depth += 1;
  state.position += 1;
  const items: unknown[] = [];
  let expectingValue = true;
  let afterComma = false;

  for (;;) {
    if (!skipTrivia(state)) return haltArray(state, items);
    const code = state.text.charCodeAt(state.position);
    if (code === 0x5d) {
      if (afterComma) state.repairs.add('trailing-comma');
      state.position += 1;
      state.depth -= 1;
      state.completedValues += 1;
      return items;
    }
    if (code === 0x2c) {
      if (expectingValue) state.repairs.add('extra-comma');
      state.position += 1;
      expectingValue = true;
      afterComma = true;
      continue;
    }
    if (!expectingValue) {
      if (!isUnambiguousValueStart(code)) {
        haltSyntax(state, '`,` or `]`');
        return haltArray(state, items);
      }
      state.repairs.add('missing-comma');
    }
    const value = readValue(state);
    if (value === HALT) return haltArray(state, items);
    items.push(value);
    expectingValue = false;
    afterComma = false;
  }
}

function readObject(state: ReaderState): unknown {
  if (state.depth >= MAX_JSON_DEPTH) return haltTooDeep(state);
  state.depth += 1;
  state.position += 1;
  const object: Record<string, unknown> = {};
  let expectingKey = true;
  let afterComma = false;

  for (;;) {
    if (!skipTrivia(state)) return haltObject(state, object);
    const code = state.text.charCodeAt(state.position);
    if (code === 0x7d) {
      if (afterComma) state.repairs.add('trailing-comma');
      state.position += 1;
      state.depth -= 1;
      state.completedValues += 1;
      return object;
    }
    if (code === 0x2c) {
      if (expectingKey) state.repairs.add('extra-comma');
      state.position += 1;
      expectingKey = true;
      afterComma = true;
      continue;
    }
    if (!expectingKey) {
      if (code !== 0x22 && code !== 0x27 && !isIdentifierStart(code)) {
        haltSyntax(state, '`,` or `}`');
        return haltObject(state, object);
      }
      state.repairs.add('missing-comma');
    }

    const key = readKey(state);
    if (key === HALT) return haltObject(state, object);
    if (!skipTrivia(state)) return haltObject(state, object);
    if (state.text.charCodeAt(state.position) !== 0x3a) {
      haltSyntax(state, '`:` after a key');
      return haltObject(state, object);
    }
    state.position += 1;
    if (!skipTrivia(state)) return haltObject(state, object);
    const value = readValue(state);
    if (value === HALT) {
      if (isContainer(state.partial)) setOwnProperty(object, key, state.partial);
      return haltObject(state, object);
    }
    setOwnProperty(object, key, value);
    expectingKey = false;
    afterComma = false;
  }
}

function readKey(state: ReaderState): string | typeof HALT {
  const code = state.text.charCodeAt(state.position);
  if (code === 0x22) return readString(state, code);
  if (code === 0x27) {
    state.repairs.add('single-quotes');
    return readString(state, code);
  }
  if (!isIdentifierStart(code)) return haltSyntax(state, 'a key');
  const start = state.position;
  while (state.position < state.end && isIdentifierPart(state.text.charCodeAt(state.position))) {
    state.position += 1;
  }
  if (state.position >= state.end) return haltEndOfInput(state);
  state.repairs.add('unquoted-key');
  return state.text.slice(start, state.position);
}

function readString(state: ReaderState, quote: number): string | typeof HALT {
  const { text, end } = state;
  state.position += 1;
  let result = '';
  let chunkStart = state.position;

  while (state.position < end) {
    const code = text.charCodeAt(state.position);
    if (code === quote) {
      result += text.slice(chunkStart, state.position);
      state.position += 1;
      state.completedValues += 1;
      return result;
    }
    if (code === 0x5c) {
      result += text.slice(chunkStart, state.position);
      if (state.position + 1 >= end) return haltEndOfInput(state);
      const escaped = text.charCodeAt(state.position + 1);
      if (escaped === 0x75) {
        if (state.position + 6 > end) return haltEndOfInput(state);
        const hex = text.slice(state.position + 2, state.position + 6);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          result += String.fromCharCode(Number.parseInt(hex, 16));
          state.position += 6;
        } else {
          state.repairs.add('invalid-escape');
          result += 'u';
          state.position += 2;
        }
      } else {
        const simple = SIMPLE_ESCAPES[escaped];
        if (simple === undefined) {
          if (!(escaped === 0x27 && quote === 0x27)) state.repairs.add('invalid-escape');
          result += text.charAt(state.position + 1);
        } else {
          result += simple;
        }
        state.position += 2;
      }
      chunkStart = state.position;
      continue;
    }
    if (code < 0x20) state.repairs.add('control-character');
    state.position += 1;
  }
  return haltEndOfInput(state);
}

const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

function readNumber(state: ReaderState): number | typeof HALT {
  const { text, end } = state;
  const start = state.position;
  let standard = true;
  let sign = 1;
  const first = text.charCodeAt(state.position);
  if (first === 0x2b || first === 0x2d) {
    if (first === 0x2b) standard = false;
    else sign = -1;
    state.position += 1;
    if (state.position >= end) return haltEndOfInput(state);
    if (text.startsWith('Infinity', state.position) && state.position + 8 <= end) {
      state.position += 8;
      state.repairs.add('non-finite-literal');
      state.completedValues += 1;
      return sign * Number.POSITIVE_INFINITY;
    }
  }

  const integerStart = state.position;
  skipDigits(state);
  const integerDigits = state.position - integerStart;
  if (integerDigits > 1 && text.charCodeAt(integerStart) === 0x30) standard = false;
  let fractionDigits = 0;
  if (state.position < end && text.charCodeAt(state.position) === 0x2e) {
    state.position += 1;
    const fractionStart = state.position;
    skipDigits(state);
    fractionDigits = state.position - fractionStart;
    if (fractionDigits === 0 || integerDigits === 0) standard = false;
  }
  if (integerDigits + fractionDigits === 0) {
    if (state.position >= end) return haltEndOfInput(state);
    return haltSyntax(state, 'digits');
  }
  if (state.position < end && (text.charCodeAt(state.position) | 0x20) === 0x65) {
    state.position += 1;
    if (state.position < end) {
      const exponentSign = text.charCodeAt(state.position);
      if (exponentSign === 0x2b || exponentSign === 0x2d) state.position += 1;
    }
    const exponentStart = state.position;
    skipDigits(state);
    if (state.position === exponentStart) {
      if (state.position >= end) return haltEndOfInput(state);
      return haltSyntax(state, 'exponent digits');
    }
  }
  // A number that touches the end of the text may have been cut mid-way.
  if (state.position >= end) return haltEndOfInput(state);
  if (!standard) state.repairs.add('non-standard-number');
  state.completedValues += 1;
  return Number(text.slice(start, state.position));
}

const WORDS: Readonly<Record<string, { readonly value: unknown; readonly repair?: JsonRepair }>> = {
  true: { value: true },
  false: { value: false },
  null: { value: null },
  True: { value: true, repair: 'python-literal' },
  False: { value: false, repair: 'python-literal' },
  None: { value: null, repair: 'python-literal' },
  NaN: { value: Number.NaN, repair: 'non-finite-literal' },
  Infinity: { value: Number.POSITIVE_INFINITY, repair: 'non-finite-literal' },
};

function readWord(state: ReaderState): unknown {
  const start = state.position;
  while (state.position < state.end && isIdentifierPart(state.text.charCodeAt(state.position))) {
    state.position += 1;
  }
  if (state.position >= state.end) return haltEndOfInput(state);
  const word = state.text.slice(start, state.position);
  const known = Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
  if (known === undefined) {
    state.position = start;
    return haltSyntax(state, 'a JSON value');
  }
  if (known.repair !== undefined) state.repairs.add(known.repair);
  state.completedValues += 1;
  return known.value;
}

/** Skips whitespace and comments; `false` (with a halt recorded) when the text ends first. */
function skipTrivia(state: ReaderState): boolean {
  const { text, end } = state;
  while (state.position < end) {
    const code = text.charCodeAt(state.position);
    if (isWhitespace(code)) {
      state.position += 1;
      continue;
    }
    if (code === 0x2f && state.position + 1 < end) {
      const next = text.charCodeAt(state.position + 1);
      if (next === 0x2f) {
        state.repairs.add('comment');
        state.position += 2;
        while (state.position < end && text.charCodeAt(state.position) !== 0x0a) state.position += 1;
        continue;
      }
      if (next === 0x2a) {
        state.repairs.add('comment');
        state.position += 2;
        while (
          state.position < end &&
          !(text.charCodeAt(state.position) === 0x2a && text.charCodeAt(state.position + 1) === 0x2f && state.position + 1 < end)
        ) {
          state.position += 1;
        }
        state.position = Math.min(end, state.position + 2);
        continue;
      }
    }
    return true;
  }
  haltEndOfInput(state);
  return false;
}

function skipDigits(state: ReaderState): void {
  while (state.position < state.end && isDigit(state.text.charCodeAt(state.position))) state.position += 1;
}

function haltArray(state: ReaderState, items: unknown[]): typeof HALT {
  state.partial = items;
  return HALT;
}

function haltObject(state: ReaderState, object: Record<string, unknown>): typeof HALT {
  state.partial = holdsObjectList(object, 0) ? object : undefined;
  return HALT;
}

function haltSyntax(state: ReaderState, expected: string): typeof HALT {
  state.halt = { kind: 'syntax', offset: state.position, reason: `expected ${expected}` };
  state.partial = undefined;
  return HALT;
}

function haltTooDeep(state: ReaderState): typeof HALT {
  state.halt = {
    kind: 'too-deep',
    offset: state.position,
    reason: `nesting deeper than ${MAX_JSON_DEPTH} levels`,
  };
  state.partial = undefined;
  return HALT;
}

function haltEndOfInput(state: ReaderState): typeof HALT {
  state.position = state.end;
  state.halt = { kind: 'end-of-input', offset: state.end, reason: 'more JSON before the end of the text' };
  state.partial = undefined;
  return HALT;
}

/** `true` when the object (or a nested object) has a non-empty list of objects: a wrapper. */
function holdsObjectList(object: Readonly<Record<string, unknown>>, depth: number): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  for (const value of Object.values(object)) {
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isPlainObject)) return true;
    } else if (isPlainObject(value) && holdsObjectList(value, depth + 1)) {
      return true;
    }
  }
  return false;
}

/** Defines an own, enumerable property even for `__proto__`, as `JSON.parse` does. */
export function setOwnProperty(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isIdentifierStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

/** Starts of values that cannot be mistaken for prose, used to accept a missing comma. */
function isUnambiguousValueStart(code: number): boolean {
  return code === 0x7b || code === 0x5b || code === 0x22 || code === 0x27 || isDigit(code) || code === 0x2d;
}

/** JSON whitespace plus the Unicode spaces models and editors sneak in. */
export function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x2028 ||
    code === 0x2029
  );
}
