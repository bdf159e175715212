/**
 * Typed client for the admin center contact API: one function per endpoint, every
 * response validated, idempotent calls retried, create never retried.
 */
import type { TokenProvider } from "../auth/token-provider";
import { DirectoryError } from "../contacts/directory-error";
import {
  DEFAULT_RETRY_POLICY,
  withRetry,
  type RetryListener,
  type RetryPolicy,
} from "../contacts/retry-policy";
import { findExactAddressMatch } from "./address-match";
import {
  sendAdminApiRequest,
  type AdminApiHttpConfig,
  type AdminApiResponse,
  type FetchFunction,
} from "./http";
import { parseJsonBody, parseRequiredBody, protocolError } from "./response-parsing";
import {
  ContactRecordSchema,
  GetContactsResponseSchema,
  ROUTE_OPERATIONS,
  type AdminApiRouteName,
  type ContactRecord,
  type CreateContactBody,
  type GetContactsRequest,
  type GetContactsResponse,
} from "./wire";

/** How many GetContacts pages one search may follow before it is treated as a runaway. */
const DEFAULT_MAX_PAGES = 50;

export interface AdminCenterClientOptions {
  /** Where the API paths are appended: `window.location.origin` (the relay) in production, the emulator in tests. */
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: FetchFunction;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** One line per HTTP exchange: method, route, status, ms, attempt, request id. Nothing secret. */
  logger?: (line: string) => void;
  /** Told before each retry of an idempotent call, e.g. to show "throttled, retrying in 3 s". */
  onRetry?: RetryListener;
}

export interface ClientCallOptions {
  signal?: AbortSignal;
}

export interface SearchOptions extends ClientCallOptions {
  maxPages?: number;
}

export interface CreateContactResult {
  /** The created contact when the API returned it; null for a bare acknowledgement. */
  contact: ContactRecord | null;
}

/** The contact in a write's response: the body itself, or one property of it that is a contact. */
function contactInBody(body: unknown): ContactRecord | null {
  const direct = ContactRecordSchema.safeParse(body);
  if (direct.success) return direct.data;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  for (const value of Object.values(body as Record<string, unknown>)) {
    const nested = ContactRecordSchema.safeParse(value);
    if (nested.success) return nested.data;
  }
  return null;
}

export class AdminCenterClient {
  readonly #http: AdminApiHttpConfig;
  readonly #retry: RetryPolicy;
  readonly #onRetry?: RetryListener;

  constructor(options: AdminCenterClientOptions) {
    this.#http = {
      baseUrl: options.baseUrl,
      tokens: options.tokens,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    };
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#onRetry = options.onRetry;
  }

  /** Keeps the token provider and configuration out of console / JSON output. */
  toJSON(): string {
    return "AdminCenterClient(<redacted>)";
  }

  /** One call through the retry policy (which never repeats a create). */
  #send(route: AdminApiRouteName, body: unknown, options: ClientCallOptions) {
    return withRetry(
      (attempt) => sendAdminApiRequest(this.#http, route, body, { signal: options.signal, attempt }),
      this.#retry,
      { operation: ROUTE_OPERATIONS[route], signal: options.signal, onRetry: this.#onRetry },
    );
  }

  /** One GetContacts page (retried when throttled or unavailable). */
  async #getContactsPage(
    request: GetContactsRequest,
    options: ClientCallOptions,
  ): Promise<GetContactsResponse> {
    const response = await this.#send("search", request, options);
    return parseRequiredBody("search", response, GetContactsResponseSchema, "a contact list");
  }

  /**
   * Yields GetContacts pages for `searchString`, following NextLink until it is null
   * or empty. A NextLink that repeats, or paging past `maxPages`, is a protocol error
   * rather than an endless loop.
   */
  async *searchContactPages(
    searchString: string,
    options: SearchOptions = {},
  ): AsyncGenerator<GetContactsResponse> {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    const seenLinks = new Set<string>();
    let nextLink = "";
    for (let page = 1; ; page += 1) {
      const response = await this.#getContactsPage(
        { SearchString: searchString, NextLink: nextLink },
        options,
      );
      yield response;
      const link = response.NextLink ?? "";
      if (link === "") return;
      if (seenLinks.has(link)) {
        throw new DirectoryError({
          kind: "protocol",
          reason: "unexpected-shape",
          operation: "findByAddress",
          detail: "GetContacts returned a NextLink it had already returned",
        });
      }
      if (page >= maxPages) {
        throw new DirectoryError({
          kind: "protocol",
          reason: "unexpected-shape",
          operation: "findByAddress",
          detail: `GetContacts still paging after ${maxPages} pages`,
        });
      }
      seenLinks.add(link);
      nextLink = link;
    }
  }

  /**
   * The contact whose address equals `address` exactly (case-insensitive), or null.
   * Searches with the address itself, ignores startsWith look-alikes, and stops
   * paging as soon as a page holds an exact match.
   */
  async findContactByAddress(address: string, options: SearchOptions = {}): Promise<ContactRecord | null> {
    for await (const page of this.searchContactPages(address.trim(), options)) {
      const match = findExactAddressMatch(page.Contacts, address);
      if (match) return match;
    }
    return null;
  }

  /**
   * Creates a contact. Never retried: a failure with `ambiguous: true` (timeout,
   * dropped connection, 5xx) means it may exist, and the caller must look first.
   */
  async createContact(
    body: CreateContactBody,
    options: ClientCallOptions = {},
  ): Promise<CreateContactResult> {
    const response = await this.#send("create", body, options);
    const parsed = this.#parseWriteResponse("create", response);
    return { contact: contactInBody(parsed) };
  }

  /** PUT /admin/api/Contact: names, company, title, phones, web page. Returns the contact as now stored. */
  async updateContactGeneral(record: ContactRecord, options: ClientCallOptions = {}): Promise<ContactRecord> {
    return this.#update("updateGeneral", record, options);
  }

  /** PUT /admin/api/Contact/options: mail tip, hidden from address lists. Returns the contact as now stored. */
  async updateContactOptions(record: ContactRecord, options: ClientCallOptions = {}): Promise<ContactRecord> {
    return this.#update("updateOptions", record, options);
  }

  async #update(
    route: AdminApiRouteName,
    record: ContactRecord,
    options: ClientCallOptions,
  ): Promise<ContactRecord> {
    const response = await this.#send(route, record, options);
    const parsed = this.#parseWriteResponse(route, response);
    const contact = contactInBody(parsed);
    if (!contact) return record;
    if (contact.ContactId.toLowerCase() !== record.ContactId.toLowerCase()) {
      throw protocolError(route, response, "the contact returned is not the one that was updated");
    }
    return contact;
  }

  /**
   * A write's body: empty, an acknowledgement or a contact. (A 2xx that says it failed
   * never gets here: sendAdminApiRequest turns it into an error, with the token at hand to scrub.)
   */
  #parseWriteResponse(route: AdminApiRouteName, response: AdminApiResponse): unknown {
    try {
      return parseJsonBody(route, response);
    } catch (error) {
      // A short non-JSON 2xx body ("OK", "true") is an acknowledgement, not a failure.
      if (response.bodyText.trim().length <= 64) return undefined;
      throw error;
    }
  }
}
