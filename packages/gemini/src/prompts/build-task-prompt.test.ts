import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '@gemini-vision/core';

import { resolveModelProfile } from '../models/resolve-model-profile';
import { buildTaskPrompt } from './build-task-prompt';
import { DEFAULT_PROMPTS } from './default-prompts';

const flash25 = resolveModelProfile('gemini-2.5-flash');
const flash3 = resolveModelProfile('gemini-3-flash-preview');

describe('buildTaskPrompt', () => {
  it('captions with the guide’s verbatim prompt and no JSON mode', () => {
    expect(buildTaskPrompt(flash25, { task: 'caption' })).toEqual({
      text: 'Caption this image.',
      systemInstruction: undefined,
      responseMimeType: undefined,
      responseJsonSchema: undefined,
      replyKind: 'text',
      maxItems: undefined,
    });
  });

  it('detects everything with the guide’s prompt, the cookbook’s system instruction and JSON mode', () => {
    const prompt = buildTaskPrompt(flash25, { task: 'detect' });

    expect(prompt.text).toBe('Detect the all of the prominent items in the image. The box_2d should be [ymin, xmin, ymax, xmax] normalized to 0-1000.');
    expect(prompt.systemInstruction).toBe(
      'Return bounding boxes as a JSON array with labels. Never return masks or code fencing. Limit to 25 objects.\nIf an object is present multiple times, name them according to their unique characteristic (colors, size, position, unique characteristics, etc..).',
    );
    expect(prompt.responseMimeType).toBe('application/json');
    expect(prompt.responseJsonSchema).toBeUndefined();
    expect(prompt.maxItems).toBe(25);
  });

  it('writes the target and the item limit into the detection prompt', () => {
    const prompt = buildTaskPrompt(flash25, { task: 'detect', target: 'the cupcakes', maxItems: 5 });

    expect(prompt.text).toBe('Detect the 2d bounding boxes of the cupcakes');
    expect(prompt.systemInstruction).toContain('Limit to 5 objects.');
  });

  it('asks for the given labels with an enum schema', () => {
    const prompt = buildTaskPrompt(flash25, { task: 'detect', labels: ['cat', 'dog'] });

    expect(prompt.text).toBe('Detect the 2d bounding boxes of cat, dog (with “label” as one of "cat", "dog")');
    expect(prompt.responseJsonSchema).toMatchObject({
      type: 'array',
      items: { properties: { label: { type: 'string', enum: ['cat', 'dog'] } }, required: ['box_2d', 'label'] },
    });
  });

  it('segments with the cookbook prompt, no system instruction and no JSON mode', () => {
    const prompt = buildTaskPrompt(flash25, { task: 'segment', target: 'the wooden and glass items' });

    expect(prompt.text).toBe(DEFAULT_PROMPTS.segment.replace('{target}', 'the wooden and glass items'));
    expect(prompt.systemInstruction).toBeUndefined();
    expect(prompt.responseMimeType).toBeUndefined();
    expect(prompt.replyKind).toBe('masks');
  });

  it('asks for boxes instead of masks when told to', () => {
    const prompt = buildTaskPrompt(flash3, { task: 'segment', target: 'the cupcakes', boxesInsteadOfMasks: true });

    expect(prompt.replyKind).toBe('boxes');
    expect(prompt.text).toBe('Detect the 2d bounding boxes of the cupcakes');
    expect(prompt.responseMimeType).toBe('application/json');
  });

  it('points with the Robotics-ER prompt when there is no target', () => {
    const prompt = buildTaskPrompt(flash3, { task: 'point' });

    expect(prompt.text).toBe(
      'Point to no more than 10 items in the image. The label returned should be an\nidentifying name for the object detected.\n\nThe answer should follow the JSON format:\n[{"point": <point>, "label": <label1>}, ...]\n\nThe points are in [y, x] format normalized to 0-1000.',
    );
  });

  it('points at a target with the starter-applets prompt', () => {
    const prompt = buildTaskPrompt(flash3, { task: 'point', target: 'bowls', maxItems: 3 });

    expect(prompt.text).toBe(
      'Point to the bowls with no more than 3 items. The answer should follow the json format: [{"point": <point>, "label": <label1>}, ...]. The points are in [y, x] format normalized to 0-1000.',
    );
    expect(prompt.maxItems).toBe(3);
  });

  it('classifies with an object schema whose label is an enum', () => {
    const prompt = buildTaskPrompt(flash25, { task: 'classify', labels: ['cat', 'dog'] });

    expect(prompt.text).toBe('Classify this image. Answer with exactly one of these labels: "cat", "dog".');
    expect(prompt.responseJsonSchema).toEqual({
      type: 'object',
      properties: { label: { type: 'string', enum: ['cat', 'dog'] } },
      required: ['label'],
    });
  });

  it('replaces the prompt and the system instruction when asked', () => {
    const prompt = buildTaskPrompt(flash25, { task: 'detect', prompt: 'Find the socks.', systemInstruction: null });

    expect(prompt.text).toBe('Find the socks.');
    expect(prompt.systemInstruction).toBeUndefined();
  });

  it('uses the question as the prompt of ask', () => {
    expect(buildTaskPrompt(flash25, { task: 'ask', question: 'How many?' }).text).toBe('How many?');
  });

  it.each([
    { options: { task: 'ask' as const }, argument: 'question' },
    { options: { task: 'classify' as const, labels: ['only'] }, argument: 'labels' },
    { options: { task: 'detect' as const, labels: ['ok', ' '] }, argument: 'labels[1]' },
    { options: { task: 'detect' as const, maxItems: 0 }, argument: 'options.maxItems' },
  ])('rejects a bad `$argument`', ({ options, argument }) => {
    const call = () => buildTaskPrompt(flash25, options);

    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(expect.objectContaining({ argument }) as Error);
  });
});
