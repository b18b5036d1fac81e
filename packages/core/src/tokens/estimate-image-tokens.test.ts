import { fc, it as propertyIt } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { UnknownModelError } from '../errors/unknown-model-error';
import calibration from './__fixtures__/token-calibration.json';
import { estimateImageTokens } from './estimate-image-tokens';
import type { GeminiBackend, MediaResolution, TokenAccounting } from './types';

interface CalibrationPoint {
  readonly model: string;
  readonly width: number;
  readonly height: number;
  readonly mediaResolution: string | null;
  readonly imageTokens: number;
  readonly backend: string;
  readonly accounting: string;
  readonly source: string;
}

const calibrationPoints: readonly CalibrationPoint[] = calibration;

describe('estimateImageTokens', () => {
  it('has all 15 calibration measurements to check', () => {
    expect(calibrationPoints).toHaveLength(15);
  });

  it.each(calibrationPoints)(
    'predicts the measured $imageTokens tokens for $width×$height on $model ($backend, $accounting)',
    ({ model, width, height, mediaResolution, imageTokens, backend, accounting }) => {
      const estimate = estimateImageTokens(
        { width, height },
        {
          model,
          mediaResolution: (mediaResolution ?? undefined) as MediaResolution | undefined,
          backend: backend as GeminiBackend,
          accounting: accounting as TokenAccounting,
        },
      );

      expect(estimate.tokens).toBe(imageTokens);
      expect(estimate.confidence).toBe('measured');
    },
  );

  describe('documented and reported examples', () => {
    it('reproduces the doc example: 960×540 has a 360 px crop unit and 3 × 2 tiles', () => {
      const estimate = estimateImageTokens({ width: 960, height: 540 }, { model: 'gemini-2.0-flash' });

      expect(estimate).toMatchObject({ rule: 'tiles-plus-global', cropUnit: 360, columns: 3, rows: 2, tiles: 6, tokens: 7 * 258 });
    });

    it.each([
      { mediaResolution: 'low', budget: 280, side: 16, tokens: 256 },
      { mediaResolution: 'medium', budget: 560, side: 23, tokens: 529 },
      { mediaResolution: 'high', budget: 1120, side: 33, tokens: 1089 },
      { mediaResolution: 'ultra_high', budget: 2240, side: 47, tokens: 2209 },
    ] as const)('predicts $tokens tokens for a square image at $mediaResolution on Gemini 3', ({ mediaResolution, budget, side, tokens }) => {
      const estimate = estimateImageTokens({ width: 1024, height: 1024 }, { model: 'gemini-3-flash-preview', mediaResolution });

      expect(estimate).toMatchObject({ rule: 'budget-grid', budget, columns: side, rows: side, tokens, mediaResolution });
    });

    it.each([
      { page: 'US letter', width: 1275, height: 1650, mediaResolution: 'low', columns: 14, rows: 19, tokens: 266 },
      { page: 'US letter', width: 1275, height: 1650, mediaResolution: 'medium', columns: 20, rows: 26, tokens: 520 },
      { page: 'US letter', width: 1275, height: 1650, mediaResolution: 'high', columns: 29, rows: 38, tokens: 1102 },
      { page: 'A4', width: 1240, height: 1754, mediaResolution: 'low', columns: 14, rows: 19, tokens: 266 },
      { page: 'A4', width: 1240, height: 1754, mediaResolution: 'medium', columns: 19, rows: 28, tokens: 532 },
      { page: 'A4', width: 1240, height: 1754, mediaResolution: 'high', columns: 28, rows: 39, tokens: 1092 },
      { page: '16:9 video frame', width: 1280, height: 720, mediaResolution: 'low', columns: 22, rows: 12, tokens: 264 },
    ] as const)(
      'matches the measured $page fit at $mediaResolution ($tokens) for an image of that shape',
      ({ width, height, mediaResolution, columns, rows, tokens }) => {
        const estimate = estimateImageTokens({ width, height }, { model: 'gemini-3.1-flash-lite', mediaResolution });

        expect(estimate).toMatchObject({ columns, rows, tokens });
      },
    );

    it.each([
      { label: 'Vertex AI 700×1003 (python-genai#1907)', width: 700, height: 1003, model: 'gemini-2.5-flash', backend: 'vertex-ai', tokens: 1806 },
      { label: 'a 1980×1380 photo (forum, inferred)', width: 1980, height: 1380, model: 'gemini-2.0-flash', backend: 'gemini-api', tokens: 1806 },
      { label: 'a 4:1 LinkedIn banner (cookbook, inferred)', width: 1584, height: 396, model: 'gemini-2.0-flash', backend: 'gemini-api', tokens: 3354 },
    ] as const)('reproduces $label: $tokens tokens', ({ width, height, model, backend, tokens }) => {
      expect(estimateImageTokens({ width, height }, { model, backend }).tokens).toBe(tokens);
    });

    it.each([
      { width: 64, height: 64 },
      { width: 1024, height: 1024 },
      { width: 4000, height: 3000 },
    ])('bills $width×$height at a flat 1290 on Gemini 2.5 Flash Image', ({ width, height }) => {
      expect(estimateImageTokens({ width, height }, { model: 'gemini-2.5-flash-image' })).toMatchObject({ rule: 'flat', tokens: 1290 });
    });

    it.each([
      { model: 'gemini-3-pro-image-preview', tokens: 560, confidence: 'documented' },
      { model: 'gemini-3.1-flash-image-preview', tokens: 1120, confidence: 'documented' },
      { model: 'gemini-1.0-pro-vision', tokens: 258, confidence: 'documented' },
      { model: 'gemini-pro-vision', tokens: 258, confidence: 'documented' },
    ])('bills any image on $model at a flat $tokens', ({ model, tokens, confidence }) => {
      const small = estimateImageTokens({ width: 100, height: 100 }, { model });
      const large = estimateImageTokens({ width: 4000, height: 2000 }, { model });

      expect(small).toMatchObject({ rule: 'flat', tokens, confidence });
      expect(large.tokens).toBe(tokens);
    });
  });

  describe('the crop-tile rules', () => {
    it.each([
      { model: 'gemini-1.5-flash', width: 384, height: 384, rule: 'flat', tokens: 258 },
      { model: 'gemini-2.0-flash', width: 384, height: 200, rule: 'flat', tokens: 258 },
      { model: 'gemini-1.5-flash', width: 385, height: 384, rule: 'tiles', tokens: 2 * 2 * 258 },
      { model: 'gemini-1.5-flash', width: 960, height: 540, rule: 'tiles', tokens: 6 * 258 },
      { model: 'gemini-1.5-pro', width: 1000, height: 300, rule: 'tiles', tokens: 4 * 2 * 258 },
      { model: 'gemini-1.5-pro', width: 4032, height: 3024, rule: 'tiles', tokens: 4 * 3 * 258 },
      { model: 'gemini-1.5-pro', width: 6000, height: 6000, rule: 'tiles', tokens: 4 * 4 * 258 },
      { model: 'gemini-2.0-flash', width: 1000, height: 300, rule: 'tiles-plus-global', tokens: (4 * 2 + 1) * 258 },
      { model: 'gemini-2.0-flash', width: 4032, height: 3024, rule: 'tiles-plus-global', tokens: (2 * 2 + 1) * 258 },
      { model: 'gemini-2.0-flash-lite', width: 1920, height: 1080, rule: 'tiles-plus-global', tokens: (3 * 2 + 1) * 258 },
    ] as const)('counts $width×$height on $model as $tokens tokens ($rule)', ({ model, width, height, rule, tokens }) => {
      expect(estimateImageTokens({ width, height }, { model })).toMatchObject({ rule, tokens });
    });

    it('clamps the Gemini 1.5 crop unit to 256–768 px and scales images to fit 3072 px', () => {
      const narrow = estimateImageTokens({ width: 1000, height: 300 }, { model: 'gemini-1.5-flash' });
      const huge = estimateImageTokens({ width: 4032, height: 3024 }, { model: 'gemini-1.5-flash' });

      expect(narrow).toMatchObject({ cropUnit: 256, columns: 4, rows: 2 });
      expect(huge).toMatchObject({ cropUnit: 768, columns: 4, rows: 3 });
      expect(huge.explanation).toContain('3072×2304');
    });
  });

  describe('the Gemini 3 budget grid', () => {
    it.each([
      { width: 5000, height: 3, columns: 1120, rows: 1 },
      { width: 3, height: 5000, columns: 1, rows: 1120 },
      { width: 1121, height: 1, columns: 1120, rows: 1 },
      { width: 1120, height: 1, columns: 1120, rows: 1 },
    ])('keeps one patch on the short axis of $width×$height and the budget', ({ width, height, columns, rows }) => {
      const estimate = estimateImageTokens({ width, height }, { model: 'gemini-3-flash-preview' });

      expect(estimate).toMatchObject({ columns, rows, tokens: columns * rows });
      expect(estimate.tokens).toBeLessThanOrEqual(1120);
    });

    it('flags the extreme-aspect clamp as inferred', () => {
      const estimate = estimateImageTokens({ width: 5000, height: 3 }, { model: 'gemini-3-flash-preview' });

      expect(estimate.confidence).toBe('inferred');
      expect(estimate.explanation).toMatch(/exceeds 1120:1/);
    });

    it('matches billed tokens under count-tokens accounting', () => {
      const billed = estimateImageTokens({ width: 1920, height: 1080 }, { model: 'gemini-3-flash-preview' });
      const counted = estimateImageTokens({ width: 1920, height: 1080 }, { model: 'gemini-3-flash-preview', accounting: 'count-tokens' });

      expect(counted.tokens).toBe(billed.tokens);
      expect(counted.accounting).toBe('count-tokens');
    });
  });

  describe('rule table (1920×1080)', () => {
    it.each([
      { model: 'gemini-1.0-pro-vision', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'flat', tokens: 258, confidence: 'documented', applied: 'unspecified' },
      { model: 'gemini-1.0-pro-vision', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'low', rule: 'flat', tokens: 258, confidence: 'documented', applied: 'unspecified' },
      { model: 'gemini-1.5-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'tiles', tokens: 1548, confidence: 'documented', applied: 'unspecified' },
      { model: 'gemini-1.5-flash', backend: 'vertex-ai', accounting: 'billed', mediaResolution: 'high', rule: 'tiles', tokens: 1548, confidence: 'inferred', applied: 'high' },
      { model: 'gemini-1.5-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'low', rule: 'flat', tokens: 66, confidence: 'inferred', applied: 'low' },
      { model: 'gemini-1.5-flash', backend: 'gemini-api', accounting: 'count-tokens', mediaResolution: undefined, rule: 'flat', tokens: 258, confidence: 'documented', applied: 'unspecified' },
      { model: 'gemini-2.0-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'tiles-plus-global', tokens: 1806, confidence: 'inferred', applied: 'unspecified' },
      { model: 'gemini-2.0-flash', backend: 'vertex-ai', accounting: 'billed', mediaResolution: undefined, rule: 'tiles-plus-global', tokens: 1806, confidence: 'inferred', applied: 'unspecified' },
      { model: 'gemini-2.0-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'medium', rule: 'flat', tokens: 258, confidence: 'inferred', applied: 'medium' },
      { model: 'gemini-2.0-flash', backend: 'gemini-api', accounting: 'count-tokens', mediaResolution: undefined, rule: 'flat', tokens: 258, confidence: 'measured', applied: 'unspecified' },
      { model: 'gemini-2.5-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'flat', tokens: 258, confidence: 'measured', applied: 'unspecified' },
      { model: 'gemini-2.5-flash', backend: 'vertex-ai', accounting: 'billed', mediaResolution: undefined, rule: 'tiles-plus-global', tokens: 1806, confidence: 'measured', applied: 'unspecified' },
      { model: 'gemini-2.5-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'low', rule: 'flat', tokens: 66, confidence: 'documented', applied: 'low' },
      { model: 'gemini-2.5-flash', backend: 'vertex-ai', accounting: 'billed', mediaResolution: 'low', rule: 'flat', tokens: 66, confidence: 'documented', applied: 'low' },
      { model: 'gemini-2.5-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'medium', rule: 'flat', tokens: 258, confidence: 'documented', applied: 'medium' },
      { model: 'gemini-2.5-flash', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'high', rule: 'tiles-plus-global', tokens: 1806, confidence: 'inferred', applied: 'high' },
      { model: 'gemini-2.5-flash', backend: 'vertex-ai', accounting: 'billed', mediaResolution: 'high', rule: 'tiles-plus-global', tokens: 1806, confidence: 'documented', applied: 'high' },
      { model: 'gemini-2.5-flash', backend: 'gemini-api', accounting: 'count-tokens', mediaResolution: undefined, rule: 'flat', tokens: 258, confidence: 'measured', applied: 'unspecified' },
      { model: 'gemini-2.5-flash', backend: 'gemini-api', accounting: 'count-tokens', mediaResolution: 'low', rule: 'flat', tokens: 258, confidence: 'measured', applied: 'unspecified' },
      { model: 'gemini-2.5-flash', backend: 'vertex-ai', accounting: 'count-tokens', mediaResolution: undefined, rule: 'flat', tokens: 258, confidence: 'inferred', applied: 'unspecified' },
      { model: 'gemini-2.5-flash', backend: 'vertex-ai', accounting: 'count-tokens', mediaResolution: 'low', rule: 'flat', tokens: 66, confidence: 'inferred', applied: 'low' },
      { model: 'gemini-2.5-flash-image', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'flat', tokens: 1290, confidence: 'measured', applied: 'unspecified' },
      { model: 'gemini-2.5-flash-image', backend: 'gemini-api', accounting: 'count-tokens', mediaResolution: undefined, rule: 'flat', tokens: 258, confidence: 'inferred', applied: 'unspecified' },
      { model: 'gemini-3-flash-preview', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'budget-grid', tokens: 1100, confidence: 'measured', applied: 'high' },
      { model: 'gemini-3-flash-preview', backend: 'vertex-ai', accounting: 'billed', mediaResolution: undefined, rule: 'budget-grid', tokens: 1100, confidence: 'measured', applied: 'high' },
      { model: 'gemini-3-flash-preview', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'low', rule: 'budget-grid', tokens: 22 * 12, confidence: 'documented', applied: 'low' },
      { model: 'gemini-3-flash-preview', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'medium', rule: 'budget-grid', tokens: 31 * 17, confidence: 'documented', applied: 'medium' },
      { model: 'gemini-3-flash-preview', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'ultra_high', rule: 'budget-grid', tokens: 63 * 35, confidence: 'inferred', applied: 'ultra_high' },
      { model: 'gemini-3-flash-preview', backend: 'gemini-api', accounting: 'count-tokens', mediaResolution: undefined, rule: 'budget-grid', tokens: 1100, confidence: 'measured', applied: 'high' },
      { model: 'gemini-3.1-pro-preview', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'budget-grid', tokens: 1100, confidence: 'documented', applied: 'high' },
      { model: 'gemini-robotics-er-1.6-preview', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'budget-grid', tokens: 1100, confidence: 'documented', applied: 'high' },
      { model: 'gemini-4-argon', backend: 'gemini-api', accounting: 'billed', mediaResolution: undefined, rule: 'budget-grid', tokens: 1100, confidence: 'inferred', applied: 'high' },
      { model: 'gemini-3-pro-image-preview', backend: 'gemini-api', accounting: 'billed', mediaResolution: 'low', rule: 'flat', tokens: 560, confidence: 'documented', applied: 'unspecified' },
    ] as const)(
      '$model · $backend · $accounting · $mediaResolution → $rule $tokens ($confidence)',
      ({ model, backend, accounting, mediaResolution, rule, tokens, confidence, applied }) => {
        const estimate = estimateImageTokens({ width: 1920, height: 1080 }, { model, backend, accounting, mediaResolution });

        expect(estimate).toMatchObject({ rule, tokens, confidence, backend, accounting, mediaResolution: applied });
        expect(estimate.explanation.length).toBeGreaterThan(20);
      },
    );
  });

  describe('errors', () => {
    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100'])('rejects a width of %j', (width) => {
      const call = () => estimateImageTokens({ width: width as number, height: 100 }, { model: 'gemini-2.5-flash' });

      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(/^Expected a positive integer \(pixels\) for `size\.width`, but received /);
    });

    it('rejects a height of 0', () => {
      expect(() => estimateImageTokens({ width: 10, height: 0 }, { model: 'gemini-3-flash-preview' })).toThrow(/`size\.height`/);
    });

    it.each(['gemini-2.5-flash', 'gemini-2.0-flash', 'gemini-1.5-pro', 'gemini-1.0-pro-vision', 'gemini-2.5-flash-image'])(
      'rejects ultra_high on %s with a hint',
      (model) => {
        const call = () => estimateImageTokens({ width: 100, height: 100 }, { model, mediaResolution: 'ultra_high' });

        expect(call).toThrow(InvalidArgumentError);
        expect(call).toThrow(/`options\.mediaResolution`.*only on Gemini 3 and later/);
      },
    );

    it.each([
      { options: { model: 'gemini-2.5-flash', backend: 'vertex' }, argument: 'options.backend' },
      { options: { model: 'gemini-2.5-flash', accounting: 'usage' }, argument: 'options.accounting' },
      { options: { model: 'gemini-2.5-flash', mediaResolution: 'MEDIA_RESOLUTION_LOW' }, argument: 'options.mediaResolution' },
    ])('rejects an invalid $argument', ({ options, argument }) => {
      const call = () => estimateImageTokens({ width: 100, height: 100 }, options as never);

      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(argument);
    });

    it.each(['gpt-4o', 'claude-3-5-sonnet', 'gemma-3-27b-it', '', 'gemini'])('rejects the model %j with UnknownModelError', (model) => {
      expect(() => estimateImageTokens({ width: 100, height: 100 }, { model })).toThrow(UnknownModelError);
    });
  });

  describe('properties', () => {
    const side = fc.integer({ min: 1, max: 20_000 });
    const models = [
      'gemini-1.0-pro-vision',
      'gemini-1.5-flash',
      'gemini-2.0-flash',
      'gemini-2.5-flash',
      'gemini-2.5-flash-image',
      'gemini-3-flash-preview',
      'gemini-3-pro-image-preview',
      'gemini-4-argon',
    ];
    const options = fc.record({
      model: fc.constantFrom(...models),
      mediaResolution: fc.constantFrom(undefined, 'low', 'medium', 'high'),
      backend: fc.constantFrom('gemini-api', 'vertex-ai'),
      accounting: fc.constantFrom('billed', 'count-tokens'),
    }) as fc.Arbitrary<{ model: string; mediaResolution: MediaResolution | undefined; backend: GeminiBackend; accounting: TokenAccounting }>;

    propertyIt.prop([side, side, options])('yields a positive integer number of tokens', (width, height, estimateOptions) => {
      const { tokens } = estimateImageTokens({ width, height }, estimateOptions);

      expect(Number.isInteger(tokens)).toBe(true);
      expect(tokens).toBeGreaterThan(0);
    });

    propertyIt.prop([side, side, fc.constantFrom<MediaResolution>('low', 'medium', 'high', 'ultra_high')])(
      'never exceeds the Gemini 3 budget',
      (width, height, mediaResolution) => {
        const estimate = estimateImageTokens({ width, height }, { model: 'gemini-3-flash-preview', mediaResolution });

        expect(estimate.rule).toBe('budget-grid');
        if (estimate.rule === 'budget-grid') {
          expect(estimate.tokens).toBeLessThanOrEqual(estimate.budget);
          expect(estimate.tokens).toBe(estimate.columns * estimate.rows);
        }
      },
    );

    propertyIt.prop([fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2, max: 40 })])(
      'gives Gemini 3 the same tokens at every scale of the same aspect ratio',
      (width, height, scale) => {
        const options = { model: 'gemini-3.6-flash' };

        expect(estimateImageTokens({ width: width * scale, height: height * scale }, options).tokens).toBe(
          estimateImageTokens({ width, height }, options).tokens,
        );
      },
    );

    propertyIt.prop([side, side, fc.constantFrom('gemini-1.5-pro', 'gemini-2.0-flash', 'gemini-2.5-pro')])(
      'bills the tiled rules in whole 258-token tiles',
      (width, height, model) => {
        const estimate = estimateImageTokens({ width, height }, { model, backend: 'vertex-ai' });

        expect(estimate.tokens % 258).toBe(0);
      },
    );

    propertyIt.prop([side, side])('is symmetric under swapping width and height', (width, height) => {
      for (const model of ['gemini-1.5-flash', 'gemini-2.0-flash', 'gemini-3-flash-preview']) {
        expect(estimateImageTokens({ width, height }, { model }).tokens).toBe(estimateImageTokens({ width: height, height: width }, { model }).tokens);
      }
    });
  });
});
