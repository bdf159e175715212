/**
 * The one error type at the ContactDirectory seam. Every backend (admin center,
 * Exchange InvokeCommand) maps its statuses, bodies and Exchange texts onto a kind
 * and a reason; the pane chooses every sentence a person reads from those
 * (src/taskpane/strings.ts). Errors carry facts, never prose for people, and never a
 * token, cookie or body.
 */

/** The seam's operations, named after ContactDirectory's methods. */
export type DirectoryOperation =
  | "findByAddress"
  | "findHolder"
  | "readDetails"
  | "create"
  | "updateGeneral"
  | "updateOptions"
  /** Not the directory's: reading the user's own received mail (Graph) for frequent-sender suggestions. */
  | "readMail";

export type DirectoryErrorKind =
  /** The token was missing, expired or refused (one silent refresh already tried). */
  | "unauthenticated"
  /** The caller lacks a role that allows the operation. */
  | "forbidden"
  /** The contact is not there (deleted, or not visible yet after create). */
  | "not-found"
  /** The address or the Name is already held by another recipient. */
  | "conflict"
  /** The backend refused a field's value. */
  | "invalid"
  /** 429/503: asked to wait. */
  | "throttled"
  /** The service failed (5xx) or did not answer (network, timeout). */
  | "unavailable"
  /** The answer did not have the expected shape. */
  | "protocol"
  /** The caller cancelled through its AbortSignal. */
  | "aborted";

export type DirectoryErrorReason =
  /** unauthenticated/protocol: the service answered with a sign-in page instead of data. */
  | "sign-in-page"
  /** not-found: the contact existed and is gone. */
  | "deleted"
  /** not-found/conflict: a contact created moments ago is not visible or writable yet. */
  | "not-visible-yet"
  /** conflict: another recipient holds the address (see `holder`). */
  | "address-held-by"
  /** conflict: the Name is taken. */
  | "name-taken"
  /** conflict: the Name and its alternative are both taken. */
  | "both-names-taken"
  /** unavailable: the service answered with a server error. */
  | "server-error"
  /** unavailable: no answer at all (network failure, dropped connection, timeout). */
  | "no-answer"
  /** protocol: a body that is not what the backend speaks (bad JSON, missing id). */
  | "unexpected-shape"
  /** protocol: a status the backend does not use for this call (e.g. 404 on a search: a wrong address or relay). */
  | "unexpected-status"
  /** protocol: a contact read back after the updates differs from what was sent (see `fields`). */
  | "read-back-differs"
  /** unauthenticated: no token could be obtained (the sign-in itself failed). */
  | "no-token"
  /** invalid: the value (a mail tip) holds control or invisible characters (bidi marks, zero-width, broken). */
  | "invisible-characters"
  /** invalid: the value is longer than Exchange allows (see `limit`, `length`). */
  | "too-long"
  /** invalid: the contact is mastered on-premises (directory sync) and cannot be changed in the cloud. */
  | "dir-synced"
  /** unavailable: the part of the add-in that talks to the directory could not be downloaded. */
  | "download-failed"
  /** forbidden/invalid/any: the backend gave no more precise reason. */
  | "unspecified";

/** The kind of recipient that holds an address, as far as the backend tells. */
export type RecipientKind = "mailbox" | "guest" | "mail-user" | "group" | "contact" | "other";

export interface AddressHolder {
  /** The holder's display name, when the backend names it. */
  name: string;
  kind: RecipientKind;
}

/** The field a validation failure is about, in the seam's words (MailContact's keys). */
export type DirectoryField =
  | "name"
  | "displayName"
  | "firstName"
  | "lastName"
  | "address"
  | "company"
  | "mailTip"
  | "hiddenFromAddressLists";

export interface DirectoryErrorInit {
  kind: DirectoryErrorKind;
  reason?: DirectoryErrorReason;
  operation?: DirectoryOperation;
  status?: number;
  /** For "invalid": which field, when the backend says. */
  field?: DirectoryField;
  /** For "conflict"/"address-held-by": who holds the address, when known. */
  holder?: AddressHolder;
  /** For "throttled": milliseconds the service asked us to wait, when it said. */
  retryAfterMs?: number;
  /** For "both-names-taken": the Names tried, in order. */
  names?: readonly string[];
  /** For "read-back-differs": the fields that did not stick. */
  fields?: readonly DirectoryField[];
  /** For "too-long": the limit and the length found. */
  limit?: number;
  length?: number;
  /**
   * For "invalid": Exchange's own reason when it gave one, sanitized of anything
   * token-shaped and truncated. The pane quotes it as Exchange's words, never as its own.
   */
  serviceText?: string;
  /** The request id sent with the failing call, for support. */
  requestId?: string;
  /** A write that may have been applied although it failed: look before re-sending a create. */
  ambiguous?: boolean;
  /** A short technical summary for logs and support (never shown as the pane's sentence). */
  detail?: string;
  cause?: unknown;
}

export class DirectoryError extends Error {
  readonly kind: DirectoryErrorKind;
  readonly reason: DirectoryErrorReason;
  readonly operation?: DirectoryOperation;
  readonly status?: number;
  readonly field?: DirectoryField;
  readonly holder?: AddressHolder;
  readonly retryAfterMs?: number;
  readonly names?: readonly string[];
  readonly fields?: readonly DirectoryField[];
  readonly limit?: number;
  readonly length?: number;
  readonly serviceText?: string;
  readonly requestId?: string;
  readonly ambiguous: boolean;

  constructor(init: DirectoryErrorInit) {
    super(
      init.detail ?? `${init.kind}${init.reason ? ` (${init.reason})` : ""}`,
      init.cause !== undefined ? { cause: init.cause } : undefined,
    );
    this.name = "DirectoryError";
    this.kind = init.kind;
    this.reason = init.reason ?? "unspecified";
    this.operation = init.operation;
    this.status = init.status;
    this.field = init.field;
    this.holder = init.holder;
    this.retryAfterMs = init.retryAfterMs;
    this.names = init.names;
    this.fields = init.fields;
    this.limit = init.limit;
    this.length = init.length;
    this.serviceText = init.serviceText;
    this.requestId = init.requestId;
    this.ambiguous = init.ambiguous ?? false;
  }
}

/** The operations that change data: refused to a read-only caller, and possibly applied when they fail. */
export function isWriteOperation(operation: DirectoryOperation | undefined): boolean {
  return operation === "create" || operation === "updateGeneral" || operation === "updateOptions";
}

export function isDirectoryError(error: unknown, kind?: DirectoryErrorKind): error is DirectoryError {
  return error instanceof DirectoryError && (kind === undefined || error.kind === kind);
}
