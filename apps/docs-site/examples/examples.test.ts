import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it, vi } from 'vitest';

const examplesDirectory = fileURLToPath(new URL('.', import.meta.url));
const docsDirectory = fileURLToPath(new URL('../docs', import.meta.url));

const exampleFiles = readdirSync(examplesDirectory)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .sort();

/** Every Markdown page, excluding the generated API reference. */
function readPages(directory: string): { path: string; text: string }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' ? [] : readPages(path);
    return entry.name.endsWith('.md') ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

/** `// => text` lines: the output an example promises, in order. */
function expectedOutput(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => line.startsWith('// => '))
    .map((line) => line.slice('// => '.length));
}

/** Imports an example (running its top-level code) and returns what it printed. */
async function runExample(name: string): Promise<string[]> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
    lines.push(values.map(String).join(' '));
  });
  try {
    await import(/* @vite-ignore */ `./${name}`);
  } finally {
    log.mockRestore();
  }
  return lines;
}

describe('examples', () => {
  it('finds the example files', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(7);
  });

  it.each(exampleFiles)('%s prints the output its `// =>` comments promise', async (name) => {
    const expected = expectedOutput(readFileSync(join(examplesDirectory, name), 'utf8'));
    expect(expected.length, `${name} states no output with "// =>" lines`).toBeGreaterThan(0);
    const printed = await runExample(name);
    let from = 0;
    for (const line of expected) {
      const at = printed.indexOf(line, from);
      expect(at, `"${line}" in:\n${printed.join('\n')}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it('embeds every example in at least one page', () => {
    const embedded = new Set(
      readPages(docsDirectory).flatMap((page) =>
        [...page.text.matchAll(/^<<< @\/\.\.\/examples\/([\w.-]+?\.ts)/gm)].map((match) => match[1]),
      ),
    );
    expect(exampleFiles.filter((name) => !embedded.has(name))).toEqual([]);
  });

  it('embeds only examples that exist', () => {
    for (const page of readPages(docsDirectory)) {
      for (const match of page.text.matchAll(/^<<< @\/\.\.\/examples\/([\w.-]+?\.ts)/gm)) {
        expect(exampleFiles, `${page.path} embeds ${match[1] ?? ''}`).toContain(match[1]);
      }
    }
  });
});
