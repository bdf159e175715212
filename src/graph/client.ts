/**
 * Reads the signed-in user's received messages (sender and date only) from Microsoft Graph,
 * for frequent-sender suggestions. Graph allows CORS, so the pane calls it directly with its
 * own delegated token (Mail.ReadBasic); there is no relay route.
 *
 * Per page: a fresh `client-request-id`, the bearer token, a timeout and the caller's
 * AbortSignal; the team's one retry policy (src/contacts/retry-policy.ts) per page, so a 429
 * on page five waits (honouring Retry-After) and repeats page five only. A 401 gets one silent
 * token refresh. `@odata.nextLink` is followed on our own base URL, and only to the messages
 * path. Failures become DirectoryError facts (operation "readMail"); nothing in an error or a
 * log line carries the token, a body, an address or a date.
 */
import { looksLikeHtml, parseRetryAfter } from "../admin-api/error-classification";
import type { TokenProvider } from "../auth/token-provider";
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
  GraphErrorBodySchema,
  GraphMessageSchema,
  GraphMessagesPageSchema,
  messagesQuery,
} from "./wire";

export const DEFAULT_TIMEOUT_MS = 15_000;
/** 20 pages of 250: 5,000 messages in the window is plenty to rank senders; more is cut off. */
export const DEFAULT_MAX_PAGES = 20;

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

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

interface Answer {
  status: number;
  contentType: string;
  bodyText: string;
  retryAfter: string | null;
  requestId: string;
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
    const token = await this.#token(signal, false);
    let answer = await this.#send(target, token, signal);
    if (answer.status === 401) {
      // An expired token is normal weather: one silent refresh, then give up.
      answer = await this.#send(target, await this.#token(signal, true), signal);
    }
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

  /** A nextLink's path and query on our own base URL, and only to the messages path. */
  #nextTarget(nextLink: string, requestId: string): string {
    let url: URL | null = null;
    try {
      url = new URL(nextLink, GRAPH_BASE_URL);
    } catch {
      url = null;
    }
    if (url === null || url.pathname !== GRAPH_MESSAGES_PATH) {
      throw error({ kind: "protocol", reason: "unexpected-shape", requestId, detail: "nextLink elsewhere" });
    }
    return `${url.pathname}${url.search}`;
  }

  #classifyFailure(answer: Answer): DirectoryError {
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

  async #token(signal: AbortSignal | undefined, forceRefresh: boolean): Promise<string> {
    try {
      return await this.#options.tokens.getToken({ forceRefresh, signal });
    } catch (cause) {
      if (signal?.aborted) throw error({ kind: "aborted" });
      if (isDirectoryError(cause)) throw cause;
      throw error({ kind: "unauthenticated", reason: "no-token", cause });
    }
  }

  async #send(target: string, token: string, signal: AbortSignal | undefined): Promise<Answer> {
    const requestId = (this.#options.newRequestId ?? (() => globalThis.crypto.randomUUID()))();
    const now = this.#options.now ?? Date.now;
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const fetchFunction: FetchFunction =
      this.#options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    if (signal?.aborted) throw error({ kind: "aborted", requestId });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const started = now();
    const log = (outcome: string) =>
      this.#options.logger?.(`graph messages ${outcome} ${now() - started}ms request-id=${requestId}`);
    const baseUrl = (this.#options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, "");
    try {
      const response = await fetchFunction(`${baseUrl}${target}`, {
        method: "GET",
        headers: {
          Accept: "application/json",
          Authorization: `Bearer ${token}`,
          "client-request-id": requestId,
        },
        signal: controller.signal,
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
    } catch (cause) {
      if (signal?.aborted) {
        log("aborted");
        throw error({ kind: "aborted", requestId });
      }
      log(timedOut ? "timeout" : "network-error");
      throw error({
        kind: "unavailable",
        reason: "no-answer",
        requestId,
        detail: timedOut ? `no answer within ${timeoutMs} ms` : "network error",
        cause,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
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
