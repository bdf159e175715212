/**
 * Exchange's rules for a mail contact (../shared/admin-api-contract.md, "Exchange rules").
 * One table, read by the draft validation (to refuse before sending) and by the
 * emulator (to refuse as Exchange does).
 */
import type { AddressHolder } from "./directory-error";

export const EXCHANGE_LIMITS = {
  name: 64,
  displayName: 256,
  firstName: 64,
  lastName: 64,
  initials: 6,
  company: 64,
  title: 64,
  department: 64,
  office: 64,
  alias: 64,
  /** Displayed characters of the mail tip (plain text). */
  mailTip: 175,
} as const;

export type LimitedField = keyof typeof EXCHANGE_LIMITS;

/** The roles that may write contacts, whatever the backend (named when a write is forbidden). */
export const EXCHANGE_WRITE_ROLES = [
  "Exchange Administrator",
  "Exchange Recipient Administrator",
  "Global Administrator",
] as const;

/** Characters allowed in an Alias besides ASCII letters and digits. Periods only between other characters. */
export const ALIAS_EXTRA_CHARACTERS = "!#%*+-/=?^_~$&'`{}|";

/** Exchange's own error texts, reproduced by the emulator and recognised by the client. */
export const EXCHANGE_MESSAGES = {
  proxyAddressInUse: (smtp: string, usedBy: string) =>
    `The proxy address "SMTP:${smtp}" is already being used by the proxy addresses or LegacyExchangeDN of "${usedBy}". Choose another proxy address.`,
  nameInUse: (name: string) => `The name "${name}" is already being used. Please try another name.`,
} as const;

/** Recognisers for the texts above, tolerant of surrounding JSON or wording around them. */
export const EXCHANGE_MESSAGE_PATTERNS = {
  proxyAddressInUse: /proxy address\s+"?SMTP:[^"\s]+"?\s+is already being used/i,
  nameInUse: /the name\s+"[^"]*"\s+is already being used/i,
} as const;

/** What one of Exchange's conflict texts says, as facts: which reason, and who holds the address when named. */
export type ExchangeConflict =
  { reason: "address-held-by"; holder: AddressHolder | undefined } | { reason: "name-taken" };

/**
 * Recognises Exchange's duplicate-address and duplicate-name texts in any surrounding
 * (JSON, cmdlet prefixes), for every backend that relays them. The holder's name is the
 * quoted one after "LegacyExchangeDN of"; the text does not say what kind of recipient it
 * is, so its kind is "other" (a backend that can ask, findHolder, knows better).
 */
export function parseExchangeConflict(text: string): ExchangeConflict | null {
  if (EXCHANGE_MESSAGE_PATTERNS.proxyAddressInUse.test(text)) {
    const named = /LegacyExchangeDN of\s+"([^"]{1,256})"/i.exec(text)?.[1]?.trim();
    return { reason: "address-held-by", holder: named ? { name: named, kind: "other" } : undefined };
  }
  if (EXCHANGE_MESSAGE_PATTERNS.nameInUse.test(text)) return { reason: "name-taken" };
  return null;
}
