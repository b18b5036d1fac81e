import type { IncomingHttpHeaders } from 'node:http';

import type { BilledCall } from '../emulator';
import type { FaultKind } from '../fault-script';
import type { EmulatorFixture } from '../load-emulator-fixtures';
import type { BatchTiming, StoredBatch } from './batch-store';
import type { FaultPlanner } from './fault-planner';
import type { FileStore } from './file-store';
import type { JsonRecord } from './json-value';
import type { ParsedRoute } from './parse-route';

/** Shared state and services of one emulator, handed to every route handler. */
export interface EmulatorContext {
  /** The emulator clock, ms since the epoch. */
  readonly clock: () => number;
  /** `http://127.0.0.1:PORT`. */
  readonly baseUrl: () => string;
  /** The Files API store. */
  readonly files: FileStore;
  /** Batches by id, in creation order. */
  readonly batches: Map<string, StoredBatch>;
  /** How batches advance. */
  readonly batchTiming: BatchTiming;
  /** Interactions by id. */
  readonly interactions: Map<string, JsonRecord>;
  /** The fixtures in use. */
  readonly fixtures: () => readonly EmulatorFixture[];
  /** The fault planner. */
  readonly faults: FaultPlanner;
  /** Makes a fresh, deterministic id (lower-case letters and digits). */
  readonly createId: () => string;
  /** Records a billed call. */
  readonly bill: (call: Omit<BilledCall, 'usd'>) => void;
  /** Counts a served fault. */
  readonly countFault: (kind: FaultKind) => void;
}

/** A request matched to a route, with its body read. */
export interface RoutedRequest {
  /** The route and its parameters. */
  readonly route: ParsedRoute;
  /** HTTP method. */
  readonly method: string;
  /** URL path. */
  readonly path: string;
  /** Query parameters. */
  readonly query: URLSearchParams;
  /** Request headers. */
  readonly headers: IncomingHttpHeaders;
  /** Raw body. */
  readonly body: Uint8Array;
  /** The body parsed as a JSON object, when it is one. */
  readonly json: JsonRecord | undefined;
  /** The request's log id. */
  readonly requestId: number;
  /** Serve a `truncated` reply (the `truncated` fault). */
  readonly truncate: boolean;
  /** Tells the log which fixture answered. */
  readonly noteFixture: (fixtureId: string) => void;
}

/** What a handler answers. */
export type HandlerReply =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'bytes';
      readonly status: number;
      readonly body: Uint8Array;
      readonly contentType: string;
    }
  | {
      readonly kind: 'events';
      /** Stream chunks (GenerateContentResponse objects). */
      readonly events: readonly unknown[];
      /** `alt=sse`: `data:` events; otherwise one JSON array. */
      readonly sse: boolean;
    };

/** A JSON reply. */
export function jsonReply(body: unknown, headers?: Readonly<Record<string, string>>, status = 200): HandlerReply {
  return headers === undefined ? { kind: 'json', status, body } : { kind: 'json', status, body, headers };
}

/** Formats emulator-clock milliseconds as an RFC 3339 timestamp. */
export function formatTime(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}
