// A small, strict base64 decoder. Core compiles with `lib: ["ES2022"]` and `types: []`, so neither
// `atob` nor `Buffer` exists here; this is the one place that turns base64 text into bytes.

/** Result of {@link decodeBase64}: the bytes, or why the text is not base64. */
export type Base64DecodeResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string; readonly offset: number };

const INVALID = -1;
const WHITESPACE = -2;
const PADDING = -3;

/** Maps a char code below 128 to its 6-bit value, or to one of the markers above. */
const DECODE_TABLE: Int8Array = createDecodeTable();

function createDecodeTable(): Int8Array {
  const table = new Int8Array(128).fill(INVALID);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let index = 0; index < alphabet.length; index += 1) table[alphabet.charCodeAt(index)] = index;
  table[0x2b] = 62; // '+'
  table[0x2f] = 63; // '/'
  table[0x2d] = 62; // '-' (URL-safe alphabet)
  table[0x5f] = 63; // '_' (URL-safe alphabet)
  for (const code of [0x09, 0x0a, 0x0c, 0x0d, 0x20]) table[code] = WHITESPACE;
  table[0x3d] = PADDING; // '='
  return table;
}

/**
 * Decodes base64 text (RFC 4648) to bytes, strictly.
 *
 * @remarks
 * Accepts the standard and the URL-safe alphabet (even mixed), ASCII whitespace anywhere (line
 * breaks in long strings), and missing padding. Rejects everything else instead of skipping it the
 * way `atob` and `Buffer` do: characters outside the alphabet, `=` anywhere but at the end, more
 * than two `=`, padding that does not complete a 4-character group, data after the padding, and a
 * dangling single character (a length of 1 modulo 4). Non-zero bits in the last character, which a
 * canonical encoder would leave zero, are ignored.
 *
 * @param text - The base64 text.
 * @param start - Offset of the first character to decode.
 * @param end - Offset after the last character to decode.
 * @returns The decoded bytes, or the reason and offset of the first problem.
 */
export function decodeBase64(text: string, start = 0, end: number = text.length): Base64DecodeResult {
  const output = new Uint8Array(Math.floor(((end - start) * 3) / 4) + 3);
  let written = 0;
  let accumulator = 0;
  let sextets = 0;
  let padding = 0;

  for (let offset = start; offset < end; offset += 1) {
    const code = text.charCodeAt(offset);
    const value = code < 128 ? (DECODE_TABLE[code] ?? INVALID) : INVALID;
    if (value === WHITESPACE) continue;
    if (value === PADDING) {
      padding += 1;
      if (padding > 2) return failure('more than two padding characters', offset);
      continue;
    }
    if (value === INVALID) return failure(`a character outside the base64 alphabet (code ${code})`, offset);
    if (padding > 0) return failure('data after the padding', offset);

    accumulator = (accumulator << 6) | value;
    sextets += 1;
    if (sextets === 4) {
      output[written] = (accumulator >> 16) & 0xff;
      output[written + 1] = (accumulator >> 8) & 0xff;
      output[written + 2] = accumulator & 0xff;
      written += 3;
      accumulator = 0;
      sextets = 0;
    }
  }

  if (sextets === 1) return failure('a dangling character (length is 1 modulo 4)', end);
  if (padding > 0 && sextets + padding !== 4) {
    return failure('padding that does not complete a 4-character group', end);
  }
  if (sextets === 2) {
    output[written] = (accumulator >> 4) & 0xff;
    written += 1;
  } else if (sextets === 3) {
    output[written] = (accumulator >> 10) & 0xff;
    output[written + 1] = (accumulator >> 2) & 0xff;
    written += 2;
  }

  return { ok: true, bytes: output.slice(0, written) };
}

function failure(reason: string, offset: number): Base64DecodeResult {
  return { ok: false, reason, offset };
}
