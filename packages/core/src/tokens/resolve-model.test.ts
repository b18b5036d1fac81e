import { describe, expect, it } from 'vitest';

import { UnknownModelError } from '../errors/unknown-model-error';
import { MODEL_ALIASES, MODEL_ALIASES_AS_OF, resolveModel } from './resolve-model';

describe('resolveModel', () => {
  it.each([
    { input: 'gemini-2.5-flash', generation: '2.5', family: 'flash', version: '2.5', stage: 'stable', baseId: 'gemini-2.5-flash' },
    { input: 'models/gemini-3-flash-preview', generation: '3', family: 'flash', version: '3', stage: 'preview', baseId: 'gemini-3-flash' },
    { input: 'gemini-1.5-flash-latest', generation: '1.5', family: 'flash', version: '1.5', stage: 'latest', baseId: 'gemini-1.5-flash' },
    { input: 'gemini-1.5-pro-002', generation: '1.5', family: 'pro', version: '1.5', stage: 'stable', baseId: 'gemini-1.5-pro' },
    { input: 'gemini-1.5-flash-8b-exp-0924', generation: '1.5', family: 'flash-8b', version: '1.5', stage: 'experimental', baseId: 'gemini-1.5-flash-8b' },
    { input: 'gemini-1.0-pro-vision-latest', generation: '1.0', family: 'pro-vision', version: '1.0', stage: 'latest', baseId: 'gemini-1.0-pro-vision' },
    { input: 'gemini-2.0-flash-001', generation: '2.0', family: 'flash', version: '2.0', stage: 'stable', baseId: 'gemini-2.0-flash' },
    { input: 'gemini-2.0-flash-exp', generation: '2.0', family: 'flash', version: '2.0', stage: 'experimental', baseId: 'gemini-2.0-flash' },
    { input: 'gemini-2.0-flash-thinking-exp-01-21', generation: '2.0', family: 'flash', version: '2.0', stage: 'experimental', baseId: 'gemini-2.0-flash' },
    { input: 'gemini-2.0-flash-exp-image-generation', generation: '2.0', family: 'flash-image', version: '2.0', stage: 'experimental', baseId: 'gemini-2.0-flash-image' },
    { input: 'gemini-2.5-pro-exp-03-25', generation: '2.5', family: 'pro', version: '2.5', stage: 'experimental', baseId: 'gemini-2.5-pro' },
    { input: 'gemini-2.5-flash-preview-05-20', generation: '2.5', family: 'flash', version: '2.5', stage: 'preview', baseId: 'gemini-2.5-flash' },
    { input: 'gemini-2.5-flash-lite-preview-09-2025', generation: '2.5', family: 'flash-lite', version: '2.5', stage: 'preview', baseId: 'gemini-2.5-flash-lite' },
    { input: 'gemini-2.5-flash-image', generation: '2.5', family: 'flash-image', version: '2.5', stage: 'stable', baseId: 'gemini-2.5-flash-image' },
    { input: 'gemini-2.5-flash-image-preview', generation: '2.5', family: 'flash-image', version: '2.5', stage: 'preview', baseId: 'gemini-2.5-flash-image' },
    { input: 'gemini-2.5-computer-use-preview-10-2025', generation: '2.5', family: 'computer-use', version: '2.5', stage: 'preview', baseId: 'gemini-2.5-computer-use' },
    { input: 'gemini-3-pro-image-preview', generation: '3', family: 'pro-image', version: '3', stage: 'preview', baseId: 'gemini-3-pro-image' },
    { input: 'gemini-3.1-flash-image-preview', generation: '3', family: 'flash-image', version: '3.1', stage: 'preview', baseId: 'gemini-3.1-flash-image' },
    { input: 'gemini-3.1-pro-preview', generation: '3', family: 'pro', version: '3.1', stage: 'preview', baseId: 'gemini-3.1-pro' },
    { input: 'gemini-3.1-pro-preview-customtools', generation: '3', family: 'pro', version: '3.1', stage: 'preview', baseId: 'gemini-3.1-pro' },
    { input: 'gemini-3.0-flash', generation: '3', family: 'flash', version: '3', stage: 'stable', baseId: 'gemini-3-flash' },
    { input: 'gemini-3.8-flash', generation: '3', family: 'flash', version: '3.8', stage: 'stable', baseId: 'gemini-3.8-flash' },
    { input: 'gemini-3.7-flash-lite-preview-09-2026', generation: '3', family: 'flash-lite', version: '3.7', stage: 'preview', baseId: 'gemini-3.7-flash-lite' },
    { input: 'GEMINI-2.5-FLASH', generation: '2.5', family: 'flash', version: '2.5', stage: 'stable', baseId: 'gemini-2.5-flash' },
    { input: ' gemini-2.5-pro ', generation: '2.5', family: 'pro', version: '2.5', stage: 'stable', baseId: 'gemini-2.5-pro' },
    { input: 'projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro', generation: '2.5', family: 'pro', version: '2.5', stage: 'stable', baseId: 'gemini-2.5-pro' },
    { input: 'publishers/google/models/gemini-2.0-flash-lite-001', generation: '2.0', family: 'flash-lite', version: '2.0', stage: 'stable', baseId: 'gemini-2.0-flash-lite' },
    { input: 'google/gemini-3.1-flash-lite', generation: '3', family: 'flash-lite', version: '3.1', stage: 'stable', baseId: 'gemini-3.1-flash-lite' },
    { input: 'gemini-live-2.5-flash-preview', generation: '2.5', family: 'flash', version: '2.5', stage: 'preview', baseId: 'gemini-2.5-flash' },
  ] as const)('resolves $input to Gemini $generation $family', ({ input, generation, family, version, stage, baseId }) => {
    const model = resolveModel(input);

    expect(model).toMatchObject({ input, generation, family, version, stage, baseId, inferred: false });
  });

  it.each([
    { input: 'gemini-4-argon', generation: '3', family: 'other', baseId: 'gemini-4-argon' },
    { input: 'gemini-4.1-flash', generation: '3', family: 'flash', baseId: 'gemini-4.1-flash' },
    { input: 'gemini-2.2-flash', generation: '2.0', family: 'flash', baseId: 'gemini-2.2-flash' },
    { input: 'gemini-2.7-pro', generation: '2.5', family: 'pro', baseId: 'gemini-2.7-pro' },
    { input: 'gemini-3.5-nano', generation: '3', family: 'other', baseId: 'gemini-3.5-nano' },
  ] as const)('resolves $input by pattern to Gemini $generation and flags it inferred', ({ input, generation, family, baseId }) => {
    const model = resolveModel(input);

    expect(model).toMatchObject({ generation, family, baseId, inferred: true });
    expect(model.note).toEqual(expect.any(String));
  });

  it.each([
    { input: 'gemini-robotics-er-1.6-preview', generation: '3', version: '1.6', inferred: false },
    { input: 'models/gemini-robotics-er-2-preview', generation: '3', version: '2', inferred: false },
    { input: 'gemini-robotics-er-2-streaming-preview', generation: '3', version: '2', inferred: false },
    { input: 'gemini-robotics-er-1.5-preview', generation: '2.5', version: '1.5', inferred: true },
    { input: 'gemini-robotics-er-1.7-preview', generation: '3', version: '1.7', inferred: true },
  ] as const)('resolves $input to the generation it is built on ($generation)', ({ input, generation, version, inferred }) => {
    const model = resolveModel(input);

    expect(model).toMatchObject({ family: 'robotics-er', generation, version, inferred, stage: 'preview' });
    expect(model.note).toMatch(/Robotics-ER/);
  });

  it.each(Object.entries(MODEL_ALIASES))('resolves the alias %s to %s', (alias, target) => {
    const model = resolveModel(alias);

    expect(model.aliasTarget).toBe(target);
    expect(model.id).toBe(alias);
    expect(model.baseId).toBe(resolveModel(target).baseId);
    expect(model.note).toContain(MODEL_ALIASES_AS_OF);
  });

  it.each([
    { alias: 'gemini-flash-latest', baseId: 'gemini-3.5-flash' },
    { alias: 'gemini-flash-lite-latest', baseId: 'gemini-3.1-flash-lite' },
    { alias: 'gemini-pro-latest', baseId: 'gemini-3.1-pro' },
  ])('treats $alias as Gemini 3 ($baseId) with stage latest', ({ alias, baseId }) => {
    expect(resolveModel(alias)).toMatchObject({ generation: '3', baseId, stage: 'latest', priceKey: baseId });
  });

  it.each([
    { input: 'gemini-2.5-flash-preview-tts', priceKey: 'gemini-2.5-flash-tts' },
    { input: 'gemini-live-2.5-flash-preview', priceKey: 'gemini-2.5-flash-live' },
    { input: 'gemini-2.5-flash-native-audio-preview-09-2025', priceKey: 'gemini-2.5-flash-native-audio' },
    { input: 'gemini-2.5-flash-preview-05-20', priceKey: 'gemini-2.5-flash' },
    { input: 'gemini-robotics-er-1.6-preview', priceKey: 'gemini-robotics-er-1.6' },
  ])('gives $input the price key $priceKey', ({ input, priceKey }) => {
    expect(resolveModel(input).priceKey).toBe(priceKey);
  });

  it.each([
    { input: 'gemini-2.5-flash', gemini: 3600, vertex: 3000, perPart: false, ultraHigh: false, mediaResolution: true },
    { input: 'gemini-2.5-flash-image', gemini: 3, vertex: 3, perPart: false, ultraHigh: false, mediaResolution: false },
    { input: 'gemini-3-pro-image-preview', gemini: 14, vertex: 14, perPart: false, ultraHigh: false, mediaResolution: false },
    { input: 'gemini-3.1-flash-image-preview', gemini: 14, vertex: 14, perPart: false, ultraHigh: false, mediaResolution: false },
    { input: 'gemini-3-pro-preview', gemini: 3600, vertex: 900, perPart: true, ultraHigh: true, mediaResolution: true },
    { input: 'gemini-3-flash-preview', gemini: 3600, vertex: 3000, perPart: true, ultraHigh: true, mediaResolution: true },
    { input: 'gemini-1.0-pro-vision', gemini: 16, vertex: 16, perPart: false, ultraHigh: false, mediaResolution: false },
    { input: 'gemini-1.5-pro', gemini: 3600, vertex: 3000, perPart: false, ultraHigh: false, mediaResolution: true },
  ])('gives $input its capabilities', ({ input, gemini, vertex, perPart, ultraHigh, mediaResolution }) => {
    expect(resolveModel(input).capabilities).toEqual({
      maxImagesPerRequest: { 'gemini-api': gemini, 'vertex-ai': vertex },
      supportsMediaResolution: mediaResolution,
      supportsPerPartMediaResolution: perPart,
      supportsUltraHighMediaResolution: ultraHigh,
    });
  });

  it.each([
    'gpt-4o',
    'claude-sonnet-4-5',
    'gemma-3-27b-it',
    '',
    '   ',
    'gemini',
    'gemini-',
    'gemini-2.5',
    'gemini-2.5-',
    'gemini-2.5-001',
    'gemini-0.5-flash',
    'gemini-embedding-001',
    'models/',
    'models/gpt-4o',
    'text-bison-001',
  ])('rejects the non-Gemini id %j with UnknownModelError', (input) => {
    const call = () => resolveModel(input);

    expect(call).toThrow(UnknownModelError);
    expect(call).toThrow(/^Expected a Gemini model id/);
  });

  it.each([123, null, undefined, { id: 'gemini-2.5-flash' }])('rejects %j, which is not a string', (input) => {
    expect(() => resolveModel(input as unknown as string)).toThrow(UnknownModelError);
  });

  it('returns the same frozen object for the same id', () => {
    const first = resolveModel('gemini-2.5-flash-lite');

    expect(resolveModel('gemini-2.5-flash-lite')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.capabilities)).toBe(true);
  });
});
