/**
 * The plumbing both backends' clients (src/admin-api/http.ts, src/exchange-rest/client.ts)
 * and the Graph client (src/graph/client.ts) share for one HTTP attempt: a fresh `client-request-id`, the bearer token, a timeout
 * together with the caller's AbortSignal, no cookies, the whole answer read, one log line;
 * and the one silent token refresh after a 401. What a failure means is each client's own
 * (its DirectoryError), so failures are handed back through the `failed` callbacks.
 */
import type { TokenProvider } from "../auth/token-provider";

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Per attempt, including reading the body. */
const DEFAULT_TIMEOUT_MS = 15_000;

export interface HttpTransportConfig {
  /** Origin (and optional path prefix) paths are appended to: the relay, the emulator or the service. */
  baseUrl: string;
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: FetchFunction;
  timeoutMs?: number;
  /** One line per HTTP exchange. */
  logger?: (line: string) => void;
  /** Defaults to crypto.randomUUID (everywhere the clients run: Node 20+, browsers in https pages). */
  newRequestId?: () => string;
  now?: () => number;
}

/** Why an attempt got no answer. */
export type NoAnswer =
  | { why: "aborted"; requestId: string }
  | { why: "timeout"; requestId: string; timeoutMs: number; cause: unknown }
  | { why: "network-error"; requestId: string; cause: unknown };

export interface HttpAttempt {
  method: string;
  path: string;
  token: string;
  /** Absent for a GET (Graph's messages); then no Content-Type either. */
  body?: string;
  /** Headers besides Accept, Content-Type, Authorization and client-request-id. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The log line for an outcome (`status=200`, `timeout`, ...); never the token, a body or an address. */
  logLine(outcome: string, elapsedMs: number, requestId: string): string;
  /** The error to throw when no answer came (the caller stopped, timeout, network). */
  failed(noAnswer: NoAnswer): Error;
}

/** Any answer, read in full. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  bodyText: string;
  retryAfter: string | null;
  requestId: string;
}

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** Sends one attempt and reads the whole answer, whatever its status. */
export async function sendAttempt(config: HttpTransportConfig, attempt: HttpAttempt): Promise<HttpAnswer> {
  const requestId = (config.newRequestId ?? (() => globalThis.crypto.randomUUID()))();
  const now = config.now ?? Date.now;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFunction: FetchFunction = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const callerSignal = attempt.signal;
  if (callerSignal?.aborted) throw attempt.failed({ why: "aborted", requestId });

  // A timer rather than AbortSignal.timeout: jest's fake timers drive it in the clients' tests.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const started = now();
  const log = (outcome: string) => config.logger?.(attempt.logLine(outcome, now() - started, requestId));

  try {
    const response = await fetchFunction(joinUrl(config.baseUrl, attempt.path), {
      method: attempt.method,
      headers: {
        Accept: "application/json",
        ...(attempt.body !== undefined ? { "Content-Type": "application/json" } : {}),
        Authorization: `Bearer ${attempt.token}`,
        "client-request-id": requestId,
        ...attempt.headers,
      },
      ...(attempt.body !== undefined ? { body: attempt.body } : {}),
      signal: controller.signal,
      // The relay is same-origin and adds no credentials; cookies are never sent.
      credentials: "omit",
      cache: "no-store",
    });
    const bodyText = await response.text();
    log(`status=${response.status}`);
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      bodyText,
      retryAfter: response.headers.get("retry-after"),
      requestId,
    };
  } catch (error) {
    if (callerSignal?.aborted) {
      log("aborted");
      throw attempt.failed({ why: "aborted", requestId });
    }
    if (timedOut) {
      log("timeout");
      throw attempt.failed({ why: "timeout", requestId, timeoutMs, cause: error });
    }
    log("network-error");
    throw attempt.failed({ why: "network-error", requestId, cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

/**
 * Gets a token and sends; after a 401, one silent token refresh and one more try (an expired
 * token is normal weather), then the answer stands. `tokenFailed` words a token provider's failure.
 */
export async function withTokenRefresh<T extends { status: number }>(
  tokens: TokenProvider,
  signal: AbortSignal | undefined,
  tokenFailed: (error: unknown) => Error,
  send: (token: string) => Promise<T>,
): Promise<{ answer: T; token: string }> {
  const token = async (forceRefresh: boolean) => {
    try {
      return await tokens.getToken({ forceRefresh, signal });
    } catch (error) {
      throw tokenFailed(error);
    }
  };
  const first = await token(false);
  const answer = await send(first);
  if (answer.status !== 401) return { answer, token: first };
  const refreshed = await token(true);
  return { answer: await send(refreshed), token: refreshed };
}
