import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { runCli } from './run-cli';

const COMMANDS = ['estimate', 'render', 'detect', 'segment', 'point', 'caption', 'ask', 'classify', 'emulator'];

describe('gemini-vision', () => {
  it('prints the version of the package', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

    const run = await runCli(['--version']);

    expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints help with examples, environment and the exit-code table', async () => {
    const run = await runCli(['--help']);

    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command} `);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('GEMINI_API_KEY');
    expect(run.stdout).toMatch(/Exit codes:\n\s+0 {2}success\n\s+1 {2}unexpected error/u);
    expect(run.stdout).toMatch(/130 {2}interrupted/u);
  });

  it.each(COMMANDS.map((command) => ({ command })))('prints help with examples for $command', async ({ command }) => {
    const run = await runCli([command, '--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: gemini-vision ${command}`);
    expect(run.stdout).toMatch(new RegExp(`Examples:\\n\\s+\\$ gemini-vision ${command} `, 'u'));
  });

  it('explains a mistyped command in one line and exits 2', async () => {
    const run = await runCli(['estimat', 'photos/']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe("gemini-vision: error: unknown command 'estimat' (Did you mean estimate?)\n");
  });

  it('shows the help on stderr and exits 2 when no command is given', async () => {
    const run = await runCli([]);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: gemini-vision [options] [command]');
  });

  it('rejects unknown flags with exit 2', async () => {
    const run = await runCli(['estimate', '--sise', '10x10']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^gemini-vision: error: unknown option '--sise' \(Did you mean --size\?\)\n$/u);
  });
});
