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

/** Why an address cannot be used, as facts (the pane words them: strings.ts, `addressProblem`). */
export type AddressProblem =
  | {
      code:
        | "empty"
        | "legacy-dn"
        | "broken-character"
        | "spaces-or-invisible"
        | "no-at"
        | "nothing-before-at"
        | "no-domain"
        | "quoted-local-part"
        | "several-at"
        | "local-double-dot"
        | "local-edge-dot"
        | "local-invalid-characters"
        | "ip-literal"
        | "ip-address"
        | "domain-double-dot"
        | "domain-edge-dot"
        | "domain-invalid-idn"
        | "bad-top-level";
    }
  | { code: "domain-no-dot"; domain: string }
  | { code: "domain-label-invalid" | "domain-label-bad-punycode"; label: string }
  | { code: "local-too-long" | "domain-too-long" | "address-too-long"; limit: number };

export type NormalizeAddressResult =
  { ok: true; value: NormalizedAddress } | { ok: false; problem: AddressProblem };

/** Dots some keyboards type in domains (ideographic and full-width); IDNA maps them to ".". */
const UNICODE_DOTS = /[\u3002\uFF0E\uFF61]/g;
const LEGACY_DN = /^\/o=/i;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const fail = (problem: AddressProblem): NormalizeAddressResult => ({ ok: false, problem });

/** True for Exchange's internal identifiers (`/O=EXCHANGELABS/OU=...`), which Outlook sometimes gives instead of an SMTP address. */
export function isLegacyExchangeDn(raw: string): boolean {
  return LEGACY_DN.test(raw.trim());
}

function asciiDomain(
  domain: string,
): { ok: true; ascii: string; unicode: string } | { ok: false; problem: AddressProblem } {
  if (domain.startsWith("[")) return { ok: false, problem: { code: "ip-literal" } };
  if (domain.includes("..")) return { ok: false, problem: { code: "domain-double-dot" } };
  if (domain.startsWith(".") || domain.endsWith(".")) {
    return { ok: false, problem: { code: "domain-edge-dot" } };
  }
  if (!domain.includes(".")) return { ok: false, problem: { code: "domain-no-dot", domain } };
  let ascii: string;
  let unicode: string;
  try {
    ascii = toASCII(domain);
    unicode = toUnicode(ascii);
  } catch {
    return { ok: false, problem: { code: "domain-invalid-idn" } };
  }
  const labels = ascii.split(".");
  if (labels.every((label) => /^[0-9]+$/.test(label))) {
    return { ok: false, problem: { code: "ip-address" } };
  }
  for (const label of labels) {
    if (!ASCII_LABEL.test(label)) {
      return { ok: false, problem: { code: "domain-label-invalid", label } };
    }
    if (label.startsWith("xn--")) {
      // A punycode label must decode and re-encode to itself; anything else is garbage or a spoofing attempt.
      try {
        if (toASCII(toUnicode(label)) !== label) throw new Error("not canonical");
      } catch {
        return { ok: false, problem: { code: "domain-label-bad-punycode", label } };
      }
    }
  }
  if (!TOP_LEVEL_LABEL.test(labels[labels.length - 1] ?? "")) {
    return { ok: false, problem: { code: "bad-top-level" } };
  }
  if (ascii.length > ADDRESS_LIMITS.domain) {
    return { ok: false, problem: { code: "domain-too-long", limit: ADDRESS_LIMITS.domain } };
  }
  return { ok: true, ascii, unicode };
}

/** Answers already given, by input: the pane asks about the same few addresses many times per message. */
const normalized = new Map<string, NormalizeAddressResult>();
const NORMALIZED_KEPT = 2000;

/**
 * Parses and normalizes one SMTP address (no display name). On failure, `problem` says why, as
 * facts. Surrounding whitespace and angle brackets are tolerated. Pure: each input is parsed
 * once (the grammar is the costly part of the pane's work between a selection and its verdict);
 * the answer is frozen, as it is shared.
 */
export function normalizeAddress(raw: string): NormalizeAddressResult {
  const known = normalized.get(raw);
  if (known) return known;
  const result = parseAddress(raw);
  Object.freeze(result.ok ? result.value : result.problem);
  if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
  normalized.set(raw, Object.freeze(result));
  return result;
}

function parseAddress(raw: string): NormalizeAddressResult {
  let input = raw.trim();
  if (input.startsWith("<") && input.endsWith(">")) input = input.slice(1, -1).trim();
  if (input === "") return fail({ code: "empty" });
  if (LEGACY_DN.test(input)) {
    return fail({ code: "legacy-dn" });
  }
  // A lone UTF-16 surrogate is half a character: no mail system can deliver to it.
  if (/\p{Cs}/u.test(input)) return fail({ code: "broken-character" });
  if (/[\s\p{Cc}\p{Cf}]/u.test(input)) return fail({ code: "spaces-or-invisible" });
  const at = input.lastIndexOf("@");
  if (at < 0) return fail({ code: "no-at" });
  const rawLocal = input.slice(0, at);
  const rawDomain = input.slice(at + 1);
  if (rawLocal === "") return fail({ code: "nothing-before-at" });
  if (rawDomain === "") return fail({ code: "no-domain" });
  if (rawLocal.startsWith('"')) return fail({ code: "quoted-local-part" });
  if (rawLocal.includes("@")) return fail({ code: "several-at" });
  if (rawLocal.includes("..")) return fail({ code: "local-double-dot" });
  if (rawLocal.startsWith(".") || rawLocal.endsWith(".")) {
    return fail({ code: "local-edge-dot" });
  }
  const localPart = rawLocal.normalize("NFC");
  if (Array.from(localPart).length > ADDRESS_LIMITS.localPart) {
    return fail({ code: "local-too-long", limit: ADDRESS_LIMITS.localPart });
  }

  const domain = asciiDomain(rawDomain.replace(UNICODE_DOTS, ".").normalize("NFC").toLowerCase());
  if (!domain.ok) return fail(domain.problem);

  const address = `${localPart}@${domain.ascii}`;
  if (address.length > ADDRESS_LIMITS.address) {
    return fail({ code: "address-too-long", limit: ADDRESS_LIMITS.address });
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
    return fail({ code: "local-invalid-characters" });
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
