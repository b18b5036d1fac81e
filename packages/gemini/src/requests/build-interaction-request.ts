import type { RequestSpec } from './request-spec';

/** The body of `client.interactions.create` (snake_case, as the Interactions API takes it). */
export interface InteractionRequest {
  readonly model: string;
  readonly input: Record<string, unknown>[];
  readonly system_instruction?: string;
  readonly generation_config: Record<string, unknown>;
  readonly response_format?: Record<string, unknown>;
}

/**
 * Builds an Interactions API body from a {@link RequestSpec}: `input` items
 * (`{type:'text'}`, `{type:'image', data|uri, mime_type, resolution}`), `system_instruction`,
 * `generation_config` (`temperature`, `max_output_tokens`, `thinking_level`) and, for JSON
 * replies, `response_format`. The Interactions API has no thinking budget, so on Gemini 2.5
 * thinking stays at the model default.
 */
export function buildInteractionRequest(spec: RequestSpec): InteractionRequest {
  const images = spec.images.map((image) => {
    const item: Record<string, unknown> =
      image.kind === 'inline'
        ? { type: 'image', data: image.data, mime_type: image.mimeType }
        : { type: 'image', uri: image.uri, mime_type: image.mimeType };
    const resolution = spec.partMediaResolution ?? spec.requestMediaResolution;
    if (resolution !== undefined) item['resolution'] = resolution;
    return item;
  });
  const text = { type: 'text', text: spec.prompt.text };
  const generationConfig: Record<string, unknown> = { max_output_tokens: spec.maxOutputTokens };
  if (spec.temperature !== undefined) generationConfig['temperature'] = spec.temperature;
  if (spec.thinking?.kind === 'level') generationConfig['thinking_level'] = spec.thinking.level;
  const body: {
    model: string;
    input: Record<string, unknown>[];
    generation_config: Record<string, unknown>;
    system_instruction?: string;
    response_format?: Record<string, unknown>;
  } = {
    model: spec.model.replace(/^models\//u, ''),
    input: spec.textFirst ? [text, ...images] : [...images, text],
    generation_config: generationConfig,
  };
  if (spec.prompt.systemInstruction !== undefined) body.system_instruction = spec.prompt.systemInstruction;
  if (spec.prompt.responseMimeType !== undefined) {
    const format: Record<string, unknown> = { type: 'text', mime_type: spec.prompt.responseMimeType };
    if (spec.prompt.responseJsonSchema !== undefined) format['schema'] = spec.prompt.responseJsonSchema;
    body.response_format = format;
  }
  return body;
}
