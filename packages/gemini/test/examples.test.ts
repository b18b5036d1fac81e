// Runs every example as its own process, the way the README tells people to, and checks what it
// prints. The examples start the emulator themselves, so this needs no key and no network.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

async function runExample(name: string, args: readonly string[] = []): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@gemini-vision/source', '--import', 'tsx', `examples/${name}.ts`, ...args],
    { cwd: packageDirectory, timeout: 60_000, env: { ...process.env, GEMINI_API_KEY: '', GOOGLE_API_KEY: '', GOOGLE_GEMINI_BASE_URL: '' } },
  );
  return stdout;
}

describe('examples', () => {
  it.concurrent('caption.ts prints a caption with estimated and billed tokens', async () => {
    const output = await runExample('caption');

    expect(output).toMatch(/^caption: \S.+$/mu);
    expect(output).toMatch(/^tokens: estimated \d+ in, billed \d+ in \/ \d+ out$/mu);
    expect(output).toMatch(/^cost: at most \$\d+\.\d{6}, billed \$\d+\.\d{6}$/mu);
  });

  it.concurrent('ask.ts answers about two images through the Interactions API', async () => {
    const output = await runExample('ask');

    expect(output).toMatch(/^answer: \S.+$/mu);
    expect(output).toContain('api: interactions, images: 512x512 inline, 128x128 inline');
  });

  it.concurrent('classify.ts prints one of the labels', async () => {
    const output = await runExample('classify');

    expect(output).toMatch(/^label: (dessert|vegetables|drinks)$/mu);
  });

  it.concurrent('detect.ts prints boxes in the original’s pixels after sending a smaller copy', async () => {
    const output = await runExample('detect');

    expect(output).toContain('sent 256x256, boxes in 512x512 pixels');
    const boxes = [...output.matchAll(/: x (\d+)\.\.(\d+), y (\d+)\.\.(\d+)$/gmu)].map((match) => match.slice(1).map(Number));
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.every(([x0 = 0, x1 = 0, y0 = 0, y1 = 0]) => x0 < x1 && y0 < y1 && x1 <= 512 && y1 <= 512)).toBe(true);
    expect(output).toMatch(/^ledger: estimated \$\d+\.\d+, billed \$\d+\.\d+$/mu);
  });

  it.concurrent('segment.ts prints box-sized masks, a full-frame mask and the Gemini 3 fallback', async () => {
    const output = await runExample('segment');

    for (const match of output.matchAll(/box (\d+),(\d+)\.\.(\d+),(\d+), (\d+)x(\d+) mask, (\d+) px$/gmu)) {
      const [x0, y0, x1, y1, width, height, area] = match.slice(1).map(Number) as [number, number, number, number, number, number, number];
      expect([width, height]).toEqual([x1 - x0, y1 - y0]);
      expect(area).toBeGreaterThan(0);
      expect(area).toBeLessThanOrEqual(width * height);
    }
    expect(output).toContain('full-frame mask: 512x512');
    expect(output).toMatch(/^gemini 3: \d+ boxes, masks requested: false$/mu);
  });

  it.concurrent('point.ts maps [y, x] points to pixels', async () => {
    const output = await runExample('point');

    const points = [...output.matchAll(/\[y, x\] = \[(\d+), (\d+)\] → x ([\d.]+), y ([\d.]+)$/gmu)].map((match) => match.slice(1).map(Number));
    expect(points.length).toBeGreaterThan(0);
    for (const [y, x, pixelX, pixelY] of points) {
      expect(pixelX).toBeCloseTo(((x ?? 0) / 1000) * 512, 0);
      expect(pixelY).toBeCloseTo(((y ?? 0) / 1000) * 512, 0);
    }
  });

  it.concurrent('batch.ts runs a batch job, and a second run resumes it from the record', async () => {
    const recordDirectory = await mkdtemp(join(tmpdir(), 'gv-example-batch-'));

    const first = await runExample('batch', [recordDirectory]);
    const second = await runExample('batch', [recordDirectory]);

    expect(first).toContain('progress: submitting');
    expect(first).toMatch(/^job: batches\/\S+ \(JOB_STATE_SUCCEEDED\), resumed: false$/mu);
    expect(first).toMatch(/^caption: \S/mu);
    expect(first).toMatch(/^kind: \{"label":"(dessert|salad)"\}$/mu);
    expect(second).toMatch(/resumed: true$/mu);
    expect(second).not.toContain('progress: submitting');
    expect(second.split('\n').filter((line) => /^(caption|boxes|kind):/u.test(line))).toEqual(
      first.split('\n').filter((line) => /^(caption|boxes|kind):/u.test(line)),
    );
  });
});
