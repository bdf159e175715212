/**
 * The domain's vocabulary: what Outlook tells us about a sender, what we conclude,
 * and the draft of the contact the pane offers to create. Plain data, no behaviour.
 */
import type { AddressProblem } from "./address";
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

export type AutomatedCategory = "no-reply" | "mail-system" | "bounce" | "notifications";

/** Why a sender got its kind, as facts; the pane words it (strings.ts, `senderReason`). Domains and addresses in Unicode. */
export type SenderReason =
  | { code: "no-from" | "no-address" | "legacy-dn" }
  | { code: "invalid-address"; problem: AddressProblem }
  | { code: "internal-own" | "internal-configured"; domain: string }
  /** A subdomain of `parent`, one of the organization's domains. */
  | { code: "internal-subdomain"; domain: string; parent: string }
  | { code: "automated"; category: AutomatedCategory; address: string }
  | { code: "external"; address: string };

/** Something about the sender worth a warning that does not block promotion, as facts. */
export type SenderWarning =
  /** Only the first `limit` characters of a huge display name were analysed. */
  | { code: "name-truncated"; limit: number }
  /** A line break followed by what looks like another header: only the part before it was used. */
  | { code: "name-cut-at-line-break" }
  /** Terminal colour codes or broken characters were removed. */
  | { code: "name-garbage-removed" }
  | { code: "name-invisible-removed" }
  | { code: "name-markup-removed" }
  /** The display name shows `shown`, but the message came from `actual`. */
  | { code: "name-shows-other-address"; shown: string; actual: string }
  /** A label of the domain mixes scripts (Unicode script names such as "Latin", "Cyrillic"). */
  | { code: "mixed-script-domain"; domain: string; asciiDomain: string; label: string; scripts: string[] };

export interface SenderAnalysis {
  kind: SenderKind;
  /** Why this kind, as facts. */
  reason: SenderReason;
  /** The header display name as given (trimmed), for showing. */
  displayName: string;
  /** Null when kind is "unusable". */
  address: NormalizedAddress | null;
  /** When someone sent on behalf of the `from` person: the actual sender. */
  onBehalfOf: { displayName: string; address: string } | null;
  /** Warnings that do not block promotion (mixed-script domain...). */
  warnings: SenderWarning[];
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
  /** How the prefill was reached, to tell the user (facts; the pane words them). */
  notes: DraftNote[];
  /**
   * Where the prefilled company came from: the sender's own display name ("Jane Doe | Alpine Ski
   * House"), or a guess from the domain name (the form marks it as a guess). Absent once edited.
   */
  companySource?: "display-name" | "domain";
  /** The analysis' cautions about the display name, shown with the form. */
  cautions?: DisplayNameCaution[];
}

export type DraftField = keyof Omit<ContactDraft, "notes" | "companySource" | "cautions">;

/** What is wrong with one field, as facts; the pane names the field and words the problem. */
export type DraftFieldProblem =
  | { code: "required" | "invisible-characters" }
  | { code: "too-long"; limit: number; length: number }
  | { code: "invalid-address"; problem: AddressProblem };

export interface DraftFieldError {
  field: DraftField;
  problem: DraftFieldProblem;
}

/** How the prefill reached a value, as facts; the pane words each note (strings.ts, `draftNote`). */
export type DraftNote =
  /** "Doe, John": read as last name first. */
  | { code: "last-name-first"; name: string; firstName: string; lastName: string }
  /** "DOE John": a capitalized last name first. */
  | { code: "capitalized-last-name-first"; name: string; lastName: string }
  /** "JOHN O'BRIEN" written as "John O'Brien". */
  | { code: "capitals-softened"; displayName: string }
  /** No sender name; the local part is a shared mailbox (support@...). */
  | { code: "shared-mailbox"; address: string; displayName: string }
  /** No sender name; the name was made from the local part. */
  | { code: "name-from-address"; localPart: string; displayName: string }
  /** No name anywhere: the address is the display name. */
  | { code: "address-as-name" }
  /** A prefilled value was shortened to Exchange's limit. */
  | { code: "shortened"; field: DraftField; limit: number }
  /** The sender's domain imitates `imitated`: no company, it would borrow that organization's name. */
  | { code: "company-withheld"; domain: string; imitated: string }
  | { code: "company-from-display-name"; company: string; domain: string }
  | { code: "company-guessed"; company: string; domain: string }
  /** The guessed company may be several words run together: left out of the mail tip. */
  | { code: "company-joined-up"; company: string }
  | { code: "free-mail"; domain: string };
