import type { FaultSpec } from '../fault-script';
import { answerModelCall, buildGenerateContentResponse } from './answer-model-call';
import { advanceBatch, type BatchItem, type BatchResult, finishBatch, isTerminalBatchState, type StoredBatch } from './batch-store';
import { type EmulatorContext, formatTime, type HandlerReply, jsonReply, type RoutedRequest } from './emulator-context';
import { readPage } from './handle-file-routes';
import { requireJson } from './handle-model-routes';
import {
  failedPrecondition,
  type GoogleError,
  GoogleErrorResponse,
  internalError,
  invalidArgument,
  notFound,
  resourceExhausted,
  unavailable,
} from './google-error';
import { isRecord, type JsonRecord, parseJson, readArray, readRecord, readString } from './json-value';
import { normalizeGenerateContentRequest, resolveRequestModel } from './model-call';

const BATCH_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch';
const BATCH_OUTPUT_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput';

/** gRPC canonical codes, which `google.rpc.Status` objects inside batch results carry. */
const GRPC_CODES: Readonly<Record<string, number>> = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
};

/**
 * `POST models/{model}:batchGenerateContent` with inline requests
 * (`batch.inputConfig.requests.requests[]`, each `{ request, metadata: { key } }`) or a JSONL
 * file (`batch.inputConfig.fileName`, lines `{ key, request }`). The batch starts PENDING.
 */
export function handleCreateBatch(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const model = request.route.model ?? '';
  resolveRequestModel(model, { apiVersion: request.route.apiVersion, method: 'batchGenerateContent' });
  const batch = readRecord(requireJson(request), 'batch');
  if (batch === undefined) throw invalidArgument('* batch: batch is not specified');
  const input = readRecord(batch, 'inputConfig', 'input_config');
  const fileName = input === undefined ? undefined : readString(input, 'fileName', 'file_name');
  const requests = input === undefined ? undefined : readRecord(input, 'requests');
  let items: BatchItem[];
  if (fileName !== undefined) {
    const file = context.files.resolveReference(fileName);
    items = readJsonLines(new TextDecoder().decode(file.bytes));
  } else if (requests !== undefined) {
    items = (readArray(requests, 'requests') ?? []).map(readInlineItem);
  } else {
    throw invalidArgument('* batch.input_config: either requests or file_name must be set');
  }
  if (items.length === 0) throw invalidArgument('* batch.input_config: the batch has no requests');

  const id = context.createId();
  const now = context.clock();
  const stored: StoredBatch = {
    id,
    name: `batches/${id}`,
    model,
    displayName: readString(batch, 'displayName', 'display_name'),
    input: fileName === undefined ? 'inline' : 'file',
    inputFileName: fileName === undefined ? undefined : `files/${context.files.resolveReference(fileName).id}`,
    items,
    apiVersion: request.route.apiVersion,
    createTime: now,
    state: 'BATCH_STATE_PENDING',
    stateEnteredAt: now,
    pollsInState: 0,
    updateTime: now,
    endTime: undefined,
    results: undefined,
    responsesFile: undefined,
  };
  context.batches.set(id, stored);
  return jsonReply(toBatchResource(stored));
}

/** `GET batches/{id}`: one poll, which may advance the batch. */
export function handleGetBatch(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const batch = findBatch(request, context);
  advanceBatch(batch, context.batchTiming, true, (done) => {
    completeBatch(done, context);
  });
  return jsonReply(toBatchResource(batch));
}

/** `GET batches?pageSize&pageToken`: newest first, as `{ operations, nextPageToken }`. */
export function handleListBatches(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const all = [...context.batches.values()].reverse();
  for (const batch of all) advanceStored(batch, context);
  const page = readPage(request, all, 10);
  return jsonReply({
    operations: page.items.map(toBatchResource),
    ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
  });
}

/** `POST batches/{id}:cancel`: a pending or running batch becomes CANCELLED. */
export function handleCancelBatch(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const batch = findBatch(request, context);
  advanceStored(batch, context);
  if (isTerminalBatchState(batch.state)) {
    throw failedPrecondition(`Batch ${batch.name} has already ended (${batch.state}) and cannot be cancelled.`);
  }
  finishBatch(batch, 'BATCH_STATE_CANCELLED', context.clock());
  return jsonReply({});
}

/** `DELETE batches/{id}`. */
export function handleDeleteBatch(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const batch = findBatch(request, context);
  context.batches.delete(batch.id);
  return jsonReply({});
}

/** Applies time-based transitions (not a poll). */
export function advanceStored(batch: StoredBatch, context: EmulatorContext): void {
  advanceBatch(batch, context.batchTiming, false, (done) => {
    completeBatch(done, context);
  });
}

/**
 * Computes a succeeded batch's results: each request is answered like a generateContent call and
 * billed at Batch API rates; a `batchItem` fault (or an unusable request) gives that key an
 * `error` instead. File input gets a generated JSONL results file.
 */
export function completeBatch(batch: StoredBatch, context: EmulatorContext): void {
  const results = batch.items.map((item): BatchResult => {
    const fault = context.faults.decide({
      route: 'batchItem',
      method: 'BATCH',
      path: `/${batch.apiVersion}/${batch.name}`,
      model: batch.model,
      batchKey: item.key,
    });
    if (fault !== undefined) context.countFault(fault.kind);
    if (item.inputError !== undefined) return { key: item.key, response: undefined, error: item.inputError };
    const failure = fault === undefined ? undefined : itemFailure(fault);
    if (failure !== undefined) return { key: item.key, response: undefined, error: failure };
    try {
      const itemModel = readString(item.request ?? {}, 'model')?.replace(/^models\//, '') ?? batch.model;
      const call = normalizeGenerateContentRequest(itemModel, item.request ?? {}, {
        apiVersion: batch.apiVersion,
        method: 'batchGenerateContent',
        lookupFile: (reference) => context.files.resolveReference(reference),
      });
      const answer = answerModelCall(call, context.fixtures(), fault?.kind === 'truncated');
      context.bill({
        requestId: undefined,
        route: 'batchItem',
        fingerprint: call.fingerprint,
        model: call.resolved.id,
        pricing: 'batch',
        promptTokenCount: answer.usage.promptTokenCount,
        candidatesTokenCount: answer.usage.candidatesTokenCount,
        thoughtsTokenCount: answer.usage.thoughtsTokenCount,
        totalTokenCount: answer.usage.totalTokenCount,
        batchName: batch.name,
        batchKey: item.key,
        truncated: answer.truncated,
      });
      return { key: item.key, response: buildGenerateContentResponse(answer, call.model, context.createId()), error: undefined };
    } catch (error) {
      if (error instanceof GoogleErrorResponse) return { key: item.key, response: undefined, error: error.error };
      throw error;
    }
  });
  batch.results = results;
  if (batch.input === 'file') {
    const lines = results.map((result) =>
      JSON.stringify({
        ...(result.key === undefined ? {} : { key: result.key }),
        ...(result.response === undefined ? {} : { response: result.response }),
        ...(result.error === undefined ? {} : { error: toStatus(result.error) }),
      }),
    );
    const file = context.files.addGenerated(
      `batch-${batch.id}`,
      'application/jsonl',
      new TextEncoder().encode(`${lines.join('\n')}\n`),
      `${batch.displayName ?? batch.name} results`,
    );
    batch.responsesFile = file.name;
  }
}

/** The batch (an Operation whose `metadata` is the GenerateContentBatch) as the API returns it. */
export function toBatchResource(batch: StoredBatch): Record<string, unknown> {
  const output = batchOutput(batch);
  const failed = batch.results?.filter((result) => result.error !== undefined).length ?? 0;
  const succeeded = batch.results === undefined ? 0 : batch.results.length - failed;
  const done = isTerminalBatchState(batch.state);
  return {
    name: batch.name,
    metadata: {
      '@type': BATCH_TYPE,
      name: batch.name,
      model: `models/${batch.model}`,
      ...(batch.displayName === undefined ? {} : { displayName: batch.displayName }),
      ...(batch.inputFileName === undefined ? {} : { inputConfig: { fileName: batch.inputFileName } }),
      createTime: formatTime(batch.createTime),
      updateTime: formatTime(batch.updateTime),
      ...(batch.endTime === undefined ? {} : { endTime: formatTime(batch.endTime) }),
      batchStats: {
        requestCount: String(batch.items.length),
        ...(batch.results === undefined
          ? done
            ? {}
            : { pendingRequestCount: String(batch.items.length) }
          : { successfulRequestCount: String(succeeded), failedRequestCount: String(failed) }),
      },
      state: batch.state,
      ...(output === undefined ? {} : { output }),
    },
    done,
    ...(output === undefined ? {} : { response: { '@type': BATCH_OUTPUT_TYPE, ...output } }),
    ...(batch.state === 'BATCH_STATE_FAILED' ? { error: { code: 13, message: 'The batch failed.' } } : {}),
  };
}

function batchOutput(batch: StoredBatch): Record<string, unknown> | undefined {
  if (batch.results === undefined) return undefined;
  if (batch.responsesFile !== undefined) return { responsesFile: batch.responsesFile };
  return {
    inlinedResponses: {
      inlinedResponses: batch.results.map((result) => ({
        ...(result.response === undefined ? {} : { response: result.response }),
        ...(result.error === undefined ? {} : { error: toStatus(result.error) }),
        ...(result.key === undefined ? {} : { metadata: { key: result.key } }),
      })),
    },
  };
}

function findBatch(request: RoutedRequest, context: EmulatorContext): StoredBatch {
  const batch = context.batches.get(request.route.batchId ?? '');
  if (batch === undefined) throw notFound();
  return batch;
}

function readInlineItem(entry: unknown, index: number): BatchItem {
  if (!isRecord(entry)) return unusable(undefined, `* batch.input_config.requests.requests[${index}]: must be an object`);
  const metadata = readRecord(entry, 'metadata');
  const key = metadata === undefined ? undefined : readString(metadata, 'key');
  const request = readRecord(entry, 'request');
  if (request === undefined) return unusable(key, `* batch.input_config.requests.requests[${index}].request: request is not specified`);
  return { key, request, inputError: undefined };
}

function readJsonLines(text: string): BatchItem[] {
  const items: BatchItem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (!isRecord(parsed)) {
      items.push(unusable(undefined, `Line ${index + 1} of the input file is not a JSON object.`));
      return;
    }
    const key = readString(parsed, 'key');
    const request = readRecord(parsed, 'request');
    items.push(request === undefined ? unusable(key, `Line ${index + 1} of the input file has no \`request\`.`) : { key, request, inputError: undefined });
  });
  return items;
}

function unusable(key: string | undefined, message: string): BatchItem {
  return { key, request: undefined, inputError: invalidArgument(message).error };
}

function itemFailure(fault: FaultSpec): GoogleError | undefined {
  switch (fault.kind) {
    case '429':
      return resourceExhausted(fault.retryAfterSeconds ?? 1).error;
    case '503':
      return unavailable().error;
    case 'timeout':
      return { code: 504, message: 'Deadline expired before operation could complete.', status: 'DEADLINE_EXCEEDED' };
    case '500':
    case 'disconnect':
    case 'malformed-json':
      return internalError().error;
    case 'truncated':
      return undefined;
  }
}

function toStatus(error: GoogleError): JsonRecord {
  return { code: GRPC_CODES[error.status] ?? 2, message: error.message, status: error.status };
}
