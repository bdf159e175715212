/**
 * Header hygiene, both ways. The relay builds the upstream request's headers from an
 * allowlist instead of copying and stripping: whatever the browser sends (cookies,
 * X-Forwarded-*, Sec-*, Origin, Referer, User-Agent, hop-by-hop headers and those named
 * in Connection) is simply never copied. The same holds for responses: only the headers
 * the pane needs come back; Set-Cookie and everything else stay behind.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/** Identifies the relay to the admin center instead of the user's browser. */
export const RELAY_USER_AGENT = "gal-contact-addin-relay/0.1";

/** `Bearer <token68>` (RFC 6750 section 2.1): the only credential the relay accepts. */
const BEARER_PATTERN = /^Bearer [A-Za-z0-9\-._~+/]+=*$/;
/** A request id the relay keeps as given: a GUID or similar, never free text. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
/** Language ranges per RFC 9110 (e.g. `en-US,en;q=0.9`), bounded in length. */
const ACCEPT_LANGUAGE_PATTERN = /^[A-Za-z0-9*\-,;=. ]{1,256}$/;
/** `application/json` with optional parameters such as `charset=utf-8`. */
const JSON_MEDIA_TYPE_PATTERN = /^application\/json\s*(;.*)?$/i;
/** X-AnchorMailbox as Exchange's clients send it: `UPN:user@domain` (or APP:/SMTP:), nothing else. */
const ANCHOR_MAILBOX_PATTERN = /^(?:UPN|APP|SMTP):[A-Za-z0-9!#$%&'*+/=?^_`{|}~.@-]{3,320}$/;
/** Retry-After: delay-seconds or an HTTP-date. */
const RETRY_AFTER_PATTERN = /^(\d{1,10}|[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;
/** A media type as an upstream sends it; anything stranger is dropped. */
const CONTENT_TYPE_PATTERN =
  /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=("[^"\r\n]*"|[A-Za-z0-9!#$&^_.+-]+))*$/;

export function hasBearerToken(authorization: string | undefined): authorization is string {
  return authorization !== undefined && BEARER_PATTERN.test(authorization);
}

export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_MEDIA_TYPE_PATTERN.test(contentType.trim());
}

/** The caller's client-request-id when it is a plain id, else a fresh UUID. */
export function resolveRequestId(headers: IncomingHttpHeaders): string {
  const given = singleValue(headers["client-request-id"]);
  return given !== undefined && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

export interface UpstreamHeaderInput {
  incoming: IncomingHttpHeaders;
  /** The already-validated `Authorization` value, forwarded unchanged. */
  authorization: string;
  requestId: string;
  /** Origin of the admin center (e.g. `https://admin.microsoft.com`). */
  upstreamOrigin: string;
  bodyLength: number;
  /** InvokeCommand only: forward the caller's X-AnchorMailbox routing hint (when well-formed). */
  forwardAnchorMailbox?: boolean;
}

/** The complete header set of a forwarded request. Nothing else is ever sent upstream. */
export function buildUpstreamHeaders(input: UpstreamHeaderInput): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    authorization: input.authorization,
    accept: sanitizedAccept(singleValue(input.incoming.accept)),
    "client-request-id": input.requestId,
    "user-agent": RELAY_USER_AGENT,
    origin: input.upstreamOrigin,
    referer: `${input.upstreamOrigin}/`,
    // The relay buffers and re-measures bodies; a compressed answer would only have to be undone.
    "accept-encoding": "identity",
    "content-length": String(input.bodyLength),
  };
  const contentType = singleValue(input.incoming["content-type"]);
  if (input.bodyLength > 0 && contentType !== undefined) headers["content-type"] = contentType;
  const anchor = singleValue(input.incoming["x-anchormailbox"]);
  if (input.forwardAnchorMailbox && anchor !== undefined && ANCHOR_MAILBOX_PATTERN.test(anchor)) {
    headers["x-anchormailbox"] = anchor;
  }
  const acceptLanguage = singleValue(input.incoming["accept-language"]);
  if (acceptLanguage !== undefined && ACCEPT_LANGUAGE_PATTERN.test(acceptLanguage)) {
    headers["accept-language"] = acceptLanguage;
  }
  return headers;
}

/** The response headers the browser gets back from an upstream answer (Content-Length is set by the caller). */
export function pickResponseHeaders(upstream: IncomingHttpHeaders, requestId: string): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const contentType = singleValue(upstream["content-type"]);
  if (contentType !== undefined && CONTENT_TYPE_PATTERN.test(contentType))
    headers["content-type"] = contentType;
  const retryAfter = singleValue(upstream["retry-after"]);
  if (retryAfter !== undefined && RETRY_AFTER_PATTERN.test(retryAfter)) headers["retry-after"] = retryAfter;
  const upstreamRequestId = singleValue(upstream["request-id"]);
  if (upstreamRequestId !== undefined && REQUEST_ID_PATTERN.test(upstreamRequestId)) {
    headers["request-id"] = upstreamRequestId;
  }
  const echoedClientRequestId = singleValue(upstream["client-request-id"]);
  headers["client-request-id"] =
    echoedClientRequestId !== undefined && REQUEST_ID_PATTERN.test(echoedClientRequestId)
      ? echoedClientRequestId
      : requestId;
  return headers;
}

function sanitizedAccept(accept: string | undefined): string {
  return accept !== undefined && /^[A-Za-z0-9*/+.,;=\- ]{1,256}$/.test(accept) ? accept : "application/json";
}

function singleValue(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}
