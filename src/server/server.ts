/**
 * The production server the manifest points to: serves the built pane and relays the
 * four admin center calls and Exchange's InvokeCommand (checked cmdlets only), on one origin, with security headers and an access log line
 * on every response.
 *
 * Request pipeline: a target with dot segments (`..`, `%2e%2e`) is refused first, so no
 * handler routes on an unnormalised path → extra handlers (the demo's routes) → CSP reports
 * (when on) → relay (/admin/api/...) → static files (dist/, source maps only when asked) → 404.
 *
 * Header and request time limits are checked every second (Node's default sweep is 30 s,
 * which would let a slow client hold a connection for 2-3x the limit).
 *
 * The CSP's connect-src and frame-src come from the build's configuration in
 * dist/.build-config.json (csp-sources.ts).
 *
 * HTTPS: either terminate TLS here (`tls`), or run plain HTTP behind a TLS-terminating
 * proxy. HSTS is sent only when the response really goes out over HTTPS: always with
 * `tls`, and behind a proxy only when `trustProxy` is on and the proxy says
 * `X-Forwarded-Proto: https` (a client could send that header itself, hence the opt-in).
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { annotateRequest, jsonLinesLogger, logWhenDone, type AccessLogger } from "./access-log";
import type { RequestHandler } from "./handler";
import { sendJsonError } from "./json-response";
import { createRelayHandler } from "./relay";
import { hasDotSegments } from "./request-target";
import { createCspReportHandler, CSP_REPORT_PATH, type CspViolationLogger } from "./csp-report";
import { cspSourcesFor, readBuildConfig } from "./csp-sources";
import { securityHeaderSetter } from "./security-headers";
import { createStaticHandler } from "./static";

export interface TlsFiles {
  certPath: string;
  keyPath: string;
}

export interface ServerOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default 127.0.0.1; use 0.0.0.0 (or ::) to listen on every interface. */
  host?: string;
  /** The built pane (webpack output). */
  distDir: string;
  /** Admin center base URL (or the emulator's). Default: the real admin center. */
  upstream?: string;
  /** Exchange Online's InvokeCommand base URL (or the emulator's). Default: https://outlook.office365.com. */
  exchangeUpstream?: string;
  tls?: TlsFiles;
  /** Believe X-Forwarded-Proto from a TLS-terminating proxy in front of this server. */
  trustProxy?: boolean;
  /** Replaces DEFAULT_FRAME_ANCESTORS ('self' and the Outlook origins); the demo uses only 'self'. */
  frameAncestors?: readonly string[];
  /**
   * Serve everything under this path ("/gal"): the pane, the relay and the extra handlers
   * see paths with the prefix removed; anything outside it is 404, and "/gal" itself
   * redirects to "/gal/". For a proxy that forwards https://host/gal/... unchanged.
   * Default "" (the origin's root).
   */
  basePath?: string;
  /**
   * For trials: the CSP gets report-uri / report-to pointing at POST <basePath>/csp-report,
   * where each violation is logged as facts (csp-report.ts). Default off.
   */
  cspReports?: boolean;
  /** Where violations go when cspReports is on. Default: JSON lines on stdout. */
  cspReportLog?: CspViolationLogger;
  /** Run before the relay; each either answers or calls next(). */
  extraHandlers?: readonly RequestHandler[];
  /** Default: JSON lines on stdout. */
  log?: AccessLogger;
  relayTimeoutMs?: number;
  indexFile?: string;
  /** Time limit for a request's headers to arrive. Default 15 s. */
  headersTimeoutMs?: number;
  /** Time limit for a whole request (headers and body) to arrive. Default 30 s. */
  requestTimeoutMs?: number;
  /** Serve `*.map` files (source maps carry the source text). Default off. */
  serveSourceMaps?: boolean;
  /** How long close() lets in-flight requests finish before cutting them off. Default 10 s. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3000 (wildcard hosts are shown as localhost). */
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then resolves. */
  close(): Promise<void>;
}

const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 15_000;
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
const MAX_CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? jsonLinesLogger();
  const relay = createRelayHandler({
    upstream: options.upstream,
    exchangeUpstream: options.exchangeUpstream,
    timeoutMs: options.relayTimeoutMs,
  });
  const serveStatic = createStaticHandler({
    root: options.distDir,
    indexFile: options.indexFile,
    serveSourceMaps: options.serveSourceMaps,
  });
  const servesTls = options.tls !== undefined;
  const basePath = normalizeBasePath(options.basePath ?? "");
  const buildConfig = readBuildConfig(options.distDir);
  const sources = buildConfig ? cspSourcesFor(buildConfig) : null;
  const setSecurityHeaders = securityHeaderSetter({
    frameAncestors: options.frameAncestors,
    ...(sources ? { connectSources: sources.connect, frameSources: sources.frame } : {}),
    ...(options.cspReports ? { reportTo: `${basePath}${CSP_REPORT_PATH}` } : {}),
  });
  const chain: readonly RequestHandler[] = [
    ...(options.extraHandlers ?? []),
    ...(options.cspReports ? [createCspReportHandler(options.cspReportLog)] : []),
    relay,
    serveStatic,
  ];

  const isHttps = (req: IncomingMessage): boolean => {
    if (servesTls) return true;
    if (!options.trustProxy) return false;
    const forwarded = req.headers["x-forwarded-proto"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
    return first === "https";
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = randomUUID();
    logWhenDone(req, res, log, () => requestId);
    setSecurityHeaders(res, { https: isHttps(req) });
    if (hasDotSegments(req.url)) {
      annotateRequest(req, { requestId, outcome: "DotSegments" });
      sendJsonError(res, 404, "NotFound", "Not found.");
      return;
    }
    if (basePath !== "" && !enterBasePath(req, res, basePath)) return;
    const runFrom = (index: number): void => {
      const handler = chain[index];
      if (handler === undefined) {
        sendJsonError(res, 404, "NotFound", "Not found.");
        return;
      }
      try {
        handler(req, res, () => runFrom(index + 1));
      } catch {
        sendJsonError(res, 500, "ServerError", "The server failed to handle the request.", {
          connection: "close",
        });
      }
    };
    runFrom(0);
  };

  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, headersTimeout);
  const limits: http.ServerOptions = {
    headersTimeout,
    requestTimeout,
    connectionsCheckingInterval: Math.min(MAX_CONNECTIONS_CHECKING_INTERVAL_MS, headersTimeout / 2),
  };
  const server = options.tls
    ? https.createServer(
        { ...limits, cert: await readFile(options.tls.certPath), key: await readFile(options.tls.keyPath) },
        handleRequest,
      )
    : http.createServer(limits, handleRequest);

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${servesTls ? "https" : "http"}://${displayHost(host)}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const forceTimer = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS,
      );
      server.close(() => {
        clearTimeout(forceTimer);
        relay.close();
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return { url, port, close };
}

/** "/gal/" or "gal" → "/gal"; "" or "/" → "". Refuses what is not a plain path. */
export function normalizeBasePath(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  const path = trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
  if (
    !/^(\/[A-Za-z0-9._~-]+)+$/.test(path) ||
    path.split("/").some((part) => part === "." || part === "..")
  ) {
    throw new Error(`Not a base path: ${value} (expected something like /gal).`);
  }
  return path;
}

/**
 * Strips the base path from the request target, or answers (redirect to the folder,
 * 404 outside it). Returns whether the request goes on to the handlers.
 */
function enterBasePath(req: IncomingMessage, res: ServerResponse, basePath: string): boolean {
  const target = req.url ?? "/";
  const [path = "", query] = splitTarget(target);
  if (path === basePath) {
    // Relative URLs in the pages resolve against the folder, so the folder needs its slash.
    res.writeHead(301, { location: `${basePath}/${query === undefined ? "" : `?${query}`}` });
    res.end();
    return false;
  }
  if (!path.startsWith(`${basePath}/`)) {
    sendJsonError(res, 404, "NotFound", "Not found.");
    return false;
  }
  req.url = target.slice(basePath.length);
  return true;
}

function splitTarget(target: string): [string, string | undefined] {
  const index = target.indexOf("?");
  return index === -1 ? [target, undefined] : [target.slice(0, index), target.slice(index + 1)];
}

function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
