import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { InvalidArgumentError, UnsafePathError } from '@gemini-vision/core';

import { loadEmulatorFixtures } from './load-emulator-fixtures';

const REAL = fileURLToPath(new URL('__fixtures__/real-gemini', import.meta.url));

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'emulator-fixture-files-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('loadEmulatorFixtures', () => {
  it('reads the real-gemini layout with image hashes from SHA256SUMS', async () => {
    const fixtures = await loadEmulatorFixtures(REAL);

    expect(fixtures).toHaveLength(21);
    const socks = fixtures.find((fixture) => fixture.id === 'socks-detect-gemini-2.5-flash-preview-05-20-ts');
    expect(socks?.match).toEqual({
      promptIncludes: 'Show me the positions of the socks with the face',
      imageSha256: ['e77cccea07e38e0f001dbf3f16314c4f46185d6afd591856093a585c809885b4'],
      model: 'gemini-2.5-flash-preview-05-20',
    });
    expect(socks?.text.startsWith('[')).toBe(true);
  });

  it('matches an entry without an image or a Gemini model id on its prompt alone', async () => {
    const fixtures = await loadEmulatorFixtures(REAL);

    const tool = fixtures.find((fixture) => fixture.id === 'tool-point-cookbook-3d');
    expect(Object.keys(tool?.match ?? {})).toEqual(['promptIncludes']);
  });

  it('reads *.fixture.json files holding one fixture or a list, with text files', async () => {
    await writeFile(join(directory, 'a.fixture.json'), JSON.stringify({ match: { promptIncludes: 'hi' }, text: 'hello' }));
    await writeFile(
      join(directory, 'b.fixture.json'),
      JSON.stringify([
        { id: 'second', match: { imageSha256: 'AB'.repeat(32), model: 'gemini-2.5-flash' }, textFile: 'reply.txt', finishReason: 'MAX_TOKENS' },
      ]),
    );
    await writeFile(join(directory, 'reply.txt'), '[{"box_2d": [1, 2, 3, 4]');
    await writeFile(join(directory, 'notes.json'), '{}');

    const fixtures = await loadEmulatorFixtures(directory);

    expect(fixtures).toEqual([
      { id: 'a.fixture.json#0', match: { promptIncludes: ['hi'] }, text: 'hello' },
      {
        id: 'second',
        match: { imageSha256: ['ab'.repeat(32)], model: 'gemini-2.5-flash' },
        text: '[{"box_2d": [1, 2, 3, 4]',
        finishReason: 'MAX_TOKENS',
      },
    ]);
  });

  it('refuses a text file outside the directory', async () => {
    await writeFile(join(directory, 'x.fixture.json'), JSON.stringify({ match: {}, textFile: '../secret.txt' }));

    await expect(loadEmulatorFixtures(directory)).rejects.toThrow(UnsafePathError);
  });

  it.each([
    ['a hash that is not hex', { match: { imageSha256: 'nope' }, text: 'x' }],
    ['no text', { match: {} }],
    ['no match', { text: 'x' }],
  ])('names the file for %s', async (_, fixture) => {
    await writeFile(join(directory, 'bad.fixture.json'), JSON.stringify(fixture));

    await expect(loadEmulatorFixtures(directory)).rejects.toThrow(/bad\.fixture\.json/);
  });

  it('refuses a missing or empty directory', async () => {
    await expect(loadEmulatorFixtures(join(directory, 'missing'))).rejects.toThrow(InvalidArgumentError);
    await expect(loadEmulatorFixtures(directory)).rejects.toThrow(InvalidArgumentError);
  });
});
