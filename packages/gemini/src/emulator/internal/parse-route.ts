import type { EmulatorRoute } from '../fault-script';

/** The routes that are HTTP endpoints (all but `batchItem`). */
export type HttpRoute = Exclude<EmulatorRoute, 'batchItem'>;

/** A request path understood as one of the emulator's routes. */
export interface ParsedRoute {
  /** The route. */
  readonly route: HttpRoute;
  /** `v1beta`, `v1`, … as called. */
  readonly apiVersion: string;
  /** The model id without `models/`, for model routes. */
  readonly model?: string;
  /** The file id, for file routes. */
  readonly fileId?: string;
  /** The batch id, for batch routes. */
  readonly batchId?: string;
  /** The interaction id, for interaction routes. */
  readonly interactionId?: string;
}

const VERSIONED_PATH = /^\/(upload\/)?(v1|v1beta|v1alpha|v1main)\/(.+)$/;

/**
 * Maps a method and path to a route, or `undefined` for paths the emulator does not serve. Works
 * for every API version prefix, since `@google/genai` 2.x calls `/v1beta/…` and 3.x `/v1/…`.
 */
export function parseRoute(method: string, pathname: string, hasUploadId: boolean): ParsedRoute | undefined {
  const match = VERSIONED_PATH.exec(pathname);
  if (match === null) return undefined;
  const upload = match[1] !== undefined;
  const apiVersion = match[2] ?? 'v1beta';
  let rest: string;
  try {
    rest = decodeURIComponent(match[3] ?? '');
  } catch {
    return undefined;
  }

  if (upload) {
    if (method === 'POST' && rest === 'files') return { route: hasUploadId ? 'uploadChunk' : 'uploadFile', apiVersion };
    return undefined;
  }

  const model = /^models\/([^/:]+):(generateContent|streamGenerateContent|countTokens|batchGenerateContent)$/.exec(rest);
  if (model?.[1] !== undefined && method === 'POST') {
    return { route: model[2] as HttpRoute, apiVersion, model: model[1] };
  }

  if (rest === 'files' && method === 'GET') return { route: 'listFiles', apiVersion };
  const file = /^files\/([^/:]+)(:download)?$/.exec(rest);
  if (file?.[1] !== undefined) {
    const fileId = file[1];
    if (file[2] !== undefined) return method === 'GET' ? { route: 'downloadFile', apiVersion, fileId } : undefined;
    if (method === 'GET') return { route: 'getFile', apiVersion, fileId };
    if (method === 'DELETE') return { route: 'deleteFile', apiVersion, fileId };
    return undefined;
  }

  if (rest === 'batches' && method === 'GET') return { route: 'listBatches', apiVersion };
  const batch = /^batches\/([^/:]+)(:cancel)?$/.exec(rest);
  if (batch?.[1] !== undefined) {
    const batchId = batch[1];
    if (batch[2] !== undefined) return method === 'POST' ? { route: 'cancelBatch', apiVersion, batchId } : undefined;
    if (method === 'GET') return { route: 'getBatch', apiVersion, batchId };
    if (method === 'DELETE') return { route: 'deleteBatch', apiVersion, batchId };
    return undefined;
  }

  if (rest === 'interactions' && method === 'POST') return { route: 'createInteraction', apiVersion };
  const interaction = /^interactions\/([^/:]+)$/.exec(rest);
  if (interaction?.[1] !== undefined) {
    const interactionId = interaction[1];
    if (method === 'GET') return { route: 'getInteraction', apiVersion, interactionId };
    if (method === 'DELETE') return { route: 'deleteInteraction', apiVersion, interactionId };
  }
  return undefined;
}
