import { answerModelCall, buildGenerateContentResponse, buildStreamChunks, type ModelAnswer } from './answer-model-call';
import { countPromptTokens } from './count-usage';
import { type EmulatorContext, type HandlerReply, jsonReply, type RoutedRequest } from './emulator-context';
import { invalidArgument } from './google-error';
import type { JsonRecord } from './json-value';
import { readRecord } from './json-value';
import { type ModelCall, type NormalizeContext, normalizeGenerateContentRequest } from './model-call';

/** The context a model call needs to resolve files and word its errors. */
export function normalizeContextFor(request: RoutedRequest, context: EmulatorContext, method: string): NormalizeContext {
  return {
    apiVersion: request.route.apiVersion,
    method,
    lookupFile: (reference) => context.files.resolveReference(reference),
  };
}

/** `POST models/{model}:generateContent`. */
export function handleGenerateContent(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const { call, answer } = answerRequest(request, context, 'generateContent');
  const responseId = context.createId();
  billAnswer(request, context, call, answer, 'generateContent');
  return jsonReply(buildGenerateContentResponse(answer, call.model, responseId));
}

/** `POST models/{model}:streamGenerateContent` (`?alt=sse` for server-sent events, else a JSON array). */
export function handleStreamGenerateContent(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const { call, answer } = answerRequest(request, context, 'streamGenerateContent');
  const responseId = context.createId();
  billAnswer(request, context, call, answer, 'streamGenerateContent');
  return { kind: 'events', events: buildStreamChunks(answer, call.model, responseId), sse: request.query.get('alt') === 'sse' };
}

/**
 * `POST models/{model}:countTokens`: what `countTokens` reports, i.e. core's `count-tokens`
 * accounting, plus one token when the contents hold no text at all (Google's "empty prompt"
 * token, seen on 2.x and 3.x; it is not in the modality breakdown). Free: nothing is billed.
 * Accepts `{ contents }` or `{ generateContentRequest }`.
 */
export function handleCountTokens(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const body = requireJson(request);
  const wrapped = readRecord(body, 'generateContentRequest', 'generate_content_request');
  const call = normalizeGenerateContentRequest(request.route.model ?? '', wrapped ?? body, normalizeContextFor(request, context, 'countTokens'));
  const prompt = countPromptTokens(call, 'count-tokens');
  const emptyPromptToken = prompt.textTokens === 0 ? 1 : 0;
  return jsonReply({ totalTokens: prompt.promptTokenCount + emptyPromptToken, promptTokensDetails: prompt.details });
}

/** The body as a JSON object, or Google's 400 for a missing or unparsable one. */
export function requireJson(request: RoutedRequest): JsonRecord {
  if (request.json === undefined) {
    throw invalidArgument(
      request.body.length === 0 ? 'Request body is missing.' : 'Invalid JSON payload received. Unexpected token.',
    );
  }
  return request.json;
}

function answerRequest(request: RoutedRequest, context: EmulatorContext, method: string): { call: ModelCall; answer: ModelAnswer } {
  const call = normalizeGenerateContentRequest(request.route.model ?? '', requireJson(request), normalizeContextFor(request, context, method));
  const result = answerModelCall(call, context.fixtures(), request.truncate);
  if (result.fixtureId !== undefined) request.noteFixture(result.fixtureId);
  return { call, answer: result };
}

/** Bills an answered call at standard rates. */
export function billAnswer(
  request: RoutedRequest,
  context: EmulatorContext,
  call: ModelCall,
  answer: ModelAnswer,
  route: 'generateContent' | 'streamGenerateContent' | 'createInteraction',
): void {
  context.bill({
    requestId: request.requestId,
    route,
    fingerprint: call.fingerprint,
    model: call.resolved.id,
    pricing: 'standard',
    promptTokenCount: answer.usage.promptTokenCount,
    candidatesTokenCount: answer.usage.candidatesTokenCount,
    thoughtsTokenCount: answer.usage.thoughtsTokenCount,
    totalTokenCount: answer.usage.totalTokenCount,
    batchName: undefined,
    batchKey: undefined,
    truncated: answer.truncated,
  });
}
