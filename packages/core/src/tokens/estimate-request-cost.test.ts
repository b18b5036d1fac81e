import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { UnknownModelError } from '../errors/unknown-model-error';
import { DEFAULT_PRICE_TABLE, type PriceTable } from './default-price-table';
import { estimateRequestCost } from './estimate-request-cost';

describe('estimateRequestCost', () => {
  it('adds image, text and output tokens and prices them at standard rates', () => {
    const estimate = estimateRequestCost({
      model: 'gemini-2.5-flash',
      images: [{ size: { width: 1024, height: 768 } }],
      text: { tokens: 42 },
      outputTokens: 200,
    });

    expect(estimate).toMatchObject({
      imageTokens: 258,
      textTokens: 42,
      inputTokens: 300,
      outputTokens: 200,
      tier: 'standard',
      pricing: 'standard',
      priceAsOf: '2026-06-02',
      priceSource: 'https://ai.google.dev/gemini-api/docs/pricing',
      confidence: 'measured',
    });
    expect(estimate.price?.key).toBe('gemini-2.5-flash');
    expect(estimate.dollars?.input).toBeCloseTo(0.00009, 12);
    expect(estimate.dollars?.output).toBeCloseTo(0.0005, 12);
    expect(estimate.dollars?.total).toBeCloseTo(0.00059, 12);
  });

  it.each([
    { model: 'gemini-2.5-flash', batch: false, inputRate: 0.3, outputRate: 2.5 },
    { model: 'gemini-2.5-flash', batch: true, inputRate: 0.15, outputRate: 1.25 },
    { model: 'gemini-3-flash-preview', batch: false, inputRate: 0.5, outputRate: 3 },
    { model: 'gemini-3-flash-preview', batch: true, inputRate: 0.25, outputRate: 1.5 },
    { model: 'gemini-2.0-flash-lite', batch: true, inputRate: 0.0375, outputRate: 0.15 },
    { model: 'gemini-flash-latest', batch: false, inputRate: 1.5, outputRate: 9 },
    { model: 'gemini-3.1-flash-lite', batch: false, inputRate: 0.25, outputRate: 1.5 },
  ])('prices $model (batch: $batch) at $inputRate / $outputRate per million', ({ model, batch, inputRate, outputRate }) => {
    const estimate = estimateRequestCost({ model, text: { tokens: 1_000_000 }, outputTokens: 1_000_000, batch });

    expect(estimate.pricing).toBe(batch ? 'batch' : 'standard');
    expect(estimate.dollars?.input).toBeCloseTo(inputRate, 10);
    expect(estimate.dollars?.output).toBeCloseTo(outputRate, 10);
  });

  it.each([
    { model: 'gemini-2.5-pro', inputTokens: 200_000, batch: false, tier: 'standard', input: 0.25, output: 0.01 },
    { model: 'gemini-2.5-pro', inputTokens: 200_001, batch: false, tier: 'long-context', input: 0.5000025, output: 0.015 },
    { model: 'gemini-2.5-pro', inputTokens: 400_000, batch: true, tier: 'long-context', input: 0.5, output: 0.0075 },
    { model: 'gemini-3.1-pro-preview', inputTokens: 300_000, batch: false, tier: 'long-context', input: 1.2, output: 0.018 },
    { model: 'gemini-pro-latest', inputTokens: 100_000, batch: false, tier: 'standard', input: 0.2, output: 0.012 },
    { model: 'gemini-2.5-flash', inputTokens: 300_000, batch: false, tier: 'standard', input: 0.09, output: 0.0025 },
  ] as const)(
    'bills $inputTokens prompt tokens on $model at the $tier tier',
    ({ model, inputTokens, batch, tier, input, output }) => {
      const estimate = estimateRequestCost({ model, text: { tokens: inputTokens }, outputTokens: 1000, batch });

      expect(estimate.tier).toBe(tier);
      expect(estimate.dollars?.input).toBeCloseTo(input, 10);
      expect(estimate.dollars?.output).toBeCloseTo(output, 10);
    },
  );

  it('sums per-image estimates with per-part media resolution on Gemini 3', () => {
    const estimate = estimateRequestCost({
      model: 'gemini-3-flash-preview',
      images: [
        { size: { width: 1024, height: 1024 }, mediaResolution: 'low' },
        { size: { width: 1024, height: 1024 } },
        { size: { width: 1024, height: 1024 }, mediaResolution: 'ultra_high' },
      ],
    });

    expect(estimate.images.map((image) => image.tokens)).toEqual([256, 1089, 2209]);
    expect(estimate.imageTokens).toBe(256 + 1089 + 2209);
    expect(estimate.confidence).toBe('inferred');
  });

  it('applies the request-wide media resolution to every image', () => {
    const estimate = estimateRequestCost({
      model: 'gemini-2.5-flash',
      mediaResolution: 'low',
      images: [{ size: { width: 800, height: 600 } }, { size: { width: 4000, height: 3000 }, mediaResolution: 'low' }],
    });

    expect(estimate.imageTokens).toBe(132);
  });

  it('approximates text at 4 characters per token and says so', () => {
    const estimate = estimateRequestCost({ model: 'gemini-2.5-flash', text: 'Describe this image.' });

    expect(estimate.textTokens).toBe(5);
    expect(estimate.confidence).toBe('inferred');
    expect(estimate.notes.join(' ')).toMatch(/~4 characters per token/);
  });

  it('leaves dollars undefined, with a note, for a model the table does not price', () => {
    const estimate = estimateRequestCost({ model: 'gemini-1.5-flash', images: [{ size: { width: 960, height: 540 } }] });

    expect(estimate.imageTokens).toBe(6 * 258);
    expect(estimate.price).toBeUndefined();
    expect(estimate.dollars).toBeUndefined();
    expect(estimate.notes.join(' ')).toMatch(/no entry for `gemini-1\.5-flash`/);
  });

  it('leaves dollars undefined when no batch price is known', () => {
    const estimate = estimateRequestCost({ model: 'gemini-3-pro-preview', text: { tokens: 10 }, batch: true });

    expect(estimate.price?.key).toBe('gemini-3-pro');
    expect(estimate.dollars).toBeUndefined();
    expect(estimate.notes.join(' ')).toMatch(/No Batch API price/);
  });

  it('uses an overriding price table', () => {
    const prices: PriceTable = {
      ...DEFAULT_PRICE_TABLE,
      asOf: '2026-09-20',
      entries: {
        'gemini-3.6-flash': {
          key: 'gemini-3.6-flash',
          modelIds: ['gemini-3.6-flash'],
          standard: { inputUsdPerMillionTokens: 0.75, outputUsdPerMillionTokens: 3.75 },
        },
      },
    };

    const estimate = estimateRequestCost({ model: 'gemini-3.6-flash', images: [{ size: { width: 100, height: 100 } }], prices });

    expect(estimate.priceAsOf).toBe('2026-09-20');
    expect(estimate.dollars?.input).toBeCloseTo((1089 * 0.75) / 1_000_000, 15);
  });

  it('notes Vertex AI pricing and countTokens accounting', () => {
    const estimate = estimateRequestCost({
      model: 'gemini-2.5-flash',
      backend: 'vertex-ai',
      accounting: 'count-tokens',
      images: [{ size: { width: 700, height: 1003 } }],
    });

    expect(estimate.imageTokens).toBe(258);
    expect(estimate.notes.join(' ')).toMatch(/Vertex AI prices may differ/);
    expect(estimate.notes.join(' ')).toMatch(/countTokens figures/);
  });

  it('counts an empty request as zero tokens and zero dollars', () => {
    const estimate = estimateRequestCost({ model: 'gemini-2.5-flash-lite' });

    expect(estimate).toMatchObject({ images: [], inputTokens: 0, outputTokens: 0, dollars: { input: 0, output: 0, total: 0 } });
  });

  describe('errors', () => {
    it('rejects a per-image media resolution before Gemini 3', () => {
      const call = () =>
        estimateRequestCost({ model: 'gemini-2.5-flash', images: [{ size: { width: 10, height: 10 } }, { size: { width: 10, height: 10 }, mediaResolution: 'low' }] });

      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(/`images\[1\]\.mediaResolution`.*request-wide `mediaResolution`/);
    });

    it('rejects ultra_high request-wide and points to per-image settings', () => {
      expect(() => estimateRequestCost({ model: 'gemini-3-flash-preview', mediaResolution: 'ultra_high' })).toThrow(/per image part/);
    });

    it.each([
      { images: [{ size: { width: 0, height: 10 } }], argument: 'images[0].size.width' },
      { images: [{ size: { width: 10, height: 10 } }, { size: { width: 10, height: -2 } }], argument: 'images[1].size.height' },
      { images: [{}], argument: 'images[0].size' },
      { images: 'photo.jpg', argument: 'options.images' },
    ])('rejects an invalid $argument', ({ images, argument }) => {
      const call = () => estimateRequestCost({ model: 'gemini-2.5-flash', images } as never);

      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(`\`${argument}\``);
    });

    it.each([
      { options: { outputTokens: -1 }, argument: 'options.outputTokens' },
      { options: { outputTokens: 1.5 }, argument: 'options.outputTokens' },
      { options: { text: { tokens: -5 } }, argument: 'options.text.tokens' },
    ])('rejects $argument = $options', ({ options, argument }) => {
      expect(() => estimateRequestCost({ model: 'gemini-2.5-flash', ...options })).toThrow(`\`${argument}\``);
    });

    it('rejects a non-Gemini model', () => {
      expect(() => estimateRequestCost({ model: 'gpt-4o' })).toThrow(UnknownModelError);
    });
  });
});
