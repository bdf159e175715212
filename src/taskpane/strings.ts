/**
 * Every piece of text the pane shows, in one module so that it can be translated.
 * English only for now; functions take the values they interpolate.
 */
export const strings = {
  appTitle: "GAL Contact",

  empty: {
    noItem: "Select a message to see its sender.",
    notMessage: (itemType: string) => `This works on messages; this item is ${describeItemType(itemType)}.`,
  },

  sender: {
    regionLabel: "Sender",
    addressLabel: "Address",
    companyLabel: "Company",
    noCompany: "No company guessed",
    onBehalfOf: (sender: string, from: string) => `Sent by ${sender} on behalf of ${from}`,
    warningTitle: "Check this address",
    unknownName: "Unknown sender",
  },

  trust: {
    regionLabel: "Sender check",
    checking: "Checking the sender…",
    unavailable: "The sender check did not load; nothing is claimed either way.",
    status: {
      verified: "Sender verified",
      "not-verified": "Sender not verified",
      failed: "Sender failed authentication",
      "not-checked": "Sender not checked",
    },
    /** One sentence per reason code of src/contacts/trust/message-authentication.ts. */
    reason: {
      "compauth-pass": (domain: string) =>
        `Your organization's mail service confirmed that this message came from ${domain}.`,
      "dmarc-pass": (domain: string) => `${domain}'s DMARC check passed at your organization's mail service.`,
      "arc-override": (domain: string) =>
        `${domain}'s own check failed on the way, but the message came through a forwarding service (such as a mailing list) that your organization's mail service trusts.`,
      "compauth-softpass": (domain: string) =>
        `Your organization's mail service could only partly confirm that this message came from ${domain}.`,
      "no-policy": (domain: string) =>
        `${domain} publishes no policy that would let your organization's mail service confirm the sender.`,
      "other-domain": (domain: string) =>
        `The authentication results are about another domain than ${domain}.`,
      "compauth-fail": (domain: string) =>
        `Your organization's mail service could not confirm that this message came from ${domain}: it may be forged.`,
      "dmarc-fail": (domain: string) => `${domain}'s DMARC check failed: the message may be forged.`,
      "headers-unavailable": () =>
        "Outlook did not give this message's headers, so the sender could not be checked.",
      "headers-empty": () =>
        "This message has no internet headers (as in Sent Items), so the sender could not be checked.",
      "no-trusted-results": () =>
        "Your organization's mail service left no authentication results on this message, so the sender could not be checked.",
    },
    details: "Details",
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
    risk: {
      authenticationFailed: (domain: string) =>
        `The message failed authentication: it may not come from ${domain}.`,
      lookAlike: (sender: string, known: string, source: "organization" | "contact" | "brand") =>
        source === "organization"
          ? `${sender} looks like your organization's own domain ${known}.`
          : source === "contact"
            ? `${sender} looks like ${known}, the domain of a contact already in the address book.`
            : `${sender} looks like ${known}.`,
      userName: (name: string) => `The display name "${name}" is your own name, on an outside address.`,
      colleagueName: (name: string) =>
        `The display name "${name}" is a colleague's name, on an outside address.`,
      otherAddress: (address: string) =>
        `The display name shows ${address}, which is not the sender's address.`,
    },
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
    missing: "Not in the address book yet",
    internal: "Internal colleague",
    automated: "Automated sender",
    unusable: "No usable address",
    unknown: "Could not check the address book",
    adding: "Adding to the address book…",
    incomplete: "In the address book, not finished",
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
    noMailTip: "No mail tip.",
    hiddenSummary: "Hidden from the address book",
    preparing: "Preparing the contact's details…",
    prefillFailed:
      "The contact's details could not be prepared: part of the add-in did not download. Check the connection and try again.",
  },

  retrying: {
    title: "The admin center is busy",
    titleUnreachable: "The admin center did not answer",
    inSeconds: (seconds: number) => `Trying again in ${seconds} s…`,
    now: "Trying again…",
  },

  lazy: {
    loading: "Loading…",
    failed: "This part of the add-in could not be downloaded. Check the connection and try again.",
  },

  progress: {
    regionLabel: "Adding the contact",
    stepDone: "Done",
    stepRunning: "In progress",
    stepFailed: "Not done",
    stepPending: "Waiting",
    added: "Added to the address book.",
    alreadyExisted: "Someone else had already added this contact; it is shown as it is.",
    finish: "Finish",
    tryAgain: "Try again",
    notCreated: "The contact was not created.",
    createUnknown:
      "It is not certain whether the contact was created. Trying again checks first, so no duplicate is made.",
    partial: (missing: string) => `The contact exists, but ${missing} not set yet.`,
    missingCompany: "its company is",
    missingSettings: "its mail tip and address book visibility are",
    missingBoth: "its company and mail tip are",
    verifyFailed: "The contact exists, but reading it back did not show everything that was set.",
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
    saving: "Saving…",
    shownInAddressBook: "Shown in the address book",
    dirSynced: "This contact is managed in your on-premises directory, so it can only be changed there.",
    company: "Company",
  },

  errors: {
    forbidden: (roles: readonly string[]) =>
      `Your account can look contacts up but not change them. Changing contacts needs one of these roles: ${joinWithOr(roles)}.`,
    throttledRetrying: (seconds: number) =>
      `The admin center asked us to slow down. Trying again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`,
    throttledGaveUp: "The admin center is still asking us to slow down. Wait a minute, then try again.",
    unauthenticated: "Your sign-in has expired or was not accepted.",
    signInAgain: "Sign in again",
    signingIn: "Signing in…",
    signInFailed: "Signing in did not work. Try again, or reload the add-in.",
    transient: "The admin center could not be reached or did not answer in time.",
    tryAgain: "Try again",
    protocol:
      "The admin center answered in a way this add-in does not understand. It may have changed; try again later, or tell your administrator.",
    notFound: "The contact is no longer there; someone may have deleted it.",
    addressInUse: "Another recipient in your organization already uses this address.",
    nameInUse: "Another recipient already uses this name. Change the display name and try again.",
    validation: (message: string) => message,
    dismiss: "Dismiss",
    requestId: (id: string) => `Request id: ${id}`,
    whileLookingUp: "Looking up the sender",
    whileAdding: "Adding the contact",
    whileSaving: "Saving the change",
  },
} as const;

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

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
