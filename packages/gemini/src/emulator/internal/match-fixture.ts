import { resolveModel, type ResolvedModel } from '@gemini-vision/core';

import type { EmulatorFixture } from '../load-emulator-fixtures';
import { type ModelCall, promptTextOf } from './model-call';

/**
 * Finds the fixture that answers a call: every given match field must hold; among those, the one
 * whose model is closest wins (same id, then same base id, then same generation), then the one
 * with more conditions, then the earliest.
 */
export function matchFixture(call: ModelCall, fixtures: readonly EmulatorFixture[]): EmulatorFixture | undefined {
  const prompt = collapseSpace(promptTextOf(call));
  const hashes = new Set(call.images.map((image) => image.sha256));
  let best: EmulatorFixture | undefined;
  let bestScore = -1;
  for (const fixture of fixtures) {
    const score = scoreFixture(fixture, call.resolved, prompt, hashes);
    if (score > bestScore) {
      best = fixture;
      bestScore = score;
    }
  }
  return best;
}

function scoreFixture(fixture: EmulatorFixture, model: ResolvedModel, prompt: string, hashes: ReadonlySet<string>): number {
  const { imageSha256, promptIncludes } = fixture.match;
  let score = 0;
  if (imageSha256 !== undefined) {
    const wanted = typeof imageSha256 === 'string' ? [imageSha256] : imageSha256;
    if (!wanted.some((hash) => hashes.has(hash.toLowerCase()))) return -1;
    score += 2;
  }
  if (promptIncludes !== undefined) {
    const wanted = typeof promptIncludes === 'string' ? [promptIncludes] : promptIncludes;
    if (!wanted.every((part) => prompt.includes(collapseSpace(part)))) return -1;
    score += 1;
  }
  if (fixture.match.model !== undefined) {
    const closeness = modelCloseness(fixture.match.model, model);
    if (closeness === 0) return -1;
    score += closeness * 10;
  }
  return score;
}

function modelCloseness(fixtureModel: string, model: ResolvedModel): number {
  let resolved: ResolvedModel;
  try {
    resolved = resolveModel(fixtureModel);
  } catch {
    return 0;
  }
  if (resolved.id === model.id) return 3;
  if (resolved.baseId === model.baseId) return 2;
  return resolved.generation === model.generation ? 1 : 0;
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
