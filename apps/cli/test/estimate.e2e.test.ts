import { mkdtemp, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { estimateImageTokens, estimateRequestCost } from '@gemini-vision/core';
import { probeImage } from '@gemini-vision/images/probe';

import { FIXTURES, runCli, SAMPLES } from './run-cli';

interface EstimateJson {
  model: string;
  pricing: string;
  images: {
    path: string | null;
    size: { width: number; height: number };
    width: number;
    height: number;
    orientation: number;
    mimeType: string | null;
    tokens: number;
    dollars: number | null;
    estimate: { tokens: number; rule: string; explanation: string };
    advice?: { recommended: { tokensSaved: number }; dollarsSaved: number | null; summary: string };
  }[];
  skipped: { path: string; code: string; message: string }[];
  totals: { images: number; tokens: number; dollars: number | null; tokensSaved?: number };
  notes: string[];
}

const MODELS = ['gemini-2.5-flash', 'gemini-3-flash-preview', 'gemini-2.0-flash'] as const;

let sampleFiles: string[];
let scratch: string;

beforeAll(async () => {
  sampleFiles = (await readdir(SAMPLES)).filter((name) => !name.endsWith('.mjs')).sort();
  scratch = await mkdtemp(join(tmpdir(), 'gemini-vision-estimate-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('gemini-vision estimate', () => {
  it('finds every sample image in the folder, JPEG, PNG, WebP, GIF and AVIF', async () => {
    const run = await runCli(['estimate', SAMPLES, '--json']);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as EstimateJson;
    expect(document.images.map((image) => image.path?.split('/').at(-1))).toEqual(sampleFiles);
    expect(new Set(document.images.map((image) => image.mimeType))).toEqual(
      new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']),
    );
    expect(sampleFiles).toHaveLength(6);
  });

  it.each(MODELS.map((model) => ({ model })))(
    'matches core estimateImageTokens on the probed displayed sizes for $model',
    async ({ model }) => {
      const run = await runCli(['estimate', SAMPLES, '--model', model, '--json']);

      const document = JSON.parse(run.stdout) as EstimateJson;
      expect(run.code).toBe(0);
      for (const image of document.images) {
        const info = await probeImage(image.path ?? '');
        const expected = estimateImageTokens({ width: info.displayWidth, height: info.displayHeight }, { model });
        expect(image.size).toEqual({ width: info.displayWidth, height: info.displayHeight });
        expect(image.tokens).toBe(expected.tokens);
        expect(image.estimate.explanation).toBe(expected.explanation);
      }
      expect(document.totals.tokens).toBe(document.images.reduce((sum, image) => sum + image.tokens, 0));
    },
  );

  it('estimates the EXIF-6 JPEG at its displayed (portrait) size', async () => {
    const run = await runCli(['estimate', join(SAMPLES, 'spill-portrait-exif-6.jpg'), '--model', 'gemini-3-flash-preview', '--json']);

    const [image] = (JSON.parse(run.stdout) as EstimateJson).images;
    expect(image).toMatchObject({ width: 1024, height: 768, orientation: 6, size: { width: 768, height: 1024 } });
    expect(image?.tokens).toBe(estimateImageTokens({ width: 768, height: 1024 }, { model: 'gemini-3-flash-preview' }).tokens);
    expect(image?.estimate.rule).toBe('budget-grid');
  });

  it('prices images at standard and Batch API rates', async () => {
    const size = { width: 2048, height: 1536 };
    const standard = JSON.parse((await runCli(['estimate', '--size', '2048x1536', '--model', 'gemini-2.5-pro', '--json'])).stdout) as EstimateJson;
    const batch = JSON.parse((await runCli(['estimate', '--size', '2048x1536', '--model', 'gemini-2.5-pro', '--batch', '--json'])).stdout) as EstimateJson;

    expect(standard.images[0]?.dollars).toBeCloseTo(estimateRequestCost({ model: 'gemini-2.5-pro', images: [{ size }] }).dollars?.input ?? NaN, 12);
    expect(batch.images[0]?.dollars).toBeCloseTo(
      estimateRequestCost({ model: 'gemini-2.5-pro', images: [{ size }], batch: true }).dollars?.input ?? NaN,
      12,
    );
    expect(batch.pricing).toBe('batch');
  });

  it('prints a table with the why of each number and a total', async () => {
    const run = await runCli(['estimate', SAMPLES, '--backend', 'vertex-ai']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^gemini-2\.5-flash on Vertex AI/u);
    expect(run.stdout).toMatch(/image\s+size\s+tokens\s+cost\s+why/u);
    expect(run.stdout).toMatch(/spill-wide-1536x512\.webp\s+1536×512\s+2,838\s+\$0\.000851\s+\(5×2 tiles of 341 px \+ 1\) × 258/u);
    expect(run.stdout).toMatch(/spill-portrait-exif-6\.jpg\s+768×1024 \(EXIF 6\)/u);
    expect(run.stdout).toMatch(/total \(6 images\)\s+7,224/u);
    expect(run.stdout).toContain('spill-1024x768.jpg: Gemini 2.5 on Vertex AI (default, "256 + Pan & Scan") bills crop tiles plus one global view: crop unit 512 px gives (2 × 2 + 1) × 258 = 1290 tokens.');
    expect(run.stderr).toBe('');
  });

  it('prints CSV with one row per image and the same numbers as JSON', async () => {
    const csv = await runCli(['estimate', SAMPLES, '--csv']);
    const json = JSON.parse((await runCli(['estimate', SAMPLES, '--json'])).stdout) as EstimateJson;

    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe('path,mime_type,width,height,orientation,display_width,display_height,tokens,rule,confidence,dollars');
    expect(rows).toHaveLength(json.images.length);
    rows.forEach((row, index) => {
      const image = json.images[index];
      expect(row.split(',')).toEqual([
        image?.path,
        image?.mimeType,
        String(image?.width),
        String(image?.height),
        String(image?.orientation),
        String(image?.size.width),
        String(image?.size.height),
        String(image?.tokens),
        image?.estimate.rule,
        expect.any(String),
        String(image?.dollars),
      ]);
    });
  });

  it('estimates --size entries without files and accepts globs', async () => {
    const run = await runCli(['estimate', '--size', '1920x1080', '--size', '4032x3024', `${SAMPLES}*.jpg`, '--model', 'gemini-3-flash-preview', '--json']);

    const document = JSON.parse(run.stdout) as EstimateJson;
    expect(run.code).toBe(0);
    expect(document.images.map((image) => image.path?.split('/').at(-1) ?? `${image.size.width}x${image.size.height}`)).toEqual([
      '1920x1080',
      '4032x3024',
      'spill-1024x768.jpg',
      'spill-portrait-exif-6.jpg',
    ]);
    expect(document.images[0]?.tokens).toBe(1100);
  });

  it('reports unreadable files one line each, skips them, estimates the others and exits 3', async () => {
    const folder = join(scratch, 'mixed');
    await rm(folder, { recursive: true, force: true });
    await import('node:fs/promises').then(async ({ mkdir }) => mkdir(folder, { recursive: true }));
    await copyFile(join(SAMPLES, 'spill-1024x768.jpg'), join(folder, 'good.jpg'));
    await writeFile(join(folder, 'notes.jpg'), 'not an image\n');
    await writeFile(join(folder, 'empty.png'), '');

    const run = await runCli(['estimate', folder, join(scratch, 'missing.webp'), '--json']);

    expect(run.code).toBe(3);
    const document = JSON.parse(run.stdout) as EstimateJson;
    expect(document.images.map((image) => image.path?.split('/').at(-1))).toEqual(['good.jpg']);
    expect(document.skipped.map((entry) => [entry.path.split('/').at(-1), entry.code])).toEqual([
      ['empty.png', 'IMAGE_UNREADABLE'],
      ['notes.jpg', 'IMAGE_UNSUPPORTED_FORMAT'],
      ['missing.webp', 'IMAGE_UNREADABLE'],
    ]);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('gemini-vision: skipped: '))).toHaveLength(3);
    expect(lines.at(-1)).toBe('gemini-vision: note: 3 inputs were skipped (listed above); 1 image was estimated.');
    expect(run.stderr).toContain('does not exist');
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('shows resize advice and what it saves', async () => {
    const run = await runCli(['estimate', join(SAMPLES, 'spill-2048x1536.avif'), '--model', 'gemini-2.0-flash', '--advise', '--json']);
    const table = await runCli(['estimate', join(SAMPLES, 'spill-2048x1536.avif'), '--model', 'gemini-2.0-flash', '--advise']);

    const [image] = (JSON.parse(run.stdout) as EstimateJson).images;
    expect(image?.advice?.recommended.tokensSaved).toBe(1032);
    expect(image?.advice?.dollarsSaved).toBeCloseTo(((image?.dollars ?? 0) * 1032) / 1290, 12);
    expect(table.stdout).toMatch(/resize to\s+saves/u);
    expect(table.stdout).toContain('384×288');
    expect(table.stdout).toContain('Resize advice:');
  });

  it('fails fast with exit 2 on an unknown model or a bad size, before reading files', async () => {
    const model = await runCli(['estimate', SAMPLES, '--model', 'gpt-4o']);
    const size = await runCli(['estimate', '--size', '1920by1080']);
    const nothing = await runCli(['estimate']);

    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/^gemini-vision: error: Expected a Gemini model id .*"gpt-4o"/u);
    expect(model.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(model.stdout).toBe('');
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('Expected a size like 1920x1080');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Nothing to estimate');
  });

  it('writes no colour when piped or with NO_COLOR, and colour when forced', async () => {
    const piped = await runCli(['estimate', SAMPLES]);
    const forced = await runCli(['estimate', SAMPLES], { env: { FORCE_COLOR: '1' } });
    const noColor = await runCli(['estimate', SAMPLES, join(FIXTURES, 'missing.jpg')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });

    expect(piped.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[1m');
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(noColor.stderr).not.toContain('\u001b[');
    expect(noColor.stderr).toContain('gemini-vision: skipped:');
  });
});
