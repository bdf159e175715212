/**
 * The message catalogue's English source: every sentence the pane shows, in one object that
 * each language mirrors (src/taskpane/locales/, German in de.ts; docs/pane.md, "Languages").
 * Functions take the values they interpolate; errors and domain results carry facts (kind,
 * reason, code, values) and the choosers at the end of this file pick their sentence here.
 * Plurals and lists come from the platform (Intl.PluralRules, Intl.ListFormat; locales/format.ts).
 * No sentence names a backend ("the admin center"): there are two.
 *
 * The pane reads `strings`, which holds the chosen language's catalogue (English until
 * `selectCatalogue` swaps in another before the first render). A block added here needs its
 * counterpart in every other language: typecheck and locales/catalogue.test.ts name what is missing.
 */
import type { AddressProblem } from "../contacts/address";
import type { DirectoryError } from "../contacts/directory-error";
import { EXCHANGE_WRITE_ROLES } from "../contacts/exchange-rules";
import type {
  DisplayNameCaution,
  DraftField,
  DraftFieldError,
  DraftNote,
  SenderReason,
  SenderWarning,
} from "../contacts/types";
import { listFor, sentence, type Sentences } from "./locales/format";

/** English lists, from the platform (Intl.ListFormat). */
const list = listFor("en");

const FIELD_LABELS = {
  address: "Email address",
  displayName: "Display name",
  firstName: "First name",
  lastName: "Last name",
  company: "Company",
  mailTip: "Mail tip",
  hiddenFromAddressLists: "Hidden from address lists",
  name: "Name",
} satisfies Record<DraftField, string>;

const AUTOMATED = {
  "no-reply": (address: string) => `${address} is a no-reply address: nobody reads mail sent to it.`,
  "mail-system": (address: string) => `${address} is a mail-system address, not a person.`,
  bounce: (address: string) =>
    `${address} is a bounce-handling address used by mailing systems, not a person.`,
  notifications: (address: string) => `${address} sends automated notifications, not a person.`,
};

const ADDRESS_PROBLEMS = {
  empty: () => "The address is empty.",
  "legacy-dn": () => "This is an internal Exchange identifier (legacy DN), not an email address.",
  "broken-character": () => "The address contains a broken character (half of a character pair).",
  "spaces-or-invisible": () => "The address contains spaces or invisible characters.",
  "no-at": () => "The address has no @.",
  "nothing-before-at": () => "The address has nothing before the @.",
  "no-domain": () => "The address has no domain after the @.",
  "quoted-local-part": () => 'Quoted local parts ("…"@) are not accepted.',
  "several-at": () => "The address has more than one @.",
  "local-double-dot": () => "The part before the @ has two dots in a row.",
  "local-edge-dot": () => "The part before the @ cannot start or end with a dot.",
  "local-invalid-characters": () => "The part before the @ contains characters an email address cannot have.",
  "local-too-long": ({ limit }) => `The part before the @ is longer than ${limit} characters.`,
  "ip-literal": () => "An IP address in brackets is not accepted as a domain.",
  "ip-address": () => "An IP address is not accepted as a domain.",
  "domain-double-dot": () => "The domain has two dots in a row.",
  "domain-edge-dot": () => "The domain cannot start or end with a dot.",
  "domain-no-dot": ({ domain }) =>
    `The domain "${domain}" has no dot (a full domain looks like contoso.com).`,
  "domain-invalid-idn": () => "The domain is not a valid internationalized domain name.",
  "domain-label-invalid": ({ label }) =>
    `The domain part "${label}" is not valid (letters, digits and inner hyphens only, at most 63 characters).`,
  "domain-label-bad-punycode": ({ label }) => `The domain part "${label}" is not valid punycode.`,
  "bad-top-level": () => "The domain does not end in a valid top-level domain.",
  "domain-too-long": ({ limit }) => `The domain is longer than ${limit} characters.`,
  "address-too-long": ({ limit }) => `The address is longer than ${limit} characters.`,
} satisfies Sentences<AddressProblem>;

export const english = {
  /** BCP 47 tag for Intl and the page's lang attribute. */
  language: "en",
  direction: "ltr",
  appTitle: "GAL Contact",
  /** Why an address cannot be used (AddressProblem, src/contacts/address.ts). */
  addressProblem: ADDRESS_PROBLEMS,

  /** The pane failed while starting (src/taskpane/index.tsx). */
  startup: {
    failed: "GAL Contact could not start",
    advice: "Close the pane and open it again. If this keeps happening, tell your administrator.",
  },

  empty: {
    noItem: "Select a message to see its sender.",
    notMessage: (itemType: string) => `This works on messages; this item is ${describeItemType(itemType)}.`,
  },

  sender: {
    regionLabel: "Sender",
    noCompany: "No company guessed",
    onBehalfOf: (sender: string, from: string) => `Sent by ${sender} on behalf of ${from}`,
    warningTitle: "Check this address",
    unknownName: "Unknown sender",
    /** Why the sender got its kind (SenderReason, src/contacts/types.ts). */
    reason: {
      "no-from": () => "Outlook did not say who this message is from.",
      "no-address": () => "The message has no sender address.",
      "legacy-dn": () =>
        "Outlook gave an internal Exchange identifier instead of an email address: this sender is in an Exchange directory, most likely your own.",
      "invalid-address": ({ problem }) =>
        `The sender address cannot be used. ${sentence(ADDRESS_PROBLEMS, problem)}`,
      "internal-own": ({ domain }) =>
        `${domain} is your own organization's domain: colleagues are already in the address list.`,
      "internal-configured": ({ domain }) =>
        `${domain} is one of your organization's domains: colleagues are already in the address list.`,
      "internal-subdomain": ({ domain, parent }) =>
        `${domain} is part of your organization's domain ${parent}: colleagues are already in the address list.`,
      automated: ({ category, address }) => AUTOMATED[category](address),
      external: ({ address }) =>
        `${address} is outside your organization and can be added to the address list.`,
    } satisfies Sentences<SenderReason>,
    /** SenderWarning, src/contacts/types.ts. */
    warning: {
      "name-truncated": ({ limit }) =>
        `The display name was longer than ${limit} characters; only its start was used.`,
      "name-cut-at-line-break": () =>
        "The display name had a line break followed by what looks like another header; only the part before it was used.",
      "name-garbage-removed": () =>
        "The display name contained terminal colour codes or broken characters; they were removed.",
      "name-invisible-removed": () =>
        "The display name contained invisible or text-direction characters; they were removed.",
      "name-markup-removed": () => "The display name contained HTML markup; it was removed.",
      "name-shows-other-address": ({ shown, actual }) =>
        `The display name shows the address ${shown}, but the message came from ${actual}.`,
      "mixed-script-domain": ({ domain, asciiDomain, label, scripts }) =>
        `The domain ${domain} mixes ${list(scripts, "and")} letters in "${label}" (${asciiDomain}): it may be imitating a familiar domain.`,
    } satisfies Sentences<SenderWarning>,
  },

  trust: {
    regionLabel: "Sender check",
    unavailable: "The sender check did not load; nothing is claimed either way.",
    status: {
      verified: "Sender verified",
      "not-verified": "Sender not verified",
      failed: "Sender failed authentication",
      "not-checked": "Sender not checked",
    },
    details: "How this was checked",
    detailsLabel: "Authentication details",
    detail: {
      spf: "SPF",
      dkim: "DKIM",
      dmarc: "DMARC",
      compauth: "Composite authentication",
      headerFrom: "From domain (header.from)",
      mailFrom: "Envelope sender (smtp.mailfrom)",
      dkimDomain: "Signing domain (header.d)",
      stampedBy: "Stamped by",
      risks: "Also found",
    },
    compauth: (result: string, reason: string | null) =>
      reason === null ? result : `${result} (reason ${reason})`,
    stampedByEop: "Exchange Online Protection",
    none: "none",
    addAnyway: "Add anyway…",
    confirmTitle: "Add this sender anyway?",
    confirmIntro:
      "Everyone in your organization will see this contact in the address book. Before you add it:",
    confirmAdd: "Add anyway",
    cancel: "Cancel",
    blocked: "Your organization does not allow adding senders who failed authentication from this pane.",
  },

  verdict: {
    regionLabel: "Address book status",
    checking: "Checking the address book…",
    exists: "In the address book",
    /** A contact with HiddenFromAddressListsEnabled: it exists, but colleagues do not find it in the address book. */
    existsHidden: "In the directory, hidden from the address book",
    /** Create was refused: a mailbox, guest or group already has the address. */
    heldByOther: "Address used by another recipient",
    missing: "Not in the address book yet",
    internal: "Internal colleague",
    automated: "Automated sender",
    unusable: "No usable address",
    unknown: "Could not check the address book",
    adding: "Adding to the address book…",
    incomplete: "In the address book, not finished",
    /** A create failed in a way that may have stored the contact. */
    uncertain: "Not certain whether it was added",
    hidden: "Hidden from the address book",
    shown: "Shown in the address book",
    existsAs: (name: string) => `Listed as ${name}`,
  },

  promote: {
    add: "Add to address book",
    editDetails: "Edit details",
    displayName: "Display name",
    firstName: "First name",
    lastName: "Last name",
    company: "Company",
    mailTip: "Mail tip",
    mailTipHint: "Shown to colleagues when they write to this contact.",
    hidden: "Hide from the address book",
    count: (used: number, limit: number) => `${used} of ${limit} characters`,
    fixErrors: "Fix the details marked below before adding the contact.",
    notesLabel: "How the details were filled in",
    /** A display name that impersonates someone, said before the details it filled in. */
    caution: (caution: DisplayNameCaution): string =>
      caution.kind === "your-own-name"
        ? `This sender from outside your organization uses your own name, "${caution.name}". Make sure it is who you think before adding it to everyone's address book.`
        : `The sender's name shows the address ${caution.address}, but the message came from another address. Check who this is before adding it.`,
    cautionsLabel: "Check the sender",
    fieldLabels: FIELD_LABELS,
    companyGuessHint: "Guessed from the domain name: check the spelling and spacing.",
    noMailTip: "No mail tip.",
    hiddenSummary: "Hidden from the address book",
    prefillFailed:
      "The contact's details could not be prepared: part of the add-in did not download. Check the connection and try again.",
  },

  retrying: {
    title: "Microsoft 365 is busy",
    titleUnreachable: "Microsoft 365 did not answer",
    inSeconds: (seconds: number) => `Trying again in ${seconds} s…`,
    now: "Trying again…",
  },

  /** Said through the pane's polite live region (see docs/pane.md, "Announcements"). */
  announce: {
    verdict: (name: string, verdict: string) => `${name}: ${verdict}.`,
    busy: (title: string, when: string) => `${title}. ${when}`,
    addStopped: (reason: string) => `Adding the contact did not finish. ${reason}`,
  },

  lazy: {
    loading: "Loading…",
    failed: "This part of the add-in could not be downloaded. Check the connection and try again.",
  },

  progress: {
    added: "Added to the address book.",
    alreadyExisted: "Someone else had already added this contact; it is shown as it is.",
  },

  existing: {
    regionLabel: "Contact details",
    openInAdminCenter: "Open in the Exchange admin center",
    opensInNewWindow: "(opens in a new window)",
    mailTip: "Mail tip",
    noMailTip: "No mail tip.",
    edit: "Edit",
    editMailTip: "Edit the mail tip",
    save: "Save",
    cancel: "Cancel",
    clear: "Clear",
    clearMailTip: "Clear the mail tip",
    mailTipCleared: "Mail tip cleared.",
    undo: "Undo",
    saving: "Saving…",
    shownInAddressBook: "Shown in the address book",
    dirSynced: "This contact is managed in your on-premises directory, so it can only be changed there.",
    company: "Company",
  },

  /**
   * Said before anyone clicks Add when another recipient already holds the address (the
   * backend's findHolder, asked after the verdict), by the holder's kind (RecipientKind).
   */
  addressHolder: {
    regionLabel: "Address already in use",
    heldBy: {
      guest: (name: string) => `${name || "A guest"} is a guest in your organization with this address.`,
      mailbox: (name: string) =>
        `${name || "A mailbox"} is a mailbox in your organization with this address.`,
      "mail-user": (name: string) =>
        `${name || "A mail user"} is a mail user in your organization with this address.`,
      group: (name: string) => `${name || "A group"} is a group in your organization with this address.`,
      contact: (name: string) =>
        `${name || "Another contact"} is a contact that already has this address among its addresses.`,
      other: (name: string) =>
        name
          ? `${name} already uses this address in your organization.`
          : "Another recipient in your organization already uses this address.",
    },
    cannotAdd: "So it cannot also be added as a mail contact: colleagues can already write to it.",
  },

  /**
   * Sign-in problems, keyed by SignInError's `failure` (src/auth/sign-in-error.ts); the
   * codes are shown for support. Where only an administrator can help, the pointer is the
   * add-in's admin setup guide (docs/admin-setup.md).
   */
  signIn: {
    "interaction-required": "Sign-in is needed. Choose Sign in again to continue.",
    cancelled: "Sign-in was cancelled. Choose Sign in again when you are ready.",
    unavailable:
      "Sign-in could not open: this Outlook blocked both the sign-in popup and the sign-in dialog. Allow popups for Outlook, or use Outlook on the web.",
    aborted: "Sign-in was stopped.",
    network: "The Microsoft sign-in service could not be reached. Check the connection, then try again.",
    "admin-setup":
      "Microsoft Entra refused the sign-in. Signing in again will not change that: an administrator has to finish the add-in's setup (consent and app registration, described in the add-in's admin setup guide, docs/admin-setup.md).",
    failed:
      "Sign-in failed. Try again; if it keeps failing, ask your administrator to check the add-in's registration (docs/admin-setup.md).",
    codes: (codes: readonly string[]) => `Error code: ${codes.join(", ")}`,
  },

  errors: {
    forbidden: (roles: readonly string[]) =>
      `Your account can look contacts up but not change them. Changing contacts needs one of these roles: ${list(roles, "or")}.`,
    readOnlyAccount: (roles: readonly string[]) =>
      `Your account can look contacts up but not change them, so adding and editing are not offered. Changing contacts needs one of these roles: ${list(roles, "or")}.`,
    forbiddenToRead: (roles: readonly string[]) =>
      `Your account is not allowed to look contacts up. Ask for one of these roles: ${list(roles, "or")}.`,
    throttledGaveUp: "Microsoft 365 is still asking us to slow down. Wait a minute, then try again.",
    unauthenticated: "Your sign-in has expired or was not accepted.",
    signInPage:
      "The service answered with a sign-in page instead of data: your sign-in was not accepted. Sign in again; if that does not help, ask your administrator to check the add-in's configuration.",
    signInPageAgain:
      "The service still answers with a sign-in page after signing in again: your organization may not allow this add-in's access to Exchange (for example a Conditional Access policy, or consent not granted). Signing in again will not change that; ask your administrator to check the add-in's setup (docs/admin-setup.md).",
    signInAgain: "Sign in again",
    signingIn: "Signing in…",
    signInFailed: "Signing in did not work. Try again, or reload the add-in.",
    transient: "The service could not be reached or did not answer in time.",
    serverError: "The service failed while handling the request.",
    mayHaveBeenApplied: "The change may or may not have been applied; trying again checks first.",
    tryAgain: "Try again",
    protocol:
      "The service answered in a way this add-in does not understand. It may have changed; try again later, or tell your administrator.",
    notFound:
      "The contact was not found: it may have been deleted, or it was added moments ago and is not visible yet.",
    deleted: "The contact is no longer there; someone may have deleted it.",
    notVisibleYet:
      "The new contact does not show up in the address book yet. Try again in a minute: it will not be created twice.",
    readBackDiffers: (fields: readonly string[]) =>
      `The contact was saved, but reading it back shows a different ${list(fields, "and")} than was sent. Try again to re-apply it.`,
    fieldNames: {
      name: "name",
      displayName: "display name",
      firstName: "first name",
      lastName: "last name",
      address: "address",
      company: "company",
      mailTip: "mail tip",
      hiddenFromAddressLists: "address book visibility",
    },
    addressInUse: "Another recipient in your organization already uses this address.",
    addressHeldBy: (holder: string, kind: string | null) =>
      `${kind ? `${holder} (${kind})` : holder} already uses this address, so it cannot also be a mail contact.`,
    addressHeldAdvice:
      "Colleagues can already write to this address. To list it as a mail contact instead, an Exchange administrator would first have to remove the address from that recipient; to change how that recipient shows in the address book, they edit it in the Exchange or Microsoft Entra admin center.",
    recipientKinds: {
      mailbox: "a mailbox",
      guest: "a guest",
      "mail-user": "a mail user",
      group: "a group",
      contact: "a contact",
      other: null,
    },
    nameInUse: "Another recipient already uses this name. Change the display name and try again.",
    bothNamesTaken: (name: string, alternative: string) =>
      `The name "${name}" is already used by another recipient, and so is "${alternative}". Change the display name and try again.`,
    refused: "Exchange refused the change without saying why.",
    refusedSaying: (serviceText: string) => `Exchange refused the change. It says: ${serviceText}`,
    dirSynced:
      "This contact is synchronized from your on-premises directory, so it cannot be changed here. Change it on-premises; the change then syncs to Microsoft 365.",
    mailTipInvisible:
      "A mail tip cannot contain control or invisible characters (such as text-direction marks); remove them.",
    mailTipTooLong: (limit: number, length: number) =>
      `A mail tip can be at most ${limit} characters (this one has ${length}).`,
    dismiss: "Dismiss",
    requestId: (id: string) => `Request id: ${id}`,
    whileLookingUp: "Looking up the sender",
    whileSaving: "Saving the change",
  },

  /**
   * Several people at once (issue 14): only the button the first view shows. The list's own
   * sentences are a section (locales/people-sentences.ts) loaded with the "people" chunk.
   */
  people: {
    show: (count: number) => `Show everyone on this item (${count})`,
    hide: "Hide the people on this item",
  },

  // Proposals' sentences (docs/proposals.md) are the "proposals" section (locales/proposal-sentences.ts):
  // only the "proposals" chunk shows them, and here they would cost the first download 1.5 KB gzip.
  /** The view switch for several selected messages and suggestions (issue 14, items 2 and 3); the views' sentences are locales/people-sentences.ts. */
  multiPeople: {
    views: "Views",
    thisMessage: "This message",
    suggestions: "Suggestions",
  },
} as const;

/** A draft field's problem together with the field it is about. */
export type FieldProblem = DraftFieldError["problem"] & { field: DraftField };

/** The draft's section (locales/draft-notes.ts): how the prefill got its values, and what a field cannot be. */
export interface DraftSentences {
  note: Sentences<DraftNote>;
  fieldProblem: Sentences<FieldProblem>;
}

/** Literal strings widened to string: the shape every language's catalogue has. */
export type Widened<T> = T extends string
  ? string
  : T extends (...args: infer Args) => infer Result
    ? (...args: Args) => Widened<Result>
    : T extends object
      ? { readonly [Key in keyof T]: Widened<T[Key]> }
      : T;

/** A language's catalogue: English's shape, every key required. */
export type Catalogue = Omit<Widened<typeof english>, "direction"> & {
  readonly direction: "ltr" | "rtl";
  /** A pseudo-locale's rewrite of a section's English (sections have no pseudo version of their own). */
  readonly adapt?: <Entry>(english: Entry) => Entry;
};

/** The catalogue in use: English until `selectCatalogue` is called (once, before the first render). */
export const strings: Catalogue = { ...english };

/** Makes `catalogue` the one the pane reads from now on (src/taskpane/locales/language.ts). */
export function selectCatalogue(catalogue: Catalogue): void {
  Object.assign(strings, { adapt: undefined }, catalogue);
}

/**
 * Sections: blocks of the catalogue that only a lazily loaded chunk's data needs, kept out of
 * the first download. A section module holds every language's version (typed `Record<
 * SectionLanguage, …>`, so a missing language fails typecheck), is imported by its chunk and
 * registers itself when that chunk runs; `section` then gives the version in the pane's language.
 */
export type SectionLanguage = "en" | "de";
const sections = new Map<string, Record<SectionLanguage, unknown>>();

export function registerSection<Entry>(name: string, versions: Record<SectionLanguage, Entry>): void {
  sections.set(name, versions);
}

export function section<Entry>(name: string): Entry {
  const versions = sections.get(name) as Record<SectionLanguage, Entry> | undefined;
  if (!versions) throw new Error(`The "${name}" section is shown before its chunk loaded.`);
  if (strings.language === "de") return versions.de;
  return strings.adapt ? strings.adapt(versions.en) : versions.en;
}

/** Why an address cannot be used, in the pane's language. */
export function addressProblem(problem: AddressProblem): string {
  return sentence(strings.addressProblem, problem);
}

/** Why the sender got its verdict, in the pane's language. */
export function senderReason(reason: SenderReason): string {
  return sentence(strings.sender.reason, reason);
}

export function senderWarning(warning: SenderWarning): string {
  return sentence(strings.sender.warning, warning);
}

/** How the prefill reached a value: a section of its own (locales/draft-notes.ts), loaded with the draft. */
export function draftNote(note: DraftNote): string {
  return sentence(section<DraftSentences>("draft").note, note);
}

/** A draft field Exchange would refuse: a section loaded with the draft (locales/draft-notes.ts). */
export function fieldProblem(error: DraftFieldError): string {
  return sentence(section<DraftSentences>("draft").fieldProblem, {
    ...error.problem,
    field: error.field,
  } as FieldProblem);
}

/** The sentence for a failed directory call, from its kind, reason and facts (throttling is worded by the caller). */
export function errorMessage(error: DirectoryError): string {
  const text = strings.errors;
  switch (error.kind) {
    case "unauthenticated":
      return text.unauthenticated;
    case "forbidden":
      return error.operation === "findByAddress" ||
        error.operation === "findHolder" ||
        error.operation === "readDetails"
        ? text.forbiddenToRead(EXCHANGE_WRITE_ROLES)
        : text.forbidden(EXCHANGE_WRITE_ROLES);
    case "not-found":
      if (error.reason === "not-visible-yet") return text.notVisibleYet;
      return error.reason === "deleted" ? text.deleted : text.notFound;
    case "conflict":
      switch (error.reason) {
        case "address-held-by":
          return [
            error.holder
              ? text.addressHeldBy(error.holder.name, text.recipientKinds[error.holder.kind])
              : text.addressInUse,
            text.addressHeldAdvice,
          ].join(" ");
        case "both-names-taken":
          return text.bothNamesTaken(error.names?.[0] ?? "", error.names?.[1] ?? "");
        default:
          return text.nameInUse;
      }
    case "invalid":
      switch (error.reason) {
        case "dir-synced":
          return text.dirSynced;
        case "invisible-characters":
          return text.mailTipInvisible;
        case "too-long":
          return text.mailTipTooLong(error.limit ?? 0, error.length ?? 0);
        default:
          return error.serviceText ? text.refusedSaying(error.serviceText) : text.refused;
      }
    case "throttled":
      return text.throttledGaveUp;
    case "unavailable":
      if (error.reason === "download-failed") return strings.lazy.failed;
      return [
        error.reason === "server-error" ? text.serverError : text.transient,
        ...(error.ambiguous ? [text.mayHaveBeenApplied] : []),
      ].join(" ");
    case "protocol":
      if (error.reason === "sign-in-page") return text.signInPage;
      if (error.reason === "read-back-differs")
        return text.readBackDiffers((error.fields ?? []).map((field) => text.fieldNames[field]));
      return text.protocol;
    case "aborted":
      return text.transient;
  }
}

function describeItemType(itemType: string): string {
  switch (itemType.toLowerCase()) {
    case "appointment":
    case "meeting":
    case "meetingrequest":
      return "a meeting";
    case "task":
      return "a task";
    case "":
      return "not a message";
    default:
      return `a ${itemType.toLowerCase()}`;
  }
}
