import { describe, expect, it } from 'vitest';

import { createColors, shouldUseColor } from './create-colors';

const terminal = { write: () => undefined, isTTY: true };
const pipe = { write: () => undefined, isTTY: false };

describe('shouldUseColor', () => {
  it.each([
    { name: 'a terminal', stream: terminal, env: {}, expected: true },
    { name: 'a pipe', stream: pipe, env: {}, expected: false },
    { name: 'a terminal with NO_COLOR=1', stream: terminal, env: { NO_COLOR: '1' }, expected: false },
    { name: 'a terminal with NO_COLOR empty', stream: terminal, env: { NO_COLOR: '' }, expected: true },
    { name: 'a pipe with FORCE_COLOR=1', stream: pipe, env: { FORCE_COLOR: '1' }, expected: true },
    { name: 'a terminal with FORCE_COLOR=0', stream: terminal, env: { FORCE_COLOR: '0' }, expected: false },
    { name: 'NO_COLOR over FORCE_COLOR', stream: pipe, env: { NO_COLOR: '1', FORCE_COLOR: '1' }, expected: false },
    { name: 'a dumb terminal', stream: terminal, env: { TERM: 'dumb' }, expected: false },
  ])('answers $expected for $name', ({ stream, env, expected }) => {
    expect(shouldUseColor(stream, env)).toBe(expected);
  });
});

describe('createColors', () => {
  it('writes escapes only when colour is on', () => {
    expect(createColors(terminal, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createColors(terminal, { NO_COLOR: '1' }).red('x')).toBe('x');
  });
});
