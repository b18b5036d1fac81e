import { describe, expect, it } from 'vitest';

import { createMemoryIo } from '../test/memory-io';
import type { Services } from './composition-root';
import { main } from './main';

function createFakeServices(overrides: Partial<Services> = {}): Services {
  const unused = (): never => {
    throw new Error('This service should not be used here.');
  };
  return {
    imageProber: () =>
      Promise.resolve({
        name: 'fake',
        probe: (input) =>
          Promise.resolve({
            mimeType: 'image/jpeg',
            format: 'jpeg' as const,
            width: 4032,
            height: 3024,
            orientation: 6,
            displayWidth: 3024,
            displayHeight: 4032,
            byteLength: typeof input === 'string' ? 1000 : input.byteLength,
          }),
      }),
    maskDecoder: unused,
    maskEncoder: unused,
    overlayRenderer: unused,
    fileNaming: unused,
    startEmulator: unused,
    createVision: unused,
    ...overrides,
  };
}

describe('main', () => {
  it('runs a command and returns its exit code without touching process', async () => {
    const io = createMemoryIo();

    const exitCode = await main(['estimate', '--size', '1920x1080', '--model', 'gemini-3-flash-preview', '--json'], io, createFakeServices());

    expect(exitCode).toBe(0);
    expect(JSON.parse(io.stdout.text())).toMatchObject({ totals: { images: 1, tokens: 1100 } });
    expect(io.stderr.text()).toBe('');
  });

  it('estimates a file at the displayed size its prober reports', async () => {
    const io = createMemoryIo();

    await main(['estimate', 'IMG_0001.jpg', '--model', 'gemini-3-flash-preview', '--json'], io, createFakeServices());

    const document = JSON.parse(io.stdout.text()) as { images: { size: unknown; orientation: number; tokens: number }[] };
    expect(document.images[0]).toMatchObject({ size: { width: 3024, height: 4032 }, orientation: 6, tokens: 1064 });
  });

  it('reports an unexpected failure in one line that suggests --debug, and as JSON with --json', async () => {
    const io = createMemoryIo();
    const services = createFakeServices({ imageProber: () => Promise.reject(new RangeError('boom')) });

    const exitCode = await main(['estimate', 'a.jpg', '--json'], io, services);

    expect(exitCode).toBe(1);
    expect(io.stderr.text()).toBe(
      'gemini-vision: error: Unexpected error: boom. This is a bug in gemini-vision; rerun with --debug to see the stack trace, and report it.\n',
    );
    expect(JSON.parse(io.stdout.text())).toEqual({ error: { code: 'UNEXPECTED', message: expect.stringMatching(/^Unexpected error: boom\./u) as string } });
  });

  it('prints the stack trace with --debug', async () => {
    const io = createMemoryIo();
    const services = createFakeServices({ imageProber: () => Promise.reject(new RangeError('boom')) });

    await main(['--debug', 'estimate', 'a.jpg'], io, services);

    expect(io.stderr.text()).toMatch(/^gemini-vision: error: Unexpected error: boom\..*\nRangeError: boom\n\s+at /u);
  });

  it('colours diagnostics on a terminal and not with NO_COLOR', async () => {
    const terminal = createMemoryIo({ stderrTTY: true });
    const noColor = createMemoryIo({ stderrTTY: true, env: { NO_COLOR: '1' } });

    await main(['estimate', '--size', 'big'], terminal, createFakeServices());
    await main(['estimate', '--size', 'big'], noColor, createFakeServices());

    expect(terminal.stderr.text()).toContain('\u001b[31merror:\u001b[39m');
    expect(noColor.stderr.text()).toBe('gemini-vision: error: Expected a size like 1920x1080 (width x height in pixels) for `--size`, but received "big".\n');
  });

  it('stops at the next file when interrupted and exits 130', async () => {
    const io = createMemoryIo();
    io.abort();

    const exitCode = await main(['estimate', 'a.jpg', 'b.jpg'], io, createFakeServices());

    expect(exitCode).toBe(130);
    expect(io.stderr.text()).toBe('gemini-vision: error: Interrupted.\n');
  });

  it('returns 0 for --help and 2 for a usage error', async () => {
    const help = createMemoryIo();
    const usage = createMemoryIo();

    expect(await main(['render', '--help'], help, createFakeServices())).toBe(0);
    expect(await main(['render', '--image', 'a.jpg'], usage, createFakeServices())).toBe(2);
    expect(help.stdout.text()).toContain('Usage: gemini-vision render');
    expect(usage.stderr.text()).toBe("gemini-vision: error: required option '--response <file>' not specified\n");
  });
});
