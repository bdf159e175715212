/**
 * A read-only look at what the real GetContacts returns, to settle the contract's
 * unknowns against a tenant without leaking its data: every value is masked
 * (`"<string len=12>"`), only the key structure, types, status and content type are
 * shown, plus whether the body passes the client's schema and, if not, where not.
 */
import type { TokenProvider } from "../auth/token-provider";
import { exchangeWithAdminApi, type FetchFunction, type RawExchange } from "./http";
import { describeIssues, formatPath, type ShapeIssue } from "./response-parsing";
import { ContactRecordSchema, GetContactsResponseSchema } from "./wire";

/** Array items shown in a masked structure; the rest are summarised by count. */
const ARRAY_ITEMS_SHOWN = 2;

/** Keys are field names, unless a body is keyed by data (an address, an id): those are masked too. */
function maskKey(key: string): string {
  return /@|^[0-9a-f]{8}-[0-9a-f]{4}-|^\d+$/i.test(key) ? `<key len=${key.length}>` : key;
}

/** `value` with every leaf replaced by a description of its type (and length, for strings). */
export function maskJsonValues(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === "string") return `<string len=${value.length}>`;
  if (typeof value === "number") return "<number>";
  if (typeof value === "boolean") return "<boolean>";
  if (Array.isArray(value)) {
    const shown = value.slice(0, ARRAY_ITEMS_SHOWN).map(maskJsonValues);
    if (value.length > ARRAY_ITEMS_SHOWN) shown.push(`<${value.length - ARRAY_ITEMS_SHOWN} more items>`);
    return shown;
  }
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [maskKey(key), maskJsonValues(v)]),
    );
  }
  return `<${typeof value}>`;
}

export interface ProbePage {
  page: number;
  status: number;
  contentType: string;
  requestId: string;
  bodyLength: number;
  /** "json", "empty", "html" (a sign-in page, typically) or "text". */
  bodyKind: "json" | "empty" | "html" | "text";
  /** The JSON body with values masked; absent for non-JSON bodies. */
  maskedBody?: unknown;
  passesSchema: boolean;
  schemaIssues: ShapeIssue[];
  /** Keys found on contact items that the client's schema does not name (kept, but unread). */
  unknownContactKeys: string[];
  /** Keys the client's schema names that no contact item carried. */
  absentContactKeys: string[];
  /** Whether the body carried a non-empty NextLink (its value is masked). */
  hasNextLink: boolean;
}

export interface ProbeReport {
  baseUrl: string;
  searchString: string;
  pages: ProbePage[];
  /** True when every page passed the schema. */
  ok: boolean;
}

export interface ProbeOptions {
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: FetchFunction;
  searchString?: string;
  timeoutMs?: number;
}

function bodyKindOf(exchange: RawExchange): ProbePage["bodyKind"] {
  const text = exchange.bodyText.trim();
  if (text === "") return "empty";
  if (/\bhtml\b/i.test(exchange.contentType) || text.startsWith("<")) return "html";
  try {
    JSON.parse(text);
    return "json";
  } catch {
    return "text";
  }
}

function contactItemKeys(body: unknown): Set<string> | null {
  const contacts = (body as { Contacts?: unknown } | null)?.Contacts;
  if (!Array.isArray(contacts)) return null;
  const keys = new Set<string>();
  for (const item of contacts) {
    if (typeof item === "object" && item !== null) for (const key of Object.keys(item)) keys.add(key);
  }
  return keys;
}

export function inspectExchange(exchange: RawExchange, page: number): ProbePage {
  const bodyKind = bodyKindOf(exchange);
  const base = {
    page,
    status: exchange.status,
    contentType: exchange.contentType,
    requestId: exchange.requestId,
    bodyLength: exchange.bodyText.length,
    bodyKind,
    unknownContactKeys: [] as string[],
    absentContactKeys: [] as string[],
  };
  if (bodyKind !== "json") {
    return {
      ...base,
      passesSchema: false,
      schemaIssues: [{ path: formatPath([]), problem: `is ${bodyKind}, not JSON` }],
      hasNextLink: false,
    };
  }
  const body = JSON.parse(exchange.bodyText) as unknown;
  const result = GetContactsResponseSchema.safeParse(body);
  const itemKeys = contactItemKeys(body);
  const schemaKeys = Object.keys(ContactRecordSchema.shape);
  const nextLink = (body as { NextLink?: unknown } | null)?.NextLink;
  return {
    ...base,
    maskedBody: maskJsonValues(body),
    passesSchema: result.success && exchange.status >= 200 && exchange.status < 300,
    schemaIssues: result.success ? [] : describeIssues(body, result.error.issues),
    unknownContactKeys: itemKeys ? [...itemKeys].filter((key) => !schemaKeys.includes(key)).sort() : [],
    absentContactKeys:
      itemKeys && itemKeys.size > 0 ? schemaKeys.filter((key) => !itemKeys.has(key)).sort() : [],
    hasNextLink: typeof nextLink === "string" && nextLink !== "",
  };
}

/** Calls GetContacts once, and once more when a NextLink comes back. Never writes. */
export async function runProbe(options: ProbeOptions): Promise<ProbeReport> {
  const searchString = options.searchString ?? "";
  const http = {
    baseUrl: options.baseUrl,
    tokens: options.tokens,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  };
  const first = await exchangeWithAdminApi(http, "search", { SearchString: searchString, NextLink: "" });
  const pages = [inspectExchange(first, 1)];
  const firstBody =
    pages[0]!.bodyKind === "json" ? (JSON.parse(first.bodyText) as { NextLink?: unknown }) : null;
  const nextLink = firstBody?.NextLink;
  if (typeof nextLink === "string" && nextLink !== "") {
    const second = await exchangeWithAdminApi(http, "search", {
      SearchString: searchString,
      NextLink: nextLink,
    });
    pages.push(inspectExchange(second, 2));
  }
  return { baseUrl: options.baseUrl, searchString, pages, ok: pages.every((page) => page.passesSchema) };
}

export function formatProbeReport(report: ProbeReport): string {
  const lines = [
    `GetContacts probe against ${report.baseUrl} (SearchString ${report.searchString === "" ? "empty: lists all" : "given"})`,
  ];
  for (const page of report.pages) {
    lines.push(
      "",
      `Page ${page.page}: status ${page.status}, content type ${page.contentType || "(none)"}, ${page.bodyKind} body of ${page.bodyLength} characters, request id ${page.requestId}`,
    );
    if (page.maskedBody !== undefined)
      lines.push("Structure (values masked):", JSON.stringify(page.maskedBody, null, 2));
    if (page.bodyKind === "html")
      lines.push("The body is an HTML page (a sign-in page, typically): the token was not accepted.");
    lines.push(page.passesSchema ? "Passes the client's schema." : "Does NOT pass the client's schema:");
    for (const issue of page.schemaIssues) lines.push(`  - ${issue.path} ${issue.problem}`);
    if (page.unknownContactKeys.length > 0) {
      lines.push(`Contact keys the client does not read: ${page.unknownContactKeys.join(", ")}`);
    }
    if (page.absentContactKeys.length > 0) {
      lines.push(
        `Contact keys the client knows but none of these contacts carried: ${page.absentContactKeys.join(", ")}`,
      );
    }
    lines.push(
      `NextLink: ${page.hasNextLink ? "present (another page follows)" : "absent, null or empty (last page)"}`,
    );
  }
  lines.push(
    "",
    report.ok ? "Result: the response matches what the client expects." : "Result: MISMATCH, see above.",
  );
  return lines.join("\n");
}
