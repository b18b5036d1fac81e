import { Buffer } from 'node:buffer';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { decodeBase64 } from './base64';

function decodedBytes(text: string): number[] {
  const result = decodeBase64(text);
  if (!result.ok) throw new Error(`unexpected failure: ${result.reason}`);
  return [...result.bytes];
}

describe('decodeBase64', () => {
  it.each([
    { text: '', bytes: [] },
    { text: 'AA==', bytes: [0] },
    { text: 'AAE=', bytes: [0, 1] },
    { text: 'AAEC', bytes: [0, 1, 2] },
    { text: 'iVBORw0KGgo=', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
    { text: 'iVBORw0KGgo', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
    { text: 'iVBO\nRw0K\r\nGg o=\t', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
    { text: '-_-_', bytes: [0xfb, 0xff, 0xbf] },
    { text: '+/+/', bytes: [0xfb, 0xff, 0xbf] },
  ])('decodes $text', ({ text, bytes }) => {
    expect(decodedBytes(text)).toEqual(bytes);
  });

  it.each([
    { text: 'AA*A', reason: /outside the base64 alphabet/, offset: 2 },
    { text: 'AAé=', reason: /outside the base64 alphabet/, offset: 2 },
    { text: 'A', reason: /dangling/, offset: 1 },
    { text: 'AAAAA', reason: /dangling/, offset: 5 },
    { text: 'AA=A', reason: /after the padding/, offset: 3 },
    { text: 'A===', reason: /more than two padding/, offset: 3 },
    { text: 'AA=', reason: /does not complete/, offset: 3 },
    { text: 'AAAA==', reason: /does not complete/, offset: 6 },
    { text: 'data:image/png;base64,AAAA', reason: /outside the base64 alphabet/, offset: 4 },
  ])('rejects $text', ({ text, reason, offset }) => {
    const result = decodeBase64(text);

    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: expect.stringMatching(reason) as unknown, offset });
  });

  it('decodes only the range between start and end', () => {
    const text = 'data:image/png;base64,AAEC';

    expect(decodeBase64(text, text.indexOf(',') + 1)).toEqual({ ok: true, bytes: new Uint8Array([0, 1, 2]) });
  });

  propertyIt.prop([fc.uint8Array({ maxLength: 300 })])('round-trips what Buffer encodes', (bytes) => {
    const standard = Buffer.from(bytes).toString('base64');
    const urlSafe = Buffer.from(bytes).toString('base64url');

    expect(decodedBytes(standard)).toEqual([...bytes]);
    expect(decodedBytes(urlSafe)).toEqual([...bytes]);
    expect(decodedBytes(standard.replace(/(.{7})/g, '$1\n '))).toEqual([...bytes]);
  });

  propertyIt.prop([fc.string({ maxLength: 40 })])('agrees with Buffer whenever it accepts', (text) => {
    const result = decodeBase64(text);
    if (!result.ok) return;

    expect([...result.bytes]).toEqual([...Buffer.from(text, 'base64')]);
  });
});
