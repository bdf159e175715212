/**
 * The messages the demo's Outlook stand-in page (the parent window) and the Office
 * stand-in inside the task pane iframe exchange with postMessage.
 *
 * Both run on the same origin; every message is checked for its origin, its source
 * window and this channel tag, so nothing else on the page can drive the pane.
 * The page owns the mailbox state (which item is selected, the theme, the user); the
 * stand-in mirrors it and exposes it through Office.js's own surface.
 */

export const BRIDGE_CHANNEL = "gal-demo-outlook-bridge" as const;

/** Office.js EmailAddressDetails, as Outlook gives it for item.from / item.sender. */
export interface StandInEmailAddress {
  displayName: string;
  emailAddress: string;
  /** Office.MailboxEnums.RecipientType: "user" (in the organization) or "externalUser". */
  recipientType: "user" | "externalUser" | "distributionList" | "other";
}

/** A read-mode item, as much of it as Office.js exposes synchronously. */
export interface StandInItem {
  /** Office.MailboxEnums.ItemType. */
  itemType: "message" | "appointment";
  /** An EWS-style item id, stable per fixture entry. */
  itemId: string;
  /** "IPM.Note" for mail, "IPM.Appointment" for a calendar item. */
  itemClass: string;
  subject: string;
  /** Messages only (Office.js has no `from` on an appointment). */
  from: StandInEmailAddress | null;
  /** Messages only; differs from `from` on send-on-behalf. */
  sender: StandInEmailAddress | null;
  /** Appointments only: the meeting organizer. */
  organizer: StandInEmailAddress | null;
  to: StandInEmailAddress[];
  cc: StandInEmailAddress[];
  /** ISO 8601. */
  dateTimeCreated: string;
  /** What getAllInternetHeadersAsync answers: "" for none (as Outlook on Sent Items). */
  internetHeaders: string;
  /** What body.getAsync(CoercionType.Text) answers; absent: "". */
  bodyText?: string;
}

/** A message form the pane opened (displayNewMessageForm, displayReplyForm): the page shows it to be sent or discarded. */
export interface StandInCompose {
  kind: "new" | "reply";
  /** SMTP addresses. */
  to: string[];
  subject: string;
  htmlBody: string;
}

/** Office.js OfficeTheme. */
export interface StandInTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
}

export interface StandInMailboxContext {
  userProfile: { displayName: string; emailAddress: string; timeZone: string; accountType: "enterprise" };
  displayLanguage: string;
  theme: StandInTheme;
}

/** Pane → page. */
export type PaneToPageMessage =
  /** The stand-in loaded and waits for the mailbox state. */
  | { channel: typeof BRIDGE_CHANNEL; type: "hello" }
  /** The pane registered (or removed) a handler for an Office event type. */
  | { channel: typeof BRIDGE_CHANNEL; type: "handlers"; eventTypes: string[] }
  /** The pane opened a message form; nothing is sent until the person clicks Send on the page. */
  | { channel: typeof BRIDGE_CHANNEL; type: "compose"; compose: StandInCompose };

/** Page → pane. */
export type PageToPaneMessage =
  | { channel: typeof BRIDGE_CHANNEL; type: "init"; context: StandInMailboxContext; item: StandInItem | null }
  /** A new selection (null: nothing selected). The stand-in swaps the item, then fires ItemChanged. */
  | { channel: typeof BRIDGE_CHANNEL; type: "select"; item: StandInItem | null }
  /**
   * Item multi-select (Ctrl/Shift-click): every selected item, in selection order. The stand-in
   * answers getSelectedItemsAsync and loadItemByIdAsync from it and fires SelectedItemsChanged.
   */
  | { channel: typeof BRIDGE_CHANNEL; type: "selection"; items: StandInItem[] }
  | { channel: typeof BRIDGE_CHANNEL; type: "theme"; theme: StandInTheme };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function isPaneToPageMessage(value: unknown): value is PaneToPageMessage {
  if (!isRecord(value) || value.channel !== BRIDGE_CHANNEL) return false;
  if (value.type === "hello") return true;
  if (value.type === "compose") {
    const compose = value.compose;
    return (
      isRecord(compose) &&
      (compose.kind === "new" || compose.kind === "reply") &&
      Array.isArray(compose.to) &&
      compose.to.every((address) => typeof address === "string") &&
      typeof compose.subject === "string" &&
      typeof compose.htmlBody === "string"
    );
  }
  return value.type === "handlers" && Array.isArray(value.eventTypes);
}

export function isPageToPaneMessage(value: unknown): value is PageToPaneMessage {
  if (!isRecord(value) || value.channel !== BRIDGE_CHANNEL) return false;
  switch (value.type) {
    case "init":
      return isRecord(value.context) && (value.item === null || isRecord(value.item));
    case "select":
      return value.item === null || isRecord(value.item);
    case "selection":
      return Array.isArray(value.items) && value.items.every(isRecord);
    case "theme":
      return isRecord(value.theme);
    default:
      return false;
  }
}

export const LIGHT_THEME: StandInTheme = {
  bodyBackgroundColor: "#ffffff",
  bodyForegroundColor: "#242424",
  controlBackgroundColor: "#ffffff",
  controlForegroundColor: "#242424",
  isDarkTheme: false,
};

export const DARK_THEME: StandInTheme = {
  bodyBackgroundColor: "#1f1f1f",
  bodyForegroundColor: "#f3f3f3",
  controlBackgroundColor: "#292929",
  controlForegroundColor: "#f3f3f3",
  isDarkTheme: true,
};
