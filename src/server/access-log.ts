/**
 * Structured access logs: one JSON line per request with what an operator needs to see
 * traffic and correlate it with the pane's errors (method, path, status, duration,
 * request id, upstream status), and by construction nothing else. Entries are built from
 * named fields only, so a token, a cookie, a query string or a body cannot slip in.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AdminApiRouteName } from "../admin-api/wire";
import type { ExchangeCmdlet } from "../exchange-rest/wire-constants";
import { targetPath } from "./request-target";

export interface AccessLogEntry {
  time: string;
  method: string;
  /** The request path: no query, no `;params`, no origin/userinfo of an absolute-form target; truncated. */
  path: string;
  /** The status sent; CLIENT_CLOSED_REQUEST when the caller went away before the answer was complete. */
  status: number;
  durationMs: number;
  /** For relayed calls the client-request-id sent upstream; otherwise a per-request id. */
  requestId: string;
  /** The admin center's status, when the request was forwarded and it answered. */
  upstreamStatus?: number;
  /** The allowlisted route (or InvokeCommand's cmdlet), when the request matched one. */
  route?: AdminApiRouteName | ExchangeCmdlet;
  /** Why the relay refused or failed a call (e.g. "NotAllowed", "UpstreamTimeout"). */
  outcome?: string;
  /** True when the caller went away before the response was complete. */
  aborted?: boolean;
}

export type AccessLogger = (entry: AccessLogEntry) => void;

const MAX_LOGGED_PATH_LENGTH = 256;
/** nginx's convention for "the client closed the connection before the answer was sent". */
export const CLIENT_CLOSED_REQUEST = 499;

/** The path part of a request target (see `targetPath`), bounded length. */
export function loggablePath(rawTarget: string | undefined): string {
  const path = targetPath(rawTarget);
  return path.length > MAX_LOGGED_PATH_LENGTH ? `${path.slice(0, MAX_LOGGED_PATH_LENGTH)}…` : path;
}

/** Writes entries as JSON lines, to stdout by default. */
export function jsonLinesLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
): AccessLogger {
  return (entry) => write(`${JSON.stringify(entry)}\n`);
}

/** What the relay learned about a request, for whoever writes its access log entry. */
export interface RelayAnnotation {
  requestId: string;
  route?: AdminApiRouteName | ExchangeCmdlet;
  upstreamStatus?: number;
  outcome?: string;
}

const relayAnnotations = new WeakMap<IncomingMessage, RelayAnnotation>();

export function annotateRequest(req: IncomingMessage, annotation: RelayAnnotation): void {
  relayAnnotations.set(req, { ...relayAnnotations.get(req), ...annotation });
}

export function readAnnotation(req: IncomingMessage): RelayAnnotation | undefined {
  return relayAnnotations.get(req);
}

/**
 * Logs one entry when the response is finished or the connection closes, whichever
 * comes first. `fallbackRequestId` is used when no relay annotation names one.
 */
export function logWhenDone(
  req: IncomingMessage,
  res: ServerResponse,
  log: AccessLogger,
  fallbackRequestId: () => string,
): void {
  const started = performance.now();
  let logged = false;
  const write = (): void => {
    if (logged) return;
    logged = true;
    const annotation = readAnnotation(req);
    const entry: AccessLogEntry = {
      time: new Date().toISOString(),
      method: req.method ?? "",
      path: loggablePath(req.url),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: annotation?.requestId ?? fallbackRequestId(),
    };
    if (annotation?.route !== undefined) entry.route = annotation.route;
    if (annotation?.upstreamStatus !== undefined) entry.upstreamStatus = annotation.upstreamStatus;
    if (annotation?.outcome !== undefined) entry.outcome = annotation.outcome;
    // writableEnded, not writableFinished: a client that reads the whole answer and hangs up at
    // once can close the socket before "finish" fires, and that answer was not aborted.
    if (!res.writableEnded) {
      // Nothing (or not all) was sent: the default 200 would be a lie.
      entry.aborted = true;
      entry.status = CLIENT_CLOSED_REQUEST;
      entry.outcome ??= "ClientAborted";
    }
    try {
      log(entry);
    } catch {
      // A failing log sink must not take the server down with it.
    }
  };
  res.once("finish", write);
  res.once("close", write);
}
