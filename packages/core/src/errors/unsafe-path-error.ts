import { describeValue } from '../internal/describe-value';
import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link UnsafePathError}.
 *
 * @example
 * ```ts
 * const options: UnsafePathErrorOptions = { name: '../etc/passwd', directory: 'out', reason: 'it leaves the directory' };
 * ```
 */
export interface UnsafePathErrorOptions extends GeminiVisionErrorOptions {
  /** The name or relative path that was refused, as given. */
  readonly name: string;
  /** The directory everything must stay inside. */
  readonly directory: string;
  /** Why it was refused, as a clause: `it leaves the directory through a symbolic link`. */
  readonly reason: string;
}

/**
 * A file name (often derived from a model's label) would resolve outside the chosen output
 * directory — through `..`, an absolute path, or a symbolic link — or is not a usable name.
 *
 * @example
 * ```ts
 * throw new UnsafePathError({ name: '../../etc/passwd', directory: 'out', reason: 'it leaves the directory' });
 * ```
 */
export class UnsafePathError extends GeminiVisionError {
  override readonly name = 'UnsafePathError';

  /** The refused name, as given. */
  readonly path: string;
  /** The directory everything must stay inside. */
  readonly directory: string;

  constructor({ name, directory, reason, cause }: UnsafePathErrorOptions) {
    super(
      'UNSAFE_PATH',
      `Expected a file name that stays inside \`${directory}\`, but received ${describeValue(name)}: ${reason}. Pass the name through safeFileName() first.`,
      { cause },
    );
    this.path = name;
    this.directory = directory;
  }

  /**
   * Tells whether `value` is an `UnsafePathError` from any copy of this package.
   *
   * @example
   * ```ts
   * UnsafePathError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is UnsafePathError {
    return GeminiVisionError.isInstance(value) && value.code === 'UNSAFE_PATH';
  }
}
