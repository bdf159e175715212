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
import { normalizeAddress } from "./address";
import { companyFromDomain, isFreeMailDomain } from "./company";
import type { NewMailContact } from "./directory";
import { EXCHANGE_LIMITS } from "./exchange-rules";
import {
  collapseWhitespace,
  containsMarkup,
  displayedLength,
  hasControlOrFormatCharacters,
  mailTipToPlainText,
  renderMailTip,
  truncateAtWordBoundary,
  utf16Length,
} from "./mail-tip";
import {
  cleanDisplayName,
  parsePersonName,
  personFromLocalPart,
  roleMailboxLabel,
  type PersonName,
} from "./names";
import type { ContactDraft, DraftField, DraftFieldError, OrganizationConfig, SenderAnalysis } from "./types";

/** Says who the contact is to a colleague about to write to them. Without a company: "External contact: Jane Doe (gmail.com)." */
export const DEFAULT_MAIL_TIP_TEMPLATE = "External contact: {displayName} from {company} ({domain}).";

export const DEFAULT_ORGANIZATION_CONFIG: OrganizationConfig = {
  internalDomains: [],
  mailTipTemplate: DEFAULT_MAIL_TIP_TEMPLATE,
};

/** How each field is named in messages to the user. */
export const DRAFT_FIELD_LABELS: Record<DraftField, string> = {
  address: "Email address",
  displayName: "Display name",
  firstName: "First name",
  lastName: "Last name",
  company: "Company",
  mailTip: "Mail tip",
  hiddenFromAddressLists: "Hidden from address lists",
  name: "Name",
};

const sameWords = (a: string, b: string) =>
  a.replace(/[\s-]+/g, "").toLowerCase() === b.replace(/[\s-]+/g, "").toLowerCase();

interface PrefilledPerson extends PersonName {
  notes: string[];
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
    const notes: string[] = [];
    if (parsed.convention === "last-name-comma-first") {
      notes.push(
        `"${analysis.displayName}" was read as last name first: first name ${parsed.person.firstName}, last name ${parsed.person.lastName}.`,
      );
    }
    if (parsed.convention === "capitalized-surname-first") {
      notes.push(
        `"${analysis.displayName}" was read as a capitalized last name first: last name ${parsed.person.lastName}.`,
      );
    }
    if (parsed.softenedCapitals)
      notes.push(`The all-capitals name was written as "${parsed.person.displayName}".`);
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
      notes: [
        `The message has no sender name; ${address.displayAddress} is a shared mailbox, so it was named "${displayName}".`,
      ],
    };
  }
  const derived = personFromLocalPart(address.localPart);
  if (derived !== null) {
    return {
      ...derived,
      notes: [
        `The message has no sender name; the name was made from the address (${address.localPart} → ${derived.displayName}). Check it.`,
      ],
    };
  }
  return {
    displayName: address.displayAddress,
    firstName: "",
    lastName: "",
    notes: [
      "Neither the sender name nor the address gives a name, so the address is used as the display name.",
    ],
  };
}

/** Shortens a prefilled value to its Exchange limit, noting it when it had to. */
function fitted(
  value: string,
  field: "displayName" | "firstName" | "lastName" | "company" | "name",
  notes: string[],
): string {
  const limit = EXCHANGE_LIMITS[field];
  const shortened = truncateAtWordBoundary(value, limit);
  if (shortened !== value) {
    notes.push(`${DRAFT_FIELD_LABELS[field]} was shortened to Exchange's limit of ${limit} characters.`);
  }
  return shortened;
}

/** The draft the pane offers for an external sender. Throws for any other kind of sender. */
export function prefillDraft(analysis: SenderAnalysis, org: OrganizationConfig): ContactDraft {
  if (analysis.kind !== "external" || analysis.address === null) {
    throw new Error(`Only an external sender can be made into a contact; this sender is ${analysis.kind}.`);
  }
  const address = analysis.address;
  const company = companyFromDomain(address.domain);
  const person = personForDraft(analysis, company);
  const notes = [...person.notes];
  if (company !== null)
    notes.push(`Company "${company}" was guessed from the domain ${address.displayDomain}.`);
  else if (isFreeMailDomain(address.domain)) {
    notes.push(`${address.displayDomain} is a free-mail provider, so no company was filled in.`);
  }

  const displayName = fitted(person.displayName, "displayName", notes);
  const template = org.mailTipTemplate.trim() === "" ? DEFAULT_MAIL_TIP_TEMPLATE : org.mailTipTemplate;
  return {
    address: address.address,
    displayName,
    firstName: fitted(person.firstName, "firstName", notes),
    lastName: fitted(person.lastName, "lastName", notes),
    company: fitted(company ?? "", "company", notes),
    mailTip: renderMailTip(template, { company, domain: address.displayDomain, displayName }),
    hiddenFromAddressLists: false,
    name: fitted(displayName, "name", notes),
    notes,
  };
}

function tooLong(field: DraftField, limit: number, actual: number): DraftFieldError {
  return {
    field,
    message: `${DRAFT_FIELD_LABELS[field]} can be at most ${limit} characters (this one has ${actual}).`,
  };
}

function invisibleCharacters(field: DraftField): DraftFieldError {
  return {
    field,
    message: `${DRAFT_FIELD_LABELS[field]} contains control or invisible characters (such as tabs, line breaks or text-direction marks); remove them.`,
  };
}

function checkText(
  field: "displayName" | "name" | "firstName" | "lastName" | "company",
  value: string,
  required: boolean,
): DraftFieldError | null {
  const text = value.trim();
  if (required && text === "") return { field, message: `${DRAFT_FIELD_LABELS[field]} is required.` };
  if (hasControlOrFormatCharacters(value)) return invisibleCharacters(field);
  const limit = EXCHANGE_LIMITS[field];
  return utf16Length(text) > limit ? tooLong(field, limit, utf16Length(text)) : null;
}

function checkMailTip(value: string): DraftFieldError | null {
  if (hasControlOrFormatCharacters(value, { allowLineBreaks: true })) return invisibleCharacters("mailTip");
  if (containsMarkup(value)) {
    return {
      field: "mailTip",
      message: "Mail tip is plain text: remove the markup (tags such as <b> or codes such as &amp;).",
    };
  }
  const length = displayedLength(mailTipToPlainText(value));
  return length > EXCHANGE_LIMITS.mailTip ? tooLong("mailTip", EXCHANGE_LIMITS.mailTip, length) : null;
}

/** Everything in the draft Exchange would refuse, one message per field; [] when it can be sent. */
export function validateDraft(draft: ContactDraft): DraftFieldError[] {
  const errors: (DraftFieldError | null)[] = [];
  const address = normalizeAddress(draft.address);
  errors.push(
    address.ok
      ? null
      : { field: "address", message: `${DRAFT_FIELD_LABELS.address} is not valid: ${address.reason}` },
  );
  errors.push(checkText("displayName", draft.displayName, true));
  errors.push(checkText("name", draft.name, true));
  errors.push(checkText("firstName", draft.firstName, false));
  errors.push(checkText("lastName", draft.lastName, false));
  errors.push(checkText("company", draft.company, false));
  errors.push(checkMailTip(draft.mailTip));
  return errors.filter((error): error is DraftFieldError => error !== null);
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

/** What create sends: trimmed values, the mail tip as plain text, the chosen Name. */
export function toNewMailContact(draft: ContactDraft, name?: string): NewMailContact {
  return {
    name: collapseWhitespace(name ?? draft.name),
    displayName: draft.displayName.trim(),
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    address: draft.address.trim(),
    company: draft.company.trim(),
    title: "",
    phone: "",
    mobilePhone: "",
    fax: "",
    webPage: "",
    mailTip: mailTipToPlainText(draft.mailTip),
    hiddenFromAddressLists: draft.hiddenFromAddressLists,
  };
}
