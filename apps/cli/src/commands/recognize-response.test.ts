import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { recognizeResponse } from './recognize-response';

const fixtures = new URL('../../test/__fixtures__/', import.meta.url);
const read = (name: string): Promise<string> => readFile(new URL(name, fixtures), 'utf8');

describe('recognizeResponse', () => {
  it('recognises a segmentation reply by its masks', async () => {
    const text = await read('cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt');

    const recognized = recognizeResponse(text, 'auto');

    expect(recognized.kind).toBe('segment');
    expect(recognized.items).toHaveLength(16);
    expect(recognized.items.every((item) => item.mask?.encoding === 'png' && item.box !== undefined)).toBe(true);
  });

  it('recognises a detection reply, unfenced', async () => {
    const recognized = recognizeResponse(await read('socks__detect__gemini-2.5-flash-preview-05-20__cookbook-ts.txt'), 'auto');

    expect(recognized.kind).toBe('detect');
    expect(recognized.items.map((item) => item.box)).toEqual([
      [240, 650, 649, 860],
      [53, 248, 384, 524],
    ]);
    expect(recognized.issues).toEqual([]);
  });

  it('recognises a pointing reply', async () => {
    const recognized = recognizeResponse(await read('aloha-arms-table__point__gemini-robotics-er-1.6-preview__er-quickstart.txt'), 'auto');

    expect(recognized.kind).toBe('point');
    expect(recognized.items[0]).toMatchObject({ label: 'blue bowl', point: [263, 404], box: undefined });
  });

  it('reads boxes-only replies to a segmentation prompt as detections, or as masks-missing segmentations when asked', () => {
    const text = '[{"box_2d": [10, 20, 30, 40], "label": "cup"}]';

    expect(recognizeResponse(text, 'auto').kind).toBe('detect');
    const forced = recognizeResponse(text, 'segment');
    expect(forced.kind).toBe('segment');
    expect(forced.items[0]?.mask).toBeNull();
    expect(forced.issues.map((issue) => issue.code)).toContain('missing-mask');
  });

  it('returns the detection issues when nothing parses', () => {
    const recognized = recognizeResponse('Sorry, I cannot help with that.', 'auto');

    expect(recognized).toMatchObject({ kind: 'detect', items: [] });
    expect(recognized.issues.map((issue) => issue.code)).toEqual(['no-json-found']);
  });
});
