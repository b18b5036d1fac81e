import { InvalidArgumentError } from '@gemini-vision/core';

/**
 * Options of {@link safeFileName}.
 *
 * @example
 * ```ts
 * const options: SafeFileNameOptions = { maxLength: 64, extension: '.png' };
 * ```
 */
export interface SafeFileNameOptions {
  /**
   * Longest result in UTF-8 bytes, extension included (file systems count bytes: 255 on ext4,
   * APFS and NTFS). The name is cut on a code-point boundary, never inside a character. An
   * integer ≥ 8.
   * @defaultValue `120`
   */
  readonly maxLength?: number | undefined;
  /**
   * Appended after truncation, e.g. `'.png'`; it must itself be safe (a dot, then letters, digits,
   * `-` or `_`).
   * @defaultValue `''`
   */
  readonly extension?: string | undefined;
  /**
   * Used when nothing usable is left of the label (empty, only dots or symbols).
   * @defaultValue `'untitled'`
   */
  readonly fallback?: string | undefined;
}

const DEFAULT_MAX_LENGTH = 120;
const MIN_MAX_LENGTH = 8;
/** Windows device names, reserved with any extension and in any case (`con.txt`, `Lpt1.png`). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?:\..*)?$/iu;
const EXTENSION_PATTERN = /^(?:\.[A-Za-z0-9_-]{1,16})?$/u;

/**
 * Turns a model's label into a file name that is safe on Linux, macOS and Windows: no path
 * separators, no `..`, no control or reserved characters, no Windows device names, no
 * leading/trailing dots or spaces, and no more than `maxLength` UTF-8 bytes. Letters of every
 * script survive (`梅干し (Umeboshi)` stays as it is).
 *
 * @remarks
 * Steps: Unicode NFC; whitespace runs (tabs and line breaks included) become one space; other
 * control characters, `/ \ : * ? " < > |` and lone surrogates become `_`; leading and trailing
 * dots, spaces and underscores go; a Windows device name gets a `_` prefix; the rest is cut to fit
 * on a code-point boundary. Labels are often duplicated, so add an index yourself when names must
 * be unique.
 *
 * @param label - Any text, typically an item's `label`.
 * @param options - Length limit, extension and fallback; see {@link SafeFileNameOptions}.
 * @returns A non-empty file name (without directory).
 * @throws {@link InvalidArgumentError} If `label` is not a string or an option is invalid.
 *
 * @example
 * ```ts
 * safeFileName('../../etc/passwd'); // => 'etc_passwd'
 * safeFileName('たい焼き (Taiyaki)', { extension: '.png' }); // => 'たい焼き (Taiyaki).png'
 * safeFileName('CON'); // => '_CON'
 * ```
 */
export function safeFileName(label: string, options: SafeFileNameOptions = {}): string {
  if (typeof label !== 'string') {
    throw new InvalidArgumentError({ argument: 'label', expected: 'a string', received: label });
  }
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < MIN_MAX_LENGTH) {
    throw new InvalidArgumentError({
      argument: 'options.maxLength',
      expected: `an integer ≥ ${MIN_MAX_LENGTH} (bytes)`,
      received: maxLength,
    });
  }
  const extension = options.extension ?? '';
  if (!EXTENSION_PATTERN.test(extension) || utf8Length(extension) > maxLength - 1) {
    throw new InvalidArgumentError({
      argument: 'options.extension',
      expected: "'' or a dot followed by up to 16 letters, digits, '-' or '_'",
      received: extension,
    });
  }
  const fallback = options.fallback ?? 'untitled';
  if (typeof fallback !== 'string' || cleanStem(fallback) !== fallback || fallback === '') {
    throw new InvalidArgumentError({
      argument: 'options.fallback',
      expected: 'a non-empty name that is already safe',
      received: fallback,
    });
  }

  let stem = cleanStem(label);
  if (stem === '') stem = fallback;
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  stem = truncateUtf8(stem, maxLength - utf8Length(extension));
  stem = stripEdges(stem);
  if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = truncateUtf8(`_${stem === '' ? fallback : stem}`, maxLength - utf8Length(extension));
  return `${stem}${extension}`;
}

function cleanStem(text: string): string {
  const replaced = text
    .normalize('NFC')
    .replace(/[\s\u200b-\u200f\u2028\u2029\ufeff]+/gu, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/gu, '_')
    .replace(/\p{Cs}/gu, '_')
    .replace(/_{2,}/gu, '_');
  return stripEdges(replaced);
}

/** Leading/trailing dots, spaces and underscores: hidden files, `..`, Windows' silent trimming. */
function stripEdges(text: string): string {
  return text.replace(/^[.\s_]+|[.\s_]+$/gu, '');
}

function utf8Length(text: string): number {
  let length = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    length += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return length;
}

/** The longest prefix of whole code points that fits in `maxBytes` UTF-8 bytes. */
function truncateUtf8(text: string, maxBytes: number): string {
  let length = 0;
  let result = '';
  for (const character of text) {
    const size = utf8Length(character);
    if (length + size > maxBytes) break;
    length += size;
    result += character;
  }
  return result;
}
