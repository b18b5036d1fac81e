import { createHash } from 'node:crypto';

/** A deterministic source of numbers in [0, 1). */
export interface SeededRandom {
  /** The next number in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both inclusive. */
  readonly integer: (min: number, max: number) => number;
}

/**
 * Creates a mulberry32 generator: small, fast and the same on every platform, so a seed replays
 * exactly the same faults, ids and generated replies.
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** Derives a 32-bit seed from text (the first four bytes of its SHA-256). */
export function seedFromText(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** The SHA-256 of bytes or text as lower-case hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
