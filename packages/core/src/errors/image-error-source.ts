/**
 * Where an image came from, as the image errors take it: a file path as given, the byte length of
 * an in-memory buffer, or a stream.
 *
 * @example
 * ```ts
 * const fromFile: ImageSource = 'photos/cat.jpg';
 * const fromBuffer: ImageSource = { byteLength: 2048 };
 * const fromStream: ImageSource = { stream: true };
 * ```
 */
export type ImageSource = string | { readonly byteLength: number } | { readonly stream: true };

/**
 * Describes where an image came from for an error message: a file path in backticks, or the shape
 * of in-memory input (`a 2048-byte buffer`, `a stream`), never its content.
 *
 * @param source - A file path, `{ byteLength }` for a buffer, or `{ stream: true }`.
 * @returns The description, e.g. `` `photos/cat.jpg` `` or `a 2048-byte buffer`.
 *
 * @example
 * ```ts
 * describeImageSource('cat.jpg'); // '`cat.jpg`'
 * describeImageSource({ byteLength: 2048 }); // 'a 2048-byte buffer'
 * ```
 */
export function describeImageSource(source: ImageSource): string {
  if (typeof source === 'string') return `\`${source}\``;
  return 'stream' in source ? 'a stream' : `a ${source.byteLength}-byte buffer`;
}

/**
 * The value of an image error's `source` field: the path as given, or the description of
 * in-memory input without backticks.
 *
 * @param source - A file path, `{ byteLength }` for a buffer, or `{ stream: true }`.
 * @returns The path, or e.g. `a 2048-byte buffer`.
 *
 * @example
 * ```ts
 * imageSourceField({ byteLength: 2048 }); // 'a 2048-byte buffer'
 * ```
 */
export function imageSourceField(source: ImageSource): string {
  return typeof source === 'string' ? source : describeImageSource(source);
}

/**
 * Fields shared by the constructors of the image errors.
 *
 * @example
 * ```ts
 * const options: ImageErrorOptions = { source: { byteLength: 2048 } };
 * ```
 */
export interface ImageErrorOptions {
  /** Where the image came from: a file path, `{ byteLength }` for a buffer, or `{ stream: true }`. */
  readonly source: ImageSource;
  /** The underlying error (file system, decoder), if any. */
  readonly cause?: unknown;
}
