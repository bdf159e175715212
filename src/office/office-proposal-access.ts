/**
 * What proposals need of Office.js (docs/proposals.md): the selected message's body as text and
 * Outlook's new-message and reply forms. In the "proposals" chunk, reached through
 * `MailHost.proposalAccess()`: the pane's first download does not carry it.
 */
import type { NewMessage, ProposalAccess } from "./mail-host";

type OfficeLike = typeof Office;

/** Office's value for a message; the body of anything else is not read. */
const MESSAGE_ITEM_TYPE = "message";

export function officeProposalAccess(office: OfficeLike): ProposalAccess {
  const mailbox = () => office.context?.mailbox;
  return {
    readBodyText() {
      const item = mailbox()?.item as
        { itemType?: unknown; body?: { getAsync?: unknown } } | null | undefined;
      const read = item?.body?.getAsync;
      if (!item || item.itemType !== MESSAGE_ITEM_TYPE || typeof read !== "function") {
        return Promise.resolve(null);
      }
      return new Promise((resolve) => {
        try {
          read.call(item.body, office.CoercionType?.Text ?? "text", (result: Office.AsyncResult<string>) => {
            const succeeded = result?.status === office.AsyncResultStatus.Succeeded;
            resolve(succeeded && typeof result.value === "string" ? result.value : null);
          });
        } catch {
          // Some hosts throw instead of answering Failed: no body, so no proposal to read.
          resolve(null);
        }
      });
    },
    displayNewMessageForm({ to, subject, htmlBody }: NewMessage) {
      return callForm(mailbox(), "displayNewMessageForm", { toRecipients: [...to], subject, htmlBody });
    },
    displayReplyForm(htmlBody: string) {
      return callForm(mailbox()?.item, "displayReplyForm", { htmlBody });
    },
  };
}

/** Opens one of Outlook's message forms; false when this Outlook has none or refuses. */
function callForm(target: object | null | undefined, name: string, argument: object): boolean {
  const open = (target as Record<string, unknown> | null | undefined)?.[name];
  if (typeof open !== "function") return false;
  try {
    open.call(target, argument);
    return true;
  } catch {
    return false;
  }
}
