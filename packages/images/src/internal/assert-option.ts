import { InvalidArgumentError } from '@gemini-vision/core';

/** Throws {@link InvalidArgumentError} unless `value` is one of `allowed` (checked at run time for JS callers). */
export function assertOneOf<T extends string>(argument: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError({
      argument,
      expected: `one of ${allowed.map((item) => `'${item}'`).join(', ')}`,
      received: value,
    });
  }
}
