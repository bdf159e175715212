/**
 * The contact draft: prefilled from the sender, validated against Exchange's rules, turned into
 * what create sends, and given an alternative Name when Exchange says the Name is taken.
 *
 * Lengths: names count UTF-16 units, as .NET (and so Exchange) does; the mail tip counts what
 * the reader sees (grapheme clusters), per Exchange's "175 displayed characters". Prefilled
 * values always fit (they are shortened, with a note); values the user edits are never cut
 * silently: `validateDraft` reports them.
 */
import { toUnicode } from "punycode/";
import { parse } from "tldts";
import { companyForSender, isFreeMailDomain } from "./company";
import { DEFAULT_MAIL_TIP_TEMPLATE } from "./draft-rules";
import { EXCHANGE_LIMITS } from "./exchange-rules";
import { collapseWhitespace, truncateAtWordBoundary } from "./mail-tip";
import { renderMailTip } from "./mail-tip-template";
import { cleanDisplayName } from "./names";
import {
  organizationPhrases,
  parsePersonName,
  personFromLocalPart,
  roleMailboxLabel,
  type PersonName,
} from "./person-name";
import type { ContactDraft, DraftNote, OrganizationConfig, SenderAnalysis } from "./types";

// Validation, defaults and the create body need no Public Suffix List: they live in
// draft-rules.ts so the pane can load them without it, and are re-exported from here.
export {
  DEFAULT_MAIL_TIP_TEMPLATE,
  DEFAULT_ORGANIZATION_CONFIG,
  toNewMailContact,
  validateDraft,
} from "./draft-rules";

const sameWords = (a: string, b: string) =>
  a.replace(/[\s-]+/g, "").toLowerCase() === b.replace(/[\s-]+/g, "").toLowerCase();

interface PrefilledPerson extends PersonName {
  notes: DraftNote[];
}

function personForDraft(analysis: SenderAnalysis, company: string | null): PrefilledPerson {
  const address = analysis.address;
  if (address === null) throw new Error("An external sender always has an address.");
  const role = roleMailboxLabel(address.localPart);
  const parsed = parsePersonName(cleanDisplayName(analysis.displayName).text, address.localPart);
  // "Contoso <jane.doe@contoso.com>": the organization's name, not the person's.
  const isJustTheCompany =
    parsed !== null && company !== null && sameWords(parsed.person.displayName, company);
  if (parsed !== null && !isJustTheCompany) {
    const notes: DraftNote[] = [];
    const { firstName, lastName } = parsed.person;
    if (parsed.convention === "last-name-comma-first")
      notes.push({ code: "last-name-first", name: analysis.displayName, firstName, lastName });
    if (parsed.convention === "capitalized-surname-first")
      notes.push({ code: "capitalized-last-name-first", name: analysis.displayName, lastName });
    if (parsed.softenedCapitals)
      notes.push({ code: "capitals-softened", displayName: parsed.person.displayName });
    // A shared mailbox or an organization has no first and last name, whatever its display name.
    const person = role !== null ? { ...parsed.person, firstName: "", lastName: "" } : parsed.person;
    return { ...person, notes };
  }
  if (role !== null) {
    const displayName = company !== null ? `${company} ${role}` : `${role} (${address.displayDomain})`;
    return {
      displayName,
      firstName: "",
      lastName: "",
      notes: [{ code: "shared-mailbox", address: address.displayAddress, displayName }],
    };
  }
  const derived = personFromLocalPart(address.localPart);
  if (derived !== null) {
    return {
      ...derived,
      notes: [{ code: "name-from-address", localPart: address.localPart, displayName: derived.displayName }],
    };
  }
  return {
    displayName: address.displayAddress,
    firstName: "",
    lastName: "",
    notes: [{ code: "address-as-name" }],
  };
}

/** Shortens a prefilled value to its Exchange limit, noting it when it had to. */
function fitted(
  value: string,
  field: "displayName" | "firstName" | "lastName" | "company" | "name",
  notes: DraftNote[],
): string {
  const limit = EXCHANGE_LIMITS[field];
  const shortened = truncateAtWordBoundary(value, limit);
  if (shortened !== value) notes.push({ code: "shortened", field, limit });
  return shortened;
}

export interface PrefillOptions {
  /**
   * The known domain the sender's imitates (sender-trust look-alike check), Unicode form: the
   * company is then left empty, because a name guessed from a look-alike domain ("C0ntoso",
   * "Contoso" from contoso.co) borrows the impersonated organization's.
   */
  imitatedDomain?: string;
}

/** The draft the pane offers for an external sender. Throws for any other kind of sender. */
export function prefillDraft(
  analysis: SenderAnalysis,
  org: OrganizationConfig,
  options: PrefillOptions = {},
): ContactDraft {
  if (analysis.kind !== "external" || analysis.address === null) {
    throw new Error(`Only an external sender can be made into a contact; this sender is ${analysis.kind}.`);
  }
  const address = analysis.address;
  // A look-alike never borrows the imitated organization's name. Otherwise better evidence first:
  // the organization the sender names in the display name ("Jane Doe | Alpine Ski House").
  const guess =
    options.imitatedDomain === undefined
      ? companyForSender(address.domain, organizationPhrases(cleanDisplayName(analysis.displayName).text))
      : null;
  const company = guess?.name ?? null;
  const person = personForDraft(analysis, company);
  const notes = [...person.notes];
  if (options.imitatedDomain !== undefined) {
    notes.push({ code: "company-withheld", domain: address.displayDomain, imitated: options.imitatedDomain });
  } else if (guess?.source === "display-name") {
    notes.push({ code: "company-from-display-name", company: guess.name, domain: address.displayDomain });
  } else if (guess !== null) {
    notes.push({ code: "company-guessed", company: guess.name, domain: address.displayDomain });
    if (guess.joinedUp) notes.push({ code: "company-joined-up", company: guess.name });
  } else if (isFreeMailDomain(address.domain)) {
    notes.push({ code: "free-mail", domain: address.displayDomain });
  }
  // A guess the user has not seen never goes org-wide in the mail tip.
  const mailTipCompany =
    guess !== null && (guess.source === "display-name" || !guess.joinedUp) ? guess.name : null;

  const displayName = fitted(person.displayName, "displayName", notes);
  const template = org.mailTipTemplate.trim() === "" ? DEFAULT_MAIL_TIP_TEMPLATE : org.mailTipTemplate;
  return {
    address: address.address,
    displayName,
    firstName: fitted(person.firstName, "firstName", notes),
    lastName: fitted(person.lastName, "lastName", notes),
    company: fitted(company ?? "", "company", notes),
    mailTip: renderMailTip(template, { company: mailTipCompany, domain: address.displayDomain, displayName }),
    hiddenFromAddressLists: false,
    name: fitted(displayName, "name", notes),
    notes,
    ...(guess !== null ? { companySource: guess.source } : {}),
    ...(analysis.cautions && analysis.cautions.length > 0 ? { cautions: analysis.cautions } : {}),
  };
}

/** The domain as a person reads it (Unicode), lower-case. */
function readableDomain(domain: string): string {
  const lower = domain.trim().toLowerCase();
  try {
    return toUnicode(lower);
  } catch {
    return lower;
  }
}

/** FNV-1a, 32 bits, as 6 base-36 characters: a short deterministic tag for a domain too long to show. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(6, "0").slice(-6);
}

/** The shortest domain text that still says whose it is, fitting `room`. */
function domainTag(domain: string, room: number): string {
  const full = readableDomain(domain);
  if (full.length <= room) return full;
  const registrable = parse(domain.trim().toLowerCase()).domain;
  if (registrable !== null) {
    const readable = readableDomain(registrable);
    if (readable.length <= room) return readable;
  }
  const hash = shortHash(full);
  return `${truncateAtWordBoundary(full, Math.max(room - hash.length - 1, 1))}~${hash}`;
}

/**
 * A deterministic alternative Name for when Exchange says the Name is taken: "Jane Doe
 * (contoso.com)". When the Name already ends with that, a counter is added or increased
 * ("Jane Doe (contoso.com) 2", then 3). At most 64 characters: the name part is shortened,
 * never the domain's distinguishing part (a very long domain becomes its registrable domain).
 */
export function alternativeContactName(draft: ContactDraft, domain: string): string {
  const limit = EXCHANGE_LIMITS.name;
  const current = collapseWhitespace(draft.name) || collapseWhitespace(draft.displayName) || "Contact";
  const minimumNameRoom = 8;
  const tag = domainTag(domain, limit - minimumNameRoom - " ()".length - " 99".length);
  const suffix = ` (${tag})`;
  const escapedSuffix = suffix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const existing = new RegExp(`^(.*)${escapedSuffix}(?: (\\d+))?$`).exec(current);

  let base = current;
  let counter = "";
  if (existing !== null) {
    base = existing[1] ?? "";
    counter = ` ${existing[2] === undefined ? 2 : Number(existing[2]) + 1}`;
  }
  const room = limit - suffix.length - counter.length;
  const shortenedBase = truncateAtWordBoundary(base, room) || Array.from(base).slice(0, room).join("");
  const candidate = `${shortenedBase}${suffix}${counter}`;
  // The truncated base may itself now end like the original; a counter keeps the result distinct.
  return candidate === current ? `${shortenedBase}${suffix} 2` : candidate;
}
