/**
 * Exact address matching over GetContacts results.
 *
 * SearchString behaves like startsWith(), so a search for `john@contoso.com` also
 * returns `john@contoso.com.evil.io`: only an exact, case-insensitive match counts.
 * Exchange may present an address with its proxy prefix (`SMTP:john@contoso.com`);
 * proxy entries with other prefixes (X500:, SIP:...) are not email addresses.
 */
import type { ContactRecord } from "./wire";

/** Lower-cased address without an `smtp:` prefix; null for a non-SMTP proxy entry (X500:, SIP:...). */
export function comparableAddress(value: string): string | null {
  const trimmed = value.trim().normalize("NFC");
  const prefixed = /^([A-Za-z0-9]+):(.*)$/.exec(trimmed);
  if (prefixed) {
    if (prefixed[1]!.toLowerCase() !== "smtp") return null;
    return prefixed[2]!.trim().toLowerCase();
  }
  return trimmed.toLowerCase();
}

/** The entries of ContactEmailAddresses, whose shape is not known: an array, or one delimited string. */
function proxyAddressEntries(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === "string");
  if (typeof value === "string") return value.split(/[;,\s]+/).filter((entry) => entry !== "");
  return [];
}

/** Every address the record is known by, comparable form, external address first. */
export function addressesOf(record: ContactRecord): string[] {
  const candidates = [
    record.ContactExternalEmailAddress,
    record.ContactSmtp ?? "",
    ...proxyAddressEntries(record.ContactEmailAddresses),
  ];
  const addresses: string[] = [];
  for (const candidate of candidates) {
    const comparable = candidate ? comparableAddress(candidate) : null;
    if (comparable && !addresses.includes(comparable)) addresses.push(comparable);
  }
  return addresses;
}

/** True when the record's external address, primary SMTP or an SMTP proxy address equals `address` exactly (case-insensitive). */
export function recordHasAddress(record: ContactRecord, address: string): boolean {
  const wanted = comparableAddress(address);
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
  const wanted = comparableAddress(address);
  if (!wanted) return null;
  const byExternal = records.find(
    (record) => comparableAddress(record.ContactExternalEmailAddress) === wanted,
  );
  return byExternal ?? records.find((record) => recordHasAddress(record, wanted)) ?? null;
}
