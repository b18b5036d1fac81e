import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { GEMINI_3_ASSUMED_PATCH_SIDE_PX, adviseResize } from './advise-resize';
import { estimateImageTokens } from './estimate-image-tokens';
import type { GeminiBackend, MediaResolution } from './types';

describe('adviseResize', () => {
  describe('tile rules', () => {
    it('finds the single-tile size as the cheapest downscale without a detail floor', () => {
      const advice = adviseResize({ width: 1920, height: 1080 }, { model: 'gemini-2.0-flash' });

      expect(advice).toMatchObject({
        kind: 'tiles',
        downscaleSavesTokens: true,
        cheapest: { size: { width: 384, height: 216 }, tokens: 258, tokensSaved: 1548 },
        recommended: { size: { width: 384, height: 216 }, tokens: 258, tokensSaved: 1548 },
        sameCost: { size: { width: 513, height: 289 }, tokens: 1806, tokensSaved: 0 },
      });
      expect(advice.summary).toBe(
        '1920×1080 → 1806 tokens on gemini-2.0-flash: the cheapest downscale is 384×216 at 258 tokens (saves 1548); 513×289 is the smallest size that still costs 1806.',
      );
    });

    it.each([
      { width: 1920, height: 1080, minSide: 300 },
      { width: 1920, height: 1080, minSide: 500 },
      { width: 1080, height: 1920, minSide: 400 },
    ])('keeps $width×$height when no downscale with a shorter side ≥ $minSide saves tokens', ({ width, height, minSide }) => {
      const advice = adviseResize({ width, height }, { model: 'gemini-2.0-flash', minSide });

      expect(advice.downscaleSavesTokens).toBe(false);
      expect(advice.recommended).toEqual({ size: { width, height }, tokens: 1806, tokensSaved: 0 });
      expect(advice.summary).toContain(`no downscale with a shorter side ≥ ${minSide} px saves tokens`);
    });

    it('drops Gemini 1.5 tiles down to the detail floor', () => {
      const advice = adviseResize({ width: 4032, height: 3024 }, { model: 'gemini-1.5-pro', minSide: 1000 });

      expect(advice).toMatchObject({
        kind: 'tiles',
        estimate: { tokens: 3096 },
        cheapest: { size: { width: 1536, height: 1152 }, tokens: 1032, tokensSaved: 2064 },
        detailCeiling: { width: 3072, height: 2304 },
        minSide: 1000,
      });
    });

    it('recommends the detail ceiling when no downscale saves tokens on Vertex AI', () => {
      const advice = adviseResize({ width: 4032, height: 3024 }, { model: 'gemini-2.5-flash', backend: 'vertex-ai', minSide: 768 });

      expect(advice).toMatchObject({
        kind: 'tiles',
        downscaleSavesTokens: false,
        detailCeiling: { width: 1536, height: 1152 },
        recommended: { size: { width: 1536, height: 1152 }, tokens: 1290, tokensSaved: 0 },
      });
      expect(advice.summary).toContain('above 1536×1152 more pixels add no detail');
    });

    it('treats a small image under a tile rule as tiled advice', () => {
      const advice = adviseResize({ width: 300, height: 200 }, { model: 'gemini-2.0-flash' });

      expect(advice).toMatchObject({ kind: 'tiles', downscaleSavesTokens: false, recommended: { tokens: 258 } });
    });
  });

  describe('Gemini 3 budget grid', () => {
    it('reports that downscaling never saves tokens and where pixels stop adding detail', () => {
      const advice = adviseResize({ width: 4032, height: 3024 }, { model: 'gemini-3-flash-preview' });

      expect(advice).toMatchObject({
        kind: 'budget-grid',
        downscaleSavesTokens: false,
        assumedPatchSidePx: GEMINI_3_ASSUMED_PATCH_SIDE_PX,
        detailCeiling: { width: 38 * 32, height: 28 * 32 },
        recommended: { size: { width: 1216, height: 912 }, tokens: 1064, tokensSaved: 0 },
      });
      expect(advice.summary).toContain('downscaling never saves tokens');
    });

    it('keeps an image that is already below the grid resolution', () => {
      const advice = adviseResize({ width: 640, height: 480 }, { model: 'gemini-3-flash-preview' });

      expect(advice.recommended).toEqual({ size: { width: 640, height: 480 }, tokens: 1064, tokensSaved: 0 });
      expect(advice.summary).toContain('send it as is');
    });

    it('scales the ceiling with the media resolution', () => {
      const advice = adviseResize({ width: 1920, height: 1080 }, { model: 'gemini-3-flash-preview', mediaResolution: 'low' });

      expect(advice).toMatchObject({ detailCeiling: { width: 22 * 32, height: 12 * 32 }, recommended: { size: { width: 704, height: 396 }, tokens: 264 } });
    });
  });

  describe('flat rules', () => {
    it.each([
      { model: 'gemini-2.5-flash', backend: 'gemini-api', tokens: 258 },
      { model: 'gemini-2.5-flash-image', backend: 'gemini-api', tokens: 1290 },
      { model: 'gemini-1.0-pro-vision', backend: 'vertex-ai', tokens: 258 },
    ] as const)('says size never changes tokens on $model', ({ model, backend, tokens }) => {
      const advice = adviseResize({ width: 4000, height: 3000 }, { model, backend });

      expect(advice).toMatchObject({
        kind: 'flat',
        downscaleSavesTokens: false,
        detailCeiling: undefined,
        recommended: { size: { width: 4000, height: 3000 }, tokens, tokensSaved: 0 },
      });
      expect(advice.summary).toContain('never tokens');
    });
  });

  describe('errors', () => {
    it.each([0, -3, 2.5, 100_001])('rejects a width of %j', (width) => {
      const call = () => adviseResize({ width, height: 100 }, { model: 'gemini-2.0-flash' });

      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(/`size\.width`/);
    });

    it.each([0, -1, 1.5])('rejects a minSide of %j', (minSide) => {
      expect(() => adviseResize({ width: 100, height: 100 }, { model: 'gemini-2.0-flash', minSide })).toThrow(/`options\.minSide`/);
    });

    it('rejects ultra_high before Gemini 3', () => {
      expect(() => adviseResize({ width: 100, height: 100 }, { model: 'gemini-2.5-pro', mediaResolution: 'ultra_high' })).toThrow(InvalidArgumentError);
    });
  });

  describe('properties', () => {
    const side = fc.integer({ min: 1, max: 3000 });
    const settings = fc.record({
      model: fc.constantFrom('gemini-1.5-flash', 'gemini-2.0-flash', 'gemini-2.5-flash', 'gemini-3-flash-preview', 'gemini-2.5-flash-image'),
      backend: fc.constantFrom<GeminiBackend>('gemini-api', 'vertex-ai'),
      mediaResolution: fc.constantFrom<MediaResolution | undefined>(undefined, 'low', 'high'),
      minSide: fc.integer({ min: 1, max: 1200 }),
    });

    propertyIt.prop([side, side, settings])('never advises more tokens than the original', (width, height, options) => {
      const advice = adviseResize({ width, height }, options);

      expect(advice.recommended.tokens).toBeLessThanOrEqual(advice.estimate.tokens);
      expect(advice.recommended.tokensSaved).toBe(advice.estimate.tokens - advice.recommended.tokens);
      expect(advice.recommended.size.width).toBeLessThanOrEqual(width);
      expect(advice.recommended.size.height).toBeLessThanOrEqual(height);
      expect(estimateImageTokens(advice.recommended.size, options).tokens).toBe(advice.recommended.tokens);
    });

    propertyIt.prop([side, side, settings])('keeps a token-saving downscale above the detail floor', (width, height, options) => {
      const advice = adviseResize({ width, height }, options);

      if (advice.kind === 'tiles' && advice.downscaleSavesTokens) {
        expect(Math.min(advice.cheapest.size.width, advice.cheapest.size.height)).toBeGreaterThanOrEqual(options.minSide);
        expect(advice.cheapest.tokens).toBeLessThan(advice.estimate.tokens);
      }
      expect(advice.downscaleSavesTokens).toBe(advice.recommended.tokensSaved > 0);
    });
  });
});
