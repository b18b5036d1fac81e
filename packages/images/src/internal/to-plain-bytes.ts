/** Core speaks `Uint8Array`; never let Node's `Buffer` (and its prototype) leak across a port. */
export function toPlainBytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
