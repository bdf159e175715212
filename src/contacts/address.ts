/**
 * Email addresses as Exchange sees them.
 *
 * Parsing is done by email-addresses (an RFC 5322 grammar), not by a regex of ours; on top of
 * it we refuse what Exchange refuses for an external address (quoted local parts, IP-literal
 * and dotless domains, over-long parts) and normalize: the domain lower-case and in ASCII
 * (punycode), which is the form Exchange accepts; the local part kept as written, because
 * Exchange stores it so (plus-addressing `a+tag@` is a distinct address and is kept).
 * Exchange compares SMTP addresses case-insensitively, and so does `sameAddress`.
 */
import { parseOneAddress } from "email-addresses";
import { toASCII, toUnicode } from "punycode/";
import type { NormalizedAddress } from "./types";

/** RFC 5321 limits, which Exchange enforces: local part 64, domain 253, whole address 254 (ASCII form). */
export const ADDRESS_LIMITS = { localPart: 64, domain: 253, address: 254 } as const;

export type NormalizeAddressResult = { ok: true; value: NormalizedAddress } | { ok: false; reason: string };

/** Dots some keyboards type in domains (ideographic and full-width); IDNA maps them to ".". */
const UNICODE_DOTS = /[\u3002\uFF0E\uFF61]/g;
const LEGACY_DN = /^\/o=/i;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const fail = (reason: string): NormalizeAddressResult => ({ ok: false, reason });

/** True for Exchange's internal identifiers (`/O=EXCHANGELABS/OU=...`), which Outlook sometimes gives instead of an SMTP address. */
export function isLegacyExchangeDn(raw: string): boolean {
  return LEGACY_DN.test(raw.trim());
}

function asciiDomain(
  domain: string,
): { ok: true; ascii: string; unicode: string } | { ok: false; reason: string } {
  if (domain.startsWith("["))
    return { ok: false, reason: "An IP address in brackets is not accepted as a domain." };
  if (domain.includes("..")) return { ok: false, reason: "The domain has two dots in a row." };
  if (domain.startsWith(".") || domain.endsWith(".")) {
    return { ok: false, reason: "The domain cannot start or end with a dot." };
  }
  if (!domain.includes("."))
    return { ok: false, reason: `The domain "${domain}" has no dot (a full domain looks like contoso.com).` };
  let ascii: string;
  let unicode: string;
  try {
    ascii = toASCII(domain);
    unicode = toUnicode(ascii);
  } catch {
    return { ok: false, reason: "The domain is not a valid internationalized domain name." };
  }
  const labels = ascii.split(".");
  if (labels.every((label) => /^[0-9]+$/.test(label))) {
    return { ok: false, reason: "An IP address is not accepted as a domain." };
  }
  for (const label of labels) {
    if (!ASCII_LABEL.test(label)) {
      return {
        ok: false,
        reason: `The domain part "${label}" is not valid (letters, digits and inner hyphens only, at most 63 characters).`,
      };
    }
    if (label.startsWith("xn--")) {
      // A punycode label must decode and re-encode to itself; anything else is garbage or a spoofing attempt.
      try {
        if (toASCII(toUnicode(label)) !== label) throw new Error("not canonical");
      } catch {
        return { ok: false, reason: `The domain part "${label}" is not valid punycode.` };
      }
    }
  }
  if (!TOP_LEVEL_LABEL.test(labels[labels.length - 1] ?? "")) {
    return { ok: false, reason: "The domain does not end in a valid top-level domain." };
  }
  if (ascii.length > ADDRESS_LIMITS.domain) {
    return { ok: false, reason: `The domain is longer than ${ADDRESS_LIMITS.domain} characters.` };
  }
  return { ok: true, ascii, unicode };
}

/**
 * Parses and normalizes one SMTP address (no display name). On failure, `reason` is a sentence
 * a person can read. Surrounding whitespace and angle brackets are tolerated.
 */
export function normalizeAddress(raw: string): NormalizeAddressResult {
  let input = raw.trim();
  if (input.startsWith("<") && input.endsWith(">")) input = input.slice(1, -1).trim();
  if (input === "") return fail("The address is empty.");
  if (LEGACY_DN.test(input)) {
    return fail("This is an internal Exchange identifier (legacy DN), not an email address.");
  }
  // A lone UTF-16 surrogate is half a character: no mail system can deliver to it.
  if (/\p{Cs}/u.test(input))
    return fail("The address contains a broken character (half of a character pair).");
  if (/[\s\p{Cc}\p{Cf}]/u.test(input)) return fail("The address contains spaces or invisible characters.");
  const at = input.lastIndexOf("@");
  if (at < 0) return fail("The address has no @.");
  const rawLocal = input.slice(0, at);
  const rawDomain = input.slice(at + 1);
  if (rawLocal === "") return fail("The address has nothing before the @.");
  if (rawDomain === "") return fail("The address has no domain after the @.");
  if (rawLocal.startsWith('"')) return fail('Quoted local parts ("…"@) are not accepted.');
  if (rawLocal.includes("@")) return fail("The address has more than one @.");
  if (rawLocal.includes("..")) return fail("The part before the @ has two dots in a row.");
  if (rawLocal.startsWith(".") || rawLocal.endsWith(".")) {
    return fail("The part before the @ cannot start or end with a dot.");
  }
  const localPart = rawLocal.normalize("NFC");
  if (Array.from(localPart).length > ADDRESS_LIMITS.localPart) {
    return fail(`The part before the @ is longer than ${ADDRESS_LIMITS.localPart} characters.`);
  }

  const domain = asciiDomain(rawDomain.replace(UNICODE_DOTS, ".").normalize("NFC").toLowerCase());
  if (!domain.ok) return fail(domain.reason);

  const address = `${localPart}@${domain.ascii}`;
  if (address.length > ADDRESS_LIMITS.address) {
    return fail(`The address is longer than ${ADDRESS_LIMITS.address} characters.`);
  }
  // The grammar check proper: what the RFC 5322 (+ RFC 6532 for Unicode local parts) parser refuses, Exchange refuses.
  const parsed = parseOneAddress({
    input: address,
    rfc6532: true,
    strict: true,
    rejectTLD: true,
    startAt: "address",
  });
  if (parsed === null || parsed.type !== "mailbox" || parsed.name !== null || parsed.address !== address) {
    return fail("The part before the @ contains characters an email address cannot have.");
  }

  return {
    ok: true,
    value: {
      address,
      displayAddress: `${localPart}@${domain.unicode}`,
      localPart,
      domain: domain.ascii,
      displayDomain: domain.unicode,
      mixedScriptDomain: mixedScriptLabels(domain.unicode).length > 0,
    },
  };
}

/**
 * Exchange's comparison key: whole address, case-insensitive, domain in ASCII form. Two
 * addresses have the same key exactly when `sameAddress` says they are the same, so it
 * keys anything per person (the lookup cache, the pane's per-sender state).
 */
export function addressKey(raw: string): string {
  const normalized = normalizeAddress(raw);
  const text = normalized.ok ? normalized.value.address : raw.trim();
  return text.normalize("NFC").toLowerCase();
}

/** The domain part of `addressKey`: ASCII, lower case (what a Name's "(domain)" tag is made from). */
export function domainKey(raw: string): string {
  const key = addressKey(raw);
  return key.slice(key.lastIndexOf("@") + 1);
}

/**
 * True when Exchange treats the two as the same address: case-insensitive over the whole
 * address, Unicode and punycode forms of a domain equal. Plus-tags are not stripped:
 * `jane+news@x.com` and `jane@x.com` are different recipients.
 */
export function sameAddress(a: string, b: string): boolean {
  return addressKey(a) === addressKey(b);
}

/**
 * Scripts tested when judging a domain label. Characters in none of them (digits, hyphen,
 * Common/Inherited marks) do not count; letters of any other script count as "Other".
 */
const SCRIPTS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Han", /\p{Script=Han}/u],
  ["Hiragana", /\p{Script=Hiragana}/u],
  ["Katakana", /\p{Script=Katakana}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Bopomofo", /\p{Script=Bopomofo}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
];
const SCRIPT_NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * Script mixtures that are normal in one word (Unicode TS #39 "highly restrictive"): Japanese
 * mixes Han, Hiragana and Katakana, Chinese Han and Bopomofo, Korean Han and Hangul, and each may
 * add Latin. Any other mixture (Latin with Cyrillic, Greek...) is a look-alike risk.
 */
const ACCEPTED_MIXTURES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

function scriptsOf(label: string): string[] {
  const found = new Set<string>();
  for (const character of label) {
    if (SCRIPT_NEUTRAL.test(character) || !/\p{L}/u.test(character)) continue;
    found.add(SCRIPTS.find(([, pattern]) => pattern.test(character))?.[0] ?? "Other");
  }
  return [...found];
}

/** The labels of a (Unicode) domain that mix scripts in a way no language does, with their scripts. */
export function mixedScriptLabels(unicodeDomain: string): { label: string; scripts: string[] }[] {
  return unicodeDomain
    .split(".")
    .map((label) => ({ label, scripts: scriptsOf(label) }))
    .filter(
      ({ scripts }) =>
        scripts.length > 1 &&
        !ACCEPTED_MIXTURES.some((accepted) => scripts.every((script) => accepted.has(script))),
    );
}
