import { estimateImageTokens, type Size } from '@gemini-vision/core';
import { describe, expect, it } from 'vitest';

import { capGemini15Size, computeTokenOverlay } from './compute-token-overlay';

describe('computeTokenOverlay', () => {
  it('draws the Gemini 3 budget grid as evenly spaced lines', () => {
    const size = { width: 1920, height: 1080 };
    const overlay = computeTokenOverlay(estimateImageTokens(size, { model: 'gemini-3-flash-preview' }), size);
    expect(overlay).toMatchObject({ kind: 'grid', columns: 44, rows: 25, globalView: false });
    expect(overlay.verticals).toHaveLength(43);
    expect(overlay.horizontals).toHaveLength(24);
    expect(overlay.verticals[0]).toBeCloseTo(1920 / 44, 9);
    expect(overlay.caption).toBe('44 × 25 patches = 1100 tokens (B = 1120)');
  });

  it('draws crop tiles of the crop unit and flags the global view on Gemini 2.0', () => {
    const size = { width: 960, height: 540 };
    const overlay = computeTokenOverlay(estimateImageTokens(size, { model: 'gemini-2.0-flash' }), size);
    expect(overlay).toMatchObject({ kind: 'tiles', columns: 3, rows: 2, tileSide: 360, globalView: true });
    expect(overlay.verticals).toEqual([360, 720]);
    expect(overlay.horizontals).toEqual([360]);
    expect(overlay.caption).toBe('3 × 2 crop tiles of 360 px + 1 global view × 258 = 1806 tokens');
  });

  it('scales Gemini 1.5 tiles back from the 3072 px cap to the displayed size', () => {
    const size = { width: 6144, height: 4096 };
    const estimate = estimateImageTokens(size, { model: 'gemini-1.5-flash' });
    const overlay = computeTokenOverlay(estimate, size);
    if (estimate.rule !== 'tiles') throw new Error(`expected tiles, got ${estimate.rule}`);
    expect(overlay.tileSide).toBeCloseTo(estimate.cropUnit * 2, 9);
    expect(overlay.globalView).toBe(false);
  });

  it('draws one outline for flat rules', () => {
    const size = { width: 3840, height: 2160 };
    const overlay = computeTokenOverlay(estimateImageTokens(size, { model: 'gemini-2.5-flash' }), size);
    expect(overlay).toMatchObject({ kind: 'flat', columns: 1, rows: 1, verticals: [], horizontals: [] });
    expect(overlay.caption).toBe('a flat 258 tokens, whatever the size');
  });

  it.each<[Size]>([
    [{ width: 385, height: 100 }],
    [{ width: 1000, height: 1000 }],
    [{ width: 4000, height: 3000 }],
    [{ width: 9000, height: 1200 }],
    [{ width: 700, height: 1003 }],
    [{ width: 12_000, height: 12_001 }],
  ])('draws as many tile columns and rows as core counts for %o', (size) => {
    for (const model of ['gemini-1.5-pro', 'gemini-2.0-flash']) {
      const estimate = estimateImageTokens(size, { model });
      if (estimate.rule !== 'tiles' && estimate.rule !== 'tiles-plus-global') continue;
      const overlay = computeTokenOverlay(estimate, size);
      // Lines are the inner tile edges: one fewer than the tiles, none beyond the image.
      expect(overlay.verticals.length).toBe(estimate.columns - 1);
      expect(overlay.horizontals.length).toBe(estimate.rows - 1);
      expect(Math.max(0, ...overlay.verticals)).toBeLessThan(size.width);
    }
  });
});

describe('capGemini15Size', () => {
  it.each([
    [{ width: 3072, height: 100 }, { width: 3072, height: 100 }],
    [{ width: 6144, height: 4096 }, { width: 3072, height: 2048 }],
    [{ width: 1000, height: 9000 }, { width: 341, height: 3072 }],
  ])('caps %o to %o', (size, expected) => {
    expect(capGemini15Size(size)).toEqual(expected);
  });
});
