// Every live command against the offline emulator, started in this process so the tests can read
// its request log and billing counters. The CLI runs as a child process (the built binary).
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '@gemini-vision/gemini/emulator';
import { probeImage } from '@gemini-vision/images/probe';

import { collect, runCli, type RunCliOptions, spawnCli } from './run-cli';

interface ImageResultJson {
  image: string;
  task: string;
  model: string;
  imageSize: { width: number; height: number } | null;
  items: { label: string; box: object | null; point: object | null; maskArea: number | null; maskFile: string | null; rle: object | null }[] | null;
  answer: string | null;
  usage: { promptTokens: number | null } | null;
  billedUsd: number | null;
  overlay: string | null;
}

let emulator: Emulator;
let root: string;
let images: string;
const IMAGE_NAMES = Array.from({ length: 7 }, (_, index) => `photo-${index + 1}.jpg`);

beforeAll(async () => {
  emulator = await startEmulator({ seed: 7, batches: { pollsPerState: 1 } });
  root = await mkdtemp(join(tmpdir(), 'gemini-vision-live-'));
  images = join(root, 'images');
  await mkdir(images);
  // Seven distinct small photos (distinct bytes, so the emulator bills each request apart).
  for (const [index, name] of IMAGE_NAMES.entries()) {
    const width = 160 + index * 16;
    await sharp({ create: { width, height: 120, channels: 3, background: { r: 30 * index, g: 120, b: 200 - 20 * index } } })
      .composite([{ input: Buffer.from(`<svg width="${width}" height="120"><circle cx="${40 + index * 10}" cy="60" r="30" fill="#fff"/></svg>`) }])
      .jpeg({ quality: 80 })
      .toFile(join(images, name));
  }
  // A portrait phone photo: stored landscape, EXIF orientation 6.
  await sharp({ create: { width: 200, height: 150, channels: 3, background: '#884422' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(join(root, 'portrait.jpg'));
});
afterAll(async () => {
  await emulator.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  emulator.reset();
});

/** Runs the CLI in the scratch folder, pointed at the emulator. */
function live(args: readonly string[], options: RunCliOptions = {}): ReturnType<typeof runCli> {
  return runCli(args, { cwd: root, ...options, env: { GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: emulator.url, ...options.env } });
}

async function readResult(path: string): Promise<ImageResultJson> {
  return JSON.parse(await readFile(path, 'utf8')) as ImageResultJson;
}

function billedCounts(): number[] {
  return [...emulator.stats.billedRequests.values()];
}

describe('gemini-vision live commands (emulator)', () => {
  it.each([
    { task: 'detect', extra: [] as string[], noun: 'boxes' },
    { task: 'segment', extra: [], noun: 'masks' },
    { task: 'point', extra: ['--target', 'the circles'], noun: 'points' },
  ])('$task writes per-image JSON in image pixels and an overlay', async ({ task, extra, noun }) => {
    const out = join(root, `out-${task}`);

    const run = await live([task, 'images/photo-1.jpg', 'images/photo-2.jpg', '--out', `out-${task}`, ...extra]);

    expect(run.stderr).toMatch(/^gemini-vision: note: Sending 2 images to gemini-2\.5-flash: estimated at most \$/u);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`done\\s+images/photo-1\\.jpg\\s+\\d+ ${noun}`, 'u'));
    expect(run.stdout).toContain('2 images: 2 processed, 0 already done, 0 failed.');
    const result = await readResult(join(out, 'images_photo-1.jpg.json'));
    expect(result).toMatchObject({ image: 'images/photo-1.jpg', task, model: 'gemini-2.5-flash', imageSize: { width: 160, height: 120 } });
    expect(result.items?.length).toBeGreaterThan(0);
    for (const item of result.items ?? []) {
      if (task === 'point') expect(item).toMatchObject({ box: null, point: { x: expect.any(Number) as number, y: expect.any(Number) as number } });
      else expect(item.box).toMatchObject({ x0: expect.any(Number) as number, x1: expect.any(Number) as number });
    }
    expect(await probeImage(join(out, result.overlay ?? ''))).toMatchObject({ format: 'jpeg', width: 160, height: 120 });
    expect(billedCounts()).toEqual([1, 1]);
  });

  it('writes segmentation masks as PNG files named after their labels, and COCO and YOLO files', async () => {
    const out = join(root, 'out-segment-exports');

    const run = await live(['segment', 'images/photo-3.jpg', '--out', 'out-segment-exports', '--coco', '--yolo']);

    expect(run.code).toBe(0);
    const result = await readResult(join(out, 'images_photo-3.jpg.json'));
    const masked = (result.items ?? []).filter((item) => item.maskFile !== null);
    expect(masked.length).toBeGreaterThan(0);
    for (const [position, item] of (result.items ?? []).entries()) {
      if (item.maskFile === null) continue;
      expect(item.maskFile).toBe(`images_photo-3.jpg.masks/${String(position).padStart(2, '0')}-${item.label}.png`);
      const file = join(out, item.maskFile);
      expect(await sharp(file).metadata()).toMatchObject({ format: 'png', channels: 1 });
      const pixels = await sharp(file).extractChannel(0).raw().toBuffer();
      expect(pixels.filter((value) => value === 255).length).toBe(item.maskArea);
    }
    const coco = JSON.parse(await readFile(join(out, 'coco.json'), 'utf8')) as { annotations: { area: number; segmentation?: object }[]; images: object[] };
    expect(coco.images).toEqual([{ id: 1, file_name: 'images/photo-3.jpg', width: 192, height: 120 }]);
    const areas = (result.items ?? []).map((item) => item.maskArea);
    coco.annotations.forEach((annotation, index) => {
      if (areas[index] !== null) expect(annotation.area).toBe(areas[index]);
    });
    expect(coco.annotations).toHaveLength(areas.length);
    const labels = (await readFile(join(out, 'labels', 'images_photo-3.txt'), 'utf8')).trimEnd().split('\n');
    expect(labels).toHaveLength(result.items?.length ?? -1);
    expect((await readFile(join(out, 'classes.txt'), 'utf8')).trimEnd().split('\n').length).toBeGreaterThan(0);
  });

  it('turns an EXIF-rotated photo upright before sending, so results are in its displayed pixels', async () => {
    const run = await live(['detect', 'portrait.jpg', '--json']);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { images: { result: ImageResultJson & { warnings: string[] } }[] };
    expect(document.images[0]?.result.imageSize).toEqual({ width: 150, height: 200 });
    expect(document.images[0]?.result.warnings).toEqual([]);
  });

  it('sends GIF and AVIF, which Gemini does not accept, as PNG or JPEG at the same size', async () => {
    await sharp({ create: { width: 120, height: 90, channels: 3, background: '#3366aa' } }).gif().toFile(join(root, 'anim.gif'));
    await sharp({ create: { width: 140, height: 100, channels: 3, background: '#aa6633' } }).avif().toFile(join(root, 'photo.avif'));

    const run = await live(['detect', 'anim.gif', 'photo.avif', '--json']);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const document = JSON.parse(run.stdout) as { images: { status: string; result: ImageResultJson }[] };
    expect(document.images.map((entry) => [entry.status, entry.result.imageSize])).toEqual([
      ['done', { width: 120, height: 90 }],
      ['done', { width: 140, height: 100 }],
    ]);
    const sent = emulator.requests.filter((request) => request.route === 'generateContent').map((request) => JSON.stringify(request.body));
    expect(sent.some((body) => body.includes('"image/png"'))).toBe(true);
    expect(sent.some((body) => body.includes('"image/jpeg"'))).toBe(true);
    expect(sent.some((body) => body.includes('image/gif') || body.includes('image/avif'))).toBe(false);
  });

  it.each([
    { task: 'caption', args: [] as string[] },
    { task: 'ask', args: ['--question', 'What colour is the circle?'] },
    { task: 'classify', args: ['--classes', 'circle,square'] },
  ])('$task prints each answer, or a JSON document with --json', async ({ task, args }) => {
    const text = await live([task, 'images/photo-1.jpg', 'images/photo-2.jpg', ...args]);
    const json = await live([task, 'images/photo-1.jpg', ...args, '--json']);

    expect(text.stderr).not.toContain('error');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^images\/photo-1\.jpg: .+\nimages\/photo-2\.jpg: .+\n2 images: 2 processed/u);
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as { task: string; images: { status: string; result: ImageResultJson }[]; totals: { processed: number } };
    expect(document).toMatchObject({ task, totals: { processed: 1 } });
    expect(document.images[0]?.result.answer).toEqual(expect.any(String));
    if (task === 'classify') expect(['circle', 'square']).toContain(document.images[0]?.result.answer);
  });

  it('runs a Batch API job, and a rerun neither submits nor bills it again', async () => {
    const args = ['caption', 'images', '--out', 'out-batch', '--batch', '--poll-interval', '20'];

    const first = await live(args);

    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${IMAGE_NAMES.length} images: ${IMAGE_NAMES.length} processed`);
    expect(first.stderr).toContain('as one Batch API job');
    expect(emulator.requests.filter((request) => request.route === 'batchGenerateContent')).toHaveLength(1);
    expect(emulator.requests.filter((request) => request.route === 'generateContent')).toHaveLength(0);
    expect(emulator.stats.billed.map((call) => call.pricing)).toEqual(Array<string>(IMAGE_NAMES.length).fill('batch'));
    const result = await readResult(join(root, 'out-batch', 'images_photo-4.jpg.json'));
    expect(result).toMatchObject({ task: 'caption', pricing: 'batch' });

    emulator.reset();
    const second = await live(args);

    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`0 processed, ${IMAGE_NAMES.length} already done`);
    expect(emulator.requests).toHaveLength(0);
  });

  it('absorbs random faults of the emulator command (--fault-rate) with retries', async () => {
    const server = spawnCli(['emulator', '--port', '0', '--fault-rate', '0.5', '--seed', '3']);
    const serverOutput = collect(server);
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/u.exec(seen);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      server.on('exit', () => {
        reject(new Error(`The emulator exited early: ${seen}`));
      });
    });

    const run = await live(['detect', 'images', '--out', 'out-faults', '--verbose', '--retries', '8', '--concurrency', '2'], {
      env: { GOOGLE_GEMINI_BASE_URL: url },
    });
    server.kill('SIGTERM');
    const stopped = await serverOutput;

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${IMAGE_NAMES.length} processed, 0 already done, 0 failed`);
    expect(run.stderr).toMatch(/note: Retrying `[^`]+` in \d+ ms\./u);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/^Gemini API emulator listening on http:\/\/127\.0\.0\.1:\d+\n/u);
    expect(stopped.stdout).toContain('GOOGLE_GEMINI_BASE_URL=');
    expect(stopped.stdout).toMatch(/Stopped\. Served \d+ requests, 7 billed model calls/u);
  });

  it('reports an image whose calls keep failing in one line, finishes the others, and a rerun resumes it', async () => {
    emulator.script([{ when: { route: 'generateContent', nth: 2 }, fault: '500', times: 2 }]);

    const first = await live(['detect', 'images/photo-1.jpg', 'images/photo-2.jpg', 'images/photo-3.jpg', '--out', 'out-fail', '--retries', '1', '--concurrency', '1']);

    expect(first.code).toBe(5);
    const errors = first.stderr.split('\n').filter((line) => line.startsWith('gemini-vision: error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^gemini-vision: error: images\/photo-2\.jpg: .*500/u);
    expect(first.stdout).toContain('3 images: 2 processed, 0 already done, 1 failed.');

    const second = await live(['detect', 'images/photo-1.jpg', 'images/photo-2.jpg', 'images/photo-3.jpg', '--out', 'out-fail', '--retries', '1']);

    expect(second.code).toBe(0);
    expect(second.stdout).toContain('3 images: 1 processed, 2 already done, 0 failed.');
    expect(billedCounts()).toEqual([1, 1, 1]);
  });

  it('resumes after the process is killed mid-run without processing any image twice', async () => {
    // The 4th model call hangs (never answered, never billed) so the kill lands mid-run.
    emulator.script([{ when: { route: 'generateContent', nth: 4 }, fault: { kind: 'timeout', holdMs: 60_000 } }]);
    const args = ['detect', 'images', '--out', 'out-resume', '--concurrency', '1'];
    const child = spawnCli(args, { cwd: root, env: { GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: emulator.url } });
    const finished = collect(child);

    await waitFor(async () => {
      const saved = (await readdir(join(root, 'out-resume')).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
      const hanging = emulator.requests.some((request) => request.fault === 'timeout');
      return saved.length === 3 && hanging;
    });
    child.kill('SIGKILL');
    const killed = await finished;
    const billedBefore = new Set(emulator.stats.billed.map((call) => call.fingerprint));

    expect(killed.signal).toBe('SIGKILL');
    expect(billedBefore.size).toBe(3);

    const rerun = await live(args);

    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`${IMAGE_NAMES.length} images: ${IMAGE_NAMES.length - 3} processed, 3 already done, 0 failed.`);
    expect(rerun.stdout.match(/^skipped {2}images\/photo-\d\.jpg \(already done\)$/gmu)).toHaveLength(3);
    const counts = billedCounts();
    expect(counts).toHaveLength(IMAGE_NAMES.length);
    expect(counts.every((times) => times === 1)).toBe(true);
    const saved = (await readdir(join(root, 'out-resume'))).filter((name) => name.endsWith('.json'));
    expect(saved).toHaveLength(IMAGE_NAMES.length);
    expect(saved.filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('stops cleanly on Ctrl-C with exit 130, and the same command resumes', async () => {
    emulator.script([{ when: { route: 'generateContent', nth: 2 }, fault: { kind: 'timeout', holdMs: 60_000 } }]);
    const args = ['point', 'images/photo-1.jpg', 'images/photo-2.jpg', 'images/photo-3.jpg', '--out', 'out-interrupt', '--concurrency', '1'];
    const child = spawnCli(args, { cwd: root, env: { GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: emulator.url } });
    const finished = collect(child);

    await waitFor(async () => {
      const saved = (await readdir(join(root, 'out-interrupt')).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
      return saved.length === 1 && emulator.requests.some((request) => request.fault === 'timeout');
    });
    child.kill('SIGINT');
    const interrupted = await finished;

    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('gemini-vision: note: 1 of 3 images are done and saved in out-interrupt; run the same command again to finish the rest.');
    expect(interrupted.stderr.trimEnd().split('\n').at(-1)).toMatch(/^gemini-vision: error: .*[Ii]nterrupted/u);

    const resumed = await live(args);

    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('3 images: 2 processed, 1 already done, 0 failed.');
    expect(billedCounts()).toEqual([1, 1, 1]);
  });

  it('refuses before sending anything when the estimate is above --max-cost', async () => {
    const run = await live(['segment', 'images', '--max-cost', '0.001']);

    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^gemini-vision: error: Refused before sending anything: 7 images would cost up to \$0\.\d+ on gemini-2\.5-flash .* over --max-cost \$0\.00100\./mu);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('gemini-vision: error:'))).toHaveLength(1);
    expect(emulator.requests.filter((request) => request.route === 'generateContent' || request.route === 'batchGenerateContent')).toEqual([]);
    expect(emulator.stats.billed).toEqual([]);
  });

  it('never writes into a folder it did not make, nor over another run, without --force', async () => {
    await mkdir(join(root, 'foreign'), { recursive: true });
    await writeFile(join(root, 'foreign', 'keep.txt'), 'mine');

    const foreign = await live(['detect', 'images/photo-1.jpg', '--out', 'foreign']);
    const first = await live(['detect', 'images/photo-1.jpg', '--out', 'out-owned']);
    const other = await live(['point', 'images/photo-1.jpg', '--out', 'out-owned']);
    const forced = await live(['point', 'images/photo-1.jpg', '--out', 'out-owned', '--force']);

    expect(foreign.code).toBe(4);
    expect(foreign.stderr).toContain('`foreign` is not empty and holds no gemini-vision run.');
    expect(await readdir(join(root, 'foreign'))).toEqual(['keep.txt']);
    expect(first.code).toBe(0);
    expect(other.code).toBe(4);
    expect(other.stderr).toContain('`out-owned` holds results of another run (detect with gemini-2.5-flash; different task).');
    expect(forced.code).toBe(0);
    expect((await readResult(join(root, 'out-owned', 'images_photo-1.jpg.json'))).task).toBe('point');
    expect((await stat(join(root, 'out-owned', 'images_photo-1.jpg.overlay.jpg'))).isFile()).toBe(true);
  });

  it('explains a missing API key and a missing question in one line each', async () => {
    const noKey = await runCli(['caption', 'images/photo-1.jpg'], { cwd: root });
    const noQuestion = await live(['ask', 'images/photo-1.jpg']);
    const coco = await live(['caption', 'images/photo-1.jpg', '--coco']);

    expect(noKey.code).toBe(5);
    expect(noKey.stderr).toBe(
      'gemini-vision: error: No Gemini API key: set GEMINI_API_KEY (or GOOGLE_API_KEY). To try without a key, run `gemini-vision emulator` and follow what it prints.\n',
    );
    expect(noQuestion.code).toBe(2);
    expect(noQuestion.stderr).toBe("gemini-vision: error: required option '-q, --question <text>' not specified\n");
    expect(coco.code).toBe(2);
    expect(emulator.requests).toEqual([]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('Timed out waiting for the condition.');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
