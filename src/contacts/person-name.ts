/**
 * A person's first and last name read from a display name cleaned by names.ts, for the draft
 * (only the "prefill" chunk needs it, after the verdict).
 *
 * Conventions, in order:
 * - A trailing "(…)" / "[…]" or a part after a spaced " | ", " - ", " – " is a qualifier
 *   (department, company): kept in the display name, left out of first/last name.
 * - "Doe, John" is last-name-first: first John, last Doe, display name "John Doe". Trailing
 *   comma parts that are suffixes or degrees ("Jr.", "PhD") stay after the name.
 * - A leading block of capitalized surname(s) followed by a mixed-case given name
 *   ("DUPONT Jean", common in French and German mail) is last-name-first too. A block counts
 *   only when it has a word of three letters or more, so initials ("JP Smith") are not taken.
 * - A name written entirely in capitals is softened to Title Case: each part after a hyphen or
 *   apostrophe capitalized (O'Brien, Jean-Luc), "Mc" + capital (McDonald; "Mac" is left alone:
 *   Mack, Macy), and particles (van, von, de, da, der, la, du, bin...) lower-case unless first.
 *   Mixed-case names are never re-cased: "danah boyd" is how she writes it.
 * - First/last split: the last word is the last name, with the lower-case particles before it
 *   ("Jan van der Berg" → last "van der Berg"); the rest is the first name; one word is a first
 *   name only. Names in Han, Kana or Hangul with a space are family-name-first. Right-to-left
 *   names (Arabic, Hebrew) are kept in their written (logical) order and split the same way.
 * - A name that is only an address, or the address's own local part, is not a name.
 */
import { collapseWhitespace } from "./mail-tip";
import { BARE_ADDRESS, BRACKETED_ADDRESS } from "./names";

export interface PersonName {
  displayName: string;
  firstName: string;
  lastName: string;
}

export type NameConvention = "as-written" | "last-name-comma-first" | "capitalized-surname-first";

export interface ParsedPersonName {
  person: PersonName;
  convention: NameConvention;
  /** The name was all capitals and was softened to Title Case. */
  softenedCapitals: boolean;
  /** The name looks like an organization ("Contoso Ltd"): no first/last name. */
  organizationLike: boolean;
}

function withoutAddresses(text: string): string {
  return collapseWhitespace(text.replace(BRACKETED_ADDRESS, " ").replace(BARE_ADDRESS, " "))
    .replace(/\(\s*\)|\[\s*\]|<\s*>/g, "")
    .replace(/^[\s,;:|/–—-]+|[\s,;:|/–—-]+$/g, "");
}

/** Suffixes and degrees written after a comma ("Doe, John, PhD"). */
const COMMA_SUFFIXES = new Set([
  "jr",
  "sr",
  "ii",
  "iii",
  "iv",
  "phd",
  "md",
  "mba",
  "msc",
  "bsc",
  "esq",
  "cpa",
  "dds",
  "rn",
]);
const isCommaSuffix = (segment: string) => COMMA_SUFFIXES.has(segment.toLowerCase().replace(/[.\s]/g, ""));
/** Suffixes recognised as a word after the name ("John Doe Jr."); short degrees are not, they are also surnames (Ma, Ba). */
const WORD_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "phd", "esq"]);
const isWordSuffix = (word: string) => WORD_SUFFIXES.has(word.toLowerCase().replace(/[.,]/g, ""));

const PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "das",
  "dos",
  "du",
  "la",
  "le",
  "ter",
  "ten",
  "zu",
  "y",
  "bin",
  "binti",
  "ibn",
]);

const ORGANIZATION_WORDS = new Set([
  "ltd",
  "limited",
  "inc",
  "llc",
  "llp",
  "plc",
  "gmbh",
  "ag",
  "kg",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "oy",
  "ab",
  "as",
  "corp",
  "corporation",
  "co",
  "company",
  "group",
  "team",
  "gbr",
  "ug",
  "partners",
  "associates",
  "consulting",
  "solutions",
  "services",
]);
const isOrganizationWord = (word: string) => ORGANIZATION_WORDS.has(word.toLowerCase().replace(/[.,]/g, ""));

const hasLowercase = (text: string) => /\p{Ll}/u.test(text);
const letterCount = (text: string) => (text.match(/\p{L}/gu) ?? []).length;
const hasLetterOrDigit = (text: string) => /[\p{L}\p{N}]/u.test(text);
const EAST_ASIAN_ONLY =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Common}\p{Script=Inherited}\s]+$/u;
const isEastAsian = (text: string) =>
  EAST_ASIAN_ONLY.test(text) &&
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);

/** True when the text is written in capitals throughout (and has some letters with case). */
function isAllCapitals(text: string): boolean {
  return !hasLowercase(text) && (text.match(/\p{Lu}/gu) ?? []).length >= 2;
}

function capitalize(word: string): string {
  const [first = "", ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join("");
}

/** Title Case for one word of an all-capitals name (see the module comment for the rules). */
export function softenCapitalizedWord(word: string, isFirstWord: boolean): string {
  const lower = word.toLowerCase();
  if (!isFirstWord && PARTICLES.has(lower)) return lower;
  if (isWordSuffix(word) && /^[ivx]+\.?$/i.test(word)) return word.toUpperCase();
  return lower
    .split(/([-'’])/)
    .map((part) => {
      const mc = /^mc(\p{L}{2,})$/u.exec(part);
      return mc ? `Mc${capitalize(mc[1] ?? "")}` : capitalize(part);
    })
    .join("");
}

function softenWords(words: string[], firstIndex = 0): string[] {
  return words.map((word, index) => softenCapitalizedWord(word, index + firstIndex === 0));
}

/** First/last from words already in given-name-first order. */
function splitGivenFirst(words: string[]): { firstName: string; lastName: string } {
  const usable = words.filter((word, index) => hasLetterOrDigit(word) && !(index > 0 && isWordSuffix(word)));
  if (usable.length === 0) return { firstName: "", lastName: "" };
  if (usable.length === 1) return { firstName: usable[0] ?? "", lastName: "" };
  let lastStart = usable.length - 1;
  while (lastStart > 1 && PARTICLES.has(usable[lastStart - 1] ?? "")) lastStart -= 1;
  return { firstName: usable.slice(0, lastStart).join(" "), lastName: usable.slice(lastStart).join(" ") };
}

interface SplitName {
  core: string;
  qualifier: string;
}

/** Separates a trailing qualifier ("(Contoso)", " | Sales") from the name itself. */
function splitQualifier(text: string): SplitName {
  const bracketed = /^(.*?\S)\s*([([][^()[\]]*[)\]])$/u.exec(text);
  if (bracketed) return { core: bracketed[1] ?? "", qualifier: bracketed[2] ?? "" };
  const separated = /^(.*?\S)\s+([|–—-]|\/)\s+(.+)$/u.exec(text);
  if (separated) return { core: separated[1] ?? "", qualifier: `${separated[2]} ${separated[3]}` };
  return { core: text, qualifier: "" };
}

/**
 * Phrases of a cleaned display name that may name the sender's organization: the qualifier
 * ("Jane Doe | Alpine Ski House", "Jane Doe (Alpine Ski House)") and the whole name.
 */
export function organizationPhrases(cleanText: string): string[] {
  const text = withoutAddresses(cleanText);
  const { qualifier } = splitQualifier(text);
  const inner = qualifier.replace(/^[([]\s*|\s*[)\]]$/g, "").replace(/^(?:[|–—-]|\/)\s+/, "");
  return [inner, text].filter((phrase) => phrase !== "");
}

function joinDisplay(...parts: string[]): string {
  return collapseWhitespace(parts.filter((part) => part !== "").join(" "));
}

/**
 * Reads a person's name from a cleaned display name (see `cleanDisplayName`). Null when there is
 * no usable name: empty, punctuation only, an address, or just the address's local part.
 */
export function parsePersonName(cleanText: string, localPart: string): ParsedPersonName | null {
  const text = withoutAddresses(cleanText);
  if (!hasLetterOrDigit(text)) return null;
  const base = localPart.split("+")[0] ?? localPart;
  if (text.toLowerCase() === localPart.toLowerCase() || text.toLowerCase() === base.toLowerCase())
    return null;

  const { core, qualifier } = splitQualifier(text);
  const softenedCapitals = isAllCapitals(core);
  const organizationLike =
    /\s[&+]\s/.test(core) || core.split(" ").some((word, index) => index > 0 && isOrganizationWord(word));
  const result = (person: PersonName, convention: NameConvention): ParsedPersonName => ({
    person: organizationLike ? { ...person, firstName: "", lastName: "" } : person,
    convention,
    softenedCapitals,
    organizationLike,
  });

  // "Doe, John" (and "Doe, John, PhD").
  const segments = core.split(",").map((segment) => segment.trim());
  const suffixes: string[] = [];
  while (segments.length > 1 && isCommaSuffix(segments[segments.length - 1] ?? ""))
    suffixes.unshift(segments.pop() ?? "");
  const suffixText = suffixes.length > 0 ? `, ${suffixes.join(", ")}` : "";
  if (segments.length === 2) {
    const familyWords = (segments[0] ?? "").split(" ").filter((word) => word !== "");
    const givenWords = (segments[1] ?? "").split(" ").filter((word) => word !== "");
    const plausible = (words: string[]) =>
      words.length >= 1 &&
      words.length <= 3 &&
      words.every((word) => /\p{L}/u.test(word) && !/\d/.test(word));
    if (plausible(familyWords) && plausible(givenWords) && !organizationLike) {
      const family = softenedCapitals ? softenWords(familyWords, 1) : familyWords;
      const given = softenedCapitals ? softenWords(givenWords) : givenWords;
      const firstName = given.join(" ");
      const lastName = family.join(" ");
      return result(
        { displayName: joinDisplay(`${firstName} ${lastName}${suffixText}`, qualifier), firstName, lastName },
        "last-name-comma-first",
      );
    }
  }

  const nameText = segments.join(", ");
  const words = nameText.split(" ").filter((word) => word !== "");

  // "DUPONT Jean": capitalized surname block, then a mixed-case given name.
  if (!softenedCapitals && !isEastAsian(nameText)) {
    let blockEnd = 0;
    while (
      blockEnd < words.length &&
      !hasLowercase(words[blockEnd] ?? "") &&
      letterCount(words[blockEnd] ?? "") >= 2
    ) {
      blockEnd += 1;
    }
    const block = words.slice(0, blockEnd);
    const rest = words.slice(blockEnd);
    const restIsGivenName = rest.length > 0 && rest.length <= 3 && rest.every((word) => hasLowercase(word));
    if (
      block.length > 0 &&
      block.some((word) => letterCount(word) >= 3) &&
      restIsGivenName &&
      !organizationLike
    ) {
      const lastName = softenWords(block, 1).join(" ");
      const firstName = rest.join(" ");
      return result(
        { displayName: joinDisplay(`${firstName} ${lastName}${suffixText}`, qualifier), firstName, lastName },
        "capitalized-surname-first",
      );
    }
  }

  const shownWords = softenedCapitals ? softenWords(words) : words;
  const displayName = joinDisplay(`${shownWords.join(" ")}${suffixText}`, qualifier);
  if (isEastAsian(nameText)) {
    const usable = shownWords.filter(hasLetterOrDigit);
    const person =
      usable.length >= 2
        ? { displayName, firstName: usable.slice(1).join(" "), lastName: usable[0] ?? "" }
        : { displayName, firstName: usable[0] ?? "", lastName: "" };
    return result(person, "as-written");
  }
  return result(
    { displayName, ...splitGivenFirst(shownWords.map((word) => word.replace(/,$/, ""))) },
    "as-written",
  );
}

/**
 * A name made from the address's local part when the header has none: separators become
 * spaces, digits are dropped, words capitalized. `john.doe` → John Doe, `j_doe` → J Doe,
 * `jdoe42` → Jdoe; the plus-tag is ignored. Null when nothing with a letter is left.
 */
export function personFromLocalPart(localPart: string): PersonName | null {
  const base = localPart.split("+")[0] ?? "";
  const words = base
    .split(/[._\-=]+/)
    .map((word) => word.replace(/\d+$/, "").replace(/^\d+/, ""))
    .filter((word) => /\p{L}/u.test(word))
    .map((word) => capitalize(word.toLowerCase()));
  if (words.length === 0) return null;
  const firstName = words.length === 1 ? (words[0] ?? "") : words.slice(0, -1).join(" ");
  const lastName = words.length === 1 ? "" : (words[words.length - 1] ?? "");
  return { displayName: words.join(" "), firstName, lastName };
}

/** Shared mailboxes people write to (staffed, so promotable), as their usual English label. */
const ROLE_MAILBOXES: Readonly<Record<string, string>> = {
  info: "Info",
  information: "Info",
  support: "Support",
  help: "Help",
  helpdesk: "Helpdesk",
  servicedesk: "Service Desk",
  service: "Service",
  sales: "Sales",
  contact: "Contact",
  kontakt: "Contact",
  hello: "Hello",
  hi: "Hello",
  office: "Office",
  admin: "Admin",
  billing: "Billing",
  accounts: "Accounts",
  accounting: "Accounting",
  invoices: "Invoices",
  invoice: "Invoices",
  orders: "Orders",
  bookings: "Bookings",
  reservations: "Reservations",
  reception: "Reception",
  hr: "HR",
  jobs: "Jobs",
  careers: "Careers",
  recruiting: "Recruiting",
  press: "Press",
  media: "Media",
  marketing: "Marketing",
  team: "Team",
  enquiries: "Enquiries",
  inquiries: "Inquiries",
  legal: "Legal",
  privacy: "Privacy",
  security: "Security",
  webmaster: "Webmaster",
};

/** The label of a shared mailbox local part (`support` → "Support"), or null for a personal one. */
export function roleMailboxLabel(localPart: string): string | null {
  const base = (localPart.split("+")[0] ?? "").toLowerCase().replace(/[\d._-]+$/, "");
  return ROLE_MAILBOXES[base] ?? null;
}
