/**
 * The contact draft's rules that the pane needs before any company guess: the defaults,
 * field labels, validation against Exchange's limits and what create sends. Split from
 * draft.ts (which re-exports all of it) so that validating and sending a draft does not
 * load the Public Suffix List that only the prefill and the alternative Name need.
 *
 * Lengths: names count UTF-16 units, as .NET (and so Exchange) does; the mail tip counts what
 * the reader sees (grapheme clusters), per Exchange's "175 displayed characters".
 */
import { normalizeAddress } from "./address";
import type { NewMailContact } from "./directory";
import { EXCHANGE_LIMITS } from "./exchange-rules";
import {
  collapseWhitespace,
  displayedLength,
  hasControlOrFormatCharacters,
  typedMailTipText,
  utf16Length,
} from "./mail-tip";
import type { ContactDraft, DraftField, DraftFieldError, OrganizationConfig } from "./types";

/** Says who the contact is to a colleague about to write to them. Without a company: "External contact: Jane Doe (gmail.com)." */
export const DEFAULT_MAIL_TIP_TEMPLATE = "External contact: {displayName} from {company} ({domain}).";

export const DEFAULT_ORGANIZATION_CONFIG: OrganizationConfig = {
  internalDomains: [],
  mailTipTemplate: DEFAULT_MAIL_TIP_TEMPLATE,
};

function tooLong(field: DraftField, limit: number, length: number): DraftFieldError {
  return { field, problem: { code: "too-long", limit, length } };
}

function invisibleCharacters(field: DraftField): DraftFieldError {
  return { field, problem: { code: "invisible-characters" } };
}

function checkText(
  field: "displayName" | "name" | "firstName" | "lastName" | "company",
  value: string,
  required: boolean,
): DraftFieldError | null {
  const text = value.trim();
  if (required && text === "") return { field, problem: { code: "required" } };
  if (hasControlOrFormatCharacters(value)) return invisibleCharacters(field);
  const limit = EXCHANGE_LIMITS[field];
  return utf16Length(text) > limit ? tooLong(field, limit, utf16Length(text)) : null;
}

/** Displayed characters colleagues will read: "<b>hi</b>" typed is 9, not 2 (it is shown as typed). */
export function mailTipLength(value: string): number {
  return displayedLength(typedMailTipText(value));
}

/** Why a mail tip cannot be sent, as facts (the pane words them). */
export type MailTipProblem =
  { reason: "invisible-characters" } | { reason: "too-long"; limit: number; length: number };

/**
 * The one mail tip check, for a new contact's draft and a quick edit alike. The tip is plain
 * text: "<", ">" and "&" are allowed (escaped on the wire); only invisible characters and
 * length are refused.
 */
export function mailTipProblem(value: string): MailTipProblem | null {
  if (hasControlOrFormatCharacters(value, { allowLineBreaks: true }))
    return { reason: "invisible-characters" };
  const length = mailTipLength(value);
  return length > EXCHANGE_LIMITS.mailTip
    ? { reason: "too-long", limit: EXCHANGE_LIMITS.mailTip, length }
    : null;
}

/** `mailTipProblem` as a draft field error. */
function checkMailTip(value: string): DraftFieldError | null {
  const problem = mailTipProblem(value);
  if (problem === null) return null;
  return problem.reason === "too-long"
    ? tooLong("mailTip", problem.limit, problem.length)
    : invisibleCharacters("mailTip");
}

/** Everything in the draft Exchange would refuse, one problem per field; [] when it can be sent. */
export function validateDraft(draft: ContactDraft): DraftFieldError[] {
  const errors: (DraftFieldError | null)[] = [];
  const address = normalizeAddress(draft.address);
  errors.push(
    address.ok ? null : { field: "address", problem: { code: "invalid-address", problem: address.problem } },
  );
  errors.push(checkText("displayName", draft.displayName, true));
  errors.push(checkText("name", draft.name, true));
  errors.push(checkText("firstName", draft.firstName, false));
  errors.push(checkText("lastName", draft.lastName, false));
  errors.push(checkText("company", draft.company, false));
  errors.push(checkMailTip(draft.mailTip));
  return errors.filter((error): error is DraftFieldError => error !== null);
}

/** What create sends: trimmed values, the mail tip as typed (the backend escapes it), the chosen Name. */
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
    mailTip: typedMailTipText(draft.mailTip),
    hiddenFromAddressLists: draft.hiddenFromAddressLists,
  };
}
