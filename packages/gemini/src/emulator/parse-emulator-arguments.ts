import { InvalidArgumentError } from '@gemini-vision/core';

import type { EmulatorOptions } from './start-emulator';

/**
 * Reads `gemini-vision emulator` command-line flags into {@link EmulatorOptions}:
 * `--port N`, `--fixtures DIR`, `--fault-rate R` (0..1), `--seed N`, each also as `--flag=value`.
 * Parsing only: the CLI passes the result to {@link startEmulator} and prints `emulator.url`.
 *
 * @param args - The arguments after the subcommand, e.g. `['--port', '8080']`.
 * @returns The options; flags not given are left out so `startEmulator`'s defaults apply.
 * @throws {@link InvalidArgumentError} For an unknown flag, a missing value, or a value out of range.
 *
 * @example
 * ```ts
 * parseEmulatorArguments(['--port', '8080', '--fault-rate=0.1']); // { port: 8080, faultRate: 0.1 }
 * ```
 */
export function parseEmulatorArguments(args: readonly string[]): EmulatorOptions {
  const options: { port?: number; fixtures?: string; faultRate?: number; seed?: number } = {};
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index] ?? '';
    const equals = argument.indexOf('=');
    const flag = equals === -1 ? argument : argument.slice(0, equals);
    let value: string | undefined;
    if (equals !== -1) {
      value = argument.slice(equals + 1);
    } else {
      index += 1;
      value = args[index];
    }
    if (value === undefined || value === '') {
      throw new InvalidArgumentError({ argument: flag, expected: 'a value', received: value });
    }
    switch (flag) {
      case '--port':
        options.port = readInteger(flag, value, 0, 65_535);
        break;
      case '--fixtures':
        options.fixtures = value;
        break;
      case '--fault-rate': {
        const rate = Number(value);
        if (!(rate >= 0 && rate <= 1)) throw new InvalidArgumentError({ argument: flag, expected: 'a number from 0 to 1', received: value });
        options.faultRate = rate;
        break;
      }
      case '--seed':
        options.seed = readInteger(flag, value, -2_147_483_648, 4_294_967_295);
        break;
      default:
        throw new InvalidArgumentError({
          argument: 'args',
          expected: 'one of --port, --fixtures, --fault-rate, --seed',
          received: flag,
        });
    }
  }
  return options;
}

function readInteger(flag: string, value: string, minimum: number, maximum: number): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < minimum || number > maximum) {
    throw new InvalidArgumentError({ argument: flag, expected: `an integer from ${minimum} to ${maximum}`, received: value });
  }
  return number;
}
