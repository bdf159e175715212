/**
 * Raw HTTP calls to the emulated admin API for the emulator's own integration tests:
 * no client library in between, so the tests see exactly what a client would receive.
 */
import { ADMIN_API_ROUTES, type AdminApiRouteName, type ContactRecord } from "../../src/admin-api/wire";
import { DEMO_TOKENS } from "../../src/emulator/server";

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

export interface CallOptions {
  token?: string | null;
  requestId?: string;
  /** Send this text instead of JSON.stringify(body). */
  rawBody?: string;
}

export async function callApi(
  baseUrl: string,
  route: AdminApiRouteName,
  body: unknown,
  options: CallOptions = {},
): Promise<RawReply> {
  const { method, path } = ADMIN_API_ROUTES[route];
  return callPath(baseUrl, method, path, body, options);
}

export async function callPath(
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  options: CallOptions = {},
): Promise<RawReply> {
  const token = options.token === undefined ? DEMO_TOKENS.admin : options.token;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.requestId !== undefined) headers["client-request-id"] = options.requestId;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function search(baseUrl: string, searchString: string, nextLink = "", options?: CallOptions) {
  return callApi(baseUrl, "search", { SearchString: searchString, NextLink: nextLink }, options);
}

export interface SearchResult {
  Contacts: ContactRecord[];
  NextLink: string | null;
}

export function asSearchResult(reply: RawReply): SearchResult {
  if (reply.status !== 200) throw new Error(`search failed: ${reply.status} ${reply.text}`);
  return reply.json as SearchResult;
}

/** The create body the client sends: every field present, "" when unset. */
export function createBody(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    ContactFirstName: "",
    ContactLastName: "",
    ContactDisplayName: "",
    ContactExternalEmailAddress: "",
    ContactMailTip: "",
    ContactCompany: "",
    ContactTitle: "",
    ContactWebPage: "",
    ContactPhone: "",
    ContactMobilePhone: "",
    ContactFax: "",
    ContactHiddenFromAddressListsEnabled: false,
    selected: false,
    ...overrides,
  };
}

/** The message of an error body in the default (OData) shape. */
export function odataMessage(reply: RawReply): string {
  const body = reply.json as { error?: { message?: string } } | undefined;
  if (typeof body?.error?.message !== "string")
    throw new Error(`not an OData error: ${reply.status} ${reply.text}`);
  return body.error.message;
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
