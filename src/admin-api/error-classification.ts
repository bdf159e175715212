/**
 * Turns a failed admin center response into a DirectoryError a person can act on.
 *
 * The API's error bodies are undocumented and come in several shapes
 * (`{"error":{"code","message"}}`, `{"Message": ...}`, a plain string, an HTML page),
 * so the server's text is first extracted from whatever shape arrived, then only
 * Exchange's own texts (name/address in use, a field-level validation reason) may be
 * quoted in the message, truncated, and scrubbed of anything token-shaped.
 */
import { EXCHANGE_MESSAGE_PATTERNS } from "../contacts/exchange-rules";
import { DirectoryError } from "./errors";
import { ContactRecordSchema, EXCHANGE_WRITE_ROLES, isWriteRoute, type AdminApiRouteName } from "./wire";

/** The longest server-provided text quoted in an error message. */
export const MAX_QUOTED_SERVER_TEXT = 300;

/** How a route is named to a person in messages. */
export const ROUTE_DESCRIPTIONS: Record<AdminApiRouteName, string> = {
  search: "GetContacts",
  create: "create contact",
  updateGeneral: "update contact",
  updateOptions: "update contact settings",
};

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

/** The body as far as it could be understood: the server's reason and any named field. */
export interface ServerReason {
  /** The human-readable text the server gave, when the body carried one outside HTML. */
  text: string | null;
  /** A field the body names explicitly (JSON `target`/`field`/`property`), when present. */
  field: string | null;
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
const FIELD_KEYS = [
  "target",
  "Target",
  "field",
  "Field",
  "property",
  "Property",
  "PropertyName",
  "propertyName",
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

/** Finds the message and named field in a JSON error body of any of the known shapes. */
function reasonFromJson(parsed: unknown): { text: string | null; field: string | null } {
  if (typeof parsed === "string") return { text: parsed, field: null };
  const root = asRecord(parsed);
  if (!root) return { text: null, field: null };
  // OData: {"error": {"code", "message", "target", "details": [{"message"}], "innererror": {...}}}
  const errorValue = root.error ?? root.Error;
  if (typeof errorValue === "string") return { text: errorValue, field: firstString(root, FIELD_KEYS) };
  const odata = asRecord(errorValue);
  if (odata) {
    let text = firstString(odata, MESSAGE_KEYS);
    const details = odata.details;
    const firstDetail = Array.isArray(details) ? asRecord(details[0]) : asRecord(details);
    if (text === null && firstDetail) text = firstString(firstDetail, MESSAGE_KEYS);
    const field =
      firstString(odata, FIELD_KEYS) ?? (firstDetail ? firstString(firstDetail, FIELD_KEYS) : null);
    return { text, field };
  }
  return { text: firstString(root, MESSAGE_KEYS), field: firstString(root, FIELD_KEYS) };
}

export function extractServerReason(contentType: string, bodyText: string): ServerReason {
  const trimmed = bodyText.trim();
  if (trimmed === "") return { text: null, field: null, isHtml: false };
  if (looksLikeHtml(contentType, trimmed)) return { text: null, field: null, isHtml: true };
  if (/^[[{"]/.test(trimmed)) {
    try {
      return { ...reasonFromJson(JSON.parse(trimmed)), isHtml: false };
    } catch {
      // Not JSON after all: treat it as plain text below.
    }
  }
  return { text: trimmed, field: null, isHtml: false };
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

/**
 * Exchange's own sentence in `text`, from "The" before the match to the end of its
 * closing advice ("Choose another proxy address." / "Please try another name."), so
 * that surrounding noise (cmdlet prefixes, stack traces, JSON) is not quoted.
 */
function exchangeSentence(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) return text;
  const before = text.slice(0, match.index);
  const start = /\bthe\s+$/i.test(before) ? before.search(/\bthe\s+$/i) : match.index;
  const rest = text.slice(match.index);
  const advice = /(choose another proxy address|please try another name)\.?/i.exec(rest);
  const sentenceEnd = rest.search(/\.(\s|$)/);
  const length = advice
    ? advice.index + advice[0].length
    : sentenceEnd === -1
      ? rest.length
      : sentenceEnd + 1;
  return text.slice(start, match.index + length).trim();
}

const KNOWN_FIELDS = new Set(Object.keys(ContactRecordSchema.shape));

/**
 * Maps a field name as Exchange or the API states it ("FirstName", "ContactMailTip",
 * "ExternalEmailAddress") to the API field (ContactFirstName...). Unknown names are kept.
 */
export function toApiFieldName(name: string): string {
  const trimmed = name.trim();
  if (KNOWN_FIELDS.has(trimmed)) return trimmed;
  const prefixed = `Contact${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
  if (KNOWN_FIELDS.has(prefixed)) return prefixed;
  if (/^hiddenfromaddresslistsenabled$/i.test(trimmed)) return "ContactHiddenFromAddressListsEnabled";
  if (/^name$/i.test(trimmed)) return "ContactName";
  return trimmed;
}

/** The field a validation text names: `Property: "FirstName"`, `property 'MailTip'`, `Parameter name: Alias`. */
export function fieldNamedInText(text: string): string | null {
  const match =
    /\bProperty(?:\s*name)?\s*[:=]?\s*["'“]([A-Za-z][A-Za-z0-9]*)["'”]/i.exec(text) ??
    /\bParameter\s+name\s*:\s*([A-Za-z][A-Za-z0-9]*)/i.exec(text) ??
    /\bthe\s+([A-Z][A-Za-z0-9]*)\s+(?:property|field|parameter)\b/.exec(text);
  return match?.[1] ?? null;
}

function rolesSentence(): string {
  const roles = [...EXCHANGE_WRITE_ROLES];
  const last = roles.pop();
  return `${roles.join(", ")} or ${last}`;
}

/** The DirectoryError for a non-2xx response (or a 2xx that reports failure). */
export function classifyFailedResponse(response: FailedResponse): DirectoryError {
  const { route, requestId } = response;
  const status = response.reportedFailure ? 400 : response.status;
  const reason = extractServerReason(response.contentType, response.bodyText);
  const secrets = response.secrets ?? [];
  const write = isWriteRoute(route);
  const base = { route, status: response.status, requestId };
  const where = ROUTE_DESCRIPTIONS[route];
  // Exchange's own texts are recognised in any body shape and under any status,
  // because the admin center has been seen to wrap them in 400 and 500 alike.
  const searchable = reason.text ?? (reason.isHtml ? "" : response.bodyText);

  if (EXCHANGE_MESSAGE_PATTERNS.proxyAddressInUse.test(searchable)) {
    const quoted = sanitizeServerText(
      exchangeSentence(searchable, EXCHANGE_MESSAGE_PATTERNS.proxyAddressInUse),
      secrets,
    );
    return new DirectoryError({
      ...base,
      kind: "address-in-use",
      field: "ContactExternalEmailAddress",
      message: `Another recipient in your organization already uses this address. Exchange says: ${quoted}`,
    });
  }
  if (EXCHANGE_MESSAGE_PATTERNS.nameInUse.test(searchable)) {
    const quoted = sanitizeServerText(
      exchangeSentence(searchable, EXCHANGE_MESSAGE_PATTERNS.nameInUse),
      secrets,
    );
    return new DirectoryError({
      ...base,
      kind: "name-in-use",
      field: "ContactName",
      message: `Another recipient in your organization already has this name. Exchange says: ${quoted}`,
    });
  }

  if (status === 401) {
    return new DirectoryError({
      ...base,
      kind: "unauthenticated",
      message: "The admin center did not accept your sign-in (it may have expired). Sign in again.",
    });
  }
  if (status === 403) {
    return new DirectoryError({
      ...base,
      kind: "forbidden",
      message: write
        ? `Your account may read contacts but not change them. Creating or editing a mail contact needs one of these admin roles: ${rolesSentence()}.`
        : `Your account is not allowed to read contacts in the admin center. Ask for one of these admin roles: ${rolesSentence()}.`,
    });
  }
  if (status === 404) {
    if (route === "updateGeneral" || route === "updateOptions") {
      return new DirectoryError({
        ...base,
        kind: "not-found",
        message:
          "The contact was not found in the admin center: it may have been deleted, or it was created moments ago and is not visible yet.",
      });
    }
    return new DirectoryError({
      ...base,
      kind: "protocol",
      message: `The admin center does not know the ${where} call (404). Check the API address or the relay.`,
    });
  }
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(response.retryAfterHeader, response.nowMs);
    const when =
      retryAfterMs === undefined
        ? "Try again shortly."
        : `Try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`;
    return new DirectoryError({
      ...base,
      kind: "throttled",
      retryAfterMs,
      message: `The admin center is limiting requests right now (${status}). ${when}`,
    });
  }
  if (status === 400 || status === 422) {
    const namedField = reason.field ?? (reason.text ? fieldNamedInText(reason.text) : null);
    const field = namedField ? toApiFieldName(namedField) : undefined;
    const quoted = reason.text ? sanitizeServerText(reason.text, secrets) : null;
    const subject = field ? `the value of ${field}` : "the request";
    return new DirectoryError({
      ...base,
      kind: "validation",
      field,
      message: quoted
        ? `The admin center refused ${subject}. Exchange says: ${quoted}`
        : `The admin center refused ${subject} (${status}) without saying why.`,
    });
  }
  if (status === 408 || status >= 500) {
    return new DirectoryError({
      ...base,
      kind: "transient",
      ambiguous: write,
      message: write
        ? `The admin center failed while handling the ${where} call (${status}); the change may or may not have been applied.`
        : `The admin center failed while handling the ${where} call (${status}). Try again.`,
    });
  }
  return new DirectoryError({
    ...base,
    kind: "protocol",
    message: `The admin center answered the ${where} call with an unexpected status (${status}).`,
  });
}
