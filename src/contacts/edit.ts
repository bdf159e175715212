/**
 * Quick edits of an existing contact from the pane: its mail tip and whether it shows
 * in the Global Address List. Both go through the directory's settings update
 * (updateOptions) with the contact as last read, so nothing else on the contact changes.
 *
 * Refusals happen before anything is sent: a contact mastered on-premises cannot be
 * edited in the cloud, and a mail tip must be plain text of at most 175 characters.
 * An edit that changes nothing sends nothing (the API's rate limits are strict).
 */
import { DirectoryError } from "./directory-error";
import type { CallOptions, ContactDirectory, MailContact } from "./directory";
import { EXCHANGE_LIMITS } from "./exchange-rules";
import { containsMarkup, displayedLength, mailTipToPlainText } from "./mail-tip";

/** Sets the mail tip; "" (or only spaces) clears it. Resolves with the contact as now stored. */
export async function setMailTip(
  directory: ContactDirectory,
  contact: MailContact,
  mailTip: string,
  options?: CallOptions,
): Promise<MailContact> {
  refuseIfDirSynced(contact);
  const problem = mailTipProblem(mailTip);
  if (problem) {
    throw new DirectoryError({ kind: "invalid", operation: "updateOptions", field: "mailTip", ...problem });
  }
  // Markup is refused above, so this only drops invisible characters and collapses whitespace.
  const text = mailTipToPlainText(mailTip);
  if (text === contact.mailTip) return contact;
  return directory.updateOptions(contact, { mailTip: text }, options);
}

/** Hides the contact from (or shows it in) the Global Address List. */
export async function setHiddenFromAddressLists(
  directory: ContactDirectory,
  contact: MailContact,
  hidden: boolean,
  options?: CallOptions,
): Promise<MailContact> {
  refuseIfDirSynced(contact);
  if (hidden === contact.hiddenFromAddressLists) return contact;
  return directory.updateOptions(contact, { hiddenFromAddressLists: hidden }, options);
}

/** Why a mail tip cannot be sent (the pane words it, strings.ts). */
export type MailTipProblem =
  { reason: "not-plain-text" } | { reason: "too-long"; limit: number; length: number };

/** Why a mail tip cannot be sent, or null when it can. Length counts characters as a reader sees them. */
export function mailTipProblem(mailTip: string): MailTipProblem | null {
  // Exchange wraps the tip in <html><body> itself and renders nothing else.
  if (containsMarkup(mailTip)) return { reason: "not-plain-text" };
  const length = displayedLength(mailTipToPlainText(mailTip));
  if (length > EXCHANGE_LIMITS.mailTip) return { reason: "too-long", limit: EXCHANGE_LIMITS.mailTip, length };
  return null;
}

/** Mastered on-premises: it cannot be changed in the cloud, so nothing is sent. */
function refuseIfDirSynced(contact: MailContact): void {
  if (!contact.dirSynced) return;
  throw new DirectoryError({ kind: "invalid", reason: "dir-synced", operation: "updateOptions" });
}
