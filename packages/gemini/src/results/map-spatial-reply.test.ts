import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createMask, maskArea, MaskDecodeError, toFullFrameMask, type FrameTransformOptions, type MaskDecoder } from '@gemini-vision/core';
import { createPngMaskDecoder } from '@gemini-vision/images';

import { mapClassification, mapDetections, mapPoints, mapSegmentations } from './map-spatial-reply';

const fixture = (name: string): string => readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8');
const segmentText = fixture('cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-py.txt');
const expected = JSON.parse(fixture('cupcakes-segment-expected.json')) as {
  items: { label: string; xyxy: [number, number, number, number]; gt127: number }[];
};
const decoder = createPngMaskDecoder();
const noFilter = { labels: undefined, maxItems: undefined };
const original1024: FrameTransformOptions = { originalSize: { width: 1024, height: 1024 } };
const sentAt512: FrameTransformOptions = { originalSize: { width: 1024, height: 1024 }, steps: [{ type: 'resize', size: { width: 512, height: 512 } }] };

describe('mapSegmentations', () => {
  it('reproduces the cookbook’s boxes and mask areas when the original was sent', async () => {
    const { items, issues, truncated } = await mapSegmentations(segmentText, original1024, noFilter, 'STOP', decoder);

    expect(truncated).toBe(false);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(items).toHaveLength(expected.items.length);
    items.forEach((item, index) => {
      const reference = expected.items[index];
      expect(item.label).toBe(reference?.label);
      expect([item.box.x0, item.box.y0, item.box.x1, item.box.y1]).toEqual(reference?.xyxy);
      expect(item.mask?.width).toBe(item.box.x1 - item.box.x0);
      expect(item.mask?.height).toBe(item.box.y1 - item.box.y0);
      expect(Math.abs(item.area - (reference?.gt127 ?? 0)) / (reference?.gt127 ?? 1)).toBeLessThan(0.01);
      expect(item.sentPlacement?.area).toBe(item.area);
    });
  });

  it('maps masks from a half-size sent image back to the original’s pixels', async () => {
    const { items } = await mapSegmentations(segmentText, sentAt512, noFilter, 'STOP', decoder);

    items.forEach((item, index) => {
      const reference = expected.items[index];
      expect([item.box.x0, item.box.y0, item.box.x1, item.box.y1]).toEqual(reference?.xyxy);
      expect(item.sentPlacement?.frame).toEqual({ width: 512, height: 512 });
      expect(item.placement?.frame).toEqual({ width: 1024, height: 1024 });
      expect(Math.abs(item.area - (reference?.gt127 ?? 0)) / (reference?.gt127 ?? 1)).toBeLessThan(0.04);
    });
  });

  it('gives a placement that core turns into a full-frame mask of the same area', async () => {
    const { items } = await mapSegmentations(segmentText, sentAt512, noFilter, 'STOP', decoder);
    const first = items[0];

    const full = toFullFrameMask(first!.placement!);

    expect(full.width).toBe(1024);
    expect(maskArea(full)).toBe(first?.area);
  });

  it('clips masks in letterbox padding to the original', async () => {
    const letterboxed: FrameTransformOptions = {
      originalSize: { width: 1024, height: 512 },
      steps: [{ type: 'letterbox', size: { width: 1024, height: 1024 } }],
    };
    const text = JSON.stringify([{ box_2d: [100, 100, 500, 400], label: 'half in the padding', mask: await squareMaskDataUrl() }]);

    const { items } = await mapSegmentations(text, letterboxed, noFilter, 'STOP', decoder);
    const item = items[0];

    expect(item?.box).toEqual({ x0: 102, y0: 0, x1: 409, y1: 256 });
    expect(item?.mask?.height).toBe(256);
    expect(item?.area).toBe(307 * 256);
  });

  it('keeps an item whose mask does not decode, with an invalid-mask issue', async () => {
    const failing: MaskDecoder = {
      name: 'broken',
      decodePng: () => {
        throw new MaskDecodeError('Not a PNG.', { decoder: 'broken' });
      },
    };

    const { items, issues } = await mapSegmentations(segmentText, original1024, { labels: undefined, maxItems: 1 }, 'STOP', failing);

    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ mask: null, area: 0, placement: null });
    expect(issues.map((issue) => issue.code)).toEqual(expect.arrayContaining(['invalid-mask', 'max-items-exceeded']));
  });
});

describe('mapDetections', () => {
  const text = '```json\n[{"box_2d": [100, 200, 300, 400], "label": "Cat"}, {"box_2d": [0, 0, 1000, 1000], "label": "table"}]\n```';

  it('maps boxes of a resized and rotated image to the displayed original', () => {
    const transform: FrameTransformOptions = {
      originalSize: { width: 4032, height: 3024 },
      orientation: 6,
      steps: [{ type: 'resize', size: { width: 768, height: 1024 } }],
    };

    const { items } = mapDetections(text, transform, noFilter, 'STOP');

    expect(items[0]).toMatchObject({ label: 'Cat', box: { x0: 604, y0: 403, x1: 1209, y1: 1209 }, normalizedBox: [100, 200, 300, 400] });
    expect(items[1]?.box).toEqual({ x0: 0, y0: 0, x1: 3024, y1: 4032 });
  });

  it('filters by label ignoring case and reports what it dropped', () => {
    const { items, issues } = mapDetections(text, original1024, { labels: ['cat'], maxItems: undefined }, 'STOP');

    expect(items.map((item) => item.label)).toEqual(['Cat']);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'filtered-by-label', count: 1 }));
  });

  it('salvages complete items of a reply cut at the token limit', () => {
    const { items, truncated, issues } = mapDetections('[{"box_2d": [1, 2, 3, 4], "label": "a"}, {"box_2d": [5, 6', original1024, noFilter, 'MAX_TOKENS');

    expect(items).toHaveLength(1);
    expect(truncated).toBe(true);
    expect(issues.map((issue) => issue.code)).toContain('truncated');
  });

  it('flags a reply as truncated when the API says MAX_TOKENS even if the JSON closed', () => {
    expect(mapDetections('[]', original1024, noFilter, 'MAX_TOKENS').truncated).toBe(true);
  });
});

describe('mapPoints', () => {
  it('maps [y, x] points to original pixels', () => {
    const { items } = mapPoints('[{"point": [500, 250], "label": "bowl"}]', sentAt512, noFilter, 'STOP');

    expect(items[0]).toMatchObject({ label: 'bowl', point: { x: 256, y: 512 }, normalizedPoint: [500, 250] });
  });
});

describe('mapClassification', () => {
  it.each([
    { text: '{"label": "dog"}', label: 'dog' },
    { text: '```json\n{"label": "DOG"}\n```', label: 'dog' },
    { text: 'Dog.', label: 'dog' },
  ])('reads $text as $label', ({ text, label }) => {
    expect(mapClassification(text, ['cat', 'dog']).label).toBe(label);
  });

  it('returns null with a warning for a label outside the classes', () => {
    const result = mapClassification('{"label": "horse"}', ['cat', 'dog']);

    expect(result).toMatchObject({ label: null, answer: 'horse' });
    expect(result.issues[0]).toMatchObject({ code: 'invalid-label', severity: 'warning' });
  });

  it('returns null with an error when there is no label at all', () => {
    expect(mapClassification('I cannot tell.', ['cat', 'dog']).issues[0]?.severity).toBe('error');
  });
});

/** A 256×256 all-foreground mask as a PNG data URL, encoded with fast-png. */
async function squareMaskDataUrl(): Promise<string> {
  const { encode } = await import('fast-png');
  const mask = createMask(256, 256);
  mask.data.fill(255);
  const png = encode({ width: 256, height: 256, data: mask.data, channels: 1, depth: 8 });
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
