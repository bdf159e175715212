/**
 * The one way this project calls Exchange Online's InvokeCommand (directly, through the
 * same-origin relay, or against the emulator).
 *
 * Per attempt (src/transport/http-exchange.ts, shared with the admin center's client): a
 * fresh `client-request-id`, the bearer token from the TokenProvider, the
 * `X-AnchorMailbox` routing hint (one function, `anchorMailbox`), a timeout and the
 * caller's AbortSignal. A 401 gets one silent token refresh. `@odata.nextLink` pages are
 * followed on the same base URL (so through the relay when there is one). Every failure
 * becomes a `DirectoryError` of the seam; nothing in an error or a log line carries the
 * token, a body or an address.
 */
import { looksLikeHtml, looksLikeSignInPage, parseRetryAfter } from "../admin-api/error-classification";
import type { TokenProvider } from "../auth/token-provider";
import {
  sendAttempt,
  withTokenRefresh,
  type HttpAnswer,
  type HttpTransportConfig,
} from "../transport/http-exchange";
import {
  DirectoryError,
  isDirectoryError,
  type DirectoryErrorInit,
  type DirectoryOperation,
} from "../contacts/directory-error";
import { parseExchangeConflict } from "../contacts/exchange-rules";
import {
  DEFAULT_RETRY_POLICY,
  withRetry,
  type RetryListener,
  type RetryPolicy,
} from "../contacts/retry-policy";
import {
  DIR_SYNCED_PATTERN,
  ErrorBodySchema,
  INVOKE_COMMAND_PATH_PATTERN,
  InvokeCommandResponseSchema,
  NOT_FOUND_PATTERN,
  errorBodyText,
  invokeCommandBody,
  invokeCommandPath,
  isWriteCmdlet,
  type ExchangeCmdlet,
  type ParameterValue,
} from "./wire";

/** A lookup by an exact filter has one page; more than this many is a broken upstream. */
const DEFAULT_MAX_PAGES = 20;

/** One call as the client runs it. */
interface InvokeContext {
  cmdlet: ExchangeCmdlet;
  operation: DirectoryOperation;
  write: boolean;
}

export interface ExchangeRestClientOptions extends HttpTransportConfig {
  /** Origin (and optional path prefix) InvokeCommand's path is appended to: the relay, the emulator or the cloud's host. */
  baseUrl: string;
  tokens: TokenProvider;
  /** Tenant id or verified domain; default: the token's `tid` claim, then `fallbackTenant`. */
  tenant?: string;
  /** Used when neither `tenant` nor the token names one (e.g. the signed-in user's domain, a verified domain). */
  fallbackTenant?: string;
  /** The signed-in user's UPN, for X-AnchorMailbox; default: the token's `upn` or `preferred_username`. */
  user?: string;
  maxPages?: number;
  /** The team's one retry policy (src/contacts/retry-policy.ts), with overrides; never retries a create. */
  retry?: Partial<RetryPolicy>;
  /** Told before each retry's wait (throttled or unavailable), for the pane's "trying again" notice. */
  onRetry?: RetryListener;
  /** One line per HTTP exchange: cmdlet, status, duration, request id. */
  logger?: (line: string) => void;
  /** Warnings Exchange attached to a successful answer (`@adminapi.warnings`). */
  onWarnings?: (cmdlet: ExchangeCmdlet, warnings: readonly string[]) => void;
}

export interface InvokeOptions {
  operation: DirectoryOperation;
  signal?: AbortSignal;
}

export interface InvokeResult {
  /** The objects of every page, in order; not yet validated (callers pick their schema). */
  objects: unknown[];
  warnings: string[];
  requestId: string;
}

/** X-AnchorMailbox for a delegated call: the signed-in user (as the PowerShell module sends it). */
function anchorMailbox(user: string): string {
  return `UPN:${user}`;
}

/** The claims of a JWT, unverified (the server verifies); null for anything that is not one. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  const payload = token.split(".")[1];
  if (payload === undefined || token.split(".").length !== 3) return null;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function claim(token: string, ...names: string[]): string | undefined {
  const claims = tokenClaims(token);
  for (const name of names) {
    const value = claims?.[name];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

type Exchange = HttpAnswer;

export class ExchangeRestClient {
  readonly #options: ExchangeRestClientOptions;

  constructor(options: ExchangeRestClientOptions) {
    this.#options = options;
  }

  /** Runs one cmdlet (all its pages) and returns the objects; throws DirectoryError. */
  invoke(
    cmdlet: ExchangeCmdlet,
    parameters: Record<string, ParameterValue>,
    options: InvokeOptions,
  ): Promise<InvokeResult> {
    const context: InvokeContext = { cmdlet, operation: options.operation, write: isWriteCmdlet(cmdlet) };
    // A write's operation is "create" for New-MailContact, which withRetry never repeats.
    return withRetry(
      () => this.#invokeOnce(context, parameters, options),
      { ...DEFAULT_RETRY_POLICY, ...this.#options.retry },
      { operation: options.operation, signal: options.signal, onRetry: this.#options.onRetry },
    );
  }

  async #invokeOnce(
    context: InvokeContext,
    parameters: Record<string, ParameterValue>,
    options: InvokeOptions,
  ): Promise<InvokeResult> {
    const body = JSON.stringify(invokeCommandBody(context.cmdlet, parameters));
    const objects: unknown[] = [];
    const warnings: string[] = [];
    const maxPages = this.#options.maxPages ?? DEFAULT_MAX_PAGES;
    let target: string | null = null;
    let requestId = "";
    for (let page = 1; ; page++) {
      const exchange = await this.#sendWithRefresh(context, target, body, options.signal);
      requestId = exchange.requestId;
      const answer = this.#readAnswer(context, exchange);
      objects.push(...answer.value);
      warnings.push(...(answer["@adminapi.warnings"] ?? []));
      const next = answer["@odata.nextLink"];
      if (!next) break;
      if (page >= maxPages) {
        throw this.#error(context, {
          kind: "protocol",
          reason: "unexpected-shape",
          requestId,
          detail: `more than ${maxPages} pages`,
        });
      }
      target = this.#nextTarget(context, next, requestId);
    }
    if (warnings.length > 0) this.#options.onWarnings?.(context.cmdlet, warnings);
    return { objects, warnings, requestId };
  }

  /** A nextLink's path and query, on our own base URL: the relay (or emulator) serves the same path. */
  #nextTarget(context: InvokeContext, nextLink: string, requestId: string): string {
    let url: URL;
    try {
      url = new URL(nextLink, "https://upstream.invalid");
    } catch {
      url = new URL("https://upstream.invalid/");
    }
    if (!INVOKE_COMMAND_PATH_PATTERN.test(url.pathname)) {
      throw this.#error(context, {
        kind: "protocol",
        reason: "unexpected-shape",
        requestId,
        detail: "nextLink is not InvokeCommand",
      });
    }
    return `${url.pathname}${url.search}`;
  }

  #readAnswer(context: InvokeContext, exchange: Exchange) {
    const { status, requestId } = exchange;
    if (status >= 200 && status < 300) {
      if (looksLikeHtml(exchange.contentType, exchange.bodyText)) {
        throw this.#error(context, {
          kind: looksLikeSignInPage(exchange.bodyText) ? "unauthenticated" : "protocol",
          reason: looksLikeSignInPage(exchange.bodyText) ? "sign-in-page" : "unexpected-shape",
          status,
          requestId,
        });
      }
      // A write may answer 204 or an empty body: nothing came back.
      if (exchange.bodyText.trim() === "") return { value: [] as unknown[] };
      let json: unknown;
      try {
        json = JSON.parse(exchange.bodyText);
      } catch {
        throw this.#error(context, {
          kind: "protocol",
          reason: "unexpected-shape",
          status,
          requestId,
          detail: "not JSON",
        });
      }
      const parsed = InvokeCommandResponseSchema.safeParse(json);
      if (!parsed.success) {
        throw this.#error(context, {
          kind: "protocol",
          reason: "unexpected-shape",
          status,
          requestId,
          detail: `answer without a value array`,
        });
      }
      return parsed.data;
    }
    throw this.#classifyFailure(context, exchange);
  }

  #classifyFailure(context: InvokeContext, exchange: Exchange): DirectoryError {
    const { status, requestId } = exchange;
    const base = { status, requestId };
    const text = this.#errorText(exchange);
    const html = looksLikeHtml(exchange.contentType, exchange.bodyText);
    if (status === 401) {
      return this.#error(context, {
        ...base,
        kind: "unauthenticated",
        reason: html && looksLikeSignInPage(exchange.bodyText) ? "sign-in-page" : "unspecified",
      });
    }
    if (status === 403) return this.#error(context, { ...base, kind: "forbidden" });
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(exchange.retryAfter, (this.#options.now ?? Date.now)());
      return this.#error(context, {
        ...base,
        kind: "throttled",
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    // Exchange's duplicate texts, read the one way every backend reads them.
    const conflict = parseExchangeConflict(text);
    if (conflict) {
      return this.#error(context, {
        ...base,
        kind: "conflict",
        reason: conflict.reason,
        ...(conflict.reason === "address-held-by" && conflict.holder ? { holder: conflict.holder } : {}),
      });
    }
    if (NOT_FOUND_PATTERN.test(text) || status === 404) {
      return this.#error(context, { ...base, kind: "not-found", reason: "unspecified" });
    }
    if (DIR_SYNCED_PATTERN.test(text)) {
      return this.#error(context, {
        ...base,
        kind: "invalid",
        reason: "dir-synced",
      });
    }
    if (status === 408 || status >= 500) {
      return this.#error(context, {
        ...base,
        kind: "unavailable",
        reason: "server-error",
        ambiguous: context.write,
      });
    }
    if (status >= 400 && status < 500) {
      const property = /Property: "?([A-Za-z]+)"?/.exec(text)?.[1];
      const field = property ? FIELD_OF_PARAMETER[property] : undefined;
      const lengths = /maximum length is (\d+) and the length of the value provided is (\d+)/.exec(text);
      return this.#error(context, {
        ...base,
        kind: "invalid",
        ...(field ? { field } : {}),
        ...(lengths
          ? { reason: "too-long" as const, limit: Number(lengths[1]), length: Number(lengths[2]) }
          : {}),
      });
    }
    return this.#error(context, { ...base, kind: "protocol", reason: "unexpected-shape" });
  }

  /** Exchange's text for a failure, from wherever the body keeps it; "" when none. */
  #errorText(exchange: Exchange): string {
    try {
      const parsed = ErrorBodySchema.safeParse(JSON.parse(exchange.bodyText));
      return parsed.success ? errorBodyText(parsed.data) : "";
    } catch {
      return "";
    }
  }

  #error(context: InvokeContext, init: Omit<DirectoryErrorInit, "operation">): DirectoryError {
    const summary = `${context.cmdlet}: ${init.kind}${init.reason ? ` (${init.reason})` : ""}${init.status ? ` status=${init.status}` : ""}`;
    return new DirectoryError({
      operation: context.operation,
      ...init,
      detail: init.detail ? `${summary} ${init.detail}` : summary,
    });
  }

  async #sendWithRefresh(
    context: InvokeContext,
    target: string | null,
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<Exchange> {
    const tokenFailed = (error: unknown): Error => {
      if (signal?.aborted) return this.#error(context, { kind: "aborted" });
      if (isDirectoryError(error)) return error;
      return this.#error(context, { kind: "unauthenticated", cause: error });
    };
    const { answer } = await withTokenRefresh(this.#options.tokens, signal, tokenFailed, (token) =>
      this.#send(context, target, body, token, signal),
    );
    return answer;
  }

  #route(context: InvokeContext, token: string): { tenant: string; user: string | undefined } {
    const tenant = this.#options.tenant || claim(token, "tid") || this.#options.fallbackTenant;
    if (!tenant) {
      throw this.#error(context, {
        kind: "protocol",
        reason: "unexpected-shape",
        detail: "no tenant configured and none in the token",
      });
    }
    return { tenant, user: this.#options.user || claim(token, "upn", "preferred_username") };
  }

  #send(
    context: InvokeContext,
    target: string | null,
    body: string,
    token: string,
    signal: AbortSignal | undefined,
  ): Promise<Exchange> {
    const { tenant, user } = this.#route(context, token);
    return sendAttempt(this.#options, {
      method: "POST",
      path: target ?? invokeCommandPath(tenant),
      token,
      body,
      headers: user ? { "X-AnchorMailbox": anchorMailbox(user) } : {},
      signal,
      logLine: (outcome, elapsedMs, requestId) =>
        `exchange-rest ${context.cmdlet} ${outcome} ${elapsedMs}ms request-id=${requestId}`,
      failed: (noAnswer) =>
        noAnswer.why === "aborted"
          ? this.#error(context, { kind: "aborted", requestId: noAnswer.requestId })
          : this.#error(context, {
              kind: "unavailable",
              reason: "no-answer",
              requestId: noAnswer.requestId,
              ambiguous: context.write,
              detail:
                noAnswer.why === "timeout" ? `no answer within ${noAnswer.timeoutMs} ms` : "network error",
              cause: noAnswer.cause,
            }),
    });
  }
}

/** Exchange's parameter names (as its messages name them) → the seam's field names. */
const FIELD_OF_PARAMETER: Record<string, DirectoryErrorInit["field"]> = {
  Name: "name",
  DisplayName: "displayName",
  FirstName: "firstName",
  LastName: "lastName",
  ExternalEmailAddress: "address",
  Company: "company",
  MailTip: "mailTip",
};
