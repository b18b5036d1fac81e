import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { probeImage } from '@gemini-vision/images/probe';

import { FIXTURES, runCli } from './run-cli';

interface ExpectedItem {
  label: string;
  xyxy_px_trunc?: [number, number, number, number];
  xy_px?: [number, number];
  cookbook_full_mask_fg_pixels?: { gt127: number };
}
interface RenderJson {
  image: { width: number; height: number };
  items: { label: string; box: { x0: number; y0: number; x1: number; y1: number } | null; point: { x: number; y: number } | null; maskArea: number | null }[];
  issues: { code: string; severity: string; message: string }[];
}

const SEGMENT = join(FIXTURES, 'cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt');
const DETECT = join(FIXTURES, 'socks__detect__gemini-2.5-flash-preview-05-20__cookbook-ts.txt');
const POINT = join(FIXTURES, 'aloha-arms-table__point__gemini-robotics-er-1.6-preview__er-quickstart.txt');

let expected: Record<string, { items: ExpectedItem[] }>;
let scratch: string;

beforeAll(async () => {
  expected = (JSON.parse(await readFile(join(FIXTURES, 'expected-summary.json'), 'utf8')) as { fixtures: typeof expected }).fixtures;
  scratch = await mkdtemp(join(tmpdir(), 'gemini-vision-render-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function fixture(id: string): ExpectedItem[] {
  const items = expected[id]?.items;
  if (items === undefined) throw new Error(`No expected summary for ${id}.`);
  return items;
}

describe('gemini-vision render', () => {
  it('maps 16 real segmentation masks onto the cupcakes photo: boxes exact, mask areas within 1 %', async () => {
    const out = join(scratch, 'cupcakes.png');

    const run = await runCli(['render', '--image', join(FIXTURES, 'cupcakes-1024.jpg'), '--response', SEGMENT, '--out', out, '--json']);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as RenderJson;
    expect(Object.keys(document)).toEqual(['image', 'items', 'issues']);
    expect(document.image).toEqual({ width: 1024, height: 1024 });
    const items = fixture('cupcakes-segment-gemini-2.5-flash-preview-05-20-ts');
    expect(document.items).toHaveLength(items.length);
    document.items.forEach((item, index) => {
      const want = items[index];
      expect(Object.keys(item)).toEqual(['label', 'box', 'point', 'maskArea']);
      expect(item.label).toBe(want?.label);
      const [x0, y0, x1, y1] = want?.xyxy_px_trunc ?? [];
      expect(item.box).toEqual({ x0, y0, x1, y1 });
      expect(item.point).toBeNull();
      const area = want?.cookbook_full_mask_fg_pixels?.gt127 ?? NaN;
      expect(Math.abs((item.maskArea ?? 0) - area) / area).toBeLessThan(0.01);
    });
    expect(await probeImage(out)).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  });

  it('maps boxes onto the displayed pixels of an EXIF-rotated photo', async () => {
    const run = await runCli(['render', '--image', join(FIXTURES, 'socks-exif-6.jpg'), '--response', DETECT, '--json']);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as RenderJson;
    expect(document.image).toEqual({ width: 4080, height: 3072 });
    expect(document.items.map((item) => item.box && [item.box.x0, item.box.y0, item.box.x1, item.box.y1])).toEqual(
      fixture('socks-detect-gemini-2.5-flash-preview-05-20-ts').map((item) => item.xyxy_px_trunc),
    );
    expect(document.items.every((item) => item.maskArea === null && item.point === null)).toBe(true);
    expect(document.issues).toEqual([]);
  });

  it('recognises a pointing reply and maps points without rounding', async () => {
    const out = join(scratch, 'aloha.jpg');

    const run = await runCli(['render', '--image', join(FIXTURES, 'aloha-800x602.jpg'), '--response', POINT, '--json', '--out', out]);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as RenderJson;
    const items = fixture('aloha-arms-table-point-gemini-robotics-er-1.6-preview');
    expect(document.items.map((item) => item.label)).toEqual(items.map((item) => item.label));
    document.items.forEach((item, index) => {
      expect(item.box).toBeNull();
      expect(item.point?.x).toBeCloseTo(items[index]?.xy_px?.[0] ?? NaN, 9);
      expect(item.point?.y).toBeCloseTo(items[index]?.xy_px?.[1] ?? NaN, 9);
    });
    expect(await probeImage(out)).toMatchObject({ format: 'jpeg', width: 800, height: 602 });
  });

  it('exports COCO (masks as RLE) and YOLO with classes.txt', async () => {
    const coco = join(scratch, 'export', 'cupcakes.coco.json');
    const yolo = join(scratch, 'export', 'labels', 'cupcakes.txt');

    const run = await runCli(['render', '--image', join(FIXTURES, 'cupcakes-1024.jpg'), '--response', SEGMENT, '--coco', coco, '--yolo', yolo]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 16 segmentations (16 with masks)');
    const dataset = JSON.parse(await readFile(coco, 'utf8')) as {
      images: { file_name: string; width: number }[];
      annotations: { bbox: number[]; area: number; segmentation?: { counts: string; size: number[] } }[];
      categories: { name: string }[];
    };
    expect(dataset.images).toEqual([{ id: 1, file_name: 'cupcakes-1024.jpg', width: 1024, height: 1024 }]);
    expect(dataset.annotations).toHaveLength(16);
    expect(dataset.annotations[0]?.bbox).toEqual([404, 159, 188, 211]);
    expect(dataset.annotations[0]?.segmentation?.size).toEqual([1024, 1024]);
    const lines = (await readFile(yolo, 'utf8')).trimEnd().split('\n');
    const classes = (await readFile(join(scratch, 'export', 'labels', 'classes.txt'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(16);
    expect(classes).toEqual(dataset.categories.map((category) => category.name));
    expect(lines[0]).toMatch(/^\d+ 0\.\d{6} 0\.\d{6} 0\.\d{6} 0\.\d{6}$/u);
  });

  it('refuses to overwrite an output file without --force and leaves it untouched', async () => {
    const out = join(scratch, 'exists.png');
    await writeFile(out, 'precious');

    const refused = await runCli(['render', '--image', join(FIXTURES, 'cupcakes-1024.jpg'), '--response', SEGMENT, '--out', out]);

    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe(`gemini-vision: error: \`${out}\` already exists. Pass --force to overwrite it, or choose another output path.\n`);
    expect(await readFile(out, 'utf8')).toBe('precious');

    const forced = await runCli(['render', '--image', join(FIXTURES, 'cupcakes-1024.jpg'), '--response', SEGMENT, '--out', out, '--force']);

    expect(forced.code).toBe(0);
    expect((await stat(out)).size).toBeGreaterThan(100_000);
  });

  it('exits 7 with the parse issues when the reply holds no item', async () => {
    const response = join(scratch, 'prose.txt');
    await writeFile(response, 'I am sorry, I cannot find any cupcakes in this image.');

    const run = await runCli(['render', '--image', join(FIXTURES, 'cupcakes-1024.jpg'), '--response', response, '--json']);

    expect(run.code).toBe(7);
    const document = JSON.parse(run.stdout) as RenderJson;
    expect(document.items).toEqual([]);
    expect(document.issues.map((issue) => issue.code)).toContain('no-json-found');
    expect(run.stderr).toContain('No usable item');
  });

  it('reports a missing response file or image in one line with exit 3', async () => {
    const response = await runCli(['render', '--image', join(FIXTURES, 'cupcakes-1024.jpg'), '--response', 'nope.txt', '--json']);
    const image = await runCli(['render', '--image', 'nope.jpg', '--response', SEGMENT, '--json']);

    expect(response.code).toBe(3);
    expect(response.stderr).toBe("gemini-vision: error: Could not read the response file `nope.txt`: it does not exist. Pass the text file holding the model's reply.\n");
    expect(JSON.parse(response.stdout)).toEqual({ error: { code: 'CLI_ERROR', message: expect.stringContaining('nope.txt') as string } });
    expect(image.code).toBe(3);
    expect(image.stderr).toMatch(/^gemini-vision: error: Could not read the image `nope\.jpg`: .*\n$/u);
  });

  it('asks for an output when none is given', async () => {
    const run = await runCli(['render', '--image', join(FIXTURES, 'cupcakes-1024.jpg'), '--response', SEGMENT]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Nothing to do: pass --out OUT.png, --json, --coco FILE or --yolo FILE.');
  });
});
