/**
 * Reads the senders of the selected messages (the "people" chunk: only a selection of several
 * needs it): getSelectedItemsAsync, then per message loadItemByIdAsync, from and sender, and
 * unloadAsync before the next, as Outlook allows one loaded item at a time; at most
 * MAX_SELECTED_ITEMS. Never a body. Callers queue reads (office-selection.ts).
 */
import type { HeaderAddress } from "../contacts/types";
import { MAX_SELECTED_ITEMS, type SelectedMessage, type SelectedMessages } from "./mail-host";
import type { SelectedItemLike, SelectionMailbox } from "./office-selection";

const MESSAGE_ITEM_TYPE = "message";
const READ_MODE = "read";

export async function readSelection(
  office: typeof Office,
  mailbox: SelectionMailbox,
  toHeaderAddress: (value: unknown) => HeaderAddress | null,
  signal: AbortSignal | undefined,
): Promise<SelectedMessages> {
  throwIfAborted(signal);
  const items = await selectedItems(office, mailbox);
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
    const { message, unloaded } = await readOne(office, mailbox, toHeaderAddress, item.itemId);
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

function selectedItems(office: typeof Office, mailbox: SelectionMailbox): Promise<SelectedItemLike[]> {
  return new Promise((resolve) => {
    try {
      mailbox.getSelectedItemsAsync((result) => {
        const succeeded = result?.status === office.AsyncResultStatus.Succeeded;
        resolve(succeeded && Array.isArray(result.value) ? result.value : []);
      });
    } catch {
      resolve([]);
    }
  });
}

/** One item: load, read from/sender, unload. `unloaded` false: it stayed loaded, no other can be. */
function readOne(
  office: typeof Office,
  mailbox: SelectionMailbox,
  toHeaderAddress: (value: unknown) => HeaderAddress | null,
  itemId: string,
): Promise<{ message: SelectedMessage | null; unloaded: boolean }> {
  return new Promise((resolve) => {
    try {
      mailbox.loadItemByIdAsync(itemId, (result) => {
        const loaded = result?.value;
        if (result?.status !== office.AsyncResultStatus.Succeeded || !loaded) {
          resolve({ message: null, unloaded: true });
          return;
        }
        const message: SelectedMessage = {
          from: toHeaderAddress(loaded.from),
          sender: toHeaderAddress(loaded.sender),
        };
        try {
          if (typeof loaded.unloadAsync !== "function") throw new TypeError("no unloadAsync");
          loaded.unloadAsync((unloaded) => {
            resolve({ message, unloaded: unloaded?.status !== office.AsyncResultStatus.Failed });
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

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
}
