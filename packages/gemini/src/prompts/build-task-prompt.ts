import { InvalidArgumentError } from '@gemini-vision/core';

import type { ModelProfile } from '../models/resolve-model-profile';
import { DEFAULT_MAX_ITEMS, DEFAULT_PROMPTS } from './default-prompts';

/**
 * The six vision tasks.
 *
 * @example
 * ```ts
 * const task: VisionTask = 'detect';
 * ```
 */
export type VisionTask = 'caption' | 'ask' | 'classify' | 'detect' | 'segment' | 'point';

/**
 * How the reply of a prompt is read: `text` (caption, ask), `label` (classify), `boxes`,
 * `masks` or `points`.
 *
 * @example
 * ```ts
 * const kind: ReplyKind = 'boxes';
 * ```
 */
export type ReplyKind = 'text' | 'label' | 'boxes' | 'masks' | 'points';

/**
 * Options of {@link buildTaskPrompt}.
 *
 * @example
 * ```ts
 * const options: TaskPromptOptions = { task: 'detect', target: 'the cupcakes', maxItems: 10 };
 * ```
 */
export interface TaskPromptOptions {
  /** The task. */
  readonly task: VisionTask;
  /**
   * What to look for, as a noun phrase (`the cupcakes`); detect, segment and point only.
   * @defaultValue every prominent item
   */
  readonly target?: string | undefined;
  /**
   * Labels: the classes of `classify` (required there), or the labels `detect`, `segment` and
   * `point` should use (the prompt names them; items with other labels are filtered out later).
   * @defaultValue none
   */
  readonly labels?: readonly string[] | undefined;
  /**
   * The item limit written into the prompt (detect, segment, point).
   * @defaultValue 25 boxes or masks, 10 points
   */
  readonly maxItems?: number | undefined;
  /** The question, for `ask` (required there). */
  readonly question?: string | undefined;
  /**
   * How many images the prompt goes with (changes the caption wording).
   * @defaultValue `1`
   */
  readonly imageCount?: number | undefined;
  /**
   * Your own prompt text, replacing the default user prompt (the system instruction stays unless
   * `systemInstruction` is given too).
   * @defaultValue the verbatim default for the task
   */
  readonly prompt?: string | undefined;
  /**
   * Your own system instruction; `null` sends none.
   * @defaultValue the cookbook's for `detect`, none otherwise
   */
  readonly systemInstruction?: string | null | undefined;
  /**
   * For `segment` on a model without masks: ask for boxes instead (the detection prompt).
   * @defaultValue `false`
   */
  readonly boxesInsteadOfMasks?: boolean | undefined;
}

/**
 * A prompt ready to send: text, system instruction, and the response format that goes with it.
 *
 * @example
 * ```ts
 * const prompt: TaskPrompt = buildTaskPrompt(resolveModelProfile('gemini-2.5-flash'), { task: 'caption' });
 * ```
 */
export interface TaskPrompt {
  /** The user prompt text. */
  readonly text: string;
  /** The system instruction, or `undefined` for none. */
  readonly systemInstruction: string | undefined;
  /** `application/json` for JSON replies (never for PNG masks), else `undefined` (plain text). */
  readonly responseMimeType: 'application/json' | undefined;
  /** A JSON Schema for structured output (classify; detect and point with `labels`), else `undefined`. */
  readonly responseJsonSchema: Readonly<Record<string, unknown>> | undefined;
  /** How the reply will be read. */
  readonly replyKind: ReplyKind;
  /** The item limit the prompt states (spatial tasks), else `undefined`. */
  readonly maxItems: number | undefined;
}

/**
 * Builds the prompt, system instruction and response format for a vision task on a model.
 *
 * @remarks
 * Defaults are Google's own wording, verbatim ({@link DEFAULT_PROMPTS}); only the item limit and
 * the target are substituted. Detection sends the cookbook's system instruction and JSON mode;
 * segmentation sends no system instruction (it says "Never return masks") and **no JSON mode**,
 * because structured output and long base64 masks break each other (spatial research §7.12).
 * With `labels`, detection and pointing add a JSON Schema whose `label` is an enum of them;
 * classification always uses one. On a model without structured output only JSON mode is sent.
 * Pure.
 *
 * @param profile - The model's profile from {@link resolveModelProfile}.
 * @param options - Task, target, labels, item limit, question and overrides.
 * @returns The prompt to send.
 * @throws {@link InvalidArgumentError} If `ask` has no question, `classify` has fewer than two
 * labels, a label is empty, or `maxItems` is not a positive integer.
 *
 * @example
 * ```ts
 * const prompt = buildTaskPrompt(resolveModelProfile('gemini-2.5-flash'), { task: 'point', target: 'cupcakes' });
 * prompt.text; // 'Point to the cupcakes with no more than 10 items. The answer should follow …'
 * ```
 */
export function buildTaskPrompt(profile: ModelProfile, options: TaskPromptOptions): TaskPrompt {
  const labels = options.labels;
  if (labels !== undefined) assertLabels(labels, options.task === 'classify' ? 2 : 1);
  const maxItems = options.maxItems;
  if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 1)) {
    throw new InvalidArgumentError({ argument: 'options.maxItems', expected: 'a positive integer', received: maxItems });
  }
  const custom = options.prompt;
  const systemOverride = options.systemInstruction;
  const system = (fallback: string | undefined): string | undefined =>
    systemOverride === null ? undefined : (systemOverride ?? fallback);
  const json = profile.structuredOutput ? ('application/json' as const) : undefined;

  switch (options.task) {
    case 'caption': {
      const text = custom ?? ((options.imageCount ?? 1) > 1 ? DEFAULT_PROMPTS.captionMany : DEFAULT_PROMPTS.caption);
      return plain(text, system(undefined), 'text');
    }
    case 'ask': {
      const question = options.question;
      if (typeof question !== 'string' || question.trim() === '') {
        throw new InvalidArgumentError({ argument: 'question', expected: 'a non-empty question', received: question });
      }
      return plain(custom ?? question, system(undefined), 'text');
    }
    case 'classify': {
      if (labels === undefined) {
        throw new InvalidArgumentError({ argument: 'labels', expected: 'at least two labels', received: labels });
      }
      const text = custom ?? DEFAULT_PROMPTS.classify.replace('{labels}', quoteAll(labels));
      return {
        text,
        systemInstruction: system(undefined),
        responseMimeType: json,
        responseJsonSchema: profile.structuredOutput ? classifySchema(labels) : undefined,
        replyKind: 'label',
        maxItems: undefined,
      };
    }
    case 'detect':
      return detectPrompt(profile, options, system, json);
    case 'segment': {
      if (options.boxesInsteadOfMasks === true) return detectPrompt(profile, options, system, json);
      const target = options.target ?? (labels === undefined ? DEFAULT_PROMPTS.segmentDefaultTarget : labels.join(', '));
      let text = custom ?? DEFAULT_PROMPTS.segment.replace('{target}', target);
      if (custom === undefined && labels !== undefined) text += ` Use one of these labels: ${quoteAll(labels)}.`;
      if (custom === undefined && maxItems !== undefined) text += ` Limit to ${maxItems} objects.`;
      return {
        text,
        systemInstruction: system(undefined),
        responseMimeType: undefined,
        responseJsonSchema: undefined,
        replyKind: 'masks',
        maxItems: maxItems ?? DEFAULT_MAX_ITEMS.segment,
      };
    }
    case 'point': {
      const limit = maxItems ?? DEFAULT_MAX_ITEMS.point;
      const target = options.target ?? (labels === undefined ? undefined : labels.join(', '));
      const template = target === undefined ? DEFAULT_PROMPTS.pointAll : DEFAULT_PROMPTS.pointTarget;
      let text = custom ?? template.replace('{target}', target ?? '').replace('{maxItems}', String(limit));
      if (custom === undefined && labels !== undefined) text += ` Use one of these labels: ${quoteAll(labels)}.`;
      return {
        text,
        systemInstruction: system(undefined),
        responseMimeType: json,
        responseJsonSchema: profile.structuredOutput && labels !== undefined ? pointSchema(labels) : undefined,
        replyKind: 'points',
        maxItems: limit,
      };
    }
    default:
      throw new InvalidArgumentError({
        argument: 'options.task',
        expected: "one of 'caption', 'ask', 'classify', 'detect', 'segment', 'point'",
        received: options.task,
      });
  }
}

function detectPrompt(
  profile: ModelProfile,
  options: TaskPromptOptions,
  system: (fallback: string | undefined) => string | undefined,
  json: 'application/json' | undefined,
): TaskPrompt {
  const { labels, target } = options;
  const limit = options.maxItems ?? DEFAULT_MAX_ITEMS.detect;
  let text = options.prompt;
  if (text === undefined) {
    const what = target ?? (labels === undefined ? undefined : labels.join(', '));
    text =
      what === undefined
        ? DEFAULT_PROMPTS.detectAll
        : DEFAULT_PROMPTS.detectTarget.replace('{target}', what) +
          (labels === undefined ? '' : DEFAULT_PROMPTS.labelHint.replace('{labels}', quoteAll(labels)));
  }
  return {
    text,
    systemInstruction: system(DEFAULT_PROMPTS.detectSystemInstruction.replace('{maxItems}', String(limit))),
    responseMimeType: json,
    responseJsonSchema: profile.structuredOutput && labels !== undefined ? boxSchema(labels) : undefined,
    replyKind: 'boxes',
    maxItems: limit,
  };
}

function plain(text: string, systemInstruction: string | undefined, replyKind: ReplyKind): TaskPrompt {
  return { text, systemInstruction, responseMimeType: undefined, responseJsonSchema: undefined, replyKind, maxItems: undefined };
}

function quoteAll(labels: readonly string[]): string {
  return labels.map((label) => JSON.stringify(label)).join(', ');
}

function assertLabels(labels: readonly string[], minimum: number): void {
  if (!Array.isArray(labels) || labels.length < minimum) {
    throw new InvalidArgumentError({
      argument: 'labels',
      expected: minimum === 1 ? 'a non-empty array of labels' : `an array of at least ${minimum} labels`,
      received: labels,
    });
  }
  labels.forEach((label: unknown, index) => {
    if (typeof label !== 'string' || label.trim() === '') {
      throw new InvalidArgumentError({ argument: `labels[${index}]`, expected: 'a non-empty string', received: label });
    }
  });
}

function classifySchema(labels: readonly string[]): Readonly<Record<string, unknown>> {
  return {
    type: 'object',
    properties: { label: { type: 'string', enum: [...labels] } },
    required: ['label'],
  };
}

function boxSchema(labels: readonly string[]): Readonly<Record<string, unknown>> {
  return {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        box_2d: { type: 'array', items: { type: 'integer' }, minItems: 4, maxItems: 4 },
        label: { type: 'string', enum: [...labels] },
      },
      required: ['box_2d', 'label'],
    },
  };
}

function pointSchema(labels: readonly string[]): Readonly<Record<string, unknown>> {
  return {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        point: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
        label: { type: 'string', enum: [...labels] },
      },
      required: ['point', 'label'],
    },
  };
}
