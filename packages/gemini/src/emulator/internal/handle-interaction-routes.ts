import { answerModelCall } from './answer-model-call';
import { type EmulatorContext, formatTime, type HandlerReply, jsonReply, type RoutedRequest } from './emulator-context';
import { billAnswer, normalizeContextFor, requireJson } from './handle-model-routes';
import { invalidArgument, notFound } from './google-error';
import { readField } from './json-value';
import { normalizeInteractionRequest } from './model-call';

/**
 * `POST interactions` (the Interactions API, snake_case bodies): answers at once with
 * `status: 'completed'` (`'incomplete'` when truncated), one `model_output` step and snake_case
 * `usage`. `background: true` also completes at once; `stream: true` is not emulated (400).
 */
export function handleCreateInteraction(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const body = requireJson(request);
  if (readField(body, 'stream') === true) throw invalidArgument('Streaming interactions are not supported by the emulator.');
  const call = normalizeInteractionRequest(body, normalizeContextFor(request, context, 'createInteraction'));
  const answer = answerModelCall(call, context.fixtures(), request.truncate);
  if (answer.fixtureId !== undefined) request.noteFixture(answer.fixtureId);
  billAnswer(request, context, call, answer, 'createInteraction');

  const usage = answer.usage;
  const byModality = usage.promptTokensDetails.map((detail) => ({ modality: detail.modality.toLowerCase(), tokens: detail.tokenCount }));
  const now = formatTime(context.clock());
  const interaction = {
    id: `interaction-${context.createId()}`,
    model: call.model,
    status: answer.truncated ? 'incomplete' : 'completed',
    role: 'model',
    created: now,
    updated: now,
    steps: [{ type: 'model_output', content: [{ type: 'text', text: answer.text }] }],
    usage: {
      total_input_tokens: usage.promptTokenCount,
      input_tokens_by_modality: byModality,
      total_output_tokens: usage.candidatesTokenCount,
      output_tokens_by_modality: [{ modality: 'text', tokens: usage.candidatesTokenCount }],
      total_thought_tokens: usage.thoughtsTokenCount,
      total_tokens: usage.totalTokenCount,
    },
  };
  context.interactions.set(interaction.id, interaction);
  return jsonReply(interaction);
}

/** `GET interactions/{id}`. */
export function handleGetInteraction(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const interaction = context.interactions.get(request.route.interactionId ?? '');
  if (interaction === undefined) throw notFound();
  return jsonReply(interaction);
}

/** `DELETE interactions/{id}`. */
export function handleDeleteInteraction(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  if (!context.interactions.delete(request.route.interactionId ?? '')) throw notFound();
  return jsonReply({});
}
