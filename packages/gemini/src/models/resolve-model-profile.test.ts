import { describe, expect, it } from 'vitest';

import { UnknownModelError } from '@gemini-vision/core';

import { resolveModelProfile } from './resolve-model-profile';

describe('resolveModelProfile', () => {
  it.each([
    { model: 'gemini-2.5-flash', masks: true, boxes: true, thinking: { kind: 'budget', budget: 0 }, mediaResolution: 'request' },
    { model: 'gemini-2.5-pro', masks: true, boxes: true, thinking: { kind: 'budget', budget: 128 }, mediaResolution: 'request' },
    { model: 'models/gemini-2.5-flash-preview-05-20', masks: true, boxes: true, thinking: { kind: 'budget', budget: 0 }, mediaResolution: 'request' },
    { model: 'gemini-2.0-flash', masks: true, boxes: true, thinking: { kind: 'none' }, mediaResolution: 'request' },
    { model: 'gemini-3-flash-preview', masks: false, boxes: true, thinking: { kind: 'level', level: 'minimal' }, mediaResolution: 'per-part' },
    { model: 'gemini-3.1-pro-preview', masks: false, boxes: true, thinking: { kind: 'level', level: 'low' }, mediaResolution: 'per-part' },
    { model: 'gemini-3.7-flash', masks: false, boxes: true, thinking: { kind: 'level', level: 'minimal' }, mediaResolution: 'per-part' },
    { model: 'gemini-1.5-flash', masks: false, boxes: false, thinking: { kind: 'none' }, mediaResolution: 'request' },
    { model: 'gemini-2.5-flash-image', masks: false, boxes: false, thinking: { kind: 'budget', budget: 0 }, mediaResolution: 'none' },
  ])('gives $model masks=$masks, boxes=$boxes and $mediaResolution media resolution', ({ model, masks, boxes, thinking, mediaResolution }) => {
    const profile = resolveModelProfile(model);

    expect(profile.segmentationMasks).toBe(masks);
    expect(profile.boxes).toBe(boxes);
    expect(profile.points).toBe(boxes);
    expect(profile.spatialThinking).toEqual(thinking);
    expect(profile.mediaResolution).toBe(mediaResolution);
  });

  it('notes that Gemini 3 returns boxes only', () => {
    expect(resolveModelProfile('gemini-3-flash-preview').notes.join(' ')).toMatch(/does not return segmentation masks/u);
  });

  it('notes capabilities inferred for a future model id', () => {
    const profile = resolveModelProfile('gemini-4-flash');

    expect(profile.model.inferred).toBe(true);
    expect(profile.notes.join(' ')).toMatch(/inferred/u);
  });

  it('rejects ids that are not Gemini models', () => {
    expect(() => resolveModelProfile('gpt-4o')).toThrow(UnknownModelError);
  });
});
