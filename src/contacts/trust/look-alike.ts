/**
 * Is the sender's domain dressed up as one the organization knows: its own, a contact's, or a
 * much-impersonated brand? Compared on the registrable domain (Public Suffix List, through
 * company.ts), in this order, first match wins:
 *
 * - never: the same registrable domain (the identical domain, its subdomains, its parent), or
 *   two free-mail providers (outlook.de is not a fake outlook.com);
 * - embedded: the known domain written as labels of another one (`contoso.com.attacker.io`,
 *   `contoso-com.attacker.io`, and a known label of 5+ letters: `contoso.attacker.io`);
 * - confusable: the same after the UTS #39 skeleton (Cyrillic "о" for Latin "o", "rn" for "m")
 *   and after digit swaps (`c0ntoso`, `1itware`), under any suffix;
 * - hyphen: the same label once hyphens are dropped (`northwind-traders` / `northwindtraders`);
 * - other-suffix: the same label under another public suffix (`contoso.co`, `contoso.com.au`),
 *   for labels of 4+ characters and not for brands (they own their country domains);
 * - typo: edit distance 1 on labels of 5+ characters, 2 on labels of 8+ (a swap of two
 *   neighbours counts 1): `contosso`, `cotnoso`, `fabrikan`. Shorter labels are left alone:
 *   among 3- and 4-letter names most neighbours are other, real companies.
 */
import { distance } from "fastest-levenshtein";
import { toASCII, toUnicode } from "punycode/";
import { isFreeMailDomain, registrableDomain, type RegistrableDomain } from "../company";

export type KnownDomainSource = "organization" | "contact" | "brand";

export interface KnownDomain {
  /** ASCII (punycode), lower-case. */
  domain: string;
  source: KnownDomainSource;
}

export type LookAlikeKind = "embedded" | "confusable" | "hyphen" | "other-suffix" | "typo";

export interface LookAlike {
  kind: LookAlikeKind;
  /** The domain the sender's imitates. */
  known: KnownDomain;
}

/** A UTS #39 skeleton function (NFD, confusable prototypes, NFD). */
export type Skeleton = (text: string) => string;

/**
 * Much-impersonated brands (phishing reports' usual top names), compared like the others
 * except for other-suffix. Short on purpose: each entry must earn its false-alarm risk.
 */
export const IMPERSONATED_BRANDS: readonly string[] = [
  "microsoft.com",
  "office.com",
  "paypal.com",
  "apple.com",
  "amazon.com",
  "google.com",
  "docusign.net",
  "dropbox.com",
  "linkedin.com",
  "adobe.com",
  "netflix.com",
  "fedex.com",
  "dhl.com",
];

/** Digits written for the letters they resemble: c0ntoso, 1itware, n3twork. */
const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "l",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
};

const MIN_LABEL_FOR_OTHER_SUFFIX = 4;
const MIN_LABEL_FOR_EMBEDDED_LABEL = 5;
const MIN_LABEL_FOR_ONE_EDIT = 5;
const MIN_LABEL_FOR_TWO_EDITS = 8;

function unicodeOf(ascii: string): string {
  try {
    return toUnicode(ascii);
  } catch {
    return ascii;
  }
}

/** True when a domain has an internationalized (punycode) label: only then is the skeleton library needed. */
export function hasInternationalLabel(asciiDomain: string): boolean {
  return asciiDomain.split(".").some((label) => label.startsWith("xn--"));
}

/** Without the library, ASCII's own look-alike pairs (UTS #39's "rn"/"m", "vv"/"w"); enough for ASCII domains. */
const asciiSkeleton: Skeleton = (text) => text.replace(/rn/g, "m").replace(/vv/g, "w");

function comparisonKey(unicodeText: string, skeleton: Skeleton): string {
  const skeletal = skeleton(unicodeText.normalize("NFD")).normalize("NFD").toLowerCase();
  const digitsSwapped = Array.from(skeletal, (char) => DIGIT_FOR_LETTER[char] ?? char).join("");
  // After the swaps, apply ASCII's pairs once more: "rn" may have come from "r" + a digit.
  return asciiSkeleton(asciiSkeleton(digitsSwapped));
}

/** Levenshtein, with one swap of neighbouring characters counted as one edit (optimal string alignment for that case). */
function editDistance(a: string, b: string): number {
  const plain = distance(a, b);
  if (plain !== 2 || a.length !== b.length) return plain;
  const differing = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  const [i, j] = differing;
  const swapped =
    differing.length === 2 && j === (i as number) + 1 && a[i as number] === b[j] && a[j] === b[i as number];
  return swapped ? 1 : plain;
}

function isTypo(senderLabel: string, knownLabel: string): boolean {
  const shorter = Math.min([...senderLabel].length, [...knownLabel].length);
  const edits = editDistance(senderLabel, knownLabel);
  if (edits === 0) return false;
  if (edits === 1) return shorter >= MIN_LABEL_FOR_ONE_EDIT;
  return edits === 2 && shorter >= MIN_LABEL_FOR_TWO_EDITS;
}

function isEmbedded(senderAscii: string, sender: RegistrableDomain, known: RegistrableDomain): boolean {
  const subdomain = senderAscii.slice(0, -(sender.domain.length + 1));
  if (subdomain === "") return false;
  const labels = subdomain.split(".");
  const dotted = `.${subdomain}.`;
  if (dotted.includes(`.${known.domain}.`)) return true;
  const hyphenated = known.domain.replace(/\./g, "-");
  if (labels.some((label) => label === hyphenated || label.startsWith(`${hyphenated}-`))) return true;
  return known.label.length >= MIN_LABEL_FOR_EMBEDDED_LABEL && labels.includes(known.label);
}

function kindOf(
  senderAscii: string,
  sender: RegistrableDomain,
  known: KnownDomain,
  skeleton: Skeleton,
): LookAlikeKind | null {
  const knownParts = registrableDomain(known.domain);
  if (knownParts === null) return null;
  if (sender.domain === knownParts.domain) return null;
  if (isFreeMailDomain(sender.domain) && isFreeMailDomain(knownParts.domain)) return null;

  if (isEmbedded(senderAscii, sender, knownParts)) return "embedded";

  const senderLabel = unicodeOf(sender.label).normalize("NFC");
  const knownLabel = unicodeOf(knownParts.label).normalize("NFC");
  const sameLabel = senderLabel === knownLabel;
  if (!sameLabel && comparisonKey(senderLabel, skeleton) === comparisonKey(knownLabel, skeleton)) {
    return "confusable";
  }
  if (!sameLabel && senderLabel.replace(/-/g, "") === knownLabel.replace(/-/g, "")) return "hyphen";
  if (sameLabel) {
    const applies = known.source !== "brand" && [...senderLabel].length >= MIN_LABEL_FOR_OTHER_SUFFIX;
    return applies ? "other-suffix" : null;
  }
  return isTypo(senderLabel, knownLabel) ? "typo" : null;
}

/**
 * The first known domain the sender's domain imitates, or null. `known` is searched in the
 * order given (put the organization's domains first). `skeleton` defaults to ASCII's pairs;
 * pass the UTS #39 one (confusable-skeleton.ts) when any domain involved is internationalized.
 */
export function findLookAlike(
  senderDomain: string,
  known: readonly KnownDomain[],
  skeleton: Skeleton = asciiSkeleton,
): LookAlike | null {
  const sender = registrableDomain(senderDomain);
  if (sender === null) return null;
  let senderAscii: string;
  try {
    senderAscii = toASCII(senderDomain.trim().toLowerCase().normalize("NFC").replace(/\.$/, ""));
  } catch {
    return null;
  }
  for (const candidate of known) {
    const kind = kindOf(senderAscii, sender, candidate, skeleton);
    if (kind !== null) return { kind, known: candidate };
  }
  return null;
}
