/**
 * Quick edits of an existing contact from the pane: its mail tip and whether it shows
 * in the Global Address List. Both go through the directory's settings update
 * (updateOptions) with the contact as last read, so nothing else on the contact changes.
 *
 * Refusals happen before anything is sent: a contact mastered on-premises cannot be
 * edited in the cloud, and a mail tip must fit 175 characters (the same check as a new draft).
 * An edit that changes nothing sends nothing (the API's rate limits are strict).
 */
import { DirectoryError } from "./directory-error";
import type { CallOptions, ContactDirectory, MailContact } from "./directory";
import { mailTipProblem } from "./draft-rules";
import { typedMailTipText } from "./mail-tip";

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
  // Plain text as typed: "<" or "&" stay; the backend escapes them on the wire.
  const text = typedMailTipText(mailTip);
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

/** Mastered on-premises: it cannot be changed in the cloud, so nothing is sent. */
function refuseIfDirSynced(contact: MailContact): void {
  if (!contact.dirSynced) return;
  throw new DirectoryError({ kind: "invalid", reason: "dir-synced", operation: "updateOptions" });
}
