/**
 * One error taxonomy for every directory call. The pane maps `kind` to what a person
 * can do about it; `message` is already written for a person. No error ever carries
 * a token, a cookie or a request/response body: only the status, the route name,
 * a short server-provided reason where it is known to be safe (Exchange's own error
 * text about a name or address), and the request id for support.
 */
import type { AdminApiRouteName } from "./wire";

export type DirectoryErrorKind =
  /** 401: no token, expired token. One silent refresh has already been tried. */
  | "unauthenticated"
  /** 403: the caller lacks an Exchange-capable admin role. */
  | "forbidden"
  /** 404: the contact is gone. */
  | "not-found"
  /** Exchange: the address is already a proxy address of another recipient. */
  | "address-in-use"
  /** Exchange: the Name is already used by another recipient. */
  | "name-in-use"
  /** 400 with a field-level reason. */
  | "validation"
  /** 429 or 503 with (optionally) Retry-After. */
  | "throttled"
  /** 5xx, network failure, timeout: the outcome of a write is unknown. */
  | "transient"
  /** The response did not have the expected shape (HTML sign-in page, bad JSON, missing ContactId...). */
  | "protocol"
  /** The caller aborted the call through its AbortSignal. */
  | "aborted";

export interface DirectoryErrorInit {
  kind: DirectoryErrorKind;
  message: string;
  route?: AdminApiRouteName;
  status?: number;
  /** For "validation": the API field the problem is about, when known (e.g. "ContactMailTip"). */
  field?: string;
  /** For "throttled": milliseconds the server asked us to wait, when it said. */
  retryAfterMs?: number;
  /** The client-request-id sent with the failing call, for correlation with server logs. */
  requestId?: string;
  /**
   * For a write: true when the request may have been applied even though it failed
   * (timeout, dropped connection, 5xx). The caller must look before re-sending a create.
   */
  ambiguous?: boolean;
  cause?: unknown;
}

export class DirectoryError extends Error {
  readonly kind: DirectoryErrorKind;
  readonly route?: AdminApiRouteName;
  readonly status?: number;
  readonly field?: string;
  readonly retryAfterMs?: number;
  readonly requestId?: string;
  readonly ambiguous: boolean;

  constructor(init: DirectoryErrorInit) {
    super(init.message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = "DirectoryError";
    this.kind = init.kind;
    this.route = init.route;
    this.status = init.status;
    this.field = init.field;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId;
    this.ambiguous = init.ambiguous ?? false;
  }
}

export function isDirectoryError(error: unknown, kind?: DirectoryErrorKind): error is DirectoryError {
  return error instanceof DirectoryError && (kind === undefined || error.kind === kind);
}
