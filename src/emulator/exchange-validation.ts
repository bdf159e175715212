/**
 * Exchange's rules for a mail contact as the emulator enforces them, with Exchange-like
 * wording. The limits and the two collision texts come from src/contacts/exchange-rules.ts,
 * the single table the draft validation also reads, so client and emulator cannot drift.
 */
import { ALIAS_EXTRA_CHARACTERS, EXCHANGE_LIMITS, type LimitedField } from "../contacts/exchange-rules";
import { decodeHtmlEntities, displayedLength } from "../contacts/mail-tip";

/** An error the emulated API answers with: a status and a message for the error body. */
export class EmulatedApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The OData error code, e.g. "InvalidArgument". */
    readonly code: string = defaultErrorCode(status),
  ) {
    super(message);
    this.name = "EmulatedApiError";
  }
}

export function defaultErrorCode(status: number): string {
  switch (status) {
    case 400:
      return "BadRequest";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "NotFound";
    case 409:
      return "Conflict";
    case 413:
      return "PayloadTooLarge";
    case 429:
      return "TooManyRequests";
    case 503:
      return "ServiceUnavailable";
    default:
      return status >= 500 ? "InternalServerError" : "Error";
  }
}

export function validationError(message: string): EmulatedApiError {
  return new EmulatedApiError(400, message, "InvalidArgument");
}

/** The API field, the Exchange parameter it maps to (as named in Exchange's messages) and its limit. */
export interface LimitedProperty {
  apiField: string;
  exchangeName: string;
  limit: LimitedField;
}

export const LIMITED_PROPERTIES: Record<string, LimitedProperty> = {
  ContactName: { apiField: "ContactName", exchangeName: "Name", limit: "name" },
  ContactDisplayName: { apiField: "ContactDisplayName", exchangeName: "DisplayName", limit: "displayName" },
  ContactFirstName: { apiField: "ContactFirstName", exchangeName: "FirstName", limit: "firstName" },
  ContactLastName: { apiField: "ContactLastName", exchangeName: "LastName", limit: "lastName" },
  ContactInitials: { apiField: "ContactInitials", exchangeName: "Initials", limit: "initials" },
  ContactCompany: { apiField: "ContactCompany", exchangeName: "Company", limit: "company" },
  ContactTitle: { apiField: "ContactTitle", exchangeName: "Title", limit: "title" },
  ContactDepartment: { apiField: "ContactDepartment", exchangeName: "Department", limit: "department" },
  ContactOffice: { apiField: "ContactOffice", exchangeName: "Office", limit: "office" },
  ContactMailTip: { apiField: "ContactMailTip", exchangeName: "MailTip", limit: "mailTip" },
};

/** Exchange's wording for a value longer than its property allows. */
export function tooLongMessage(exchangeName: string, limit: number, actual: number): string {
  return `The length of the property is too long. The maximum length is ${limit} and the length of the value provided is ${actual}. Property: "${exchangeName}"`;
}

/**
 * Refuses a value over its limit. Names count UTF-16 units, as .NET does; the mail tip's
 * limit is on displayed characters (the contract's "175 displayed characters"), counted
 * the same way the draft validation counts them so the two never disagree.
 */
export function checkLength(apiField: string, value: string | null): void {
  const property = LIMITED_PROPERTIES[apiField];
  if (property === undefined || value === null) return;
  const limit = EXCHANGE_LIMITS[property.limit];
  // The tip arrives HTML-escaped ("R&amp;D"); the limit is on what a reader sees ("R&D").
  const length = property.limit === "mailTip" ? displayedLength(decodeHtmlEntities(value)) : value.length;
  if (length > limit) throw validationError(tooLongMessage(property.exchangeName, limit, length));
}

/** Exchange's wording for a required parameter given empty. */
export function emptyParameterMessage(exchangeName: string): string {
  return `Cannot bind argument to parameter '${exchangeName}' because it is an empty string.`;
}

/**
 * Reads an optional text field of a request body: undefined when absent, null when null
 * or blank (the client sends "" for "not set"), the string otherwise.
 */
export function readTextField(body: Record<string, unknown>, field: string): string | null | undefined {
  if (!(field in body)) return undefined;
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw validationError(`The value of property "${field}" must be a string.`);
  return value.trim() === "" ? null : value;
}

export function readBooleanField(body: Record<string, unknown>, field: string): boolean | null | undefined {
  if (!(field in body)) return undefined;
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "boolean")
    throw validationError(`The value of property "${field}" must be true or false.`);
  return value;
}

// Dot-atom local part and an ASCII (punycode) domain with at least two labels. Exchange
// refuses non-ASCII SMTP addresses, so the client must send IDN domains as punycode.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function isValidSmtpAddress(address: string): boolean {
  if (address.length > 320) return false;
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split(".");
  if (labels.length < 2 || domain.length > 255) return false;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  // The top-level label is never all digits (that would be an IP address, not a domain).
  return !/^\d+$/.test(labels[labels.length - 1] ?? "");
}

/** Normalizes and checks the external address of a create: an optional "SMTP:" prefix is accepted. */
export function parseExternalAddress(raw: string | null | undefined): string {
  if (raw === undefined || raw === null) throw validationError(emptyParameterMessage("ExternalEmailAddress"));
  const address = raw.trim().replace(/^smtp:/i, "");
  if (!isValidSmtpAddress(address)) {
    throw validationError(
      `The address 'SMTP:${address}' is invalid: "${address}" isn't a valid SMTP address. The domain name can't contain spaces and it has to have a prefix and a suffix, such as example.com.`,
    );
  }
  return address;
}

const MAIL_TIP_WRAPPER = /^\s*<html>\s*<body>([\s\S]*)<\/body>\s*<\/html>\s*$/i;

/**
 * Exchange stores a mail tip wrapped in `<html><body>…</body></html>`. A client that sends
 * back what it read may send that stored form: accept it as the same tip, so a
 * read-modify-write round trip is idempotent. Other HTML is kept as text.
 */
export function normalizeMailTip(value: string | null): string | null {
  if (value === null) return null;
  const wrapped = MAIL_TIP_WRAPPER.exec(value);
  const text = wrapped ? (wrapped[1] ?? "") : value;
  return text.trim() === "" ? null : text;
}

export function wrapMailTip(tip: string): string {
  return `<html><body>${tip}</body></html>`;
}

const ALIAS_ALLOWED = new Set(
  `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789${ALIAS_EXTRA_CHARACTERS}.`,
);

/**
 * Derives an Alias from a Name as Exchange does when none is given: accents dropped,
 * characters outside the allowed set removed, periods only between other characters,
 * at most EXCHANGE_LIMITS.alias characters. Never empty.
 */
export function deriveAlias(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  let alias = "";
  for (const character of ascii) if (ALIAS_ALLOWED.has(character)) alias += character;
  alias = alias.replace(/\.{2,}/g, ".").replace(/^\.+|\.+$/g, "");
  alias = alias.slice(0, EXCHANGE_LIMITS.alias).replace(/\.+$/, "");
  return alias === "" ? "contact" : alias;
}

/** The text the 403 of a write carries: which roles may write. */
export function missingRoleMessage(roles: readonly string[]): string {
  return `Access denied. You need one of these roles to change contacts: ${roles.join(", ")}.`;
}

export function dirSyncedMessage(cmdlet: string, name: string): string {
  return `The action '${cmdlet}', can't be performed on the object '${name}' because the object is being synchronized from your on-premises organization. This action should be performed on the object in your on-premises organization.`;
}

export function notFoundMessage(id: string): string {
  return `The operation couldn't be performed because object '${id}' couldn't be found.`;
}
