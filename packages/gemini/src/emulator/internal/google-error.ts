/** The canonical Google RPC status names the emulator answers with. */
export type GoogleStatus =
  | 'INVALID_ARGUMENT'
  | 'FAILED_PRECONDITION'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'UNIMPLEMENTED'
  | 'DEADLINE_EXCEEDED';

/** A Google API error: the value of the `error` field of an error body. */
export interface GoogleError {
  /** HTTP status code, e.g. `429`. */
  readonly code: number;
  /** Human-readable message, worded like Google's. */
  readonly message: string;
  /** Canonical status name. */
  readonly status: GoogleStatus;
  /** `google.rpc` detail objects (`RetryInfo`, `ErrorInfo`, …). */
  readonly details?: readonly Readonly<Record<string, unknown>>[];
}

/** A thrown Google error: request handlers throw it and the server turns it into a JSON reply. */
export class GoogleErrorResponse extends Error {
  override readonly name = 'GoogleErrorResponse';

  /** The error body's `error` field. */
  readonly error: GoogleError;

  /** Extra response headers, e.g. `retry-after`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(error: GoogleError, headers: Readonly<Record<string, string>> = {}) {
    super(error.message);
    this.error = error;
    this.headers = headers;
  }
}

/** Builds the wire body `{ error: { code, message, status, details? } }`. */
export function toErrorBody(error: GoogleError): { readonly error: GoogleError } {
  return { error };
}

/** 400 INVALID_ARGUMENT. */
export function invalidArgument(message: string): GoogleErrorResponse {
  return new GoogleErrorResponse({ code: 400, message, status: 'INVALID_ARGUMENT' });
}

/** 400 FAILED_PRECONDITION. */
export function failedPrecondition(message: string): GoogleErrorResponse {
  return new GoogleErrorResponse({ code: 400, message, status: 'FAILED_PRECONDITION' });
}

/** 404 NOT_FOUND with Google's generic message. */
export function notFound(message = 'Requested entity was not found.'): GoogleErrorResponse {
  return new GoogleErrorResponse({ code: 404, message, status: 'NOT_FOUND' });
}

/** What Google answers for a file that does not exist, was deleted or expired (a 403, not a 404). */
export function fileNotAccessible(fileId: string): GoogleErrorResponse {
  return new GoogleErrorResponse({
    code: 403,
    message: `You do not have permission to access the File ${fileId} or it may not exist.`,
    status: 'PERMISSION_DENIED',
  });
}

/** What Google answers for a model id it does not serve. */
export function modelNotFound(model: string, apiVersion: string, method: string): GoogleErrorResponse {
  return notFound(
    `models/${model} is not found for API version ${apiVersion}, or is not supported for ${method}. ` +
      'Call ListModels to see the list of available models and their supported methods.',
  );
}

/** What Google answers when no API key (nor other identity) came with the request. */
export function missingApiKey(): GoogleErrorResponse {
  return new GoogleErrorResponse({
    code: 403,
    message:
      "Method doesn't allow unregistered callers (callers without established identity). " +
      'Please use API Key or other form of API consumer identity to call this API.',
    status: 'PERMISSION_DENIED',
  });
}

/** What Google answers for a key it does not know (a 400 with reason `API_KEY_INVALID`). */
export function invalidApiKey(): GoogleErrorResponse {
  return new GoogleErrorResponse({
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
    ],
  });
}

/** 429 RESOURCE_EXHAUSTED with a `RetryInfo` detail and a `Retry-After` header. */
export function resourceExhausted(retryAfterSeconds: number): GoogleErrorResponse {
  return new GoogleErrorResponse(
    {
      code: 429,
      message:
        'You exceeded your current quota, please check your plan and billing details. ' +
        'For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
      status: 'RESOURCE_EXHAUSTED',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterSeconds}s` },
      ],
    },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** 500 INTERNAL. */
export function internalError(): GoogleErrorResponse {
  return new GoogleErrorResponse({
    code: 500,
    message:
      'An internal error has occurred. Please retry or report in ' +
      'https://developers.generativeai.google/guide/troubleshooting',
    status: 'INTERNAL',
  });
}

/** 503 UNAVAILABLE. */
export function unavailable(): GoogleErrorResponse {
  return new GoogleErrorResponse({
    code: 503,
    message: 'The model is overloaded. Please try again later.',
    status: 'UNAVAILABLE',
  });
}
