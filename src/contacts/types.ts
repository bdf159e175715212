/**
 * The domain's vocabulary: what Outlook tells us about a sender, what we conclude,
 * and the draft of the contact the pane offers to create. Plain data, no behaviour.
 */
import type { TrustPolicy } from "./trust/policy";

/** An address as Outlook gives it (item.from / item.sender). Either part may be empty. */
export interface HeaderAddress {
  displayName: string;
  emailAddress: string;
}

/** Everything the sender analysis needs. */
export interface SenderInput {
  /** item.from: who the message is from. Null when Outlook has none. */
  from: HeaderAddress | null;
  /** item.sender: who actually sent it; differs from `from` on send-on-behalf. */
  sender: HeaderAddress | null;
  /** The signed-in user's SMTP address (their domain counts as internal). */
  userAddress: string;
  /** The signed-in user's display name: an external sender using it is flagged. */
  userDisplayName?: string;
}

/** A display name that pretends to be someone it is not, for the pane to flag (the sentences are the pane's). */
export type DisplayNameCaution =
  /** The external sender uses the signed-in user's own name. */
  | { kind: "your-own-name"; name: string }
  /** The display name shows an address other than the one the message came from. */
  | { kind: "shows-another-address"; address: string };

/** Deployment configuration the domain reads. */
export interface OrganizationConfig {
  /** The organization's own domains; subdomains count too. The user's domain is always added. */
  internalDomains: readonly string[];
  /**
   * Mail tip template. Placeholders: {company}, {domain}, {displayName}.
   * A placeholder with no value is removed along with the punctuation that only made sense with it.
   */
  mailTipTemplate: string;
  /** ADDIN_TRUST_POLICY: what the pane does with a risky sender (docs/sender-trust.md); absent = "warn". */
  trustPolicy?: TrustPolicy;
  /**
   * ADDIN_APPROVERS as written: who receives proposals from colleagues without a write role;
   * absent or "" = nobody set. Read by `parseApprovers` (src/contacts/proposal.ts).
   */
  approvers?: string;
}

export type SenderKind =
  /** An external person: promotable. */
  | "external"
  /** The user's own or a configured domain. */
  | "internal"
  /** no-reply, postmaster, mailer-daemon, bounces and the like. */
  | "automated"
  /** Null from, Exchange legacy DN, empty or invalid address. */
  | "unusable";

/** A parsed, normalized address. */
export interface NormalizedAddress {
  /** Local part as written (case kept: Exchange keeps it), domain lower-case ASCII (punycode for IDN). The form sent to Exchange. */
  address: string;
  /** The same with the domain in Unicode, for display. */
  displayAddress: string;
  localPart: string;
  /** ASCII (punycode) domain, lower-case. */
  domain: string;
  /** Unicode domain, for display. */
  displayDomain: string;
  /** True when a label of the domain mixes scripts (e.g. Latin and Cyrillic): a look-alike risk. */
  mixedScriptDomain: boolean;
}

export interface SenderAnalysis {
  kind: SenderKind;
  /** One sentence a person can read in the pane, e.g. "contoso.com is your organization's domain." */
  reason: string;
  /** The header display name as given (trimmed), for showing. */
  displayName: string;
  /** Null when kind is "unusable". */
  address: NormalizedAddress | null;
  /** When someone sent on behalf of the `from` person: the actual sender. */
  onBehalfOf: { displayName: string; address: string } | null;
  /** Warnings that do not block promotion (mixed-script domain...). */
  warnings: string[];
  /** External senders whose display name impersonates someone; absent or [] when none. */
  cautions?: DisplayNameCaution[];
}

/** The contact the pane offers to create; what the user edits. */
export interface ContactDraft {
  /** The address to store (ASCII domain), from the analysis; not editable in the pane. */
  address: string;
  displayName: string;
  firstName: string;
  lastName: string;
  company: string;
  mailTip: string;
  hiddenFromAddressLists: boolean;
  /** Exchange Name; derived from the display name, unique-ified on collision. */
  name: string;
  /** How the prefill was reached, to tell the user ("Name derived from the address"). */
  notes: string[];
  /**
   * Where the prefilled company came from: the sender's own display name ("Jane Doe | Alpine Ski
   * House"), or a guess from the domain name (the form marks it as a guess). Absent once edited.
   */
  companySource?: "display-name" | "domain";
  /** The analysis' cautions about the display name, shown with the form. */
  cautions?: DisplayNameCaution[];
}

export type DraftField = keyof Omit<ContactDraft, "notes" | "companySource" | "cautions">;

export interface DraftFieldError {
  field: DraftField;
  /** Names the field and the limit, e.g. "Company can be at most 64 characters (it has 71)." */
  message: string;
}
