/**
 * An in-memory MailHost for pane tests: a test selects items and
 * changes the theme, and the pane sees exactly what it would see from Outlook.
 */
import type { InternetHeaders } from "../../contacts/trust/message-authentication";
import type { ItemParticipants } from "../../contacts/people";
import type { HeaderAddress } from "../../contacts/types";
import type {
  CurrentItem,
  MailHost,
  MailHostContext,
  NewMessage,
  OfficeThemeColors,
  ProposalAccess,
} from "../../office/mail-host";

export const LIGHT_OFFICE_THEME: OfficeThemeColors = {
  bodyBackgroundColor: "#ffffff",
  bodyForegroundColor: "#262626",
  controlBackgroundColor: "#ffffff",
  controlForegroundColor: "#262626",
};

export const DARK_OFFICE_THEME: OfficeThemeColors = {
  bodyBackgroundColor: "#1f1f1f",
  bodyForegroundColor: "#f3f3f3",
  controlBackgroundColor: "#292929",
  controlForegroundColor: "#f3f3f3",
};

export class FakeMailHost implements MailHost {
  readonly context: MailHostContext;
  #item: CurrentItem;
  readonly #itemListeners = new Set<() => void>();
  readonly #themeListeners = new Set<(theme: OfficeThemeColors | null) => void>();
  /** How many times onItemChanged was called: the pane must subscribe once. */
  itemChangedSubscriptions = 0;
  /** How many times the pane read the current item. */
  reads = 0;
  /** What readInternetHeaders answers for the current item ("" as for Sent Items by default). */
  internetHeaders: InternetHeaders = "";
  /** What readBodyText answers for the current item (null: Outlook could not give it). */
  bodyText: string | null = "";
  /** How often the pane read a message's body (a colleague's message may hold a proposal). */
  bodyReads = 0;
  /** The message forms the pane opened (displayNewMessageForm), and the replies (displayReplyForm). */
  readonly opened: NewMessage[] = [];
  readonly replies: string[] = [];
  /** Everyone on the current item; by default a message's from and sender only. */
  participants: ItemParticipants | null = null;

  constructor(options: { item?: CurrentItem; context?: Partial<MailHostContext> } = {}) {
    this.context = {
      userAddress: "adele@contoso.com",
      userDisplayName: "Adele Vance",
      displayLanguage: "en-US",
      theme: LIGHT_OFFICE_THEME,
      inOutlook: true,
      ...options.context,
    };
    this.#item = options.item ?? { kind: "none" };
  }

  readCurrentItem(): CurrentItem {
    this.reads += 1;
    return this.#item;
  }

  readParticipants(): ItemParticipants {
    if (this.participants) return this.participants;
    const item = this.#item;
    return item.kind === "message"
      ? { kind: "message", from: item.from, sender: item.sender, to: [], cc: [] }
      : { kind: "none" };
  }

  /** Selects a message with its recipients (or a meeting), and fires ItemChanged. */
  selectParticipants(participants: ItemParticipants): void {
    this.selectItem(
      participants.kind === "message"
        ? { kind: "message", from: participants.from, sender: participants.sender }
        : participants.kind === "meeting"
          ? { kind: "not-message", itemType: "appointment" }
          : { kind: "none" },
      participants,
    );
  }

  readInternetHeaders(): Promise<InternetHeaders> {
    return Promise.resolve(this.internetHeaders);
  }

  proposalAccess(): Promise<ProposalAccess> {
    return Promise.resolve({
      readBodyText: () => {
        this.bodyReads += 1;
        return Promise.resolve(this.bodyText);
      },
      displayNewMessageForm: (message: NewMessage) => {
        this.opened.push(message);
        return true;
      },
      displayReplyForm: (htmlBody: string) => {
        this.replies.push(htmlBody);
        return true;
      },
    });
  }

  onItemChanged(listener: () => void): () => void {
    this.itemChangedSubscriptions += 1;
    this.#itemListeners.add(listener);
    return () => {
      this.#itemListeners.delete(listener);
    };
  }

  onThemeChanged(listener: (theme: OfficeThemeColors | null) => void): () => void {
    this.#themeListeners.add(listener);
    return () => {
      this.#themeListeners.delete(listener);
    };
  }

  get itemChangedListenerCount(): number {
    return this.#itemListeners.size;
  }

  /** Selects an item and fires ItemChanged, as Outlook does when the pinned pane follows the selection. */
  selectItem(item: CurrentItem, participants: ItemParticipants | null = null): void {
    this.#item = item;
    this.participants = participants;
    for (const listener of [...this.#itemListeners]) listener();
  }

  /** Selects a message from `from` (optionally sent by someone else on their behalf). */
  selectMessage(from: HeaderAddress | null, sender: HeaderAddress | null = from): void {
    this.selectItem({ kind: "message", from, sender });
  }

  changeTheme(theme: OfficeThemeColors | null): void {
    (this.context as { theme: OfficeThemeColors | null }).theme = theme;
    for (const listener of [...this.#themeListeners]) listener(theme);
  }
}

/** A message item from `from`, for constructing a host with an initial selection. */
export function messageFrom(from: HeaderAddress | null, sender: HeaderAddress | null = from): CurrentItem {
  return { kind: "message", from, sender };
}
