import { estimateImageTokens, estimateRequestCost } from '@gemini-vision/core';
import { describe, expect, it } from 'vitest';

import { calculateImageCost, type CalculatorInput } from './calculate-image-cost';

const base: CalculatorInput = {
  size: { width: 1920, height: 1080 },
  model: 'gemini-3-flash-preview',
  mediaResolution: 'default',
  backend: 'gemini-api',
  imageCount: 1000,
};

describe('calculateImageCost', () => {
  it('returns core’s tokens and the dollars of the whole batch of images', () => {
    const outcome = calculateImageCost(base);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { result } = outcome;
    expect(result.estimate.tokens).toBe(1100);
    expect(result.totalTokens).toBe(1_100_000);
    const perImage = estimateRequestCost({ model: base.model, images: [{ size: base.size }] }).dollars?.input ?? Number.NaN;
    expect(result.standardTotal).toBeCloseTo(perImage * 1000, 12);
    expect(result.batchTotal).toBeCloseTo((perImage * 1000) / 2, 12);
    expect(result.advice?.kind).toBe('budget-grid');
    expect(result.overlay.kind).toBe('grid');
  });

  it('sends a Gemini 3 media resolution per image part, ultra_high included', () => {
    const outcome = calculateImageCost({ ...base, mediaResolution: 'ultra_high' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const expected = estimateImageTokens(base.size, { model: base.model, mediaResolution: 'ultra_high' });
    expect(outcome.result.estimate.tokens).toBe(expected.tokens);
    expect(outcome.result.standard.images[0]?.mediaResolution).toBe('ultra_high');
  });

  it('sends an older model’s media resolution request-wide', () => {
    const outcome = calculateImageCost({ ...base, model: 'gemini-2.5-flash', mediaResolution: 'low' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.result.estimate.tokens).toBe(66);
  });

  it('prices Vertex AI and Gemini API differently on 2.5 at the default resolution', () => {
    const size = { width: 700, height: 1003 };
    const api = calculateImageCost({ ...base, model: 'gemini-2.5-flash', size });
    const vertex = calculateImageCost({ ...base, model: 'gemini-2.5-flash', size, backend: 'vertex-ai' });
    expect(api.ok && api.result.estimate.tokens).toBe(258);
    expect(vertex.ok && vertex.result.estimate.tokens).toBe(1806);
  });

  it('leaves dollars undefined for a model the price table does not list', () => {
    const outcome = calculateImageCost({ ...base, model: 'gemini-1.5-flash' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.result.standardTotal).toBeUndefined();
    expect(outcome.result.notes.join(' ')).toContain('no entry');
  });

  it('returns core’s UnknownModelError for a non-Gemini id', () => {
    expect(calculateImageCost({ ...base, model: 'gpt-4o' })).toMatchObject({
      ok: false,
      error: { name: 'UnknownModelError', code: 'UNKNOWN_MODEL' },
    });
  });

  it('returns core’s InvalidArgumentError for ultra_high before Gemini 3 and for a bad size', () => {
    expect(calculateImageCost({ ...base, model: 'gemini-2.5-flash', mediaResolution: 'ultra_high' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(calculateImageCost({ ...base, size: { width: Number.NaN, height: 10 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('skips the resize advice beyond 100,000 px but still estimates', () => {
    const outcome = calculateImageCost({ ...base, size: { width: 200_000, height: 100 } });
    expect(outcome.ok && outcome.result.advice).toBeUndefined();
  });
});
