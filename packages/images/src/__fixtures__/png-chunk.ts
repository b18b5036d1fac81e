// Test helper: one PNG chunk (length, type, data, CRC) for hand-made and rebuilt PNGs.
import { crc32 } from 'node:zlib';

/** The bytes of a PNG chunk of `type` holding `data`, with its CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}
