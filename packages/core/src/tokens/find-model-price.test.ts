import { describe, expect, it } from 'vitest';

import { UnknownModelError } from '../errors/unknown-model-error';
import { DEFAULT_PRICE_TABLE, type PriceTable } from './default-price-table';
import { findModelPrice } from './find-model-price';
import { resolveModel } from './resolve-model';

describe('findModelPrice', () => {
  it.each([
    { model: 'gemini-2.5-flash', key: 'gemini-2.5-flash' },
    { model: 'models/gemini-2.5-flash-preview-05-20', key: 'gemini-2.5-flash' },
    { model: 'gemini-2.5-flash-lite', key: 'gemini-2.5-flash-lite' },
    { model: 'gemini-2.5-pro', key: 'gemini-2.5-pro' },
    { model: 'gemini-2.0-flash-001', key: 'gemini-2.0-flash' },
    { model: 'gemini-3-flash-preview', key: 'gemini-3-flash' },
    { model: 'gemini-3.1-pro-preview', key: 'gemini-3.1-pro' },
    { model: 'gemini-3-pro-image-preview', key: 'gemini-3-pro-image' },
    { model: 'gemini-2.5-flash-image', key: 'gemini-2.5-flash-image' },
    { model: 'gemini-flash-latest', key: 'gemini-3.5-flash' },
    { model: 'gemini-flash-lite-latest', key: 'gemini-3.1-flash-lite' },
  ])('finds the $key entry for $model', ({ model, key }) => {
    expect(findModelPrice(model)?.key).toBe(key);
  });

  it.each([
    'gemini-1.5-flash',
    'gemini-1.0-pro-vision',
    'gemini-3.6-flash',
    'gemini-4-argon',
    'gemini-robotics-er-1.6-preview',
    'gemini-2.5-flash-preview-tts',
    'gemini-live-2.5-flash-preview',
  ])('returns undefined for %s, which the default table does not price', (model) => {
    expect(findModelPrice(model)).toBeUndefined();
  });

  it('prefers an entry for the exact id over the family entry', () => {
    const snapshot = { key: 'gemini-2.5-flash-preview-04-17', modelIds: [], standard: { inputUsdPerMillionTokens: 0.15, outputUsdPerMillionTokens: 0.6 } };
    const prices: PriceTable = { ...DEFAULT_PRICE_TABLE, entries: { ...DEFAULT_PRICE_TABLE.entries, 'gemini-2.5-flash-preview-04-17': snapshot } };

    expect(findModelPrice('gemini-2.5-flash-preview-04-17', prices)).toBe(snapshot);
    expect(findModelPrice('gemini-2.5-flash-preview-05-20', prices)?.key).toBe('gemini-2.5-flash');
  });

  it('accepts a resolved model', () => {
    expect(findModelPrice(resolveModel('gemini-2.5-pro'))?.standard.longContextInputUsdPerMillionTokens).toBe(2.5);
  });

  it('does not find inherited object keys', () => {
    const prices: PriceTable = { ...DEFAULT_PRICE_TABLE, entries: {} };

    expect(findModelPrice('gemini-2.5-flash', prices)).toBeUndefined();
  });

  it('rejects a non-Gemini id', () => {
    expect(() => findModelPrice('gpt-4o')).toThrow(UnknownModelError);
  });
});

describe('DEFAULT_PRICE_TABLE', () => {
  it('is dated 2026-06-02 and sourced from the pricing page', () => {
    expect(DEFAULT_PRICE_TABLE).toMatchObject({
      asOf: '2026-06-02',
      source: 'https://ai.google.dev/gemini-api/docs/pricing',
      currency: 'USD',
      longContextThresholdTokens: 200_000,
    });
  });

  it.each(Object.entries(DEFAULT_PRICE_TABLE.entries))('stores %s under its own key with positive rates', (key, entry) => {
    expect(entry.key).toBe(key);
    expect(entry.standard.inputUsdPerMillionTokens).toBeGreaterThan(0);
    expect(entry.standard.outputUsdPerMillionTokens).toBeGreaterThan(0);
    if (entry.batch !== undefined) {
      expect(entry.batch.inputUsdPerMillionTokens).toBeCloseTo(entry.standard.inputUsdPerMillionTokens / 2, 10);
      expect(entry.batch.outputUsdPerMillionTokens).toBeCloseTo(entry.standard.outputUsdPerMillionTokens / 2, 10);
    }
    expect(resolveModel(entry.modelIds[0] ?? key).priceKey).toBe(key);
  });

  it.each([
    { key: 'gemini-2.5-pro', input: 2.5, output: 15 },
    { key: 'gemini-3.1-pro', input: 4, output: 18 },
    { key: 'gemini-3-pro', input: 4, output: 18 },
  ])('gives $key a long-context tier', ({ key, input, output }) => {
    expect(DEFAULT_PRICE_TABLE.entries[key]?.standard).toMatchObject({
      longContextInputUsdPerMillionTokens: input,
      longContextOutputUsdPerMillionTokens: output,
    });
  });
});
