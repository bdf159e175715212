/**
 * MailHost over Office.js: the only place the pane's data about the current message,
 * the user and the theme comes from. Reads are synchronous (read mode exposes `from`
 * and `sender` as plain EmailAddressDetails properties); events are registered with
 * Office once and fanned out, because Office offers one handler per event type and
 * React effects subscribe and unsubscribe freely.
 */
import type { InternetHeaders } from "../contacts/trust/message-authentication";
import type { ItemParticipants, ParticipantAddress } from "../contacts/people";
import type { HeaderAddress } from "../contacts/types";
import type {
  CurrentItem,
  MailHost,
  MailHostContext,
  MultiSelectHost,
  OfficeThemeColors,
  ProposalAccess,
} from "./mail-host";
import { createOfficeMultiSelect } from "./office-selection";

/** ItemChanged arrived with Mailbox 1.5 (pinnable task panes). */
const ITEM_CHANGED_REQUIREMENT = "1.5";
/** getAllInternetHeadersAsync is Mailbox 1.8. */
const INTERNET_HEADERS_REQUIREMENT = "1.8";
/** OfficeThemeChanged is Mailbox 1.14. */
const THEME_CHANGED_REQUIREMENT = "1.14";

/** Office's value for a message (meeting requests are messages too); anything else is not promotable. */
const MESSAGE_ITEM_TYPE = "message";
/** A calendar item; in read mode (an attendee's or organizer's view) it has organizer and attendees. */
const APPOINTMENT_ITEM_TYPE = "appointment";

type OfficeLike = typeof Office;

/** What we read from `Office.context.mailbox.item`, typed as optional because every host differs. */
interface ItemLike {
  itemType?: unknown;
  from?: unknown;
  sender?: unknown;
  to?: unknown;
  cc?: unknown;
  organizer?: unknown;
  requiredAttendees?: unknown;
  optionalAttendees?: unknown;
  getAllInternetHeadersAsync?: unknown;
}

export function createOfficeMailHost(office: OfficeLike): MailHost {
  return new OfficeMailHost(office);
}

class OfficeMailHost implements MailHost {
  readonly #office: OfficeLike;
  #context: MailHostContext;
  readonly #itemListeners = new Set<() => void>();
  readonly #themeListeners = new Set<(theme: OfficeThemeColors | null) => void>();
  #itemHandlerRegistered = false;
  #themeHandlerRegistered = false;
  readonly multiSelect: MultiSelectHost | null;

  constructor(office: OfficeLike) {
    this.#office = office;
    this.#context = readContext(office);
    this.multiSelect = createOfficeMultiSelect(
      office,
      (version) => isMailboxSetSupported(office, version),
      toHeaderAddress,
    );
  }

  get context(): MailHostContext {
    return this.#context;
  }

  readCurrentItem(): CurrentItem {
    const item = this.#mailbox()?.item as ItemLike | null | undefined;
    if (item === null || item === undefined) return { kind: "none" };
    const itemType = typeof item.itemType === "string" ? item.itemType : "unknown";
    if (itemType !== MESSAGE_ITEM_TYPE) return { kind: "not-message", itemType };
    return {
      kind: "message",
      from: toHeaderAddress(item.from),
      sender: toHeaderAddress(item.sender),
    };
  }

  readParticipants(): ItemParticipants {
    const item = this.#mailbox()?.item as ItemLike | null | undefined;
    if (item === null || item === undefined) return { kind: "none" };
    // Compose mode gives Recipients objects (getAsync), not arrays: nobody to list there.
    if (item.itemType === MESSAGE_ITEM_TYPE) {
      return {
        kind: "message",
        from: toParticipant(item.from),
        sender: toParticipant(item.sender),
        to: toParticipants(item.to),
        cc: toParticipants(item.cc),
      };
    }
    if (item.itemType === APPOINTMENT_ITEM_TYPE) {
      return {
        kind: "meeting",
        organizer: toParticipant(item.organizer),
        attendees: [...toParticipants(item.requiredAttendees), ...toParticipants(item.optionalAttendees)],
      };
    }
    return { kind: "none" };
  }

  readInternetHeaders(): Promise<InternetHeaders> {
    const item = this.#mailbox()?.item as ItemLike | null | undefined;
    const read = item?.getAllInternetHeadersAsync;
    if (
      item === null ||
      item === undefined ||
      item.itemType !== MESSAGE_ITEM_TYPE ||
      typeof read !== "function" ||
      !isMailboxSetSupported(this.#office, INTERNET_HEADERS_REQUIREMENT)
    ) {
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      try {
        read.call(item, (result: Office.AsyncResult<string>) => {
          const succeeded = result?.status === this.#office.AsyncResultStatus.Succeeded;
          resolve(succeeded && typeof result.value === "string" ? result.value : null);
        });
      } catch {
        // Some hosts throw instead of answering Failed: the verdict is "not checked", nothing more.
        resolve(null);
      }
    });
  }

  proposalAccess(): Promise<ProposalAccess> {
    return import(/* webpackChunkName: "proposals" */ "./office-proposal-access").then((module) =>
      module.officeProposalAccess(this.#office),
    );
  }

  onItemChanged(listener: () => void): () => void {
    this.#itemListeners.add(listener);
    if (!this.#itemHandlerRegistered) {
      this.#itemHandlerRegistered = true;
      this.#registerItemChanged();
    }
    return () => {
      this.#itemListeners.delete(listener);
    };
  }

  onThemeChanged(listener: (theme: OfficeThemeColors | null) => void): () => void {
    this.#themeListeners.add(listener);
    if (!this.#themeHandlerRegistered) {
      this.#themeHandlerRegistered = true;
      this.#registerThemeChanged();
    }
    return () => {
      this.#themeListeners.delete(listener);
    };
  }

  #mailbox(): Office.Mailbox | undefined {
    return this.#office.context?.mailbox;
  }

  #registerItemChanged(): void {
    const mailbox = this.#mailbox();
    if (!mailbox || !isMailboxSetSupported(this.#office, ITEM_CHANGED_REQUIREMENT)) return;
    mailbox.addHandlerAsync(
      this.#office.EventType.ItemChanged,
      () => {
        // Copy: a listener may unsubscribe while we iterate.
        for (const listener of [...this.#itemListeners]) callSafely(listener);
      },
      (result: Office.AsyncResult<void>) => reportRegistrationFailure(this.#office, "ItemChanged", result),
    );
  }

  #registerThemeChanged(): void {
    const mailbox = this.#mailbox();
    if (!mailbox || !isMailboxSetSupported(this.#office, THEME_CHANGED_REQUIREMENT)) return;
    mailbox.addHandlerAsync(
      this.#office.EventType.OfficeThemeChanged,
      (event: { officeTheme?: Office.OfficeTheme }) => {
        const theme = toThemeColors(event?.officeTheme);
        this.#context = { ...this.#context, theme };
        for (const listener of [...this.#themeListeners]) callSafely(() => listener(theme));
      },
      (result: Office.AsyncResult<void>) =>
        reportRegistrationFailure(this.#office, "OfficeThemeChanged", result),
    );
  }
}

function readContext(office: OfficeLike): MailHostContext {
  const profile = office.context?.mailbox?.userProfile;
  return {
    userAddress: stringOrEmpty(profile?.emailAddress),
    userDisplayName: stringOrEmpty(profile?.displayName),
    displayLanguage: stringOrEmpty(office.context?.displayLanguage) || "en-US",
    theme: readTheme(office),
    inOutlook: true,
  };
}

function readTheme(office: OfficeLike): OfficeThemeColors | null {
  try {
    return toThemeColors(office.context?.officeTheme);
  } catch {
    // Some hosts throw on officeTheme instead of returning undefined.
    return null;
  }
}

function toThemeColors(theme: Office.OfficeTheme | undefined | null): OfficeThemeColors | null {
  if (!theme) return null;
  const colors = {
    bodyBackgroundColor: theme.bodyBackgroundColor,
    bodyForegroundColor: theme.bodyForegroundColor,
    controlBackgroundColor: theme.controlBackgroundColor,
    controlForegroundColor: theme.controlForegroundColor,
  };
  return Object.values(colors).every((value) => typeof value === "string" && value !== "") ? colors : null;
}

/** Read-mode `from`/`sender` are EmailAddressDetails; compose mode gives objects with getAsync instead. */
function toHeaderAddress(value: unknown): HeaderAddress | null {
  if (typeof value !== "object" || value === null) return null;
  const details = value as { displayName?: unknown; emailAddress?: unknown };
  if (typeof details.emailAddress !== "string" && typeof details.displayName !== "string") return null;
  return {
    displayName: stringOrEmpty(details.displayName),
    emailAddress: stringOrEmpty(details.emailAddress),
  };
}

const RECIPIENT_TYPES = new Set(["user", "externalUser", "distributionList", "other"]);

/** An EmailAddressDetails with its recipientType (read mode); null for anything else. */
function toParticipant(value: unknown): ParticipantAddress | null {
  const address = toHeaderAddress(value);
  if (address === null) return null;
  const type = (value as { recipientType?: unknown }).recipientType;
  return typeof type === "string" && RECIPIENT_TYPES.has(type)
    ? { ...address, recipientType: type as NonNullable<ParticipantAddress["recipientType"]> }
    : address;
}

function toParticipants(value: unknown): ParticipantAddress[] {
  if (!Array.isArray(value)) return [];
  return value.map(toParticipant).filter((address): address is ParticipantAddress => address !== null);
}

function isMailboxSetSupported(office: OfficeLike, version: string): boolean {
  const requirements = office.context?.requirements;
  // Hosts before requirement-set checks existed predate every event we use.
  if (!requirements || typeof requirements.isSetSupported !== "function") return false;
  return requirements.isSetSupported("Mailbox", version);
}

function callSafely(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    // One failing listener must not starve the others; the error carries no item data.
    console.error("MailHost listener failed:", error instanceof Error ? error.name : typeof error);
  }
}

function reportRegistrationFailure(
  office: OfficeLike,
  eventName: string,
  result: Office.AsyncResult<void> | undefined,
): void {
  if (result?.status === office.AsyncResultStatus.Failed) {
    console.warn(
      `Outlook refused the ${eventName} handler (code ${String(result.error?.code ?? "unknown")}).`,
    );
  }
}

function stringOrEmpty(value: unknown): string {
  return typeof value === "string" ? value : "";
}
