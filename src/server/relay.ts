/**
 * The same-origin relay: the pane cannot call the admin center from the browser (CORS),
 * so it calls this relay, which forwards exactly the four allowlisted calls with the
 * caller's own bearer token and adds no credential of its own. The Exchange backend's one
 * route, `POST /adminapi/beta/{tenant}/InvokeCommand`, goes to its own upstream and only
 * with a body invoke-command-policy.ts allows (the product's cmdlets and parameters).
 *
 * Everything is refused before anything goes upstream: a path or method that is not one
 * of the four (404), a body over the limit (413, by Content-Length and by counting the
 * bytes that actually arrive), a missing bearer token (401), a body that is not JSON
 * (415, or 400 when it does not parse). Forwarded requests carry an allowlisted header
 * set (see forward-headers.ts); answers come back with status and body unchanged and
 * only the headers the pane needs.
 *
 * Each caller (told apart by a hash of its token) has at most `maxConcurrentPerCaller`
 * calls upstream at once and waits in its own line for more (caller-slots.ts), so one
 * caller's burst cannot take all upstream sockets. A refusal closes the connection, and a
 * request pipelined behind it on that connection is dropped, never forwarded.
 *
 * Connect-style, so webpack-dev-server can mount it as middleware; without `next` it
 * answers 404 itself for paths outside /admin/api.
 */
import type { Socket } from "node:net";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { ADMIN_API_ROUTES, DEFAULT_ADMIN_CENTER_BASE_URL } from "../admin-api/wire";
import { DEFAULT_EXCHANGE_BASE_URL, type ExchangeCmdlet } from "../exchange-rest/wire-constants";
import { annotateRequest, logWhenDone, type AccessLogger } from "./access-log";
import {
  buildUpstreamHeaders,
  hasBearerToken,
  isJsonContentType,
  pickResponseHeaders,
  resolveRequestId,
} from "./forward-headers";
import { CallerSlots, callerKey } from "./caller-slots";
import type { TerminalCapableHandler } from "./handler";
import { sendJsonError } from "./json-response";
import { inspectInvokeCommand } from "./invoke-command-policy";
import { claimsAdminApiPath, matchAllowedRoute, matchInvokeCommand } from "./route-allowlist";

export const DEFAULT_RELAY_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** A generous ceiling for one GetContacts page; a bigger answer is treated as a broken upstream. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Upstream keep-alive sockets, shared by every caller. */
const MAX_UPSTREAM_SOCKETS = 32;
/** A quarter of the sockets: a burst from one caller leaves room for three others at least. */
export const DEFAULT_MAX_CONCURRENT_PER_CALLER = 8;

/** Connections on which a refusal said `Connection: close`: nothing more is forwarded from them. */
const closingConnections = new WeakSet<Socket>();

export interface RelayOptions {
  /** Base URL of the admin center (or the emulator). Default: DEFAULT_ADMIN_CENTER_BASE_URL. */
  upstream?: string;
  /** Base URL of Exchange Online's InvokeCommand (or the emulator); sovereign clouds differ. Default: DEFAULT_EXCHANGE_BASE_URL. */
  exchangeUpstream?: string;
  /** Whole-call deadline, from sending the request to the last byte of the answer. */
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxResponseBytes?: number;
  /** Calls one caller (one bearer token) may have upstream at once; more wait their turn. */
  maxConcurrentPerCaller?: number;
  /** When given, the relay logs its own requests (standalone or in webpack-dev-server). */
  log?: AccessLogger;
}

export interface RelayHandler extends TerminalCapableHandler {
  /** Drops the relay's idle keep-alive connections to the upstream. */
  close(): void;
}

interface UpstreamBase {
  origin: string;
  pathPrefix: string;
  transport: typeof http | typeof https;
}

/** Where a checked request goes: built from the allowlist and the relay's configuration only. */
interface UpstreamTarget {
  base: UpstreamBase;
  agent: http.Agent;
  path: string;
  method: string;
  /** InvokeCommand: X-AnchorMailbox is forwarded. */
  exchange: boolean;
}

/** The upstream a refusal names: the route's own, so an Exchange call never blames the admin center. */
function upstreamName(target: UpstreamTarget): string {
  return target.exchange ? "Exchange Online" : "The admin center";
}

type BodyReadResult = { kind: "body"; body: Buffer } | { kind: "too-large" } | { kind: "aborted" };

type UpstreamResult =
  | { kind: "response"; status: number; headers: http.IncomingHttpHeaders; body: Buffer }
  | { kind: "timeout" }
  | { kind: "unreachable" }
  | { kind: "too-large" }
  | { kind: "cancelled" };

export function createRelayHandler(options: RelayOptions = {}): RelayHandler {
  const base = parseUpstream(options.upstream ?? DEFAULT_ADMIN_CENTER_BASE_URL);
  const exchangeBase = parseUpstream(options.exchangeUpstream ?? DEFAULT_EXCHANGE_BASE_URL);
  const timeoutMs = options.timeoutMs ?? DEFAULT_RELAY_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const agent = new base.transport.Agent({ keepAlive: true, maxSockets: MAX_UPSTREAM_SOCKETS });
  const exchangeAgent = new exchangeBase.transport.Agent({
    keepAlive: true,
    maxSockets: MAX_UPSTREAM_SOCKETS,
  });
  // One pool of slots for both upstreams: a caller's turn is the same whichever API it calls.
  const slots = new CallerSlots(options.maxConcurrentPerCaller ?? DEFAULT_MAX_CONCURRENT_PER_CALLER);

  const handler = (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    if (!claimsAdminApiPath(req.url)) {
      if (next) next();
      else sendJsonError(res, 404, "NotFound", "Not found.");
      return;
    }
    const requestId = resolveRequestId(req.headers);
    annotateRequest(req, { requestId });
    if (options.log) logWhenDone(req, res, options.log, () => requestId);
    relay(req, res, requestId).catch(() => {
      annotateRequest(req, { requestId, outcome: "RelayError" });
      closingConnections.add(req.socket);
      sendJsonError(res, 500, "RelayError", "The relay failed to handle the request.", closeHeaders());
    });
  };

  async function relay(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const idHeader = { "client-request-id": requestId };
    const refuse = (
      status: number,
      code: string,
      message: string,
      extra: http.OutgoingHttpHeaders = {},
    ): void => {
      annotateRequest(req, { requestId, outcome: code });
      // The request body may still be on its way: close the connection rather than read it.
      closingConnections.add(req.socket);
      sendJsonError(res, status, code, message, { ...idHeader, ...extra, ...closeHeaders() });
    };

    // Pipelined behind a refusal that closed the connection: the caller was told to stop.
    const droppedAfterClose = (): boolean => {
      if (!closingConnections.has(req.socket)) return false;
      annotateRequest(req, { requestId, outcome: "AfterConnectionClose" });
      req.socket.destroy();
      return true;
    };
    if (droppedAfterClose()) return;

    const adminRoute = matchAllowedRoute(req.method, req.url);
    const invoke = adminRoute === null ? matchInvokeCommand(req.method, req.url) : null;
    if (adminRoute === null && invoke === null) {
      refuse(404, "NotAllowed", "The relay does not forward this request.");
      return;
    }
    if (adminRoute !== null) annotateRequest(req, { requestId, route: adminRoute });

    const declaredLength = parseContentLength(req.headers["content-length"]);
    if (declaredLength === "invalid") {
      refuse(400, "BadRequest", "The Content-Length header is not valid.");
      return;
    }
    if (declaredLength !== undefined && declaredLength > maxBodyBytes) {
      refuse(413, "PayloadTooLarge", `The request body is larger than ${maxBodyBytes} bytes.`);
      return;
    }
    const authorization = req.headers.authorization;
    if (!hasBearerToken(authorization)) {
      refuse(401, "Unauthenticated", "A bearer token is required.", { "www-authenticate": "Bearer" });
      return;
    }
    const hasBody = (declaredLength ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
    if (hasBody && !isJsonContentType(req.headers["content-type"])) {
      refuse(415, "UnsupportedMediaType", "The request body must be application/json.");
      return;
    }

    const read = await readBody(req, maxBodyBytes);
    if (read.kind === "aborted") {
      annotateRequest(req, { requestId, outcome: "ClientAborted" });
      return;
    }
    if (read.kind === "too-large") {
      refuse(413, "PayloadTooLarge", `The request body is larger than ${maxBodyBytes} bytes.`);
      return;
    }
    let target: UpstreamTarget;
    if (invoke !== null) {
      // InvokeCommand can run any cmdlet: only the product's cmdlets and parameters pass.
      const verdict = inspectInvokeCommand(read.body);
      if (!verdict.allowed) {
        refuse(verdict.status, verdict.code, verdict.message);
        return;
      }
      annotateRequest(req, { requestId, route: verdict.cmdlet as ExchangeCmdlet });
      target = {
        base: exchangeBase,
        agent: exchangeAgent,
        path: `${invoke.path}${invoke.query}`,
        method: "POST",
        exchange: true,
      };
    } else {
      if (read.body.length > 0 && !isJson(read.body)) {
        refuse(400, "InvalidJson", "The request body is not valid JSON.");
        return;
      }
      // Built from the allowlist entry, not from the request: the two are equal by now anyway.
      const { method, path } = ADMIN_API_ROUTES[adminRoute!];
      target = { base, agent, path, method, exchange: false };
    }

    if (droppedAfterClose()) return;

    // The time limit covers the wait for this caller's turn as well as the call itself.
    const deadlineAt = performance.now() + timeoutMs;
    const waiting = new AbortController();
    const stopWaiting = (): void => waiting.abort();
    const waitTimer = setTimeout(stopWaiting, timeoutMs);
    res.once("close", stopWaiting);
    const release = await slots.acquire(callerKey(authorization), waiting.signal);
    clearTimeout(waitTimer);
    res.off("close", stopWaiting);
    let result: UpstreamResult;
    if (release === null) {
      result = res.destroyed || req.destroyed ? { kind: "cancelled" } : { kind: "timeout" };
    } else {
      try {
        const remainingMs = Math.max(1, deadlineAt - performance.now());
        result = await forward(req, res, target, authorization, requestId, read.body, remainingMs);
      } finally {
        release();
      }
    }
    switch (result.kind) {
      case "response":
        annotateRequest(req, { requestId, upstreamStatus: result.status });
        sendUpstreamResponse(res, result, requestId);
        return;
      case "timeout":
        annotateRequest(req, { requestId, outcome: "UpstreamTimeout" });
        sendJsonError(
          res,
          504,
          "UpstreamTimeout",
          `${upstreamName(target)} did not answer within ${formatSeconds(timeoutMs)} s.`,
          idHeader,
        );
        return;
      case "unreachable":
        annotateRequest(req, { requestId, outcome: "UpstreamUnreachable" });
        sendJsonError(
          res,
          502,
          "UpstreamUnreachable",
          `${upstreamName(target)} could not be reached.`,
          idHeader,
        );
        return;
      case "too-large":
        annotateRequest(req, { requestId, outcome: "UpstreamResponseTooLarge" });
        sendJsonError(
          res,
          502,
          "UpstreamResponseTooLarge",
          `${upstreamName(target)}'s answer was too large.`,
          idHeader,
        );
        return;
      case "cancelled":
        annotateRequest(req, { requestId, outcome: "ClientAborted" });
        return;
    }
  }

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    target: UpstreamTarget,
    authorization: string,
    requestId: string,
    body: Buffer,
    callTimeoutMs: number,
  ): Promise<UpstreamResult> {
    return new Promise((resolve) => {
      let settled = false;
      let timedOut = false;
      const settle = (result: UpstreamResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        res.off("close", onCallerGone);
        resolve(result);
      };
      const upstreamRequest = target.base.transport.request(
        `${target.base.origin}${target.base.pathPrefix}${target.path}`,
        {
          method: target.method,
          agent: target.agent,
          headers: buildUpstreamHeaders({
            incoming: req.headers,
            authorization,
            requestId,
            upstreamOrigin: target.base.origin,
            bodyLength: body.length,
            forwardAnchorMailbox: target.exchange,
          }),
        },
        (upstreamResponse) => {
          const chunks: Buffer[] = [];
          let received = 0;
          upstreamResponse.on("data", (chunk: Buffer) => {
            received += chunk.length;
            if (received > maxResponseBytes) {
              upstreamRequest.destroy();
              settle({ kind: "too-large" });
              return;
            }
            chunks.push(chunk);
          });
          upstreamResponse.on("end", () => {
            decodeBody(
              Buffer.concat(chunks),
              upstreamResponse.headers["content-encoding"],
              maxResponseBytes,
            ).then(
              (decoded) =>
                settle(
                  decoded === null
                    ? { kind: "unreachable" }
                    : {
                        kind: "response",
                        status: upstreamResponse.statusCode ?? 502,
                        headers: upstreamResponse.headers,
                        body: decoded,
                      },
                ),
              // zlib refuses to inflate past maxOutputLength with ERR_BUFFER_TOO_LARGE: the answer
              // was too large, not unreachable; anything else is a corrupt body.
              (error: unknown) =>
                settle(
                  (error as { code?: string } | null)?.code === "ERR_BUFFER_TOO_LARGE"
                    ? { kind: "too-large" }
                    : { kind: "unreachable" },
                ),
            );
          });
          upstreamResponse.on("error", () =>
            settle(timedOut ? { kind: "timeout" } : { kind: "unreachable" }),
          );
          upstreamResponse.on("aborted", () =>
            settle(timedOut ? { kind: "timeout" } : { kind: "unreachable" }),
          );
        },
      );
      upstreamRequest.on("error", () => settle(timedOut ? { kind: "timeout" } : { kind: "unreachable" }));
      const deadline = setTimeout(() => {
        timedOut = true;
        upstreamRequest.destroy();
        settle({ kind: "timeout" });
      }, callTimeoutMs);
      // The caller went away: stop waiting for an answer nobody will read.
      const onCallerGone = (): void => {
        if (res.writableFinished) return;
        upstreamRequest.destroy();
        settle({ kind: "cancelled" });
      };
      res.once("close", onCallerGone);
      upstreamRequest.end(body);
    });
  }

  return Object.assign(handler, {
    close: () => {
      agent.destroy();
      exchangeAgent.destroy();
    },
  });
}

function sendUpstreamResponse(
  res: ServerResponse,
  result: Extract<UpstreamResult, { kind: "response" }>,
  requestId: string,
): void {
  const headers = pickResponseHeaders(result.headers, requestId);
  headers["cache-control"] = "no-store";
  const bodyless = result.status === 204 || result.status === 304 || result.status < 200;
  if (!bodyless) headers["content-length"] = result.body.length;
  // An upstream status outside what Node can send (e.g. 600+) becomes a plain 502.
  const status = result.status >= 200 && result.status <= 599 ? result.status : 502;
  res.writeHead(status, headers);
  res.end(bodyless ? undefined : result.body);
}

function parseUpstream(upstream: string): UpstreamBase {
  const url = new URL(upstream);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`The relay upstream must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error("The relay upstream must be a plain base URL (no query, fragment or credentials).");
  }
  return {
    origin: url.origin,
    pathPrefix: url.pathname.replace(/\/+$/, ""),
    transport: url.protocol === "https:" ? https : http,
  };
}

function parseContentLength(value: string | undefined): number | undefined | "invalid" {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) return "invalid";
  return Number(value.trim());
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const finish = (result: BodyReadResult): void => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAborted);
      req.off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.pause();
        finish({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ kind: "body", body: Buffer.concat(chunks) });
    const onAborted = (): void => finish({ kind: "aborted" });
    const onClose = (): void => {
      if (!req.complete) finish({ kind: "aborted" });
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAborted);
    req.on("close", onClose);
  });
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}

const inflate = {
  gzip: promisify(zlib.gunzip),
  "x-gzip": promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
} as const;

/**
 * The relay asks for `identity`; should the upstream compress anyway, the body is
 * decoded here so that the browser gets exactly what the Content-Type says. Returns null
 * for an encoding the relay cannot decode.
 */
async function decodeBody(
  body: Buffer,
  encoding: string | undefined,
  maxBytes: number,
): Promise<Buffer | null> {
  const coding = (encoding ?? "identity").trim().toLowerCase();
  if (coding === "identity" || coding === "") return body;
  if (!(coding in inflate)) return null;
  return inflate[coding as keyof typeof inflate](body, { maxOutputLength: maxBytes });
}

function closeHeaders(): http.OutgoingHttpHeaders {
  return { connection: "close" };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}
