import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';

import { GoogleGenAI } from '@google/genai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  AbortedError,
  ApiCallError,
  ApiKeyMissingError,
  BudgetExceededError,
  CapabilityUnsupportedError,
  InvalidArgumentError,
  RequestLimitExceededError,
} from '@gemini-vision/core';
import { createImageProber, createPngMaskDecoder, prepareImage } from '@gemini-vision/images';

import { createGradientPng, createNoisePng } from './__fixtures__/test-images';
import { createGeminiVision, DEFAULT_MODEL, type GeminiVisionSettings } from './create-gemini-vision';
import { startEmulator, type Emulator } from './emulator/index';

const KEY = 'test-key-7d1f0c2e-SECRET';
const image512 = createGradientPng(512, 384, 1);
const image1024 = createGradientPng(1024, 1024, 2);
const segmentFixture = readFileSync(new URL('results/__fixtures__/cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-py.txt', import.meta.url), 'utf8');
const segmentExpected = JSON.parse(readFileSync(new URL('results/__fixtures__/cupcakes-segment-expected.json', import.meta.url), 'utf8')) as {
  items: { xyxy: number[]; gt127: number }[];
};

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterEach(() => {
  emulator.reset();
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await emulator.close();
});

function createVision(settings: Partial<GeminiVisionSettings> = {}) {
  return createGeminiVision({
    apiKey: KEY,
    baseUrl: emulator.url,
    imageProber: createImageProber(),
    maskDecoder: createPngMaskDecoder(),
    imagePreparer: { name: 'sharp', prepare: prepareImage },
    retry: { initialDelayMs: 5, maxDelayMs: 20 },
    ...settings,
  });
}

const routes = (route: string) => emulator.requests.filter((request) => request.route === route);

describe('createGeminiVision', () => {
  it('defaults to gemini-2.5-flash and pins the API to v1beta', async () => {
    const vision = createVision();

    await vision.caption(image512);

    expect(vision.model).toBe(DEFAULT_MODEL);
    expect(routes('generateContent')[0]?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
  });

  it('captions an image with the guide’s prompt after the image, and reports usage next to the estimate', async () => {
    const vision = createVision();

    const result = await vision.caption(image512);

    expect(result.caption).not.toBe('');
    expect(result).toMatchObject({ task: 'caption', model: 'gemini-2.5-flash', api: 'generate-content', finishReason: 'STOP', attempts: 1 });
    expect(result.usage?.promptTokens).toBeGreaterThan(0);
    expect(result.estimate.imageTokens).toBe(258);
    expect(result.usage?.imageTokens).toBe(result.estimate.imageTokens);
    const body = routes('generateContent')[0]?.body as { contents: { parts: { text?: string }[] }[] };
    expect(body.contents[0]?.parts.at(-1)).toEqual({ text: 'Caption this image.' });
    expect(vision.ledger.entries()[0]).toMatchObject({ status: 'succeeded', billedUsd: result.billedUsd });
  });

  it('answers a question about two images in one prompt, text first', async () => {
    const vision = createVision();

    const result = await vision.ask([image512, image1024], 'What differs between these images?');

    expect(result.answer).not.toBe('');
    expect(result.images).toHaveLength(2);
    const body = routes('generateContent')[0]?.body as { contents: { parts: Record<string, unknown>[] }[] };
    expect(body.contents[0]?.parts[0]).toEqual({ text: 'What differs between these images?' });
  });

  it('classifies with an enum schema and returns one of the classes', async () => {
    const vision = createVision();

    const result = await vision.classify(image512, ['indoor', 'outdoor']);

    expect(['indoor', 'outdoor']).toContain(result.label);
    const body = routes('generateContent')[0]?.body as { generationConfig: Record<string, unknown> };
    expect(body.generationConfig).toMatchObject({ responseMimeType: 'application/json', responseJsonSchema: { required: ['label'] } });
  });

  it('detects with thinking off on 2.5 and maps boxes to the original through the preparation', async () => {
    const vision = createVision({ prepare: { maxSide: 256 } });

    const result = await vision.detect(image1024, { target: 'the squares' });

    expect(result.images[0]).toMatchObject({ prepared: true, sentSize: { width: 256, height: 256 }, original: { width: 1024 } });
    expect(result.imageSize).toEqual({ width: 1024, height: 1024 });
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(item.box.x0).toBe(Math.floor((item.normalizedBox[1] / 1000) * 1024));
      expect(item.box.y1).toBe(Math.floor((item.normalizedBox[2] / 1000) * 1024));
    }
    const body = routes('generateContent')[0]?.body as { generationConfig: Record<string, unknown> };
    expect(body.generationConfig).toMatchObject({ temperature: 0.5, thinkingConfig: { thinkingBudget: 0 }, responseMimeType: 'application/json' });
  });

  it('segments with the real cookbook reply and returns its masks in original pixels', async () => {
    emulator.addFixtures([{ id: 'cupcakes-segment', match: { promptIncludes: ['segmentation masks'] }, text: segmentFixture }]);
    const vision = createVision({ prepare: { maxSide: 512 } });

    const result = await vision.segment(image1024, { target: 'the cupcakes' });

    expect(result.masksRequested).toBe(true);
    expect(result.items).toHaveLength(15);
    result.items.forEach((item, index) => {
      const reference = segmentExpected.items[index];
      expect([item.box.x0, item.box.y0, item.box.x1, item.box.y1]).toEqual(reference?.xyxy);
      expect(Math.abs(item.area - (reference?.gt127 ?? 0)) / (reference?.gt127 ?? 1)).toBeLessThan(0.04);
    });
    const body = routes('generateContent')[0]?.body as { generationConfig: Record<string, unknown>; systemInstruction?: unknown };
    expect(body.generationConfig['responseMimeType']).toBeUndefined();
    expect(body.systemInstruction).toBeUndefined();
  });

  it('refuses masks on Gemini 3 before sending anything', async () => {
    const vision = createVision({ model: 'gemini-3-flash-preview' });

    await expect(vision.segment(image512)).rejects.toBeInstanceOf(CapabilityUnsupportedError);
    expect(emulator.requests).toHaveLength(0);
  });

  it('falls back to boxes on Gemini 3 when asked, with minimal thinking and per-part resolution', async () => {
    const vision = createVision({ model: 'gemini-3-flash-preview', mediaResolution: 'low' });

    const result = await vision.segment(image512, { onUnsupported: 'boxes', target: 'the squares' });

    expect(result.masksRequested).toBe(false);
    expect(result.items.every((item) => item.mask === null)).toBe(true);
    expect(result.warnings.join(' ')).toMatch(/no segmentation masks/u);
    const body = routes('generateContent')[0]?.body as { contents: { parts: Record<string, unknown>[] }[]; generationConfig: Record<string, unknown> };
    expect(body.generationConfig['thinkingConfig']).toEqual({ thinkingLevel: 'MINIMAL' });
    expect(body.contents[0]?.parts[0]?.['mediaResolution']).toEqual({ level: 'MEDIA_RESOLUTION_LOW' });
    expect(result.estimate.imageTokens).toBe(result.usage?.imageTokens);
  });

  it('points and maps [y, x] to original pixels', async () => {
    const vision = createVision();

    const result = await vision.point(image512, { target: 'the corners' });

    expect(result.items.length).toBeGreaterThan(0);
    const first = result.items[0];
    expect(first?.point.x).toBeCloseTo(((first?.normalizedPoint[1] ?? 0) / 1000) * 512, 6);
  });

  it('runs a task through the Interactions API with a snake_case body', async () => {
    emulator.addFixtures([
      { id: 'squares', match: { promptIncludes: ['bounding boxes of the squares'] }, text: '[{"box_2d": [100, 200, 300, 400], "label": "square"}]' },
    ]);
    const vision = createVision({ api: 'interactions', model: 'gemini-3-flash-preview' });

    const result = await vision.detect(image512, { target: 'the squares' });

    expect(result.api).toBe('interactions');
    expect(result.items).toEqual([{ index: 0, label: 'square', box: { x0: 102, y0: 38, x1: 204, y1: 115 }, normalizedBox: [100, 200, 300, 400], repairs: [] }]);
    expect(result.usage?.promptTokens).toBeGreaterThan(0);
    const body = routes('createInteraction')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'gemini-3-flash-preview', generation_config: { thinking_level: 'minimal' }, response_format: { mime_type: 'application/json' } });
    expect((body['input'] as { type: string }[]).map((item) => item.type)).toEqual(['text', 'image']);
  });

  it('uploads through the Files API when forced, and reuses the upload for the same bytes', async () => {
    const vision = createVision();

    const first = await vision.caption(image512, { transport: 'files-api' });
    const second = await vision.detect(image512, { transport: 'files-api' });

    expect(first.images[0]).toMatchObject({ transport: 'files-api', reusedUpload: false });
    expect(second.images[0]).toMatchObject({ transport: 'files-api', reusedUpload: true, fileName: first.images[0]?.fileName });
    expect(routes('uploadFile')).toHaveLength(1);
    const body = routes('generateContent')[1]?.body as { contents: { parts: Record<string, unknown>[] }[] };
    expect(body.contents[0]?.parts[0]).toHaveProperty('fileData');
  });

  it('mixes an upload and inline data when the request is over the inline limit', async () => {
    const vision = createVision({ inlineLimit: 'legacy' });
    const large = createNoisePng(2300, 2300);

    const result = await vision.caption([large, image512]);

    expect(result.images.map((image) => image.transport)).toEqual(['files-api', 'inline']);
    expect(emulator.listFiles()).toHaveLength(1);
  });

  it('confirms the estimate with countTokens when asked', async () => {
    const vision = createVision({ countTokens: true, model: 'gemini-3-flash-preview' });

    const result = await vision.caption(image512);

    expect(routes('countTokens')).toHaveLength(1);
    expect(result.countedTokens).toBeGreaterThan(0);
    expect(result.estimate.inputTokens).toBe(result.usage?.promptTokens);
  });

  it('downloads an image from an http URL on 127.0.0.1', async () => {
    const server = await serve(image512);
    try {
      const vision = createVision();

      const result = await vision.caption(`${server.url}/photo.png?token=abc`);

      expect(result.images[0]).toMatchObject({ source: 'url', description: `${server.url}/photo.png` });
    } finally {
      await server.close();
    }
  });

  it('refuses a call over the budget before sending it, counting earlier spending', async () => {
    const vision = createVision({ maxCostUsd: 0.004 });

    await vision.caption(image512);
    const error: unknown = await vision.detect(image512).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(routes('generateContent')).toHaveLength(1);
    expect(vision.ledger.totals().billedUsd).toBeGreaterThan(0);
  });

  it('refuses a request no transport can carry', async () => {
    const vision = createVision({ imagePreparer: undefined });
    const gif = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;');

    await expect(vision.caption(gif)).rejects.toSatisfy((error) => RequestLimitExceededError.isInstance(error));
    await expect(vision.caption(gif)).rejects.toThrow(/`image\/gif`, which Gemini does not accept/u);
    expect(emulator.requests).toHaveLength(0);
  });

  it('throws ApiKeyMissingError on the first call, not at creation', async () => {
    vi.stubEnv('GEMINI_API_KEY', '');
    vi.stubEnv('GOOGLE_API_KEY', '');
    const vision = createVision({ apiKey: undefined });

    const error: unknown = await vision.caption(image512).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiKeyMissingError);
    expect((error as Error).message).toBe(
      'Expected a Gemini API key, but none was found. Set GEMINI_API_KEY (or GOOGLE_API_KEY) in the environment, or pass `apiKey` in code. Get a key at https://aistudio.google.com/apikey.',
    );
    expect(emulator.requests).toHaveLength(0);
  });

  it('reads the key and the base URL from the environment', async () => {
    vi.stubEnv('GEMINI_API_KEY', KEY);
    vi.stubEnv('GOOGLE_GEMINI_BASE_URL', emulator.url);
    const vision = createVision({ apiKey: undefined, baseUrl: undefined });

    await vision.caption(image512);

    expect(routes('generateContent')).toHaveLength(1);
  });

  it('uses an injected SDK client', async () => {
    const client = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: emulator.url, apiVersion: 'v1beta' } });
    const vision = createVision({ client, apiKey: undefined, baseUrl: 'http://127.0.0.1:9' });

    await vision.caption(image512);

    expect(routes('generateContent')).toHaveLength(1);
  });

  it('rejects with AbortedError when the signal aborts', async () => {
    const vision = createVision();

    await expect(vision.caption(image512, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortedError);
  });

  it('stops waiting for a call in flight when the signal aborts, without retrying', async () => {
    emulator.script([{ when: { route: 'generateContent' }, fault: { kind: 'timeout', holdMs: 5000 } }]);
    const vision = createVision();

    const started = Date.now();
    await expect(vision.caption(image512, { signal: AbortSignal.timeout(150) })).rejects.toBeInstanceOf(AbortedError);

    expect(Date.now() - started).toBeLessThan(2000);
    expect(routes('generateContent')).toHaveLength(1);
    expect(vision.ledger.entries()[0]).toMatchObject({ status: 'failed' });
  });

  it('sets media resolution request-wide on Gemini 2.5', async () => {
    const vision = createVision({ mediaResolution: 'low' });

    const result = await vision.caption(image512);

    const body = routes('generateContent')[0]?.body as { contents: { parts: Record<string, unknown>[] }[]; generationConfig: Record<string, unknown> };
    expect(body.generationConfig['mediaResolution']).toBe('MEDIA_RESOLUTION_LOW');
    expect(body.contents[0]?.parts[0]).not.toHaveProperty('mediaResolution');
    expect(result.estimate.imageTokens).toBe(result.usage?.imageTokens);
  });

  it('takes exactly one image for a spatial task', async () => {
    const vision = createVision();

    await expect(vision.estimate('detect', [image512, image1024])).rejects.toThrow(/exactly one image for `detect`/u);
  });

  it('estimates without sending', async () => {
    const vision = createVision();

    const { estimate, images } = await vision.estimate('detect', image512);

    expect(estimate.imageTokens).toBe(258);
    expect(images[0]).toMatchObject({ transport: 'inline', sentSize: { width: 512, height: 384 } });
    expect(emulator.requests).toHaveLength(0);
  });

  it('rejects settings without the ports', () => {
    expect(() => createGeminiVision({} as GeminiVisionSettings)).toThrow(InvalidArgumentError);
    expect(() => createVision({ imagePreparer: undefined, prepare: { maxSide: 10 } })).toThrow(/imagePreparer/u);
  });
});

describe('GeminiVision.detectMany', () => {
  it('returns one entry per input in order, failures included, with the concurrency limit', async () => {
    const vision = createVision({ concurrency: 2 });
    const inputs = [image512, '/no/such/file.png', createGradientPng(64, 64, 3), image1024];

    const entries = await vision.detectMany(inputs);

    expect(entries.map((entry) => entry.index)).toEqual([0, 1, 2, 3]);
    expect(entries.map((entry) => entry.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(entries[1]?.status === 'rejected' && entries[1].error.name).toBe('ImageUnreadableError');
    expect(routes('generateContent')).toHaveLength(3);
  });

  it('turns an abort into rejected entries, never dropping one', async () => {
    const controller = new AbortController();
    controller.abort();
    const vision = createVision();

    const entries = await vision.detectMany([image512, image1024], { signal: controller.signal });

    expect(entries).toHaveLength(2);
    expect(entries.every((entry) => entry.status === 'rejected' && AbortedError.isInstance(entry.error))).toBe(true);
  });
});

describe('createGeminiVision (retries against the emulator)', () => {
  it('honours Retry-After on a 429 and bills once', async () => {
    emulator.script([{ when: { route: 'generateContent' }, fault: { kind: '429', retryAfterSeconds: 1 } }]);
    const warnings: unknown[] = [];
    const vision = createVision({ logger: { warn: (_message, details) => warnings.push(details) } });

    const started = Date.now();
    const result = await vision.caption(image512);

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.attempts).toBe(2);
    expect(warnings[0]).toMatchObject({ status: 429, retryAfterMs: 1000 });
    expect([...emulator.stats.billedRequests.values()]).toEqual([1]);
  });

  it('retries a 503 and a dropped connection', async () => {
    emulator.script([
      { when: { route: 'generateContent', nth: 1 }, fault: '503' },
      { when: { route: 'generateContent', nth: 2 }, fault: 'disconnect' },
    ]);
    const vision = createVision();

    const result = await vision.caption(image512);

    expect(result.attempts).toBe(3);
    expect(routes('generateContent')).toHaveLength(3);
    expect(emulator.stats.billed).toHaveLength(1);
  });

  it('times an attempt out and retries, recording the unconfirmed attempt', async () => {
    emulator.script([{ when: { route: 'generateContent' }, fault: { kind: 'timeout', holdMs: 5000 } }]);
    const vision = createVision({ timeoutMs: 300 });

    const result = await vision.caption(image512);

    expect(result.attempts).toBe(2);
    expect(vision.ledger.entries()[0]).toMatchObject({ attempts: 2, unconfirmedAttempts: 1 });
    expect(emulator.stats.billed).toHaveLength(1);
  });

  it('retries a malformed body and accounts the lost reply as possibly billed', async () => {
    emulator.script([{ when: { route: 'generateContent' }, fault: 'malformed-json' }]);
    const vision = createVision();

    const result = await vision.caption(image512);

    expect(result.attempts).toBe(2);
    const billedTimes = [...emulator.stats.billedRequests.values()];
    expect(billedTimes).toEqual([2]);
    const totals = vision.ledger.totals();
    expect(totals.possiblyBilledUsd).toBeGreaterThan(0);
    expect(totals.committedUsd).toBeGreaterThanOrEqual(emulator.stats.usd.standard);
  });

  it('returns a truncated reply with the complete items salvaged, without retrying', async () => {
    emulator.script([{ when: { route: 'generateContent' }, fault: 'truncated' }]);
    const vision = createVision();

    const result = await vision.detect(image1024, { target: 'the squares' });

    expect(result.attempts).toBe(1);
    expect(result.truncated).toBe(true);
    expect(result.finishReason).toBe('MAX_TOKENS');
    expect(result.issues.map((issue) => issue.code)).toContain('truncated');
  });

  it('gives up after the allowed attempts with an ApiCallError', async () => {
    emulator.script([{ when: { route: 'generateContent' }, fault: '500', times: 10 }]);
    const vision = createVision({ retry: { attempts: 3, initialDelayMs: 1 } });

    const error: unknown = await vision.caption(image512).catch((caught: unknown) => caught);

    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, attempts: 3, retryable: true });
    expect(routes('generateContent')).toHaveLength(3);
    expect(vision.ledger.entries()[0]).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('retries the Interactions API with its own retries switched off', async () => {
    emulator.script([{ when: { route: 'createInteraction' }, fault: '503' }]);
    const vision = createVision({ api: 'interactions' });

    const result = await vision.caption(image512);

    expect(result.attempts).toBe(2);
    expect(routes('createInteraction')).toHaveLength(2);
  });
});

describe('createGeminiVision (the API key)', () => {
  it('never appears in results, errors, logs, the ledger or the emulator log', async () => {
    const logs: string[] = [];
    const log = (message: string, details?: unknown) => {
      logs.push(message, inspect(details, { depth: 8 }));
    };
    const vision = createVision({ logger: { debug: log, info: log, warn: log }, retry: { attempts: 2, initialDelayMs: 1 } });
    emulator.script([
      { when: { route: 'generateContent', nth: 1 }, fault: '429' },
      { when: { route: 'generateContent', nth: 3 }, fault: '500', times: 5 },
    ]);

    const outputs: unknown[] = [];
    outputs.push(await vision.caption(image512, { transport: 'files-api' }).catch((error: unknown) => error));
    outputs.push(await vision.detect(image512).catch((error: unknown) => error));
    outputs.push(await createVision({ apiKey: 'wrong-key-but-secret-too', retry: false }).caption(image512).catch((error: unknown) => error));

    const everything = [
      ...outputs.map((output) => inspect(output, { depth: 12, showHidden: true })),
      ...outputs.map((output) => JSON.stringify(output, (_key, value: unknown) => (value instanceof Uint8Array ? `<${value.byteLength} bytes>` : value))),
      ...logs,
      JSON.stringify(vision.ledger.entries()),
      JSON.stringify(emulator.requests),
    ].join('\n');
    expect(outputs.some((output) => output instanceof Error)).toBe(true);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain('wrong-key-but-secret-too');
  });
});

async function serve(bytes: Uint8Array): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => { resolve(); });
      }),
  };
}
