import { readFileSync } from 'node:fs';

import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { normalizedBoxToPixels } from '../geometry/normalized-box-to-pixels';
import { decodeCocoRle } from '../masks/decode-coco-rle';
import { encodeCocoRle } from '../masks/encode-coco-rle';
import { createMask } from '../masks/mask';
import { toCocoDataset, type CocoExportImage } from './to-coco-dataset';

interface SummaryFixture {
  readonly stored_image_size: [number, number];
  readonly items: readonly { readonly label: string; readonly box_2d: [number, number, number, number] }[];
}

const summary = JSON.parse(
  readFileSync(new URL('../geometry/__fixtures__/expected-summary.json', import.meta.url), 'utf8'),
) as { fixtures: Record<string, SummaryFixture> };

/** A width×height mask with a filled rectangle. */
function rectangleMask(width: number, height: number, x0: number, y0: number, x1: number, y1: number, value = 255) {
  const mask = createMask(width, height);
  for (let y = y0; y < y1; y += 1) mask.data.fill(value, y * width + x0, y * width + x1);
  return mask;
}

describe('toCocoDataset', () => {
  it('builds the documented example', () => {
    expect(
      toCocoDataset({
        images: [
          {
            fileName: 'cupcakes.jpg',
            width: 1024,
            height: 1024,
            items: [{ label: 'red sprinkles', box: { x0: 66, y0: 393, x1: 207, y1: 575 } }],
          },
        ],
      }),
    ).toEqual({
      images: [{ id: 1, file_name: 'cupcakes.jpg', width: 1024, height: 1024 }],
      annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [66, 393, 141, 182], area: 25662, iscrowd: 0 }],
      categories: [{ id: 1, name: 'red sprinkles' }],
    });
  });

  it('exports a real Gemini detection with sorted categories and verbatim labels', () => {
    const fixture = summary.fixtures['cupcakes-detect-gemini-2.0-flash-py']!;
    const [width, height] = fixture.stored_image_size;
    const items = fixture.items.map((item) => ({ label: item.label, box: normalizedBoxToPixels(item.box_2d, { width, height }) }));
    const dataset = toCocoDataset({ images: [{ fileName: 'cupcakes.jpg', width, height, items }] });
    const labels = [...new Set(fixture.items.map((item) => item.label))];

    expect(dataset.annotations).toHaveLength(13);
    expect(dataset.categories.map((category) => category.name)).toEqual([...labels].sort());
    expect(dataset.categories.map((category) => category.id)).toEqual(labels.map((_label, index) => index + 1));
    dataset.annotations.forEach((annotation, index) => {
      const item = items[index]!;
      const category = dataset.categories.find((entry) => entry.id === annotation.category_id);
      expect(category?.name).toBe(item.label);
      expect(annotation.bbox).toEqual([item.box.x0, item.box.y0, item.box.x1 - item.box.x0, item.box.y1 - item.box.y0]);
    });
  });

  it('numbers images by position unless ids are given, and annotations across images', () => {
    const dataset = toCocoDataset({
      images: [
        { fileName: 'a.jpg', width: 10, height: 10, items: [{ label: 'x', box: { x0: 0, y0: 0, x1: 1, y1: 1 } }] },
        { id: 42, fileName: 'b.jpg', width: 10, height: 10, items: [{ label: 'x', box: { x0: 0, y0: 0, x1: 2, y1: 2 } }] },
      ],
    });

    expect(dataset.images.map((image) => image.id)).toEqual([1, 42]);
    expect(dataset.annotations.map((annotation) => [annotation.id, annotation.image_id])).toEqual([
      [1, 1],
      [2, 42],
    ]);
  });

  it('uses the given categories in order', () => {
    const dataset = toCocoDataset({
      images: [{ fileName: 'a.jpg', width: 10, height: 10, items: [{ label: 'cat', box: { x0: 0, y0: 0, x1: 1, y1: 1 } }] }],
      categories: ['dog', 'cat', 'bird'],
    });

    expect(dataset.categories).toEqual([
      { id: 1, name: 'dog' },
      { id: 2, name: 'cat' },
      { id: 3, name: 'bird' },
    ]);
    expect(dataset.annotations[0]?.category_id).toBe(2);
  });

  it('merges labels that differ only in width or surrounding spaces with nfkc-trim', () => {
    const box = { x0: 0, y0: 0, x1: 1, y1: 1 };
    const images: CocoExportImage[] = [
      { fileName: 'a.jpg', width: 10, height: 10, items: [{ label: 'Ｃａｔ ', box }, { label: 'Cat', box }, { label: '弁当', box }] },
    ];

    expect(toCocoDataset({ images }).categories.map((category) => category.name)).toEqual(['Cat', '弁当', 'Ｃａｔ ']); // U+5F01 < U+FF23
    expect(toCocoDataset({ images, labelNormalization: 'nfkc-trim' }).categories).toEqual([
      { id: 1, name: 'Cat' },
      { id: 2, name: '弁当' },
    ]);
  });

  it('writes a full-frame mask as compressed RLE with its foreground area', () => {
    const mask = rectangleMask(20, 10, 2, 3, 7, 9);
    const dataset = toCocoDataset({
      images: [{ fileName: 'a.png', width: 20, height: 10, items: [{ label: 'blob', box: { x0: 2, y0: 3, x1: 7, y1: 9 }, mask, score: 0.5 }] }],
    });
    const annotation = dataset.annotations[0]!;

    expect(annotation.segmentation).toEqual(encodeCocoRle(mask));
    expect(annotation.area).toBe(30);
    expect(annotation.score).toBe(0.5);
    expect(decodeCocoRle(annotation.segmentation!).data).toEqual(mask.data);
  });

  it('thresholds raw probability masks with maskThreshold', () => {
    const mask = rectangleMask(4, 4, 0, 0, 2, 2, 100);
    mask.data[15] = 200;
    const images = [{ fileName: 'a.png', width: 4, height: 4, items: [{ label: 'blob', box: { x0: 0, y0: 0, x1: 4, y1: 4 }, mask }] }];

    expect(toCocoDataset({ images }).annotations[0]?.area).toBe(5);
    expect(toCocoDataset({ images, maskThreshold: 127 }).annotations[0]?.area).toBe(1);
  });

  it('omits segmentation and score when an item has neither', () => {
    const dataset = toCocoDataset({
      images: [{ fileName: 'a.jpg', width: 10, height: 10, items: [{ label: 'x', box: { x0: 1, y0: 2, x1: 4, y1: 8 } }] }],
    });

    expect(Object.keys(dataset.annotations[0] ?? {})).toEqual(['id', 'image_id', 'category_id', 'bbox', 'area', 'iscrowd']);
  });

  it.each([
    {
      name: 'a box outside the image',
      options: { images: [{ fileName: 'a', width: 10, height: 10, items: [{ label: 'x', box: { x0: 0, y0: 0, x1: 11, y1: 1 } }] }] },
      argument: 'options.images[0].items[0].box.x1',
    },
    {
      name: 'a mask of the wrong size',
      options: { images: [{ fileName: 'a', width: 10, height: 10, items: [{ label: 'x', box: { x0: 0, y0: 0, x1: 1, y1: 1 }, mask: createMask(5, 5) }] }] },
      argument: 'options.images[0].items[0].mask',
    },
    {
      name: 'a label missing from categories',
      options: { images: [{ fileName: 'a', width: 10, height: 10, items: [{ label: 'x', box: { x0: 0, y0: 0, x1: 1, y1: 1 } }] }], categories: ['y'] },
      argument: 'options.images[0].items[0].label',
    },
    { name: 'a repeated category', options: { images: [], categories: ['y', 'y'] }, argument: 'options.categories[1]' },
    {
      name: 'a repeated image id',
      options: { images: [{ fileName: 'a', width: 1, height: 1, items: [] }, { id: 1, fileName: 'b', width: 1, height: 1, items: [] }] },
      argument: 'options.images[1].id',
    },
    { name: 'a zero width', options: { images: [{ fileName: 'a', width: 0, height: 1, items: [] }] }, argument: 'options.images[0].width' },
    {
      name: 'a non-finite score',
      options: { images: [{ fileName: 'a', width: 10, height: 10, items: [{ label: 'x', box: { x0: 0, y0: 0, x1: 1, y1: 1 }, score: Number.NaN }] }] },
      argument: 'options.images[0].items[0].score',
    },
  ])('rejects $name', ({ options, argument }) => {
    expect(() => toCocoDataset(options as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }));
  });

  propertyIt.prop([
    fc.array(
      fc.record({
        label: fc.constantFrom('cat', 'dog', 'sock with a face', '弁当'),
        box: fc
          .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))
          .map(([a, b, c, d]) => ({ x0: Math.min(a, b), x1: Math.max(a, b), y0: Math.min(c, d), y1: Math.max(c, d) })),
      }),
      { maxLength: 20 },
    ),
  ])('gives every item one annotation with a valid category and its box as x, y, w, h', (items) => {
    const dataset = toCocoDataset({ images: [{ fileName: 'a.jpg', width: 50, height: 50, items }] });
    const names = new Map(dataset.categories.map((category) => [category.id, category.name]));

    expect(dataset.annotations).toHaveLength(items.length);
    expect(new Set(names.values()).size).toBe(names.size);
    dataset.annotations.forEach((annotation, index) => {
      const { label, box } = items[index]!;
      expect(names.get(annotation.category_id)).toBe(label);
      expect(annotation.bbox).toEqual([box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0]);
      expect(annotation.area).toBe((box.x1 - box.x0) * (box.y1 - box.y0));
    });
  });
});
