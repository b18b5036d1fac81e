import { FILES_API_RETENTION_HOURS } from '@gemini-vision/core';

import type { StoredFile } from '../api/create-gemini-api';

/** An upload and whether it was reused. */
export interface CachedUpload {
  /** The stored file. */
  readonly file: StoredFile;
  /** `true` when an earlier upload of the same bytes was returned. */
  readonly reused: boolean;
}

/** Files API uploads of one instance, keyed by the SHA-256 of their bytes. */
export interface UploadCache {
  /**
   * Returns the upload of bytes with this hash, running `upload` only when there is none yet
   * (or it is about to expire). Concurrent calls for the same hash share one upload; a failed
   * upload is forgotten so a later call tries again.
   */
  readonly getOrUpload: (sha256: string, upload: () => Promise<StoredFile>) => Promise<CachedUpload>;
  /** How many distinct uploads are cached. */
  readonly size: () => number;
}

/** Uploads older than this are not reused: the Files API deletes files after 48 h. */
const REUSE_LIMIT_MS = (FILES_API_RETENTION_HOURS - 1) * 3_600_000;

/** Creates an empty {@link UploadCache}. */
export function createUploadCache(now: () => number = Date.now): UploadCache {
  const entries = new Map<string, { readonly promise: Promise<StoredFile>; readonly createdAt: number }>();
  return {
    getOrUpload: async (sha256, upload) => {
      const existing = entries.get(sha256);
      if (existing !== undefined && now() - existing.createdAt < REUSE_LIMIT_MS) {
        return { file: await existing.promise, reused: true };
      }
      const promise = upload();
      entries.set(sha256, { promise, createdAt: now() });
      try {
        return { file: await promise, reused: false };
      } catch (error) {
        if (entries.get(sha256)?.promise === promise) entries.delete(sha256);
        throw error;
      }
    },
    size: () => entries.size,
  };
}
