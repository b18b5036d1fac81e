// What one 1920×1080 image costs in input tokens on one model of every Gemini generation.
import { estimateImageTokens } from '@gemini-vision/core';

const size = { width: 1920, height: 1080 };

for (const [model, backend] of [
  ['gemini-1.5-flash', 'gemini-api'],
  ['gemini-2.0-flash', 'gemini-api'],
  ['gemini-2.5-flash', 'gemini-api'],
  ['gemini-2.5-flash', 'vertex-ai'],
  ['gemini-3-flash-preview', 'gemini-api'],
] as const) {
  const estimate = estimateImageTokens(size, { model, backend });
  console.log(`${model} (${backend}): ${estimate.tokens} tokens, rule ${estimate.rule}, ${estimate.confidence}`);
  console.log(`  ${estimate.explanation}`);
}
// => gemini-1.5-flash (gemini-api): 1548 tokens, rule tiles, documented
// => gemini-2.0-flash (gemini-api): 1806 tokens, rule tiles-plus-global, inferred
// => gemini-2.5-flash (gemini-api): 258 tokens, rule flat, measured
// => gemini-2.5-flash (vertex-ai): 1806 tokens, rule tiles-plus-global, measured
// => gemini-3-flash-preview (gemini-api): 1100 tokens, rule budget-grid, measured
