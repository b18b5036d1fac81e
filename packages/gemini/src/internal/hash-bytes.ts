import { createHash } from 'node:crypto';

/** Hex SHA-256 of some bytes or text. */
export function hashBytes(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
