import { type EmulatorContext, formatTime, type HandlerReply, jsonReply, type RoutedRequest } from './emulator-context';
import type { StoredFile } from './file-store';
import { invalidArgument, notFound } from './google-error';
import { readRecord, readString } from './json-value';

const UPLOAD_CHUNK_GRANULARITY = 262_144;

/** The File resource as the API returns it. */
export function toFileResource(file: StoredFile, baseUrl: string, apiVersion: string): Record<string, unknown> {
  const uri = `${baseUrl}/${apiVersion}/${file.name}`;
  return {
    name: file.name,
    ...(file.displayName === undefined ? {} : { displayName: file.displayName }),
    mimeType: file.mimeType,
    sizeBytes: String(file.bytes.length),
    createTime: formatTime(file.createTime),
    updateTime: formatTime(file.createTime),
    expirationTime: formatTime(file.expirationTime),
    sha256Hash: Buffer.from(file.sha256).toString('base64'),
    uri,
    downloadUri: `${uri}:download?alt=media`,
    state: 'ACTIVE',
    source: file.source,
  };
}

/**
 * `POST /upload/{v}/files` with `X-Goog-Upload-Protocol: resumable` and
 * `X-Goog-Upload-Command: start`: opens a session and answers its URL in `x-goog-upload-url`.
 * The declared size (`X-Goog-Upload-Header-Content-Length`) is checked against the 2 GB per-file
 * and 20 GB per-project limits here, before any byte is sent.
 */
export function handleUploadStart(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const protocol = header(request, 'x-goog-upload-protocol')?.toLowerCase();
  const command = header(request, 'x-goog-upload-command')?.toLowerCase();
  if (protocol !== 'resumable' || command !== 'start') {
    throw invalidArgument(
      'The emulator supports resumable uploads only: send X-Goog-Upload-Protocol: resumable and X-Goog-Upload-Command: start.',
    );
  }
  const file = request.json === undefined ? undefined : readRecord(request.json, 'file');
  const declared = header(request, 'x-goog-upload-header-content-length') ?? (file === undefined ? undefined : readString(file, 'sizeBytes', 'size_bytes'));
  const declaredBytes = declared === undefined ? undefined : Number(declared);
  if (declaredBytes !== undefined && !(Number.isSafeInteger(declaredBytes) && declaredBytes >= 0)) {
    throw invalidArgument(`Invalid X-Goog-Upload-Header-Content-Length: ${String(declared)}`);
  }
  const uploadId = context.files.startUpload({
    declaredBytes,
    mimeType:
      header(request, 'x-goog-upload-header-content-type') ??
      (file === undefined ? undefined : readString(file, 'mimeType', 'mime_type')) ??
      'application/octet-stream',
    displayName: file === undefined ? undefined : readString(file, 'displayName', 'display_name'),
    requestedName: file === undefined ? undefined : readString(file, 'name'),
  });
  const uploadUrl = `${context.baseUrl()}/upload/${request.route.apiVersion}/files?upload_id=${uploadId}&upload_protocol=resumable`;
  return jsonReply(
    {},
    {
      'x-goog-upload-url': uploadUrl,
      'x-goog-upload-control-url': uploadUrl,
      'x-goog-upload-status': 'active',
      'x-goog-upload-chunk-granularity': String(UPLOAD_CHUNK_GRANULARITY),
    },
  );
}

/**
 * `POST /upload/{v}/files?upload_id=…`: `upload` adds bytes at `X-Goog-Upload-Offset`
 * (`x-goog-upload-status: active`), `upload, finalize` adds the last bytes and stores the file
 * (`final`, body `{ file }`), `query` reports the bytes received, `cancel` drops the session.
 * Like Google's, the session id is the credential: no API key is needed.
 */
export function handleUploadChunk(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const uploadId = request.query.get('upload_id') ?? '';
  if (!context.files.hasUpload(uploadId)) throw notFound('Upload session not found or already finalized.');
  const commands = (header(request, 'x-goog-upload-command') ?? '').toLowerCase().split(',').map((part) => part.trim());
  if (commands.includes('query')) {
    return jsonReply({}, { 'x-goog-upload-status': 'active', 'x-goog-upload-size-received': String(context.files.receivedBytes(uploadId)) });
  }
  if (commands.includes('cancel')) {
    context.files.cancelUpload(uploadId);
    return jsonReply({}, { 'x-goog-upload-status': 'cancelled' });
  }
  if (!commands.includes('upload') && !commands.includes('finalize')) {
    throw invalidArgument('X-Goog-Upload-Command must be upload, "upload, finalize", finalize, query or cancel.');
  }
  const offset = Number(header(request, 'x-goog-upload-offset') ?? context.files.receivedBytes(uploadId));
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalidArgument('Invalid X-Goog-Upload-Offset.');
  const bytes = commands.includes('upload') ? request.body : new Uint8Array(0);
  const outcome = context.files.appendChunk(uploadId, offset, bytes, commands.includes('finalize'));
  if (outcome.status === 'active') {
    return jsonReply({}, { 'x-goog-upload-status': 'active', 'x-goog-upload-size-received': String(outcome.receivedBytes) });
  }
  return jsonReply(
    { file: toFileResource(outcome.file, context.baseUrl(), request.route.apiVersion) },
    { 'x-goog-upload-status': 'final' },
  );
}

/** `GET files/{id}`. */
export function handleGetFile(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  return jsonReply(toFileResource(context.files.get(request.route.fileId ?? ''), context.baseUrl(), request.route.apiVersion));
}

/** `GET files?pageSize&pageToken`: live files, newest first (10 per page by default, at most 100). */
export function handleListFiles(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const page = readPage(request, context.files.list(), 10);
  return jsonReply({
    files: page.items.map((file) => toFileResource(file, context.baseUrl(), request.route.apiVersion)),
    ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
  });
}

/** `DELETE files/{id}`. */
export function handleDeleteFile(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  context.files.remove(request.route.fileId ?? '');
  return jsonReply({});
}

/**
 * `GET files/{id}:download?alt=media`: the raw bytes. Like the real API, only files the service
 * generated (batch results) can be downloaded; uploaded files answer 400.
 */
export function handleDownloadFile(request: RoutedRequest, context: EmulatorContext): HandlerReply {
  const file = context.files.get(request.route.fileId ?? '');
  if (file.source !== 'GENERATED') {
    throw invalidArgument(`Cannot download ${file.name}: only files generated by the API (such as batch results) can be downloaded.`);
  }
  return { kind: 'bytes', status: 200, body: file.bytes, contentType: file.mimeType };
}

/** One page of a list, with `pageSize` (capped at 100) and an offset `pageToken`. */
export function readPage<T>(request: RoutedRequest, all: readonly T[], defaultSize: number): { items: readonly T[]; nextPageToken: string | undefined } {
  const sizeParameter = Number(request.query.get('pageSize') ?? request.query.get('page_size') ?? defaultSize);
  const size = Number.isInteger(sizeParameter) && sizeParameter > 0 ? Math.min(sizeParameter, 100) : defaultSize;
  const token = request.query.get('pageToken') ?? request.query.get('page_token') ?? '';
  const start = token === '' ? 0 : Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10);
  if (!Number.isInteger(start) || start < 0) throw invalidArgument('Invalid page token.');
  const end = start + size;
  return {
    items: all.slice(start, end),
    nextPageToken: end < all.length ? Buffer.from(String(end)).toString('base64url') : undefined,
  };
}

function header(request: RoutedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
