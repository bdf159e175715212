/**
 * The one way this project sends a request to the admin center API (directly, through
 * the same-origin relay, or to the emulator).
 *
 * Per attempt: a fresh `client-request-id`, the bearer token from the TokenProvider, a
 * timeout, and the caller's AbortSignal. A 401 gets one silent token refresh and one
 * more try. Everything that is not a usable 2xx becomes a DirectoryError; nothing in an
 * error or a log line carries the token, a cookie, a body or an address.
 */
import type { TokenProvider } from "../auth/token-provider";
import { DirectoryError, isDirectoryError, isWriteOperation } from "../contacts/directory-error";
import {
  bodyReportsFailure,
  classifyFailedResponse,
  looksLikeHtml,
  looksLikeSignInPage,
} from "./error-classification";
import { ADMIN_API_ROUTES, ROUTE_OPERATIONS, isWriteRoute, type AdminApiRouteName } from "./wire-constants";

export const DEFAULT_TIMEOUT_MS = 15_000;

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface AdminApiHttpConfig {
  /** Origin (and optional path prefix) the API paths are appended to, e.g. `window.location.origin`. */
  baseUrl: string;
  tokens: TokenProvider;
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: FetchFunction;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** One line per HTTP exchange. */
  logger?: (line: string) => void;
  /** Defaults to crypto.randomUUID (everywhere the client runs: Node 20+, browsers in https pages). */
  newRequestId?: () => string;
  /** Defaults to `Date.now`. */
  now?: () => number;
}

export interface SendOptions {
  signal?: AbortSignal;
  /** The retry loop's attempt number, for the log line. */
  attempt?: number;
}

/** A 2xx response, read in full. */
export interface AdminApiResponse {
  status: number;
  contentType: string;
  bodyText: string;
  requestId: string;
}

/** Any response, read in full (the probe looks at failures too). */
export interface RawExchange extends AdminApiResponse {
  retryAfterHeader: string | null;
}

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

export function abortedError(route: AdminApiRouteName, requestId?: string): DirectoryError {
  return new DirectoryError({ kind: "aborted", operation: ROUTE_OPERATIONS[route], requestId });
}

/** No answer (network failure, dropped connection, timeout): a write may have been applied. */
function noAnswerError(route: AdminApiRouteName, requestId: string, detail: string, cause?: unknown) {
  const operation = ROUTE_OPERATIONS[route];
  return new DirectoryError({
    kind: "unavailable",
    reason: "no-answer",
    operation,
    requestId,
    ambiguous: isWriteOperation(operation),
    detail: `${route} ${detail}`,
    // fetch's network errors carry no headers: kept for debugging.
    cause,
  });
}

/** Sends the request once with the given token and reads the whole response. */
async function exchangeOnce(
  config: AdminApiHttpConfig,
  route: AdminApiRouteName,
  body: unknown,
  token: string,
  options: SendOptions,
): Promise<RawExchange> {
  const { method, path } = ADMIN_API_ROUTES[route];
  const requestId = (config.newRequestId ?? (() => globalThis.crypto.randomUUID()))();
  const now = config.now ?? Date.now;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFunction: FetchFunction = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const callerSignal = options.signal;
  if (callerSignal?.aborted) throw abortedError(route, requestId);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const started = now();
  const log = (outcome: string) =>
    config.logger?.(
      `admin-api ${method} ${route} ${outcome} ${now() - started}ms attempt=${options.attempt ?? 1} request-id=${requestId}`,
    );

  try {
    const response = await fetchFunction(joinUrl(config.baseUrl, path), {
      method,
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        Authorization: `Bearer ${token}`,
        "client-request-id": requestId,
      },
      body: JSON.stringify(body),
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
      requestId,
      retryAfterHeader: response.headers.get("retry-after"),
    };
  } catch (error) {
    if (callerSignal?.aborted) {
      log("aborted");
      throw abortedError(route, requestId);
    }
    if (timedOut) {
      log("timeout");
      throw noAnswerError(route, requestId, `no answer within ${timeoutMs} ms`);
    }
    log("network-error");
    throw noAnswerError(route, requestId, "network error", error);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

async function tokenFor(
  config: AdminApiHttpConfig,
  route: AdminApiRouteName,
  signal: AbortSignal | undefined,
  forceRefresh: boolean,
): Promise<string> {
  try {
    return await config.tokens.getToken({ forceRefresh, signal });
  } catch (error) {
    if (signal?.aborted) throw abortedError(route);
    if (isDirectoryError(error)) throw error;
    throw new DirectoryError({
      kind: "unauthenticated",
      reason: "no-token",
      operation: ROUTE_OPERATIONS[route],
      // Token providers' errors (MSAL) can be long and technical; keep them as the cause only.
      cause: error,
    });
  }
}

async function exchangeKeepingToken(
  config: AdminApiHttpConfig,
  route: AdminApiRouteName,
  body: unknown,
  options: SendOptions,
): Promise<{ response: RawExchange; token: string }> {
  const token = await tokenFor(config, route, options.signal, false);
  const first = await exchangeOnce(config, route, body, token, options);
  if (first.status !== 401) return { response: first, token };
  // An expired token is normal weather: one silent refresh, then give up.
  const refreshed = await tokenFor(config, route, options.signal, true);
  return { response: await exchangeOnce(config, route, body, refreshed, options), token: refreshed };
}

/**
 * Sends one request and returns the raw response, whatever its status. A 401 is
 * retried once after a silent token refresh. Used by the probe; the client uses
 * `sendAdminApiRequest`.
 */
export async function exchangeWithAdminApi(
  config: AdminApiHttpConfig,
  route: AdminApiRouteName,
  body: unknown,
  options: SendOptions = {},
): Promise<RawExchange> {
  return (await exchangeKeepingToken(config, route, body, options)).response;
}

/**
 * Sends one request; resolves with a usable 2xx response, or throws a DirectoryError.
 * A 2xx HTML page (a sign-in page served instead of the API) is a protocol error; a 2xx
 * write acknowledgement that reports failure is classified like the refusal it is.
 */
export async function sendAdminApiRequest(
  config: AdminApiHttpConfig,
  route: AdminApiRouteName,
  body: unknown,
  options: SendOptions = {},
): Promise<AdminApiResponse> {
  const { response, token } = await exchangeKeepingToken(config, route, body, options);
  const { status, requestId } = response;
  const is2xx = status >= 200 && status < 300;
  if (is2xx) {
    if (looksLikeHtml(response.contentType, response.bodyText)) {
      // A sign-in page: the relay or the admin center did not accept the token.
      throw new DirectoryError({
        kind: "protocol",
        reason: looksLikeSignInPage(response.bodyText) ? "sign-in-page" : "unexpected-shape",
        operation: ROUTE_OPERATIONS[route],
        status,
        requestId,
        detail: `${route} ${status} HTML`,
      });
    }
    // Only write acknowledgements carry such flags; a search body is checked by its schema.
    if (!isWriteRoute(route) || !bodyReportsFailure(response.bodyText)) return response;
  }
  throw classifyFailedResponse({
    route,
    status,
    reportedFailure: is2xx,
    contentType: response.contentType,
    bodyText: response.bodyText,
    retryAfterHeader: response.retryAfterHeader,
    requestId,
    nowMs: (config.now ?? Date.now)(),
    secrets: [token],
  });
}
