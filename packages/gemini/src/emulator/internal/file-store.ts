import { fileNotAccessible, GoogleErrorResponse, invalidArgument, failedPrecondition } from './google-error';
import { sha256Hex } from './seeded-random';
import type { EmulatorFile } from '../emulator';

/** A file held by the emulated Files API: what `Emulator.getFile` shows, plus its id. */
export interface StoredFile extends EmulatorFile {
  /** The id, e.g. `abc123`. */
  readonly id: string;
}

/** An open resumable upload. */
interface UploadSession {
  readonly id: string;
  readonly declaredBytes: number | undefined;
  readonly mimeType: string;
  readonly displayName: string | undefined;
  readonly requestedId: string | undefined;
  readonly chunks: Uint8Array[];
  receivedBytes: number;
}

/** What starting an upload needs. */
export interface UploadStart {
  /** `X-Goog-Upload-Header-Content-Length`, when sent. */
  readonly declaredBytes: number | undefined;
  /** `X-Goog-Upload-Header-Content-Type`, else the body's `file.mimeType`. */
  readonly mimeType: string;
  /** `file.displayName` from the body. */
  readonly displayName: string | undefined;
  /** `file.name` from the body (`files/<id>`), when the client picks the id. */
  readonly requestedName: string | undefined;
}

/** The outcome of one upload chunk. */
export type ChunkOutcome =
  | { readonly status: 'active'; readonly receivedBytes: number }
  | { readonly status: 'final'; readonly file: StoredFile };

/** Settings of a {@link FileStore}. */
export interface FileStoreSettings {
  /** The emulator clock. */
  readonly clock: () => number;
  /** How long files live, ms. */
  readonly retentionMs: number;
  /** Largest file, bytes. */
  readonly maxFileBytes: number;
  /** Largest total of live files, bytes. */
  readonly maxProjectBytes: number;
  /** Makes a fresh id. */
  readonly createId: () => string;
}

/** The emulated Files API storage: uploads, expiry and the size limits. */
export interface FileStore {
  /** Opens a resumable upload and returns its id. */
  readonly startUpload: (start: UploadStart) => string;
  /** Whether an upload session is open. */
  readonly hasUpload: (uploadId: string) => boolean;
  /** Adds a chunk at `offset`; with `finalize`, stores the file. */
  readonly appendChunk: (uploadId: string, offset: number, bytes: Uint8Array, finalize: boolean) => ChunkOutcome;
  /** Cancels an upload. */
  readonly cancelUpload: (uploadId: string) => void;
  /** Bytes received so far by an upload. */
  readonly receivedBytes: (uploadId: string) => number;
  /** A live file by id; throws Google's 403 when missing or expired. */
  readonly get: (id: string) => StoredFile;
  /** A live file by id, or `undefined`. */
  readonly find: (id: string) => StoredFile | undefined;
  /** Live files, newest first. */
  readonly list: () => readonly StoredFile[];
  /** Deletes a live file; throws Google's 403 when missing or expired. */
  readonly remove: (id: string) => void;
  /** Stores a file the emulator made (batch results). */
  readonly addGenerated: (id: string, mimeType: string, bytes: Uint8Array, displayName: string | undefined) => StoredFile;
  /** Resolves a `fileData.fileUri` (`files/<id>` or any URL ending in it). */
  readonly resolveReference: (reference: string) => StoredFile;
  /** Bytes held by live files. */
  readonly usedBytes: () => number;
  /** Drops every file and upload. */
  readonly clear: () => void;
}

const FILE_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

/** Creates the file store. */
export function createFileStore(settings: FileStoreSettings): FileStore {
  const files = new Map<string, StoredFile>();
  const uploads = new Map<string, UploadSession>();

  const sweep = (): void => {
    const now = settings.clock();
    for (const [id, file] of files) if (now >= file.expirationTime) files.delete(id);
  };
  const usedBytes = (): number => {
    sweep();
    let total = 0;
    for (const file of files.values()) total += file.bytes.length;
    return total;
  };
  const checkFits = (bytes: number): void => {
    if (bytes > settings.maxFileBytes) {
      throw invalidArgument(`File size ${bytes} bytes exceeds the maximum of ${settings.maxFileBytes} bytes per file.`);
    }
    const used = usedBytes();
    if (used + bytes > settings.maxProjectBytes) {
      throw failedPrecondition(
        `Storing ${bytes} more bytes would exceed the project's file storage quota of ${settings.maxProjectBytes} bytes ` +
          `(${used} bytes in use). Delete files or wait for them to expire.`,
      );
    }
  };
  const store = (file: Omit<StoredFile, 'name' | 'sha256' | 'createTime' | 'expirationTime'>): StoredFile => {
    const createTime = settings.clock();
    const stored: StoredFile = {
      ...file,
      name: `files/${file.id}`,
      sha256: sha256Hex(file.bytes),
      createTime,
      expirationTime: createTime + settings.retentionMs,
    };
    files.set(stored.id, stored);
    return stored;
  };
  const find = (id: string): StoredFile | undefined => {
    sweep();
    return files.get(id);
  };
  const get = (id: string): StoredFile => {
    const file = find(id);
    if (file === undefined) throw fileNotAccessible(id);
    return file;
  };

  return {
    startUpload: (start) => {
      if (start.declaredBytes !== undefined) checkFits(start.declaredBytes);
      let requestedId: string | undefined;
      if (start.requestedName !== undefined) {
        requestedId = start.requestedName.replace(/^files\//, '');
        if (!FILE_ID_PATTERN.test(requestedId)) {
          throw invalidArgument(
            `Invalid file name "${start.requestedName}": ids are up to 40 lower-case letters, digits or dashes.`,
          );
        }
        if (find(requestedId) !== undefined) {
          throw new GoogleErrorResponse({ code: 409, message: `File files/${requestedId} already exists.`, status: 'ALREADY_EXISTS' });
        }
      }
      const id = settings.createId();
      uploads.set(id, { ...start, id, requestedId, chunks: [], receivedBytes: 0 });
      return id;
    },
    hasUpload: (uploadId) => uploads.has(uploadId),
    appendChunk: (uploadId, offset, bytes, finalize) => {
      const session = uploads.get(uploadId);
      if (session === undefined) throw invalidArgument('Unknown or finished upload session.');
      if (offset !== session.receivedBytes) {
        throw invalidArgument(`Upload offset ${offset} does not match the ${session.receivedBytes} bytes received so far.`);
      }
      session.chunks.push(bytes);
      session.receivedBytes += bytes.length;
      checkFits(session.receivedBytes);
      if (!finalize) return { status: 'active', receivedBytes: session.receivedBytes };

      uploads.delete(uploadId);
      if (session.declaredBytes !== undefined && session.declaredBytes !== session.receivedBytes) {
        throw invalidArgument(
          `The upload declared ${session.declaredBytes} bytes (X-Goog-Upload-Header-Content-Length) but sent ${session.receivedBytes}.`,
        );
      }
      const content = new Uint8Array(session.receivedBytes);
      let position = 0;
      for (const chunk of session.chunks) {
        content.set(chunk, position);
        position += chunk.length;
      }
      const file = store({
        id: session.requestedId ?? settings.createId(),
        displayName: session.displayName,
        mimeType: session.mimeType,
        bytes: content,
        source: 'UPLOADED',
      });
      return { status: 'final', file };
    },
    cancelUpload: (uploadId) => {
      uploads.delete(uploadId);
    },
    receivedBytes: (uploadId) => uploads.get(uploadId)?.receivedBytes ?? 0,
    get,
    find,
    list: () => {
      sweep();
      return [...files.values()].reverse();
    },
    remove: (id) => {
      get(id);
      files.delete(id);
    },
    addGenerated: (id, mimeType, bytes, displayName) => {
      checkFits(bytes.length);
      return store({ id, displayName, mimeType, bytes, source: 'GENERATED' });
    },
    resolveReference: (reference) => {
      const match = /(?:^|\/)files\/([a-z0-9-]+)(?::download)?(?:[?#].*)?$/.exec(reference);
      if (match?.[1] === undefined) throw invalidArgument(`Invalid file URI: ${reference.slice(0, 200)}`);
      return get(match[1]);
    },
    usedBytes,
    clear: () => {
      files.clear();
      uploads.clear();
    },
  };
}
