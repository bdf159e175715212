/**
 * Turns a failed admin center response into the seam's DirectoryError: a kind, a reason
 * and facts (the holder of an address, Retry-After, Exchange's reason for a refusal).
 * The pane words it (src/taskpane/strings.ts).
 *
 * The API's error bodies are undocumented and come in several shapes
 * (`{"error":{"code","message"}}`, `{"Message": ...}`, a plain string, an HTML page),
 * so the server's text is first extracted from whatever shape arrived; only Exchange's
 * own texts are kept, truncated and scrubbed of anything token-shaped.
 */
import { DirectoryError, isWriteOperation } from "../contacts/directory-error";
import { parseExchangeConflict } from "../contacts/exchange-rules";
import { ROUTE_OPERATIONS, type AdminApiRouteName } from "./wire-constants";

/** The longest server-provided text an error carries (Exchange's reason for a refusal). */
const MAX_QUOTED_SERVER_TEXT = 300;

/** What a failed HTTP exchange looked like, without anything secret. */
export interface FailedResponse {
  route: AdminApiRouteName;
  status: number;
  contentType: string;
  bodyText: string;
  retryAfterHeader: string | null;
  requestId: string;
  /** Current time in ms since the epoch, for Retry-After given as an HTTP date. */
  nowMs: number;
  /** A 2xx whose body reports failure (`{"Succeeded": false, ...}`): classified as a refusal (400). */
  reportedFailure?: boolean;
  /** Strings that must never appear in a message (the bearer token in use). */
  secrets?: readonly string[];
}

/** The body as far as it could be understood: the server's reason. */
export interface ServerReason {
  /** The text the server gave, when the body carried one outside HTML. */
  text: string | null;
  isHtml: boolean;
}

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date.
 * Returns undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Only an HTTP date (it names a weekday or month); Date.parse would also take "-5".
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}

export function looksLikeHtml(contentType: string, bodyText: string): boolean {
  return /\bhtml\b/i.test(contentType) || /^\s*</.test(bodyText);
}

/** Properties by which an admin center acknowledgement has been seen to report failure with a 2xx status. */
const FAILURE_FLAGS = ["Succeeded", "Success", "IsSuccess", "IsSucceeded"] as const;

/** True for a 2xx JSON body that says the call failed (`{"Succeeded": false, "Message": ...}`). */
export function bodyReportsFailure(bodyText: string): boolean {
  const trimmed = bodyText.trim();
  if (!trimmed.startsWith("{")) return false;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    return false;
  }
  const record = asRecord(body);
  return record !== null && FAILURE_FLAGS.some((flag) => record[flag] === false);
}

/** An HTML page that asks for credentials: what a relay or proxy answers when the token was not accepted. */
export function looksLikeSignInPage(bodyText: string): boolean {
  return /sign[\s-]?in|log[\s-]?in|login\.microsoftonline|<input[^>]+type=["']?password/i.test(bodyText);
}

const MESSAGE_KEYS = [
  "message",
  "Message",
  "ErrorMessage",
  "errorMessage",
  "error_description",
  "detail",
  "Detail",
];

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}

/** Finds the message in a JSON error body of any of the known shapes. */
function reasonFromJson(parsed: unknown): string | null {
  if (typeof parsed === "string") return parsed;
  const root = asRecord(parsed);
  if (!root) return null;
  // OData: {"error": {"code", "message", "details": [{"message"}], "innererror": {...}}}
  const errorValue = root.error ?? root.Error;
  if (typeof errorValue === "string") return errorValue;
  const odata = asRecord(errorValue);
  if (odata) {
    const details = odata.details;
    const firstDetail = Array.isArray(details) ? asRecord(details[0]) : asRecord(details);
    return firstString(odata, MESSAGE_KEYS) ?? (firstDetail ? firstString(firstDetail, MESSAGE_KEYS) : null);
  }
  return firstString(root, MESSAGE_KEYS);
}

export function extractServerReason(contentType: string, bodyText: string): ServerReason {
  const trimmed = bodyText.trim();
  if (trimmed === "") return { text: null, isHtml: false };
  if (looksLikeHtml(contentType, trimmed)) return { text: null, isHtml: true };
  if (/^[[{"]/.test(trimmed)) {
    try {
      return { text: reasonFromJson(JSON.parse(trimmed)), isHtml: false };
    } catch {
      // Not JSON after all: treat it as plain text below.
    }
  }
  return { text: trimmed, isHtml: false };
}

/** Removes bearer tokens, JWT-shaped strings and the given secrets from server text, then truncates it. */
export function sanitizeServerText(text: string, secrets: readonly string[] = []): string {
  let cleaned = text;
  for (const secret of secrets) {
    if (secret) cleaned = cleaned.split(secret).join("<redacted>");
  }
  cleaned = cleaned
    .replace(/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer <redacted>")
    .replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "<redacted>")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned.length > MAX_QUOTED_SERVER_TEXT) cleaned = `${cleaned.slice(0, MAX_QUOTED_SERVER_TEXT - 1)}…`;
  return cleaned;
}

/** The DirectoryError for a non-2xx response (or a 2xx that reports failure): facts only, no prose. */
export function classifyFailedResponse(response: FailedResponse): DirectoryError {
  const { route, requestId } = response;
  const status = response.reportedFailure ? 400 : response.status;
  const reason = extractServerReason(response.contentType, response.bodyText);
  const secrets = response.secrets ?? [];
  const operation = ROUTE_OPERATIONS[route];
  const base = { operation, status: response.status, requestId, detail: `${route} ${response.status}` };
  // Exchange's own texts are recognised in any body shape and under any status,
  // because the admin center has been seen to wrap them in 400 and 500 alike.
  const conflict = parseExchangeConflict(reason.text ?? (reason.isHtml ? "" : response.bodyText));
  if (conflict?.reason === "address-held-by") {
    const holder = conflict.holder && {
      ...conflict.holder,
      name: sanitizeServerText(conflict.holder.name, secrets),
    };
    return new DirectoryError({
      ...base,
      kind: "conflict",
      reason: "address-held-by",
      field: "address",
      holder,
    });
  }
  if (conflict?.reason === "name-taken") {
    return new DirectoryError({ ...base, kind: "conflict", reason: "name-taken", field: "name" });
  }

  if (status === 401) return new DirectoryError({ ...base, kind: "unauthenticated" });
  if (status === 403) return new DirectoryError({ ...base, kind: "forbidden" });
  if (status === 404) {
    // Only the updates name a contact; a 404 on search or create means the call itself is unknown.
    return route === "updateGeneral" || route === "updateOptions"
      ? new DirectoryError({ ...base, kind: "not-found" })
      : new DirectoryError({ ...base, kind: "protocol", reason: "unexpected-status" });
  }
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(response.retryAfterHeader, response.nowMs);
    return new DirectoryError({ ...base, kind: "throttled", retryAfterMs });
  }
  if (status === 400 || status === 422) {
    const serviceText = reason.text ? sanitizeServerText(reason.text, secrets) : undefined;
    return new DirectoryError({ ...base, kind: "invalid", serviceText });
  }
  if (status === 408 || status >= 500) {
    return new DirectoryError({
      ...base,
      kind: "unavailable",
      reason: "server-error",
      ambiguous: isWriteOperation(operation),
    });
  }
  return new DirectoryError({ ...base, kind: "protocol", reason: "unexpected-status" });
}
