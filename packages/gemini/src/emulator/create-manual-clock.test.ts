import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '@gemini-vision/core';

import { createManualClock } from './create-manual-clock';

describe('createManualClock', () => {
  it('starts at 2026-01-01T00:00:00Z and moves only when told', () => {
    const clock = createManualClock();

    expect(new Date(clock.now()).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.advance(1_500);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1) + 1_500);
    clock.set(42);
    expect(clock.now()).toBe(42);
  });

  it.each([-1, Number.NaN, Infinity])('refuses to advance by %s', (milliseconds) => {
    expect(() => {
      createManualClock(0).advance(milliseconds);
    }).toThrow(InvalidArgumentError);
  });
});
