import {
  MAX_IMAGES_PER_REQUEST,
  type MediaResolution,
  resolveModel,
  type ResolvedModel,
  SUPPORTED_IMAGE_MIME_TYPES,
} from '@gemini-vision/core';

import { invalidArgument, modelNotFound } from './google-error';
import {
  isRecord,
  type JsonRecord,
  readArray,
  readField,
  readRecord,
  readString,
  stringifyCanonically,
} from './json-value';
import { readImageSize } from './read-image-size';
import { sha256Hex } from './seeded-random';

/** One image of a model call, decoded enough to count and match it. */
export interface ModelCallImage {
  /** The image bytes as sent (inline) or as stored (Files API). */
  readonly bytes: Uint8Array;
  /** The MIME type the request declared. */
  readonly mimeType: string;
  /** SHA-256 of the bytes, lower-case hex (fixtures match on it). */
  readonly sha256: string;
  /** Displayed width in pixels. */
  readonly width: number;
  /** Displayed height in pixels. */
  readonly height: number;
  /** Per-part media resolution, when the part set one. */
  readonly mediaResolution: MediaResolution | undefined;
}

/** A JSON schema the reply must follow (`responseJsonSchema`, or OpenAPI-style `responseSchema`). */
export interface ResponseSchema {
  /** `json-schema`: plain JSON Schema; `openapi`: Gemini's `Schema` with upper-case `type`s. */
  readonly style: 'json-schema' | 'openapi';
  /** The schema object. */
  readonly schema: unknown;
}

/** A generateContent-like request, normalized from any of the emulator's entry points. */
export interface ModelCall {
  /** The model id as requested, without `models/`. */
  readonly model: string;
  /** The model as core resolves it. */
  readonly resolved: ResolvedModel;
  /** Every text part of `contents` (all turns), in order. */
  readonly texts: readonly string[];
  /** Every text part of the system instruction. */
  readonly systemTexts: readonly string[];
  /** Every image part (inline or Files API), in order. */
  readonly images: readonly ModelCallImage[];
  /** Request-wide media resolution (`generationConfig.mediaResolution`). */
  readonly mediaResolution: MediaResolution | undefined;
  /** `generationConfig.responseMimeType`. */
  readonly responseMimeType: string | undefined;
  /** The response schema, if any. */
  readonly schema: ResponseSchema | undefined;
  /** A short hash of what makes two calls the same request (model, contents, config). */
  readonly fingerprint: string;
}

/** The bytes and type of a stored file, as the Files API store hands them to a model call. */
export interface StoredFileContent {
  /** File bytes. */
  readonly bytes: Uint8Array;
  /** The file's MIME type. */
  readonly mimeType: string;
}

/** Looks a `fileData.fileUri` (or an interactions `uri`) up; throws a Google error when missing. */
export type FileLookup = (reference: string) => StoredFileContent;

/** Context for normalizing: which API version was called and how files resolve. */
export interface NormalizeContext {
  /** `v1beta`, `v1` or `v1alpha`, for error messages. */
  readonly apiVersion: string;
  /** The REST method, for error messages, e.g. `generateContent`. */
  readonly method: string;
  /** Resolves Files API references. */
  readonly lookupFile: FileLookup;
}

/** Resolves a model id the way the API would, answering 404 for ids that are not Gemini models. */
export function resolveRequestModel(model: string, context: Pick<NormalizeContext, 'apiVersion' | 'method'>): ResolvedModel {
  try {
    return resolveModel(model);
  } catch {
    throw modelNotFound(model, context.apiVersion, context.method);
  }
}

/**
 * Normalizes a `GenerateContentRequest` body (camelCase as the SDK sends it; snake_case is
 * accepted too).
 */
export function normalizeGenerateContentRequest(model: string, body: JsonRecord, context: NormalizeContext): ModelCall {
  const resolved = resolveRequestModel(model, context);
  const contents = readArray(body, 'contents');
  if (contents === undefined || contents.length === 0) {
    throw invalidArgument('* GenerateContentRequest.contents: contents is not specified');
  }
  const texts: string[] = [];
  const images: ModelCallImage[] = [];
  contents.forEach((content, contentIndex) => {
    if (!isRecord(content)) throw invalidArgument(`* GenerateContentRequest.contents[${contentIndex}]: must be an object`);
    const parts = readArray(content, 'parts') ?? [];
    if (parts.length === 0) {
      throw invalidArgument(`* GenerateContentRequest.contents[${contentIndex}].parts: contents.parts must not be empty.`);
    }
    parts.forEach((part, partIndex) => {
      readPart(part, `contents[${contentIndex}].parts[${partIndex}]`, texts, images, context);
    });
  });

  const systemTexts: string[] = [];
  const system = readRecord(body, 'systemInstruction', 'system_instruction');
  for (const part of system === undefined ? [] : (readArray(system, 'parts') ?? [])) {
    if (isRecord(part)) {
      const text = readString(part, 'text');
      if (text !== undefined) systemTexts.push(text);
    }
  }

  const config = readRecord(body, 'generationConfig', 'generation_config') ?? {};
  const schema = readSchema(config);
  checkImageCount(images.length);
  return {
    model,
    resolved,
    texts,
    systemTexts,
    images,
    mediaResolution: readMediaResolution(readField(config, 'mediaResolution', 'media_resolution'), 'generationConfig.mediaResolution'),
    responseMimeType: readString(config, 'responseMimeType', 'response_mime_type'),
    schema,
    fingerprint: fingerprint({
      model: resolved.id,
      contents,
      systemInstruction: system ?? null,
      generationConfig: config,
    }),
  };
}

/**
 * Normalizes an Interactions API `create` body (snake_case): `input` may be a string, one content
 * item, a list of content items, or a list of steps/turns holding `content`.
 */
export function normalizeInteractionRequest(body: JsonRecord, context: NormalizeContext): ModelCall {
  const model = readString(body, 'model');
  if (model === undefined) {
    throw invalidArgument(
      readField(body, 'agent') === undefined
        ? '* model: model is not specified'
        : 'Agents are not supported by the emulator; pass `model`.',
    );
  }
  const id = model.replace(/^models\//, '');
  const resolved = resolveRequestModel(id, context);
  const texts: string[] = [];
  const images: ModelCallImage[] = [];
  collectInteractionContent(readField(body, 'input'), 'input', texts, images, context);
  if (texts.length === 0 && images.length === 0) throw invalidArgument('* input: input is not specified');

  const systemTexts: string[] = [];
  collectInteractionContent(readField(body, 'system_instruction', 'systemInstruction'), 'system_instruction', systemTexts, [], context);
  const config = readRecord(body, 'generation_config', 'generationConfig') ?? {};
  const { schema: formatSchema, mimeType: formatMimeType } = readResponseFormat(
    readField(body, 'response_format', 'responseFormat'),
  );
  checkImageCount(images.length);
  return {
    model: id,
    resolved,
    texts,
    systemTexts,
    images,
    mediaResolution: readMediaResolution(readField(config, 'media_resolution', 'mediaResolution'), 'generation_config.media_resolution'),
    responseMimeType: formatMimeType ?? readString(body, 'response_mime_type', 'responseMimeType'),
    schema: formatSchema === undefined ? undefined : { style: 'json-schema', schema: formatSchema },
    fingerprint: fingerprint({
      model: resolved.id,
      input: readField(body, 'input') ?? null,
      systemInstruction: readField(body, 'system_instruction') ?? null,
      generationConfig: config,
    }),
  };
}

/**
 * Reads the Interactions API's `response_format`: the SDK sends
 * `{ type: 'text', mime_type: 'application/json', schema? }`; a bare JSON Schema (no `type: 'text'`
 * wrapper) is accepted too.
 */
function readResponseFormat(format: unknown): { schema: unknown; mimeType: string | undefined } {
  if (!isRecord(format)) return { schema: format ?? undefined, mimeType: undefined };
  const wrapped = format['type'] === 'text' || 'mime_type' in format || 'mimeType' in format;
  if (!wrapped) return { schema: format, mimeType: undefined };
  const mimeType = readString(format, 'mime_type', 'mimeType');
  return { schema: readField(format, 'schema'), mimeType };
}

/** All prompt text of a call (system instruction first), joined by newlines. */
export function promptTextOf(call: ModelCall): string {
  return [...call.systemTexts, ...call.texts].join('\n');
}

function readPart(part: unknown, where: string, texts: string[], images: ModelCallImage[], context: NormalizeContext): void {
  if (!isRecord(part)) throw invalidArgument(`* GenerateContentRequest.${where}: must be an object`);
  const text = readString(part, 'text');
  if (text !== undefined) {
    // thought parts echoed back in multi-turn chats are not prompt text the user wrote
    if (readField(part, 'thought') !== true) texts.push(text);
    return;
  }
  const resolution = readRecord(part, 'mediaResolution', 'media_resolution');
  const partResolution = resolution === undefined ? undefined : readMediaResolution(readField(resolution, 'level'), `${where}.mediaResolution.level`);

  const inline = readRecord(part, 'inlineData', 'inline_data');
  if (inline !== undefined) {
    const mimeType = readString(inline, 'mimeType', 'mime_type') ?? '';
    const data = readString(inline, 'data') ?? '';
    addMedia(decodeBase64(data, `${where}.inline_data.data`), mimeType, partResolution, texts, images);
    return;
  }
  const file = readRecord(part, 'fileData', 'file_data');
  if (file !== undefined) {
    const uri = readString(file, 'fileUri', 'file_uri');
    if (uri === undefined) throw invalidArgument(`* GenerateContentRequest.${where}.file_data.file_uri: file_uri is not specified`);
    const stored = context.lookupFile(uri);
    addMedia(stored.bytes, readString(file, 'mimeType', 'mime_type') ?? stored.mimeType, partResolution, texts, images);
    return;
  }
  // function calls, executable code and the like carry no tokens the emulator counts
}

function collectInteractionContent(
  value: unknown,
  where: string,
  texts: string[],
  images: ModelCallImage[],
  context: NormalizeContext,
): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string') {
    texts.push(value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      collectInteractionContent(item, `${where}[${index}]`, texts, images, context);
    });
    return;
  }
  if (!isRecord(value)) throw invalidArgument(`* ${where}: must be a string, an object or a list`);
  const type = readString(value, 'type');
  if (type === 'text') {
    texts.push(readString(value, 'text') ?? '');
    return;
  }
  if (type === 'image') {
    const resolution = readString(value, 'resolution');
    const mediaResolution = resolution === undefined ? undefined : readMediaResolution(resolution, `${where}.resolution`);
    const data = readString(value, 'data');
    const uri = readString(value, 'uri');
    if (data !== undefined) {
      addMedia(decodeBase64(data, `${where}.data`), readString(value, 'mime_type', 'mimeType') ?? '', mediaResolution, texts, images);
    } else if (uri !== undefined) {
      const stored = context.lookupFile(uri);
      addMedia(stored.bytes, readString(value, 'mime_type', 'mimeType') ?? stored.mimeType, mediaResolution, texts, images);
    } else {
      throw invalidArgument(`* ${where}: an image needs \`data\` or \`uri\``);
    }
    return;
  }
  // a step or a turn: { type: 'user_input', content: [...] } or { role, content }
  const content = readField(value, 'content');
  if (content !== undefined) {
    collectInteractionContent(content, `${where}.content`, texts, images, context);
    return;
  }
  if (type !== undefined) throw invalidArgument(`Content type \`${type}\` is not supported by the emulator (${where}).`);
}

function addMedia(
  bytes: Uint8Array,
  declaredMimeType: string,
  mediaResolution: MediaResolution | undefined,
  texts: string[],
  images: ModelCallImage[],
): void {
  const mimeType = declaredMimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mimeType.startsWith('text/') || mimeType === 'application/json') {
    texts.push(new TextDecoder().decode(bytes));
    return;
  }
  if (!mimeType.startsWith('image/')) {
    throw invalidArgument(`Unsupported MIME type: ${mimeType === '' ? '(none)' : mimeType}. The emulator accepts image and text parts.`);
  }
  if (!(SUPPORTED_IMAGE_MIME_TYPES as readonly string[]).includes(mimeType)) {
    throw invalidArgument(`Unsupported MIME type: ${mimeType}`);
  }
  const header = readImageSize(bytes);
  if (header === undefined) {
    throw invalidArgument(
      'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    );
  }
  images.push({ bytes, mimeType, sha256: sha256Hex(bytes), width: header.width, height: header.height, mediaResolution });
}

function checkImageCount(count: number): void {
  if (count > MAX_IMAGES_PER_REQUEST) {
    throw invalidArgument(`The request contains ${count} images; at most ${MAX_IMAGES_PER_REQUEST} are allowed.`);
  }
}

const MEDIA_RESOLUTIONS: Readonly<Record<string, MediaResolution | undefined>> = {
  MEDIA_RESOLUTION_UNSPECIFIED: undefined,
  MEDIA_RESOLUTION_LOW: 'low',
  MEDIA_RESOLUTION_MEDIUM: 'medium',
  MEDIA_RESOLUTION_HIGH: 'high',
  MEDIA_RESOLUTION_ULTRA_HIGH: 'ultra_high',
  low: 'low',
  medium: 'medium',
  high: 'high',
  ultra_high: 'ultra_high',
};

function readMediaResolution(value: unknown, where: string): MediaResolution | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !Object.hasOwn(MEDIA_RESOLUTIONS, value)) {
    throw invalidArgument(`Invalid value at '${where}': ${JSON.stringify(value)}`);
  }
  return MEDIA_RESOLUTIONS[value];
}

function readSchema(config: JsonRecord): ResponseSchema | undefined {
  const jsonSchema = readField(config, 'responseJsonSchema', 'response_json_schema', '_responseJsonSchema');
  if (jsonSchema !== undefined) return { style: 'json-schema', schema: jsonSchema };
  const schema = readField(config, 'responseSchema', 'response_schema');
  if (schema !== undefined) return { style: 'openapi', schema };
  return undefined;
}

function decodeBase64(data: string, where: string): Uint8Array {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(data)) {
    throw invalidArgument(`Invalid value at '${where}' (TYPE_BYTES), Base64 decoding failed`);
  }
  return new Uint8Array(Buffer.from(data, 'base64'));
}

function fingerprint(value: unknown): string {
  return sha256Hex(stringifyCanonically(value)).slice(0, 16);
}
