// Pure drivers of the byte-requesting header reader (no Node APIs: the `./header` entry uses them
// in browsers). File and stream readers live in `byte-drivers.ts`.
import type { ByteRequester, ReadRequest } from './read-image-header';

/** Runs a byte-requesting generator against a synchronous reader. */
export function runSync<T>(requester: ByteRequester<T>, read: (request: ReadRequest) => Uint8Array): T {
  let step = requester.next();
  while (step.done !== true) step = requester.next(read(step.value));
  return step.value;
}

/** Runs a byte-requesting generator against an asynchronous reader. */
export async function runAsync<T>(
  requester: ByteRequester<T>,
  read: (request: ReadRequest) => Promise<Uint8Array>,
): Promise<T> {
  let step = requester.next();
  while (step.done !== true) step = requester.next(await read(step.value));
  return step.value;
}

/** Reads ranges of an in-memory buffer. */
export function readFromBytes(bytes: Uint8Array): (request: ReadRequest) => Uint8Array {
  return ({ offset, length }) => bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length));
}
