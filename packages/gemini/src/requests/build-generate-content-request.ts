import {
  MediaResolution as SdkMediaResolution,
  PartMediaResolutionLevel,
  ThinkingLevel,
  type Content,
  type GenerateContentConfig,
  type Part,
  type ThinkingConfig,
} from '@google/genai';

import type { MediaResolution } from '@gemini-vision/core';

import type { ThinkingControl } from '../models/resolve-model-profile';
import type { ImageReference, RequestSpec } from './request-spec';

const REQUEST_RESOLUTIONS: Readonly<Record<Exclude<MediaResolution, 'ultra_high'>, SdkMediaResolution>> = {
  low: SdkMediaResolution.MEDIA_RESOLUTION_LOW,
  medium: SdkMediaResolution.MEDIA_RESOLUTION_MEDIUM,
  high: SdkMediaResolution.MEDIA_RESOLUTION_HIGH,
};

const PART_RESOLUTIONS: Readonly<Record<MediaResolution, PartMediaResolutionLevel>> = {
  low: PartMediaResolutionLevel.MEDIA_RESOLUTION_LOW,
  medium: PartMediaResolutionLevel.MEDIA_RESOLUTION_MEDIUM,
  high: PartMediaResolutionLevel.MEDIA_RESOLUTION_HIGH,
  ultra_high: PartMediaResolutionLevel.MEDIA_RESOLUTION_ULTRA_HIGH,
};

/** The SDK's `generateContent` parameters (without the abort signal). */
export interface GenerateContentRequest {
  readonly model: string;
  readonly contents: Content[];
  readonly config: GenerateContentConfig;
}

/** Builds `models.generateContent` parameters from a {@link RequestSpec}. */
export function buildGenerateContentRequest(spec: RequestSpec): GenerateContentRequest {
  const config: GenerateContentConfig = { maxOutputTokens: spec.maxOutputTokens };
  if (spec.prompt.systemInstruction !== undefined) config.systemInstruction = spec.prompt.systemInstruction;
  if (spec.temperature !== undefined) config.temperature = spec.temperature;
  if (spec.prompt.responseMimeType !== undefined) config.responseMimeType = spec.prompt.responseMimeType;
  if (spec.prompt.responseJsonSchema !== undefined) config.responseJsonSchema = spec.prompt.responseJsonSchema;
  const thinking = thinkingConfigOf(spec.thinking);
  if (thinking !== undefined) config.thinkingConfig = thinking;
  if (spec.requestMediaResolution !== undefined && spec.requestMediaResolution !== 'ultra_high') {
    config.mediaResolution = REQUEST_RESOLUTIONS[spec.requestMediaResolution];
  }
  return { model: spec.model, contents: buildContents(spec), config };
}

/** The user turn: image parts and the text part, in the spec's order. */
export function buildContents(spec: RequestSpec): Content[] {
  const imageParts = spec.images.map((image) => imagePart(image, spec));
  const textPart: Part = { text: spec.prompt.text };
  const parts = spec.textFirst ? [textPart, ...imageParts] : [...imageParts, textPart];
  return [{ role: 'user', parts }];
}

function imagePart(image: ImageReference, spec: RequestSpec): Part {
  const part: Part =
    image.kind === 'inline'
      ? { inlineData: { mimeType: image.mimeType, data: image.data } }
      : { fileData: { mimeType: image.mimeType, fileUri: image.uri } };
  if (spec.partMediaResolution !== undefined) {
    part.mediaResolution = { level: PART_RESOLUTIONS[spec.partMediaResolution] };
  }
  return part;
}

/** The SDK's `thinkingConfig` for a thinking control, or `undefined` for none. */
export function thinkingConfigOf(thinking: ThinkingControl | undefined): ThinkingConfig | undefined {
  if (thinking === undefined || thinking.kind === 'none') return undefined;
  if (thinking.kind === 'budget') return { thinkingBudget: thinking.budget };
  return { thinkingLevel: thinking.level === 'minimal' ? ThinkingLevel.MINIMAL : ThinkingLevel.LOW };
}

/**
 * The same request as the REST API's JSON (`GenerateContentRequest`), for batch JSONL files:
 * `contents`, `systemInstruction`, `generationConfig`.
 */
export function buildRestGenerateContentRequest(spec: RequestSpec): Record<string, unknown> {
  const { config, contents } = buildGenerateContentRequest(spec);
  const generationConfig: Record<string, unknown> = {};
  for (const key of [
    'temperature',
    'maxOutputTokens',
    'responseMimeType',
    'responseJsonSchema',
    'thinkingConfig',
    'mediaResolution',
  ] as const) {
    if (config[key] !== undefined) generationConfig[key] = config[key];
  }
  const request: Record<string, unknown> = { contents, generationConfig };
  if (spec.prompt.systemInstruction !== undefined) {
    request['systemInstruction'] = { parts: [{ text: spec.prompt.systemInstruction }] };
  }
  return request;
}
