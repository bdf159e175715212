/**
 * Exchange's rules for a mail contact (../shared/admin-api-contract.md, "Exchange rules").
 * One table, read by the draft validation (to refuse before sending) and by the
 * emulator (to refuse as Exchange does).
 */

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
