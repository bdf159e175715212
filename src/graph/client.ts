/**
 * Reads the signed-in user's Inbox (sender and date only) from Microsoft Graph,
 * for frequent-sender suggestions. Graph allows CORS, so the pane calls it directly with its
 * own delegated token (Mail.ReadBasic); there is no relay route.
 *
 * Per page, through the project's one transport (src/transport/http-exchange.ts): a fresh
 * `client-request-id`, the bearer token, a timeout and the caller's AbortSignal, one silent
 * token refresh after a 401; the team's one retry policy (src/contacts/retry-policy.ts) per
 * page, so a 429 on page five waits (honouring Retry-After) and repeats page five only.
 * `@odata.nextLink` is followed on our own base URL, and only to the messages
 * path. Failures become DirectoryError facts (operation "readMail"); nothing in an error or a
 * log line carries the token, a body, an address or a date.
 */
import { looksLikeHtml, parseRetryAfter } from "../admin-api/error-classification";
import type { TokenProvider } from "../auth/token-provider";
import {
  sendAttempt,
  withTokenRefresh,
  type FetchFunction,
  type HttpAnswer,
} from "../transport/http-exchange";
import { DirectoryError, isDirectoryError, type DirectoryErrorInit } from "../contacts/directory-error";
import {
  DEFAULT_RETRY_POLICY,
  withRetry,
  type RetryListener,
  type RetryPolicy,
} from "../contacts/retry-policy";
import type { ReceivedMessage } from "../contacts/suggestions";
import {
  GRAPH_BASE_URL,
  GRAPH_MESSAGES_PATH,
  isInboxMessagesPath,
  GraphErrorBodySchema,
  GraphMessageSchema,
  GraphMessagesPageSchema,
  messagesQuery,
} from "./wire";

/** 20 pages of 250: 5,000 messages in the window is plenty to rank senders; more is cut off. */
export const DEFAULT_MAX_PAGES = 20;

export type { FetchFunction };

export interface GraphMailClientOptions {
  /** https://graph.microsoft.com (default), or the emulator. */
  baseUrl?: string;
  tokens: TokenProvider;
  fetch?: FetchFunction;
  timeoutMs?: number;
  maxPages?: number;
  pageSize?: number;
  retry?: Partial<RetryPolicy>;
  onRetry?: RetryListener;
  /** One line per HTTP exchange: status, duration, request id. */
  logger?: (line: string) => void;
  newRequestId?: () => string;
  now?: () => number;
}

export interface ReceivedMessages {
  messages: ReceivedMessage[];
  /** True when the window held more pages than maxPages: the counts cover the newest ones. */
  truncated: boolean;
}

export class GraphMailClient {
  readonly #options: GraphMailClientOptions;

  constructor(options: GraphMailClientOptions) {
    this.#options = options;
  }

  /** Every message received since `since`, newest first: sender and date only. */
  async receivedSince(since: Date, options: { signal?: AbortSignal } = {}): Promise<ReceivedMessages> {
    const maxPages = this.#options.maxPages ?? DEFAULT_MAX_PAGES;
    const messages: ReceivedMessage[] = [];
    let target = `${GRAPH_MESSAGES_PATH}${messagesQuery(since, this.#options.pageSize)}`;
    for (let page = 1; ; page++) {
      const current = target;
      const answer = await withRetry(
        () => this.#page(current, options.signal),
        { ...DEFAULT_RETRY_POLICY, ...this.#options.retry },
        { operation: "readMail", signal: options.signal, onRetry: this.#options.onRetry },
      );
      messages.push(...answer.messages);
      if (!answer.nextLink) return { messages, truncated: false };
      if (page >= maxPages) return { messages, truncated: true };
      target = this.#nextTarget(answer.nextLink, answer.requestId);
    }
  }

  async #page(
    target: string,
    signal: AbortSignal | undefined,
  ): Promise<{ messages: ReceivedMessage[]; nextLink: string | null; requestId: string }> {
    // One silent token refresh after a 401, as every client of the project does.
    const { answer } = await withTokenRefresh(
      this.#options.tokens,
      signal,
      (cause) =>
        isDirectoryError(cause) ? cause : error({ kind: "unauthenticated", reason: "no-token", cause }),
      (token) =>
        sendAttempt(
          {
            baseUrl: this.#options.baseUrl ?? GRAPH_BASE_URL,
            ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
            ...(this.#options.timeoutMs !== undefined ? { timeoutMs: this.#options.timeoutMs } : {}),
            ...(this.#options.logger ? { logger: this.#options.logger } : {}),
            ...(this.#options.newRequestId ? { newRequestId: this.#options.newRequestId } : {}),
            ...(this.#options.now ? { now: this.#options.now } : {}),
          },
          {
            method: "GET",
            path: target,
            token,
            ...(signal ? { signal } : {}),
            logLine: (outcome, elapsedMs, requestId) =>
              `graph messages ${outcome} ${elapsedMs}ms request-id=${requestId}`,
            failed: (noAnswer) =>
              noAnswer.why === "aborted"
                ? error({ kind: "aborted", requestId: noAnswer.requestId })
                : error({
                    kind: "unavailable",
                    reason: "no-answer",
                    requestId: noAnswer.requestId,
                    detail:
                      noAnswer.why === "timeout"
                        ? `no answer within ${noAnswer.timeoutMs} ms`
                        : "network error",
                    cause: noAnswer.cause,
                  }),
          },
        ),
    );
    if (answer.status < 200 || answer.status >= 300) throw this.#classifyFailure(answer);
    const base = { status: answer.status, requestId: answer.requestId };
    if (looksLikeHtml(answer.contentType, answer.bodyText)) {
      throw error({ ...base, kind: "protocol", reason: "unexpected-shape", detail: "HTML answer" });
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.bodyText);
    } catch {
      throw error({ ...base, kind: "protocol", reason: "unexpected-shape", detail: "not JSON" });
    }
    const parsed = GraphMessagesPageSchema.safeParse(json);
    if (!parsed.success) {
      throw error({ ...base, kind: "protocol", reason: "unexpected-shape", detail: "no value array" });
    }
    const messages: ReceivedMessage[] = [];
    for (const raw of parsed.data.value) {
      const message = GraphMessageSchema.safeParse(raw);
      if (!message.success) {
        throw error({
          ...base,
          kind: "protocol",
          reason: "unexpected-shape",
          detail: "message without a date",
        });
      }
      const address = message.data.from?.emailAddress;
      messages.push({
        from: address ? { displayName: address.name ?? "", emailAddress: address.address ?? "" } : null,
        receivedDateTime: message.data.receivedDateTime,
      });
    }
    return { messages, nextLink: parsed.data["@odata.nextLink"] ?? null, requestId: answer.requestId };
  }

  /** A nextLink's path and query on our own base URL, and only to the Inbox's messages. */
  #nextTarget(nextLink: string, requestId: string): string {
    let url: URL | null = null;
    try {
      url = new URL(nextLink, GRAPH_BASE_URL);
    } catch {
      url = null;
    }
    if (url === null || !isInboxMessagesPath(url.pathname)) {
      throw error({ kind: "protocol", reason: "unexpected-shape", requestId, detail: "nextLink elsewhere" });
    }
    return `${url.pathname}${url.search}`;
  }

  #classifyFailure(answer: HttpAnswer): DirectoryError {
    const base = { status: answer.status, requestId: answer.requestId };
    const code = graphErrorCode(answer.bodyText);
    const detail = code ? `code=${code}` : undefined;
    const withDetail = detail ? { detail } : {};
    if (answer.status === 401) return error({ ...base, kind: "unauthenticated", ...withDetail });
    // No consent to Mail.ReadBasic, or the mailbox is not the user's to read.
    if (answer.status === 403) return error({ ...base, kind: "forbidden", ...withDetail });
    if (answer.status === 429 || answer.status === 503) {
      const retryAfterMs = parseRetryAfter(answer.retryAfter, (this.#options.now ?? Date.now)());
      return error({
        ...base,
        kind: "throttled",
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        ...withDetail,
      });
    }
    if (answer.status === 408 || answer.status >= 500) {
      return error({ ...base, kind: "unavailable", reason: "server-error", ...withDetail });
    }
    return error({ ...base, kind: "protocol", reason: "unexpected-status", ...withDetail });
  }
}

/** Graph's error code ("ErrorAccessDenied", "ApplicationThrottled"...) when the body has one: a fact, never shown as is. */
function graphErrorCode(bodyText: string): string | null {
  try {
    const parsed = GraphErrorBodySchema.safeParse(JSON.parse(bodyText));
    const code = parsed.success ? parsed.data.error.code : undefined;
    return code && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}

function error(init: Omit<DirectoryErrorInit, "operation">): DirectoryError {
  const summary = `graph messages: ${init.kind}${init.reason ? ` (${init.reason})` : ""}${init.status ? ` status=${init.status}` : ""}`;
  return new DirectoryError({
    operation: "readMail",
    ...init,
    detail: init.detail ? `${summary} ${init.detail}` : summary,
  });
}
