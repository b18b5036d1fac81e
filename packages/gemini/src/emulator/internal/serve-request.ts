import type { IncomingMessage, ServerResponse } from 'node:http';

import type { RecordedRequest } from '../emulator';
import type { EmulatorRoute, FaultSpec } from '../fault-script';
import type { EmulatorContext, HandlerReply, RoutedRequest } from './emulator-context';
import {
  GoogleErrorResponse,
  internalError,
  invalidApiKey,
  invalidArgument,
  missingApiKey,
  notFound,
  resourceExhausted,
  toErrorBody,
  unavailable,
} from './google-error';
import { handleCancelBatch, handleCreateBatch, handleDeleteBatch, handleGetBatch, handleListBatches } from './handle-batch-routes';
import {
  handleDeleteFile,
  handleDownloadFile,
  handleGetFile,
  handleListFiles,
  handleUploadChunk,
  handleUploadStart,
} from './handle-file-routes';
import { handleCreateInteraction, handleDeleteInteraction, handleGetInteraction } from './handle-interaction-routes';
import { handleCountTokens, handleGenerateContent, handleStreamGenerateContent } from './handle-model-routes';
import { isRecord, type JsonRecord, parseJson } from './json-value';
import { type HttpRoute, parseRoute } from './parse-route';
import { summarizeBody } from './summarize-body';

/** A {@link RecordedRequest} the server fills in as it answers. */
export type MutableRecordedRequest = { -readonly [Key in keyof RecordedRequest]: RecordedRequest[Key] };

/** What the request server needs besides the route handlers' context. */
export interface ServeSettings {
  /** The handlers' context. */
  readonly context: EmulatorContext;
  /** Accepted API keys; `undefined`: any non-empty key. */
  readonly apiKeys: ReadonlySet<string> | undefined;
  /** Appends to the request log and returns the new entry's id. */
  readonly record: (entry: Omit<MutableRecordedRequest, 'id'>) => MutableRecordedRequest;
  /** Holds a socket open for a `timeout` fault, destroying it after `ms`. */
  readonly hold: (request: IncomingMessage, ms: number) => void;
}

/** Largest request body read, bytes (inline data may be 100 MB of base64 plus JSON). */
const MAX_BODY_BYTES = 128 * 1024 * 1024;
/** The inline payload limit of model requests since 2026-01-12. */
const MAX_MODEL_REQUEST_BYTES = 100_000_000;
const DEFAULT_TIMEOUT_HOLD_MS = 30_000;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

const MODEL_ROUTES: ReadonlySet<EmulatorRoute> = new Set<EmulatorRoute>([
  'generateContent',
  'streamGenerateContent',
  'countTokens',
  'batchGenerateContent',
  'createInteraction',
]);

const HANDLERS: Readonly<Record<HttpRoute, (request: RoutedRequest, context: EmulatorContext) => HandlerReply>> = {
  generateContent: handleGenerateContent,
  streamGenerateContent: handleStreamGenerateContent,
  countTokens: handleCountTokens,
  batchGenerateContent: handleCreateBatch,
  uploadFile: handleUploadStart,
  uploadChunk: handleUploadChunk,
  getFile: handleGetFile,
  listFiles: handleListFiles,
  deleteFile: handleDeleteFile,
  downloadFile: handleDownloadFile,
  getBatch: handleGetBatch,
  listBatches: handleListBatches,
  cancelBatch: handleCancelBatch,
  deleteBatch: handleDeleteBatch,
  createInteraction: handleCreateInteraction,
  getInteraction: handleGetInteraction,
  deleteInteraction: handleDeleteInteraction,
};

/** Answers one HTTP request: route, authenticate, inject a fault or run the handler, log. */
export async function serveRequest(request: IncomingMessage, response: ServerResponse, settings: ServeSettings): Promise<void> {
  const { context } = settings;
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = (request.method ?? 'GET').toUpperCase();
  const body = await readBody(request);
  const parsed = parseRoute(method, url.pathname, url.searchParams.has('upload_id'));
  const isUploadChunk = parsed?.route === 'uploadChunk';
  const json = body === undefined || body.length === 0 || isUploadChunk ? undefined : asRecord(parseJson(new TextDecoder().decode(body)));

  const entry = settings.record({
    method,
    path: url.pathname,
    query: redactQuery(url.searchParams),
    route: parsed?.route ?? 'unknown',
    apiVersion: parsed?.apiVersion,
    model: parsed?.model,
    headers: redactHeaders(request.headers),
    bodyBytes: body?.length ?? -1,
    body: json === undefined ? undefined : summarizeBody(json),
    time: context.clock(),
    status: 0,
    fault: undefined,
    fixtureId: undefined,
  });

  const send = (reply: HandlerReply, corrupt = false): void => {
    entry.status = reply.kind === 'events' ? 200 : reply.status;
    writeReply(response, reply, corrupt);
  };

  if (body === undefined) {
    send(errorReply(invalidArgument(`Request payload size exceeds the limit: ${MAX_BODY_BYTES} bytes.`)));
    return;
  }
  if (parsed === undefined) {
    send(errorReply(notFound()));
    return;
  }
  if (!isUploadChunk) {
    const keyError = checkApiKey(request, url, settings.apiKeys);
    if (keyError !== undefined) {
      send(errorReply(keyError));
      return;
    }
  }
  if (MODEL_ROUTES.has(parsed.route) && body.length > MAX_MODEL_REQUEST_BYTES) {
    send(errorReply(invalidArgument(`Request payload size exceeds the limit: ${MAX_MODEL_REQUEST_BYTES} bytes.`)));
    return;
  }

  const fault = context.faults.decide({ route: parsed.route, method, path: url.pathname, model: parsed.model, batchKey: undefined });
  if (fault !== undefined) {
    context.countFault(fault.kind);
    entry.fault = fault.kind;
    const early = earlyFault(fault);
    if (early === 'timeout') {
      settings.hold(request, fault.holdMs ?? DEFAULT_TIMEOUT_HOLD_MS);
      return;
    }
    if (early === 'disconnect') {
      request.socket.destroy();
      return;
    }
    if (early !== undefined) {
      send(errorReply(early));
      return;
    }
  }

  const routed: RoutedRequest = {
    route: parsed,
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    body,
    json,
    requestId: entry.id,
    truncate: fault?.kind === 'truncated' && MODEL_ROUTES.has(parsed.route),
    noteFixture: (fixtureId) => {
      entry.fixtureId = fixtureId;
    },
  };
  let reply: HandlerReply;
  try {
    reply = HANDLERS[parsed.route](routed, context);
  } catch (error) {
    if (!(error instanceof GoogleErrorResponse)) throw error;
    reply = errorReply(error);
  }
  const corrupt = fault !== undefined && (fault.kind === 'malformed-json' || (fault.kind === 'truncated' && !routed.truncate));
  send(reply, corrupt && reply.kind !== 'bytes' && (reply.kind === 'events' || reply.status < 400));
}

type EarlyFault = GoogleErrorResponse | 'timeout' | 'disconnect' | undefined;

function earlyFault(fault: FaultSpec): EarlyFault {
  switch (fault.kind) {
    case '429':
      return resourceExhausted(fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
    case '500':
      return internalError();
    case '503':
      return unavailable();
    case 'timeout':
    case 'disconnect':
      return fault.kind;
    case 'malformed-json':
    case 'truncated':
      return undefined;
  }
}

function checkApiKey(request: IncomingMessage, url: URL, apiKeys: ReadonlySet<string> | undefined): GoogleErrorResponse | undefined {
  const header = request.headers['x-goog-api-key'];
  const key = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('key') ?? '';
  if (key.trim() === '') return missingApiKey();
  if (apiKeys !== undefined && !apiKeys.has(key)) return invalidApiKey();
  return undefined;
}

function errorReply(error: GoogleErrorResponse): HandlerReply {
  return { kind: 'json', status: error.error.code, body: toErrorBody(error.error), headers: error.headers };
}

/** Writes a reply; `corrupt` cuts the JSON (or the second stream event) in half. */
function writeReply(response: ServerResponse, reply: HandlerReply, corrupt: boolean): void {
  if (response.destroyed) return;
  switch (reply.kind) {
    case 'json': {
      const text = JSON.stringify(reply.body);
      response.writeHead(reply.status, { ...reply.headers, 'content-type': 'application/json; charset=UTF-8' });
      response.end(corrupt ? cutInHalf(text) : text);
      return;
    }
    case 'bytes':
      response.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': String(reply.body.length) });
      response.end(reply.body);
      return;
    case 'events': {
      const texts = reply.events.map((event) => JSON.stringify(event));
      if (reply.sse) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const cutAt = corrupt ? Math.min(1, texts.length - 1) : -1;
        for (const [index, text] of texts.entries()) {
          if (index === cutAt) {
            response.write(`data: ${cutInHalf(text)}\r\n\r\n`);
            break;
          }
          response.write(`data: ${text}\r\n\r\n`);
        }
        response.end();
        return;
      }
      const array = `[${texts.join(',\r\n')}]`;
      response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(corrupt ? cutInHalf(array) : array);
      return;
    }
  }
}

function cutInHalf(text: string): string {
  return text.length < 4 ? '{"' : text.slice(0, Math.floor(text.length / 2));
}

/** Reads the body, or `undefined` past {@link MAX_BODY_BYTES}. */
async function readBody(request: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  const joined = Buffer.concat(chunks);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}

function asRecord(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

function redactHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    copy[name] = name === 'x-goog-api-key' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return copy;
}

function redactQuery(parameters: URLSearchParams): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of parameters) copy[name] = name === 'key' ? '[redacted]' : value;
  return copy;
}
