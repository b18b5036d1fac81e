import { InvalidArgumentError } from '../errors/invalid-argument-error';

/**
 * Throws {@link InvalidArgumentError} unless `value` is an integer ≥ 1 that a double holds
 * exactly (at most `Number.MAX_SAFE_INTEGER`): sizes like `1e308` pass `Number.isInteger` but
 * overflow to `Infinity` in the first sum.
 */
export function assertPositiveInteger(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError({ argument, expected: 'a positive integer', received: value });
  }
}

/** Throws {@link InvalidArgumentError} unless `value` is a finite number. */
export function assertFiniteNumber(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError({ argument, expected: 'a finite number', received: value });
  }
}

/** Throws {@link InvalidArgumentError} unless `value` is a finite number ≥ 0. */
export function assertNonNegativeNumber(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError({ argument, expected: 'a finite number ≥ 0', received: value });
  }
}

/** Throws {@link InvalidArgumentError} unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  argument: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError({
      argument,
      expected: `one of ${allowed.map((item) => `'${item}'`).join(', ')}`,
      received: value,
    });
  }
}
