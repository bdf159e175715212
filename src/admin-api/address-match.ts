/**
 * Exact address matching over GetContacts results.
 *
 * SearchString behaves like startsWith(), so a search for `john@contoso.com` also
 * returns `john@contoso.com.evil.io`: only the same address counts, by the product's one
 * rule (`addressKey` in src/contacts/address.ts: case-insensitive, Unicode and punycode
 * domains equal). Exchange may present an address with its proxy prefix
 * (`SMTP:john@contoso.com`); proxy entries with other prefixes (X500:, SIP:...) are not
 * email addresses.
 */
import { addressKey } from "../contacts/address";
import type { ContactRecord } from "./wire";

/** The address's key without an `smtp:` prefix; null for a non-SMTP proxy entry (X500:, SIP:...). */
function keyOfEntry(value: string): string | null {
  const trimmed = value.trim();
  const prefixed = /^([A-Za-z0-9]+):(.*)$/.exec(trimmed);
  if (prefixed && prefixed[1]!.toLowerCase() !== "smtp") return null;
  return addressKey(prefixed ? prefixed[2]! : trimmed);
}

/** The entries of ContactEmailAddresses, whose shape is not known: an array, or one delimited string. */
function proxyAddressEntries(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === "string");
  if (typeof value === "string") return value.split(/[;,\s]+/).filter((entry) => entry !== "");
  return [];
}

/** The keys of every address the record is known by, external address first. */
export function addressesOf(record: ContactRecord): string[] {
  const candidates = [
    record.ContactExternalEmailAddress,
    record.ContactSmtp ?? "",
    ...proxyAddressEntries(record.ContactEmailAddresses),
  ];
  const addresses: string[] = [];
  for (const candidate of candidates) {
    const key = candidate ? keyOfEntry(candidate) : null;
    if (key && !addresses.includes(key)) addresses.push(key);
  }
  return addresses;
}

/** True when the record's external address, primary SMTP or an SMTP proxy address is `address` (sameAddress). */
export function recordHasAddress(record: ContactRecord, address: string): boolean {
  const wanted = keyOfEntry(address);
  if (!wanted) return false;
  return addressesOf(record).includes(wanted);
}

/**
 * The best exact match among `records`: one whose external address matches is
 * preferred over one that only lists the address among its proxies.
 */
export function findExactAddressMatch(
  records: readonly ContactRecord[],
  address: string,
): ContactRecord | null {
  const wanted = keyOfEntry(address);
  if (!wanted) return null;
  const byExternal = records.find((record) => keyOfEntry(record.ContactExternalEmailAddress) === wanted);
  return byExternal ?? records.find((record) => recordHasAddress(record, wanted)) ?? null;
}
