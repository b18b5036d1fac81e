import { Buffer } from 'node:buffer';

import { describe, expect, it } from 'vitest';

import { parseSegmentations } from './parse-segmentations';

/** A PNG signature and IHDR header for 256×256 8-bit grey; the parser only checks the signature. */
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 0,
  0, 0, 0, 0xfb, 0xff, 0xbf, 0xfe,
]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const pngBase64 = base64(PNG);

function parseMask(maskJson: string): ReturnType<typeof parseSegmentations> {
  return parseSegmentations(`[{"box_2d": [168, 97, 360, 228], "mask": ${maskJson}, "label": "jar"}]`);
}

describe('parseSegmentations', () => {
  it.each([
    { name: 'a PNG data URL', mask: `data:image/png;base64,${pngBase64}` },
    { name: 'bare base64', mask: pngBase64 },
    { name: 'base64 with line breaks and spaces', mask: `data:image/png;base64,${pngBase64.replace(/(.{8})/g, '$1\n ')}` },
    { name: 'URL-safe base64 without padding', mask: Buffer.from(PNG).toString('base64url') },
    { name: 'an upper-case data URL', mask: `DATA:IMAGE/PNG;BASE64,${pngBase64}` },
    { name: 'surrounding whitespace', mask: `  data:image/png;base64,${pngBase64}\n` },
  ])('reads the mask from $name', ({ mask }) => {
    const { items, issues } = parseMask(JSON.stringify(mask));

    expect(issues).toEqual([]);
    expect(items).toEqual([
      { index: 0, label: 'jar', box: [168, 97, 360, 228], repairs: [], mask: { encoding: 'png', bytes: PNG } },
    ]);
  });

  it('checks that the URL-safe case really uses the URL-safe alphabet', () => {
    expect(Buffer.from(PNG).toString('base64url')).toMatch(/[-_]/);
  });

  it('uses PNG bytes declared as JPEG, and says so', () => {
    const { items, issues } = parseMask(JSON.stringify(`data:image/jpeg;base64,${pngBase64}`));

    expect(items[0]?.mask).toEqual({ encoding: 'png', bytes: PNG });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'mask-mime-mismatch', severity: 'info', itemIndex: 0, declaredMimeType: 'image/jpeg' }),
    ]);
  });

  it.each([
    { name: 'a JPEG data URL', mask: `data:image/jpeg;base64,${base64(JPEG)}`, mimeType: 'image/jpeg' },
    { name: 'bare JPEG base64', mask: base64(JPEG), mimeType: 'image/jpeg' },
    { name: 'a WebP data URL', mask: `data:image/webp;base64,${base64(WEBP)}`, mimeType: 'image/webp' },
    { name: 'an unknown image type', mask: `data:image/tiff;base64,${base64(Uint8Array.from([1, 2, 3]))}`, mimeType: 'image/tiff' },
  ])('keeps the box and reports $name as unsupported', ({ mask, mimeType }) => {
    const { items, issues } = parseMask(JSON.stringify(mask));

    expect(items).toEqual([{ index: 0, label: 'jar', box: [168, 97, 360, 228], repairs: [], mask: null }]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unsupported-mask-encoding', severity: 'warning', itemIndex: 0, encoding: 'non-png-image', mimeType }),
    ]);
  });

  it('reports <seg_N> tokens as unsupported and keeps their codes', () => {
    const { items, issues } = parseMask('"<start_of_mask><seg_35><seg_65><seg_7>"');

    expect(items[0]?.mask).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'unsupported-mask-encoding',
        encoding: 'segmentation-tokens',
        segmentationTokens: [35, 65, 7],
      }),
    ]);
  });

  it.each([
    { name: 'pairs', mask: '[[325, 411], [327, 471], [410, 480]]' },
    { name: 'a flat list', mask: '[325, 411, 327, 471, 410, 480]' },
  ])('reports a polygon given as $name as unsupported and keeps its points', ({ mask }) => {
    const { items, issues } = parseMask(mask);

    expect(items[0]).toMatchObject({ box: [168, 97, 360, 228], mask: null });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'unsupported-mask-encoding',
        severity: 'warning',
        itemIndex: 0,
        encoding: 'polygon',
        polygon: [
          [325, 411],
          [327, 471],
          [410, 480],
        ],
      }),
    ]);
  });

  it.each([
    { name: 'no mask key', json: '[{"box_2d": [1, 2, 3, 4], "label": "a"}]' },
    { name: 'a null mask', json: '[{"box_2d": [1, 2, 3, 4], "label": "a", "mask": null}]' },
    { name: 'an empty mask', json: '[{"box_2d": [1, 2, 3, 4], "label": "a", "mask": " "}]' },
  ])('keeps the box of an item with $name and reports the missing mask', ({ json }) => {
    const { items, issues } = parseSegmentations(json);

    expect(items).toEqual([{ index: 0, label: 'a', box: [1, 2, 3, 4], repairs: [], mask: null }]);
    expect(issues).toEqual([expect.objectContaining({ code: 'missing-mask', severity: 'warning', itemIndex: 0 })]);
  });

  it.each([
    { name: 'text that is not base64', mask: '"a mask of the jar!"', reason: /not valid base64/ },
    { name: 'a dangling base64 character', mask: '"data:image/png;base64,AAAAA"', reason: /dangling/ },
    { name: 'base64 that is not an image', mask: `"${base64(Uint8Array.from([1, 2, 3, 4, 5, 6]))}"`, reason: /without a PNG signature/ },
    { name: 'a data URL without base64', mask: '"data:image/png,%89PNG"', reason: /not base64-encoded/ },
    { name: 'a data URL without a comma', mask: '"data:image/png;base64"', reason: /without a `,`/ },
    { name: 'an object', mask: '{"size": [256, 256], "counts": "abc"}', reason: /an object in `mask`/ },
    { name: 'a number', mask: '42', reason: /42 in `mask`/ },
    { name: 'an array of words', mask: '["a", "b"]', reason: /neither a base64 PNG nor a polygon/ },
    { name: 'an odd flat list', mask: '[1, 2, 3]', reason: /neither a base64 PNG nor a polygon/ },
  ])('keeps the box and reports $name as an invalid mask', ({ mask, reason }) => {
    const { items, issues } = parseMask(mask);

    expect(items[0]).toMatchObject({ box: [168, 97, 360, 228], mask: null });
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid-mask', severity: 'error', itemIndex: 0 })]);
    expect(issues[0]?.message).toMatch(reason);
  });

  it('reads `segmentation_mask` as `mask`', () => {
    const { items, issues } = parseSegmentations(
      `[{"box_2d": [1, 2, 3, 4], "label": "a", "segmentation_mask": "${pngBase64}"}]`,
    );

    expect(items[0]?.mask?.bytes).toEqual(PNG);
    expect(issues).toEqual([expect.objectContaining({ code: 'key-alias', key: 'segmentation_mask', canonicalKey: 'mask' })]);
  });

  it('drops an item without a box even when it has a mask', () => {
    const { items, issues } = parseSegmentations(`[{"mask": "${pngBase64}", "label": "a"}]`);

    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'missing-box', itemIndex: 0 })]);
  });

  it('salvages the items before a mask cut off mid-string', () => {
    const item = `{"box_2d": [1, 2, 3, 4], "mask": "data:image/png;base64,${pngBase64}", "label": "a"}`;
    const { items, truncated } = parseSegmentations(`\`\`\`json\n[${item}, ${item.slice(0, 60)}`);

    expect(truncated).toBe(true);
    expect(items).toHaveLength(1);
    expect(items[0]?.mask?.bytes).toEqual(PNG);
  });

  it('keeps the confidence and other keys next to the mask', () => {
    const { items } = parseSegmentations(`[{"box_2d": [1, 2, 3, 4], "label": "a", "mask": "${pngBase64}", "confidence": 0.8, "color": "red"}]`);

    expect(items[0]).toMatchObject({ confidence: 0.8, extra: { color: 'red' } });
  });
});
