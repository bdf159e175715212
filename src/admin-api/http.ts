/**
 * The one way this project sends a request to the admin center API (directly, through
 * the same-origin relay, or to the emulator).
 *
 * Per attempt (src/transport/http-exchange.ts, shared with Exchange's client): a fresh
 * `client-request-id`, the bearer token from the TokenProvider, a timeout, and the caller's
 * AbortSignal. A 401 gets one silent token refresh and one more try. Everything that is not a usable 2xx becomes a DirectoryError; nothing in an
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
import { sendAttempt, withTokenRefresh, type HttpTransportConfig } from "../transport/http-exchange";

export type { FetchFunction } from "../transport/http-exchange";

export interface AdminApiHttpConfig extends HttpTransportConfig {
  tokens: TokenProvider;
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

function abortedError(route: AdminApiRouteName, requestId?: string): DirectoryError {
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
  const { retryAfter, ...answer } = await sendAttempt(config, {
    method,
    path,
    token,
    body: JSON.stringify(body),
    signal: options.signal,
    logLine: (outcome, elapsedMs, requestId) =>
      `admin-api ${method} ${route} ${outcome} ${elapsedMs}ms attempt=${options.attempt ?? 1} request-id=${requestId}`,
    failed: (noAnswer) => {
      switch (noAnswer.why) {
        case "aborted":
          return abortedError(route, noAnswer.requestId);
        case "timeout":
          return noAnswerError(route, noAnswer.requestId, `no answer within ${noAnswer.timeoutMs} ms`);
        case "network-error":
          return noAnswerError(route, noAnswer.requestId, "network error", noAnswer.cause);
      }
    },
  });
  return { ...answer, retryAfterHeader: retryAfter };
}

async function exchangeKeepingToken(
  config: AdminApiHttpConfig,
  route: AdminApiRouteName,
  body: unknown,
  options: SendOptions,
): Promise<{ response: RawExchange; token: string }> {
  const tokenFailed = (error: unknown): Error => {
    if (options.signal?.aborted) return abortedError(route);
    if (isDirectoryError(error)) return error;
    return new DirectoryError({
      kind: "unauthenticated",
      reason: "no-token",
      operation: ROUTE_OPERATIONS[route],
      // Token providers' errors (MSAL) can be long and technical; keep them as the cause only.
      cause: error,
    });
  };
  const { answer, token } = await withTokenRefresh(config.tokens, options.signal, tokenFailed, (token) =>
    exchangeOnce(config, route, body, token, options),
  );
  return { response: answer, token };
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
