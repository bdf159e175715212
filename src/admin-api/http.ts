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
import {
  ROUTE_DESCRIPTIONS,
  bodyReportsFailure,
  classifyFailedResponse,
  looksLikeHtml,
  looksLikeSignInPage,
} from "./error-classification";
import { DirectoryError, isDirectoryError } from "./errors";
import { ADMIN_API_ROUTES, isWriteRoute, type AdminApiRouteName } from "./wire";

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
  /** Defaults to a random v4 UUID. */
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

/** Formats 16 random bytes as a v4 UUID. */
export function uuidFromRandomBytes(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A fresh client-request-id. `crypto.randomUUID` exists only in secure contexts and
 * recent DOM implementations; `getRandomValues` is everywhere the client runs.
 */
export function newClientRequestId(): string {
  if (typeof globalThis.crypto.randomUUID === "function") return globalThis.crypto.randomUUID();
  return uuidFromRandomBytes(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

export function abortedError(route: AdminApiRouteName, requestId?: string): DirectoryError {
  return new DirectoryError({
    kind: "aborted",
    route,
    requestId,
    message: `The ${ROUTE_DESCRIPTIONS[route]} call was cancelled.`,
  });
}

function timeoutError(route: AdminApiRouteName, timeoutMs: number, requestId: string): DirectoryError {
  const write = isWriteRoute(route);
  return new DirectoryError({
    kind: "transient",
    route,
    requestId,
    ambiguous: write,
    message: write
      ? `The admin center did not answer the ${ROUTE_DESCRIPTIONS[route]} call within ${Math.round(timeoutMs / 1000)} s; the change may or may not have been applied.`
      : `The admin center did not answer within ${Math.round(timeoutMs / 1000)} s. Try again.`,
  });
}

function networkError(route: AdminApiRouteName, requestId: string, cause: unknown): DirectoryError {
  const write = isWriteRoute(route);
  return new DirectoryError({
    kind: "transient",
    route,
    requestId,
    ambiguous: write,
    // The cause is kept for debugging; fetch's network errors carry no headers.
    cause,
    message: write
      ? `The connection to the admin center failed during the ${ROUTE_DESCRIPTIONS[route]} call; the change may or may not have been applied.`
      : "Could not reach the admin center (network error). Check the connection and try again.",
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
  const requestId = (config.newRequestId ?? newClientRequestId)();
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
      throw timeoutError(route, timeoutMs, requestId);
    }
    log("network-error");
    throw networkError(route, requestId, error);
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
      route,
      // Token providers' errors (MSAL) can be long and technical; keep them as the cause only.
      cause: error,
      message: "Could not get a sign-in token for the admin center. Sign in again.",
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
      throw new DirectoryError({
        kind: "protocol",
        route,
        status,
        requestId,
        message: looksLikeSignInPage(response.bodyText)
          ? `The admin center answered the ${ROUTE_DESCRIPTIONS[route]} call with a sign-in page instead of data: the relay or the admin center did not accept the token. Sign in again; if it persists, the token's audience or the relay is misconfigured.`
          : `The admin center answered the ${ROUTE_DESCRIPTIONS[route]} call with an HTML page instead of data.`,
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
