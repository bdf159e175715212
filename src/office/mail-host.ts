/**
 * What the pane needs from Outlook, as a small interface the components receive as a
 * prop. Only src/office/ implements it against Office.js; tests and the demo pass fakes.
 */
import type { InternetHeaders } from "../contacts/trust/message-authentication";
import type { ItemParticipants } from "../contacts/people";
import type { HeaderAddress } from "../contacts/types";

export type CurrentItem =
  /** Nothing selected, or a collapsed conversation (Office gives a null item). */
  | { kind: "none" }
  /** An item that is not a message (a meeting request, an appointment...). */
  | { kind: "not-message"; itemType: string }
  | {
      kind: "message";
      from: HeaderAddress | null;
      sender: HeaderAddress | null;
    };

export interface OfficeThemeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export interface MailHostContext {
  /** Signed-in user's SMTP address. */
  userAddress: string;
  userDisplayName: string;
  /** BCP 47, e.g. "en-US". */
  displayLanguage: string;
  /** Office theme when the host exposes it; null otherwise. */
  theme: OfficeThemeColors | null;
  /** True when running inside Outlook (false: the page was opened in a plain browser). */
  inOutlook: boolean;
}

/** A message the pane prepares for the user to check and send themselves (never sent on their behalf). */
export interface NewMessage {
  /** SMTP addresses (people or groups). */
  to: readonly string[];
  subject: string;
  htmlBody: string;
}

/** The selected message's body and Outlook's message forms, for proposals. */
export interface ProposalAccess {
  /** The body as plain text (`item.body.getAsync` with CoercionType.Text); null when Outlook cannot give it. Never rejects. */
  readBodyText(): Promise<string | null>;
  /** Opens a new message form (`mailbox.displayNewMessageForm`) for the user to send; false when Outlook cannot. */
  displayNewMessageForm(message: NewMessage): boolean;
  /** Opens a reply to the selected message (`item.displayReplyForm`) with this HTML; false when Outlook cannot. */
  displayReplyForm(htmlBody: string): boolean;
}

export interface MailHost {
  readonly context: MailHostContext;
  /** Reads the currently selected item. Cheap and synchronous: read-mode from/sender are properties. */
  readCurrentItem(): CurrentItem;
  /**
   * Registers the single ItemChanged listener (pinned pane). Returns an unsubscribe.
   * Implementations register with Office exactly once, however many listeners subscribe.
   */
  onItemChanged(listener: () => void): () => void;
  /**
   * The selected message's internet headers (Mailbox 1.8 `getAllInternetHeadersAsync`), read
   * when asked: "" when the message has none (Sent Items, drafts), null when Outlook cannot
   * give them (older hosts, no message, the call failed). Never rejects.
   */
  readInternetHeaders(): Promise<InternetHeaders>;
  /**
   * What proposals need of Outlook (docs/proposals.md), in the "proposals" chunk: the pane's
   * first download holds only this call. Optional: hosts without proposals omit it.
   */
  proposalAccess?(): Promise<ProposalAccess>;
  /**
   * Everyone on the selected item (read mode): a message's from, sender, To and Cc, or a
   * meeting's organizer and attendees; `{kind: "none"}` for anything else. Synchronous, like
   * readCurrentItem: read mode gives them as properties. Optional: a host without it shows no
   * people list.
   */
  readParticipants?(): ItemParticipants;
  /** Theme changes, where the host reports them. Returns an unsubscribe. */
  onThemeChanged(listener: (theme: OfficeThemeColors | null) => void): () => void;
  /**
   * Item multi-select, only where the client offers it (Mailbox 1.13 for the selection, 1.15
   * to read each message): absent or null elsewhere, and the pane stays single-message.
   */
  readonly multiSelect?: MultiSelectHost | null;
}

/** Outlook reads at most this many selected items; Outlook itself lets no more be selected. */
export const MAX_SELECTED_ITEMS = 100;

/** The senders of one selected message, as read mode gives them. */
export interface SelectedMessage {
  from: HeaderAddress | null;
  sender: HeaderAddress | null;
}

export interface SelectedMessages {
  /** How many items Outlook says are selected (messages or not). */
  selectedCount: number;
  /** The messages read, in selection order (at most MAX_SELECTED_ITEMS). */
  messages: SelectedMessage[];
  /** Items not read: not a message, a draft, past the limit, or Outlook could not load it. */
  skipped: number;
}

export interface MultiSelectHost {
  /**
   * SelectedItemsChanged (Mailbox 1.13): registered with Office once, however many listeners
   * subscribe. Returns an unsubscribe.
   */
  onSelectionChanged(listener: () => void): () => void;
  /**
   * Reads the senders of the selected messages one at a time (loadItemByIdAsync, then
   * unloadAsync before the next: Outlook allows one loaded item). Reads queue behind each
   * other; an aborted read unloads its item and rejects with the signal's reason. Only
   * from and sender are read, never a body.
   */
  readSelectedMessages(signal?: AbortSignal): Promise<SelectedMessages>;
}
