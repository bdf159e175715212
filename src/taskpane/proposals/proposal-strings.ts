/**
 * Every sentence of proposals (docs/proposals.md), in the style of src/taskpane/strings.ts and
 * meant for the same message catalogue; a module of its own because only the "proposals" chunk
 * shows them (in strings.ts they would push the first download past its budget).
 * `mail` is the proposal message's readable part.
 */
export const proposalStrings = {
  ask: "Ask an admin to add",
  askIntro:
    "You cannot add contacts yourself. Ask your organization's approvers: a message with these details opens for you to send.",
  reasonLabel: "Why should they add this person? (optional)",
  reasonMarkup:
    "The reason cannot contain markup such as <b> or hidden characters: approvers would not accept it.",
  fieldMarkup: (field: string) =>
    `A detail (${field}) holds markup or hidden characters that approvers would not accept: change it under Edit details.`,
  noApprovers:
    "Your organization has not named anyone who approves proposals, so there is no one to ask from here. Ask your IT department to set approvers for this add-in.",
  badApprovers: (entries: readonly string[]) =>
    `The add-in was built with approvers that are not email addresses (ADDIN_APPROVERS: ${entries.join(", ")}), so there is no one to ask from here. Ask your IT department to correct it.`,
  opened: "A new message to the approvers is open. Check it and send it yourself; nothing was sent.",
  openFailed: "Outlook could not open a new message. Try again, or ask an admin directly.",
  checking: "Reading the proposal…",
  title: (proposer: string, person: string) => `Proposal from ${proposer}: add ${person}`,
  proposedBy: "Proposed by",
  personRegion: "Proposed person",
  theirReason: "Their reason",
  reportedCheck: (proposer: string, status: string) =>
    `${proposer}'s pane checked the original message: ${status}. This pane cannot check it again (the message is in their mailbox); it re-checks everything it can from the address.`,
  reportedRisks: "Their pane also found",
  approve: "Approve and add",
  decline: "Decline…",
  declineReasonLabel: "Reason for declining (sent to the proposer)",
  declineWrite: "Write the reply",
  declineCancel: "Cancel",
  declineOpened: "A reply to the proposer is open. Check it and send it yourself.",
  alreadyThere: "This person is already in the address book: there is nothing to approve.",
  refusedTitle: "This proposal was ignored",
  refusedFooter: "Nothing from it is used. Ask the colleague to propose again from the add-in.",
  problem: {
    "external-sender":
      "It does not come from a colleague inside your organization (it may have been forwarded from outside).",
    "sent-on-behalf": "Someone sent it on behalf of the colleague it shows.",
    "not-authenticated":
      "Nothing in the message shows that your organization's mail service received it from a colleague's mailbox.",
    "authentication-failed": "Your organization's mail service says the message may be forged.",
    forwarded: (proposer: string) =>
      `It was written by ${proposer}, not by the colleague who sent it: only the proposer's own message counts.`,
    "too-large": "Its machine-readable part is larger than any proposal.",
    "several-blocks": "It holds more than one machine-readable part.",
    unreadable: "Its machine-readable part is damaged or cut off.",
    "wrong-fields": (field: string) => `Its machine-readable part has a missing or wrong field (${field}).`,
    markup: (field: string) =>
      `Its machine-readable part has markup or hidden characters in a field (${field}).`,
    "not-promotable":
      "The address it proposes cannot be a contact (it is internal, automated or not an address).",
    "text-disagrees": (field: string) =>
      `Its readable text and its machine-readable part disagree (${field}): it was changed after it was written.`,
  },
  mail: {
    subject: (name: string, address: string) => `Proposal: add ${name} (${address}) to the address book`,
    intro: (proposer: string, name: string) =>
      `${proposer} proposes adding ${name} to your organization's address book as a mail contact.`,
    labels: {
      address: "Address",
      displayName: "Display name",
      firstName: "First name",
      lastName: "Last name",
      company: "Company",
      mailTip: "Mail tip",
      hidden: "Hidden from the address book",
      senderCheck: "Sender check of their message",
      risks: "Risks found",
      reason: "Reason",
    },
    yes: "yes",
    no: "no",
    none: "none",
    howToApprove:
      "To approve, open this message in Outlook with the GAL Contact add-in: it shows Approve and Decline. Without the add-in, an Exchange administrator can create the contact with these values.",
    blockNote: "The block below repeats these values for the add-in.",
    risk: {
      "authentication-failed": "the message failed authentication",
      "look-alike": "the domain looks like a known one",
      impersonation: "the display name imitates someone",
    },
    declineSubject: (subject: string) => `RE: ${subject}`,
    declineBody: (person: string, reason: string) =>
      reason.trim() === ""
        ? `Your proposal to add ${person} to the address book was declined.`
        : `Your proposal to add ${person} to the address book was declined. Reason: ${reason.trim()}`,
  },
} as const;
