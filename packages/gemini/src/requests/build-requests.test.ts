import { PartMediaResolutionLevel, ThinkingLevel } from '@google/genai';
import { describe, expect, it } from 'vitest';

import { resolveModelProfile } from '../models/resolve-model-profile';
import { buildTaskPrompt } from '../prompts/build-task-prompt';
import { buildGenerateContentRequest, buildRestGenerateContentRequest } from './build-generate-content-request';
import { buildInteractionRequest } from './build-interaction-request';
import { resolveTextFirst, type RequestSpec } from './request-spec';

const profile = resolveModelProfile('gemini-3-flash-preview');
const spec: RequestSpec = {
  model: 'gemini-3-flash-preview',
  prompt: buildTaskPrompt(profile, { task: 'detect', labels: ['cat'] }),
  images: [
    { kind: 'inline', data: 'AAAA', mimeType: 'image/png' },
    { kind: 'file', uri: 'http://x/v1beta/files/abc', mimeType: 'image/jpeg' },
  ],
  textFirst: true,
  temperature: 0.5,
  maxOutputTokens: 4096,
  thinking: { kind: 'level', level: 'minimal' },
  partMediaResolution: 'ultra_high',
  requestMediaResolution: undefined,
};

describe('resolveTextFirst', () => {
  it.each([
    { placement: 'auto' as const, count: 1, api: 'generate-content' as const, first: false },
    { placement: 'auto' as const, count: 2, api: 'generate-content' as const, first: true },
    { placement: 'auto' as const, count: 1, api: 'interactions' as const, first: true },
    { placement: 'after-images' as const, count: 3, api: 'interactions' as const, first: false },
    { placement: 'before-images' as const, count: 1, api: 'generate-content' as const, first: true },
  ])('puts the text first=$first for $placement with $count image(s) on $api', ({ placement, count, api, first }) => {
    expect(resolveTextFirst(placement, count, api)).toBe(first);
  });
});

describe('buildGenerateContentRequest', () => {
  it('builds parts with per-part media resolution and the config', () => {
    const request = buildGenerateContentRequest(spec);

    expect(request.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: spec.prompt.text },
          { inlineData: { mimeType: 'image/png', data: 'AAAA' }, mediaResolution: { level: PartMediaResolutionLevel.MEDIA_RESOLUTION_ULTRA_HIGH } },
          { fileData: { mimeType: 'image/jpeg', fileUri: 'http://x/v1beta/files/abc' }, mediaResolution: { level: PartMediaResolutionLevel.MEDIA_RESOLUTION_ULTRA_HIGH } },
        ],
      },
    ]);
    expect(request.config).toMatchObject({
      temperature: 0.5,
      maxOutputTokens: 4096,
      responseMimeType: 'application/json',
      thinkingConfig: { thinkingLevel: ThinkingLevel.MINIMAL },
      systemInstruction: spec.prompt.systemInstruction,
    });
    expect(request.config.responseJsonSchema).toBeDefined();
    expect(request.config.mediaResolution).toBeUndefined();
  });

  it('puts the text after a single image and sets request-wide resolution and a thinking budget', () => {
    const request = buildGenerateContentRequest({
      ...spec,
      images: [{ kind: 'inline', data: 'AAAA', mimeType: 'image/png' }],
      textFirst: false,
      thinking: { kind: 'budget', budget: 0 },
      partMediaResolution: undefined,
      requestMediaResolution: 'low',
    });

    expect(request.contents[0]?.parts?.at(-1)).toEqual({ text: spec.prompt.text });
    expect(request.config).toMatchObject({ thinkingConfig: { thinkingBudget: 0 }, mediaResolution: 'MEDIA_RESOLUTION_LOW' });
  });
});

describe('buildRestGenerateContentRequest', () => {
  it('builds the REST body for batch JSONL files', () => {
    const body = buildRestGenerateContentRequest(spec);

    expect(Object.keys(body).sort()).toEqual(['contents', 'generationConfig', 'systemInstruction']);
    expect(body['systemInstruction']).toEqual({ parts: [{ text: spec.prompt.systemInstruction }] });
    expect(body['generationConfig']).toMatchObject({ temperature: 0.5, maxOutputTokens: 4096, thinkingConfig: { thinkingLevel: 'MINIMAL' } });
  });
});

describe('buildInteractionRequest', () => {
  it('builds a snake_case body with image items and a response format', () => {
    const body = buildInteractionRequest(spec);

    expect(body).toMatchObject({
      model: 'gemini-3-flash-preview',
      input: [
        { type: 'text', text: spec.prompt.text },
        { type: 'image', data: 'AAAA', mime_type: 'image/png', resolution: 'ultra_high' },
        { type: 'image', uri: 'http://x/v1beta/files/abc', mime_type: 'image/jpeg', resolution: 'ultra_high' },
      ],
      system_instruction: spec.prompt.systemInstruction,
      generation_config: { temperature: 0.5, max_output_tokens: 4096, thinking_level: 'minimal' },
      response_format: { type: 'text', mime_type: 'application/json' },
    });
  });

  it('sends no thinking budget, which the Interactions API lacks', () => {
    const body = buildInteractionRequest({ ...spec, model: 'models/gemini-2.5-flash', thinking: { kind: 'budget', budget: 0 } });

    expect(body.model).toBe('gemini-2.5-flash');
    expect(body.generation_config).not.toHaveProperty('thinking_level');
  });
});
