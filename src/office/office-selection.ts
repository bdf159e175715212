/**
 * Item multi-select over Office.js: SelectedItemsChanged and getSelectedItemsAsync (Mailbox
 * 1.13), each selected message's senders through loadItemByIdAsync (Mailbox 1.15). Outlook
 * allows one loaded item at a time, so reads run strictly one after another and every loaded
 * item is unloaded before the next is loaded, including when the read is abandoned.
 */
import type { HeaderAddress } from "../contacts/types";
import {
  MAX_SELECTED_ITEMS,
  type MultiSelectHost,
  type SelectedMessage,
  type SelectedMessages,
} from "./mail-host";

/** getSelectedItemsAsync and SelectedItemsChanged arrived with Mailbox 1.13, loadItemByIdAsync with 1.15. */
export const MULTI_SELECT_REQUIREMENT = "1.15";

const MESSAGE_ITEM_TYPE = "message";
const READ_MODE = "read";

type OfficeLike = typeof Office;

/** What getSelectedItemsAsync gives per item (SelectedItemDetails), as optional: hosts differ. */
interface SelectedItemLike {
  itemId?: unknown;
  itemType?: unknown;
  itemMode?: unknown;
}

/** The loaded item: only from and sender are read, then unloadAsync. */
interface LoadedItemLike {
  from?: unknown;
  sender?: unknown;
  unloadAsync?: (callback: (result: Office.AsyncResult<void>) => void) => void;
}

interface SelectionMailbox {
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
    const run = this.#queue.then(() => this.#read(signal));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #read(signal: AbortSignal | undefined): Promise<SelectedMessages> {
    throwIfAborted(signal);
    const items = await this.#selectedItems();
    const readable = items.filter(
      (item): item is { itemId: string } =>
        item.itemType === MESSAGE_ITEM_TYPE &&
        // A draft (compose mode) has no sender yet; older hosts leave itemMode out.
        (item.itemMode === undefined || item.itemMode === READ_MODE) &&
        typeof item.itemId === "string" &&
        item.itemId !== "",
    );
    const toRead = readable.slice(0, MAX_SELECTED_ITEMS);
    const messages: SelectedMessage[] = [];
    let skipped = items.length - toRead.length;
    for (const [index, item] of toRead.entries()) {
      throwIfAborted(signal);
      const { message, unloaded } = await this.#readOne(item.itemId);
      if (message === null) skipped += 1;
      else messages.push(message);
      if (!unloaded) {
        // Outlook loads no other item while this one stays loaded: the rest go unread.
        skipped += toRead.length - index - 1;
        break;
      }
    }
    throwIfAborted(signal);
    return { selectedCount: items.length, messages, skipped };
  }

  #selectedItems(): Promise<SelectedItemLike[]> {
    return new Promise((resolve) => {
      try {
        this.#mailbox.getSelectedItemsAsync((result) => {
          const succeeded = result?.status === this.#office.AsyncResultStatus.Succeeded;
          resolve(succeeded && Array.isArray(result.value) ? result.value : []);
        });
      } catch {
        resolve([]);
      }
    });
  }

  /** One item: load, read from/sender, unload. `unloaded` false: it stayed loaded, no other can be. */
  #readOne(itemId: string): Promise<{ message: SelectedMessage | null; unloaded: boolean }> {
    return new Promise((resolve) => {
      try {
        this.#mailbox.loadItemByIdAsync(itemId, (result) => {
          const loaded = result?.value;
          if (result?.status !== this.#office.AsyncResultStatus.Succeeded || !loaded) {
            resolve({ message: null, unloaded: true });
            return;
          }
          const message: SelectedMessage = {
            from: this.#toHeaderAddress(loaded.from),
            sender: this.#toHeaderAddress(loaded.sender),
          };
          try {
            if (typeof loaded.unloadAsync !== "function") throw new TypeError("no unloadAsync");
            loaded.unloadAsync((unloaded) => {
              resolve({ message, unloaded: unloaded?.status !== this.#office.AsyncResultStatus.Failed });
            });
          } catch {
            resolve({ message, unloaded: false });
          }
        });
      } catch {
        resolve({ message: null, unloaded: true });
      }
    });
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
}
