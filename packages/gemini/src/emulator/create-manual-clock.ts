import { InvalidArgumentError } from '@gemini-vision/core';

/**
 * A clock that moves only when told to, for the emulator's `clock` option.
 *
 * @example
 * ```ts
 * const clock: ManualClock = createManualClock();
 * clock.advance(49 * 3_600_000); // 49 hours later
 * ```
 */
export interface ManualClock {
  /** The current time, ms since the epoch. Pass it as `startEmulator({ clock: clock.now })`. */
  readonly now: () => number;
  /**
   * Moves the clock forward.
   * @throws {@link InvalidArgumentError} If `milliseconds` is negative or not finite.
   */
  readonly advance: (milliseconds: number) => void;
  /**
   * Sets the time.
   * @throws {@link InvalidArgumentError} If `milliseconds` is not finite.
   */
  readonly set: (milliseconds: number) => void;
}

/** 2026-01-01T00:00:00Z, the default start of a {@link ManualClock}. */
const DEFAULT_START_MS = Date.UTC(2026, 0, 1);

/**
 * Creates a {@link ManualClock}, so tests can move the emulator 48 hours ahead (file expiry) or
 * through batch state durations without waiting.
 *
 * @param startMs - The initial time, ms since the epoch.
 * @returns The clock.
 * @throws {@link InvalidArgumentError} If `startMs` is not finite.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const emulator = await startEmulator({ clock: clock.now });
 * clock.advance(48 * 60 * 60 * 1000); // every file uploaded before now has expired
 * ```
 */
export function createManualClock(startMs: number = DEFAULT_START_MS): ManualClock {
  assertFinite('startMs', startMs);
  let current = startMs;
  return {
    now: () => current,
    advance: (milliseconds) => {
      assertFinite('milliseconds', milliseconds);
      if (milliseconds < 0) {
        throw new InvalidArgumentError({ argument: 'milliseconds', expected: 'a finite number ≥ 0', received: milliseconds });
      }
      current += milliseconds;
    },
    set: (milliseconds) => {
      assertFinite('milliseconds', milliseconds);
      current = milliseconds;
    },
  };
}

function assertFinite(argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError({ argument, expected: 'a finite number of milliseconds', received: value });
  }
}
