/**
 * A company name guessed from a domain, and free-mail detection.
 *
 * The company is the registrable domain's own label (Public Suffix List, via tldts):
 * `mail.contoso.co.uk` → "Contoso". Hyphens separate words (`contoso-group.com` → "Contoso
 * Group"); labels of up to three characters are taken as acronyms (`ibm.com` → "IBM").
 * Private PSL suffixes count as suffixes (`acme.github.io` → "Acme", not "Github"): the label
 * under a hosting suffix names its owner. Microsoft tenant domains (`contoso.onmicrosoft.com`)
 * name the tenant.
 *
 * Free-mail: email-providers' `common.json` (about 360 domains, 4.6 kB, 1.9 kB gzipped; the
 * 8,700-domain `all.json` costs 138 kB / 44 kB gzipped for mostly defunct or disposable services),
 * plus the country variants of the big consumer brands (`yahoo.co.uk`, `hotmail.fr`, `gmx.ch`)
 * matched by brand under any public suffix, plus a few current providers the list lacks.
 * A handful of list entries are companies or institutions whose staff mail from that domain
 * (`bt.com`, `berlin.de`...), and are not treated as free-mail. Subdomains count as their parent.
 */
import commonFreeMailDomains from "email-providers/common.json";
import { toASCII, toUnicode } from "punycode/";
import { parse } from "tldts";

/** Consumer mail brands found under many country suffixes (yahoo.co.uk, hotmail.de, gmx.at, yandex.kz...). */
const FREE_MAIL_BRANDS: ReadonlySet<string> = new Set([
  "gmail",
  "googlemail",
  "yahoo",
  "ymail",
  "rocketmail",
  "hotmail",
  "outlook",
  "live",
  "msn",
  "windowslive",
  "aol",
  "gmx",
  "yandex",
  "icloud",
  "protonmail",
  "tutanota",
  "tutamail",
]);

/** Current free-mail domains missing from common.json. */
const EXTRA_FREE_MAIL_DOMAINS = [
  "pm.me",
  "tuta.io",
  "duck.com",
  "fastmail.com",
  "posteo.de",
  "posteo.net",
  "hanmail.net",
  "sohu.com",
  "139.com",
  "bk.ru",
  "inbox.ru",
  "rediffmail.com",
  "bol.com.br",
  "ezweb.ne.jp",
  "softbank.ne.jp",
  "mail.de",
];

/** common.json entries whose staff really mail from that domain: the company is wanted. */
const NOT_FREE_MAIL: ReadonlySet<string> = new Set([
  "alibaba.com",
  "ancestry.com",
  "berlin.de",
  "bt.com",
  "clerk.com",
  "discovery.com",
  "dnsmadeeasy.com",
  "easypost.com",
  "facebook.com",
  "medscape.com",
  "name.com",
  "nus.edu.sg",
  "oath.com",
  "parrot.com",
  "saudia.com",
  "singpost.com",
  "space.com",
  "swissinfo.org",
  "techspot.com",
  "telstra.com",
]);

const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(
  [...(commonFreeMailDomains as string[]), ...EXTRA_FREE_MAIL_DOMAINS].filter(
    (domain) => !NOT_FREE_MAIL.has(domain),
  ),
);

/** Hosted-tenant suffixes whose next label is the customer's name. */
const TENANT_SUFFIXES = ["mail.onmicrosoft.com", "onmicrosoft.com", "onmicrosoft.de", "onmschina.cn"];

/** Lower-case ASCII form of a domain, or null when it is not a usable host name. */
function canonicalDomain(domain: string): string | null {
  const trimmed = domain.trim().toLowerCase().replace(/\.$/, "");
  if (trimmed === "" || !trimmed.includes(".")) return null;
  try {
    return toASCII(trimmed.normalize("NFC"));
  } catch {
    return null;
  }
}

function parentDomains(domain: string): string[] {
  const labels = domain.split(".");
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join("."));
}

/** True for consumer mail providers (and their subdomains and country variants). */
export function isFreeMailDomain(domain: string): boolean {
  const ascii = canonicalDomain(domain);
  if (ascii === null) return false;
  if (parentDomains(ascii).some((candidate) => FREE_MAIL_DOMAINS.has(candidate))) return true;
  const registrable = parse(ascii);
  return registrable.isIcann === true && FREE_MAIL_BRANDS.has(registrable.domainWithoutSuffix ?? "");
}

/** The label in Unicode; null when a punycode label does not decode (not a real domain). */
function unicodeLabel(label: string): string | null {
  try {
    return toUnicode(label);
  } catch {
    return null;
  }
}

function companyWord(word: string): string {
  if (/^[a-z0-9]{1,3}$/.test(word)) return word.toUpperCase();
  const [first = "", ...rest] = Array.from(word);
  return first.toLocaleUpperCase() + rest.join("");
}

function ownerLabel(ascii: string): string | null {
  const tenantSuffix = TENANT_SUFFIXES.find((suffix) => ascii.endsWith(`.${suffix}`));
  if (tenantSuffix !== undefined) {
    const labels = ascii.slice(0, -(tenantSuffix.length + 1)).split(".");
    return labels[labels.length - 1] ?? null;
  }
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (parsed.isIp === true || parsed.domainWithoutSuffix === null || parsed.domainWithoutSuffix === "")
    return null;
  return parsed.domainWithoutSuffix;
}

/**
 * The company a domain most likely belongs to, for prefilling: null for free-mail providers
 * and for domains that name no one (IP addresses, bare public suffixes, single labels).
 */
export function companyFromDomain(domain: string): string | null {
  const ascii = canonicalDomain(domain);
  if (ascii === null || isFreeMailDomain(ascii)) return null;
  const label = ownerLabel(ascii);
  if (label === null) return null;
  const unicode = unicodeLabel(label);
  if (unicode === null) return null;
  const words = unicode.split("-").filter((word) => word !== "");
  return words.length === 0 ? null : words.map(companyWord).join(" ");
}

/** A company for a sender, and how sure it is. */
export interface CompanyGuess {
  name: string;
  /** "display-name": the sender wrote it; "domain": guessed from the domain name alone. */
  source: "display-name" | "domain";
  /**
   * A domain guess from one long joined-up label ("alpineskihouse" → "Alpineskihouse"): the word
   * boundaries are unknown, so it is kept out of the mail tip until someone checks it.
   */
  joinedUp: boolean;
}

/** Labels of this many letters or more with no hyphen are most likely several words run together. */
const JOINED_UP_MIN_LETTERS = 11;

const lettersOnly = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The company for a sender: a phrase from its display name when that phrase spells the domain's
 * owner label ("Alpine Ski House" for alpineskihouse.com), else the guess from the domain. Null
 * where `companyFromDomain` is (free-mail, no owner).
 */
export function companyForSender(domain: string, phrases: readonly string[]): CompanyGuess | null {
  const fromDomain = companyFromDomain(domain);
  const ascii = canonicalDomain(domain);
  if (fromDomain === null || ascii === null) return null;
  const label = ownerLabel(ascii);
  const owner = label === null ? "" : lettersOnly(unicodeLabel(label) ?? label);
  for (const phrase of phrases) {
    const candidate = phrase.trim();
    if (candidate !== "" && owner !== "" && lettersOnly(candidate) === owner && candidate.length <= 64) {
      return { name: candidate, source: "display-name", joinedUp: false };
    }
  }
  const joinedUp = !fromDomain.includes(" ") && lettersOnly(fromDomain).length >= JOINED_UP_MIN_LETTERS;
  return { name: fromDomain, source: "domain", joinedUp };
}

/** A domain's registrable part (Public Suffix List, private suffixes included, as for the company). */
export interface RegistrableDomain {
  /** ASCII, lower-case: "contoso.co.uk". */
  domain: string;
  /** The owner's label: "contoso". */
  label: string;
  /** The public suffix: "co.uk". */
  suffix: string;
}

/**
 * The registrable domain of a host name, or null for IP addresses, bare suffixes and single
 * labels. Microsoft tenant domains count as their own (`contoso.onmicrosoft.com`), as for the company.
 */
export function registrableDomain(domain: string): RegistrableDomain | null {
  const ascii = canonicalDomain(domain);
  if (ascii === null) return null;
  const tenantSuffix = TENANT_SUFFIXES.find((suffix) => ascii.endsWith(`.${suffix}`));
  if (tenantSuffix !== undefined) {
    const label = ascii
      .slice(0, -(tenantSuffix.length + 1))
      .split(".")
      .pop() as string;
    return { domain: `${label}.${tenantSuffix}`, label, suffix: tenantSuffix };
  }
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (parsed.isIp === true || !parsed.domain || !parsed.domainWithoutSuffix || !parsed.publicSuffix)
    return null;
  return { domain: parsed.domain, label: parsed.domainWithoutSuffix, suffix: parsed.publicSuffix };
}
