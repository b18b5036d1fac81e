import { readFileSync } from 'node:fs';

import { ApiError, GoogleGenAI, MediaResolution, PartMediaResolutionLevel } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  estimateImageTokens,
  estimateTextTokens,
  InvalidArgumentError,
  parseDetections,
  parsePoints,
} from '@gemini-vision/core';

import type { Emulator } from './emulator';
import { startEmulator } from './start-emulator';

const CUPCAKES = readFileSync(new URL('__fixtures__/cupcakes-96.jpg', import.meta.url));
const CUPCAKES_BASE64 = CUPCAKES.toString('base64');
const DETECT_PROMPT = 'Detect the 2d bounding boxes of the cupcakes';

let emulator: Emulator;
let ai: GoogleGenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

function imageContents(prompt: string, level?: PartMediaResolutionLevel) {
  return [
    {
      role: 'user',
      parts: [
        { inlineData: { mimeType: 'image/jpeg', data: CUPCAKES_BASE64 }, ...(level === undefined ? {} : { mediaResolution: { level } }) },
        { text: prompt },
      ],
    },
  ];
}

describe('startEmulator', () => {
  it('binds to 127.0.0.1 on a free port', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
  });

  it.each(['gemini-2.5-flash', 'gemini-2.0-flash', 'gemini-3-flash-preview'])(
    'bills an inline image at core’s estimate for %s',
    async (model) => {
      const response = await ai.models.generateContent({ model, contents: imageContents(DETECT_PROMPT) });

      const imageTokens = estimateImageTokens({ width: 96, height: 96 }, { model }).tokens;
      const textTokens = estimateTextTokens(DETECT_PROMPT);
      const usage = response.usageMetadata;
      expect(usage?.promptTokenCount).toBe(imageTokens + textTokens);
      expect(usage?.promptTokensDetails).toEqual([
        { modality: 'TEXT', tokenCount: textTokens },
        { modality: 'IMAGE', tokenCount: imageTokens },
      ]);
      expect(usage?.candidatesTokenCount).toBe(estimateTextTokens(response.text ?? ''));
      expect(usage?.thoughtsTokenCount).toBe(0);
      expect(usage?.totalTokenCount).toBe(imageTokens + textTokens + (usage?.candidatesTokenCount ?? 0));
      expect(response.modelVersion).toBe(model);
    },
  );

  it('applies the per-part media resolution on Gemini 3 and the config-level one on Gemini 2.5', async () => {
    const perPart = await ai.models.generateContent({
      model: 'gemini-3-flash-preview',
      contents: imageContents('Describe', PartMediaResolutionLevel.MEDIA_RESOLUTION_LOW),
    });
    const configLevel = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: imageContents('Describe'),
      config: { mediaResolution: MediaResolution.MEDIA_RESOLUTION_LOW },
    });

    const imageTokensOf = (details: { modality?: string; tokenCount?: number }[] | undefined) =>
      details?.find((detail) => detail.modality === 'IMAGE')?.tokenCount;
    expect(imageTokensOf(perPart.usageMetadata?.promptTokensDetails)).toBe(
      estimateImageTokens({ width: 96, height: 96 }, { model: 'gemini-3-flash-preview', mediaResolution: 'low' }).tokens,
    );
    expect(imageTokensOf(configLevel.usageMetadata?.promptTokensDetails)).toBe(
      estimateImageTokens({ width: 96, height: 96 }, { model: 'gemini-2.5-flash', mediaResolution: 'low' }).tokens,
    );
  });

  it('reads the size of a HEIC grid image from its primary item', async () => {
    const heic = readFileSync(new URL('__fixtures__/heif-enc-64x48.heic', import.meta.url)).toString('base64');
    const response = await ai.models.generateContent({
      model: 'gemini-3-flash-preview',
      contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/heic', data: heic } }] }],
    });

    expect(response.usageMetadata?.promptTokenCount).toBe(
      estimateImageTokens({ width: 64, height: 48 }, { model: 'gemini-3-flash-preview' }).tokens,
    );
  });

  it('answers 400 for ultra_high media resolution before Gemini 3', async () => {
    const call = ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: imageContents('Describe', PartMediaResolutionLevel.MEDIA_RESOLUTION_ULTRA_HIGH),
    });
    await expect(call).rejects.toMatchObject({ status: 400 });
  });

  it('generates detection boxes that core parses, the same for the same request', async () => {
    const first = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: imageContents(DETECT_PROMPT) });
    const second = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: imageContents(DETECT_PROMPT) });

    const parsed = parseDetections(first.text ?? '');
    expect(first.text).toMatch(/^```json\n/);
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(parsed.items.every((item) => item.label.startsWith('cupcake'))).toBe(true);
    expect(parsed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(second.text).toBe(first.text);
  });

  it('generates points for pointing prompts, unfenced on Gemini 3', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-3-flash-preview',
      contents: imageContents('Point to no more than 2 items in the image. The points are in [y, x] format normalized to 0-1000.'),
    });

    expect(response.text?.startsWith('[')).toBe(true);
    const parsed = parsePoints(response.text ?? '');
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(parsed.items.length).toBeLessThanOrEqual(2);
  });

  it('generates JSON that follows a response schema with enums', async () => {
    const labels = ['cupcake', 'cookie', 'cake', 'muffin'];
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: imageContents('Classify this image.'),
      config: {
        responseMimeType: 'application/json',
        responseJsonSchema: {
          type: 'object',
          properties: {
            labels: { type: 'array', items: { type: 'string', enum: labels }, minItems: 1, maxItems: 2 },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
          },
          required: ['labels', 'confidence'],
        },
      },
    });

    const value = JSON.parse(response.text ?? '') as { labels: string[]; confidence: number };
    expect(value.labels.length).toBeGreaterThanOrEqual(1);
    expect(value.labels.length).toBeLessThanOrEqual(2);
    expect(value.labels.every((label) => labels.includes(label))).toBe(true);
    expect(new Set(value.labels).size).toBe(value.labels.length);
    expect(value.confidence).toBeGreaterThanOrEqual(0);
    expect(value.confidence).toBeLessThanOrEqual(1);
  });

  it('follows an OpenAPI-style responseSchema', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Which fruit?',
      config: {
        responseMimeType: 'application/json',
        responseSchema: { type: 'OBJECT', properties: { fruit: { type: 'STRING', enum: ['apple', 'pear'] } } },
      },
    });

    expect(['apple', 'pear']).toContain((JSON.parse(response.text ?? '') as { fruit: string }).fruit);
  });

  it('streams the same text in several server-sent events with usage on the last', async () => {
    const contents = imageContents(DETECT_PROMPT);
    const whole = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents });
    const stream = await ai.models.generateContentStream({ model: 'gemini-2.5-flash', contents });

    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(whole.text);
    expect(chunks.at(-1)?.usageMetadata).toEqual(whole.usageMetadata);
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('STOP');
    expect(emulator.requests.at(-1)?.query).toEqual({ alt: 'sse' });
  });

  it('counts tokens with count-tokens accounting and the +1 empty-prompt token', async () => {
    const imageOnly = await ai.models.countTokens({
      model: 'gemini-2.5-flash',
      contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/jpeg', data: CUPCAKES_BASE64 } }] }],
    });
    const withText = await ai.models.countTokens({ model: 'gemini-3-flash-preview', contents: imageContents(DETECT_PROMPT) });

    const image25 = estimateImageTokens({ width: 96, height: 96 }, { model: 'gemini-2.5-flash', accounting: 'count-tokens' }).tokens;
    expect(imageOnly.totalTokens).toBe(image25 + 1);
    const image3 = estimateImageTokens({ width: 96, height: 96 }, { model: 'gemini-3-flash-preview', accounting: 'count-tokens' }).tokens;
    expect(withText.totalTokens).toBe(image3 + estimateTextTokens(DETECT_PROMPT));
    expect(emulator.stats.billed).toEqual([]);
  });

  it('serves /v1 paths as the 3.x SDK calls them', async () => {
    const v1 = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url, apiVersion: 'v1' } });

    const response = await v1.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hello' });

    expect(response.text).toContain('Hello');
    expect(emulator.requests.at(-1)?.path).toBe('/v1/models/gemini-2.5-flash:generateContent');
  });

  it('answers 403 PERMISSION_DENIED without an API key and never records the key', async () => {
    const anonymous = await fetch(`${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] }),
    });
    await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' });

    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED' } });
    expect(emulator.requests.at(-1)?.headers['x-goog-api-key']).toBe('[redacted]');
    expect(JSON.stringify(emulator.requests)).not.toContain('test-key');
  });

  it('answers 400 API_KEY_INVALID for a key outside apiKeys', async () => {
    const strict = await startEmulator({ apiKeys: ['right-key'] });
    try {
      const wrong = new GoogleGenAI({ apiKey: 'wrong-key', httpOptions: { baseUrl: strict.url } });
      const right = new GoogleGenAI({ apiKey: 'right-key', httpOptions: { baseUrl: strict.url } });

      const error: unknown = await wrong.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toContain('API_KEY_INVALID');
      expect((error as ApiError).message).not.toContain('wrong-key');
      await expect(right.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' })).resolves.toBeDefined();
    } finally {
      await strict.close();
    }
  });

  it('answers unknown routes with a Google-style 404', async () => {
    const response = await fetch(`${emulator.url}/v1beta/tunedModels/x:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'test-key' },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } });
    expect(emulator.requests.at(-1)?.route).toBe('unknown');
  });

  it('answers 404 for a model that is not Gemini', async () => {
    const error: unknown = await ai.models.generateContent({ model: 'gpt-4o', contents: 'hi' }).catch((caught: unknown) => caught);

    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toContain('models/gpt-4o is not found for API version v1beta');
  });

  it('answers 400 for an image whose bytes are not an image', async () => {
    const call = ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: Buffer.from('not an image').toString('base64') } }] }],
    });

    await expect(call).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Unable to process input image') as unknown });
  });

  it('records method, route, model and a summarized body', async () => {
    await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: imageContents(DETECT_PROMPT) });

    const [recorded] = emulator.requests;
    expect(recorded).toMatchObject({ id: 1, method: 'POST', route: 'generateContent', model: 'gemini-2.5-flash', status: 200, apiVersion: 'v1beta' });
    expect(JSON.stringify(recorded?.body)).toMatch(/<\d+ chars sha256:[0-9a-f]{8}>/);
    expect(JSON.stringify(recorded?.body)).not.toContain(CUPCAKES_BASE64.slice(0, 300));
  });

  it('bills each answered call once with its usage and dollars', async () => {
    await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: imageContents(DETECT_PROMPT) });
    await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: imageContents(DETECT_PROMPT) });

    const { billed, billedRequests, usd } = emulator.stats;
    expect(billed).toHaveLength(2);
    expect(billed[0]?.fingerprint).toBe(billed[1]?.fingerprint);
    expect([...billedRequests.values()]).toEqual([2]);
    expect(billed[0]).toMatchObject({ route: 'generateContent', pricing: 'standard', model: 'gemini-2.5-flash', requestId: 1 });
    expect(usd.standard).toBeGreaterThan(0);
    expect(usd.batch).toBe(0);
  });

  it('answers an interaction with the JSON its response_format schema asks for', async () => {
    const interaction = await ai.interactions.create({
      model: 'gemini-3-flash-preview',
      input: [
        { type: 'image', data: CUPCAKES_BASE64, mime_type: 'image/jpeg' },
        { type: 'text', text: 'Which of these labels fit the image?' },
      ],
      response_format: {
        type: 'text',
        mime_type: 'application/json',
        schema: { type: 'array', items: { type: 'string', enum: ['cupcake', 'bicycle'] } },
      },
    });

    const output = interaction.steps.find((step) => step.type === 'model_output');
    const text = output?.type === 'model_output' ? (output.content ?? []).map((part) => ('text' in part ? part.text : '')).join('') : '';
    const value: unknown = JSON.parse(text);
    expect(Array.isArray(value)).toBe(true);
    for (const label of value as unknown[]) expect(['cupcake', 'bicycle']).toContain(label);
  });

  it('creates, gets and deletes an interaction with snake_case usage from core’s estimate', async () => {
    const interaction = await ai.interactions.create({
      model: 'gemini-3-flash-preview',
      input: [
        { type: 'text', text: DETECT_PROMPT },
        { type: 'image', data: CUPCAKES_BASE64, mime_type: 'image/jpeg', resolution: 'medium' },
      ],
      generation_config: { thinking_level: 'low' },
    });
    const fetched = await ai.interactions.get(interaction.id);
    await ai.interactions.delete(interaction.id);

    const imageTokens = estimateImageTokens({ width: 96, height: 96 }, { model: 'gemini-3-flash-preview', mediaResolution: 'medium' }).tokens;
    const textTokens = estimateTextTokens(DETECT_PROMPT);
    expect(interaction.status).toBe('completed');
    expect(interaction.steps[0]?.type).toBe('model_output');
    expect(interaction.usage).toMatchObject({
      total_input_tokens: imageTokens + textTokens,
      input_tokens_by_modality: [
        { modality: 'text', tokens: textTokens },
        { modality: 'image', tokens: imageTokens },
      ],
      total_thought_tokens: 0,
    });
    expect(fetched.id).toBe(interaction.id);
    expect(emulator.requests.map((request) => request.route)).toEqual(['createInteraction', 'getInteraction', 'deleteInteraction']);
    expect(emulator.requests[0]?.body).toMatchObject({ model: 'gemini-3-flash-preview', generation_config: { thinking_level: 'low' } });
    expect(emulator.stats.billed.map((call) => call.route)).toEqual(['createInteraction']);
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startEmulator({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(InvalidArgumentError);
  });

  it.each([{ faultRate: 2 }, { port: -1 }, { seed: 0.5 }, { faultKinds: ['418' as '429'] }])('rejects the option %o', async (options) => {
    await expect(startEmulator(options)).rejects.toThrow(InvalidArgumentError);
  });
});
