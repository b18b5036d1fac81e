import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '@gemini-vision/core';

import { parseEmulatorArguments } from './parse-emulator-arguments';

describe('parseEmulatorArguments', () => {
  it.each([
    [[], {}],
    [['--port', '8080'], { port: 8080 }],
    [['--port=0', '--fault-rate', '0.25'], { port: 0, faultRate: 0.25 }],
    [['--fixtures', 'fixtures/real-gemini', '--seed=-3'], { fixtures: 'fixtures/real-gemini', seed: -3 }],
  ])('reads %j', (args, expected) => {
    expect(parseEmulatorArguments(args)).toEqual(expected);
  });

  it.each([[['--port', '70000']], [['--port', '8.5']], [['--fault-rate', '1.5']], [['--fixtures']], [['--verbose', 'yes']]])(
    'refuses %j',
    (args) => {
      expect(() => parseEmulatorArguments(args)).toThrow(InvalidArgumentError);
    },
  );
});
