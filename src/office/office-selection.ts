/**
 * Item multi-select over Office.js: SelectedItemsChanged and getSelectedItemsAsync (Mailbox
 * 1.13), each selected message's senders through loadItemByIdAsync (Mailbox 1.15). Outlook
 * allows one loaded item at a time, so reads run strictly one after another and every loaded
 * item is unloaded before the next is loaded, including when the read is abandoned.
 */
import type { HeaderAddress } from "../contacts/types";
import type { MultiSelectHost, SelectedMessages } from "./mail-host";

/** getSelectedItemsAsync and SelectedItemsChanged arrived with Mailbox 1.13, loadItemByIdAsync with 1.15. */
export const MULTI_SELECT_REQUIREMENT = "1.15";

type OfficeLike = typeof Office;

/** What getSelectedItemsAsync gives per item (SelectedItemDetails), as optional: hosts differ. */
export interface SelectedItemLike {
  itemId?: unknown;
  itemType?: unknown;
  itemMode?: unknown;
}

/** The loaded item: only from and sender are read, then unloadAsync. */
export interface LoadedItemLike {
  from?: unknown;
  sender?: unknown;
  unloadAsync?: (callback: (result: Office.AsyncResult<void>) => void) => void;
}

export interface SelectionMailbox {
  addHandlerAsync: Office.Mailbox["addHandlerAsync"];
  getSelectedItemsAsync: (callback: (result: Office.AsyncResult<SelectedItemLike[]>) => void) => void;
  loadItemByIdAsync: (itemId: string, callback: (result: Office.AsyncResult<LoadedItemLike>) => void) => void;
}

/**
 * The multi-select part of the MailHost, or null where the client cannot do it all (older
 * requirement sets, Outlook mobile, a host without the event): the pane stays single-message.
 */
export function createOfficeMultiSelect(
  office: OfficeLike,
  isMailboxSetSupported: (version: string) => boolean,
  toHeaderAddress: (value: unknown) => HeaderAddress | null,
): MultiSelectHost | null {
  const mailbox = office.context?.mailbox as Partial<SelectionMailbox> | undefined;
  const eventType = (office.EventType as Record<string, unknown> | undefined)?.SelectedItemsChanged;
  if (
    !mailbox ||
    typeof mailbox.addHandlerAsync !== "function" ||
    typeof mailbox.getSelectedItemsAsync !== "function" ||
    typeof mailbox.loadItemByIdAsync !== "function" ||
    typeof eventType !== "string" ||
    !isMailboxSetSupported(MULTI_SELECT_REQUIREMENT)
  ) {
    return null;
  }
  return new OfficeMultiSelect(office, mailbox as SelectionMailbox, eventType, toHeaderAddress);
}

class OfficeMultiSelect implements MultiSelectHost {
  readonly #office: OfficeLike;
  readonly #mailbox: SelectionMailbox;
  readonly #eventType: string;
  readonly #toHeaderAddress: (value: unknown) => HeaderAddress | null;
  readonly #listeners = new Set<() => void>();
  #registered = false;
  /** The read in progress: the next waits for it, so two items are never loaded at once. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    office: OfficeLike,
    mailbox: SelectionMailbox,
    eventType: string,
    toHeaderAddress: (value: unknown) => HeaderAddress | null,
  ) {
    this.#office = office;
    this.#mailbox = mailbox;
    this.#eventType = eventType;
    this.#toHeaderAddress = toHeaderAddress;
  }

  onSelectionChanged(listener: () => void): () => void {
    this.#listeners.add(listener);
    if (!this.#registered) {
      this.#registered = true;
      this.#mailbox.addHandlerAsync(
        this.#eventType as unknown as Office.EventType,
        () => {
          for (const each of [...this.#listeners]) {
            try {
              each();
            } catch (error) {
              console.error("MailHost listener failed:", error instanceof Error ? error.name : typeof error);
            }
          }
        },
        (result: Office.AsyncResult<void>) => {
          if (result?.status === this.#office.AsyncResultStatus.Failed) {
            console.warn(
              `Outlook refused the SelectedItemsChanged handler (code ${String(result.error?.code ?? "unknown")}).`,
            );
          }
        },
      );
    }
    return () => {
      this.#listeners.delete(listener);
    };
  }

  readSelectedMessages(signal?: AbortSignal): Promise<SelectedMessages> {
    // The reading itself is a chunk of its own: only a selection of several messages needs it.
    const run = this.#queue
      .then(() => import(/* webpackChunkName: "people" */ "./selection-reader"))
      .then(({ readSelection }) => readSelection(this.#office, this.#mailbox, this.#toHeaderAddress, signal));
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
