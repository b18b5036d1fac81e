import { describe, expect, it } from 'vitest';

import { parseRetryAfter, parseRetryDelay } from './parse-retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-21T07:27:30Z');

  it.each([
    { value: '13', ms: 13_000 },
    { value: ' 0 ', ms: 0 },
    { value: '1.5', ms: 1500 },
    { value: 'Sat, 21 Nov 2026 07:28:00 GMT', ms: 30_000 },
    { value: 'Sat, 21 Nov 2026 07:00:00 GMT', ms: 0 },
    { value: 'soon', ms: undefined },
    { value: '', ms: undefined },
    { value: null, ms: undefined },
  ])('reads $value as $ms ms', ({ value, ms }) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe('parseRetryDelay', () => {
  it.each([
    { value: '13s', ms: 13_000 },
    { value: '0.250s', ms: 250 },
    { value: '13', ms: undefined },
    { value: 13, ms: undefined },
  ])('reads $value as $ms ms', ({ value, ms }) => {
    expect(parseRetryDelay(value)).toBe(ms);
  });
});
