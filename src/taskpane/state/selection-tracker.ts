/**
 * Several selected messages: follows Outlook's item multi-select (SelectedItemsChanged) and
 * reads the senders of a selection of two or more messages (the list, in its own chunk, makes
 * them rows: `selectionCandidates`). One message or none is the single-message pane, as on a client without multi-select
 * (where the tracker never leaves "single"). The newest selection wins: a read still running
 * for an older one is aborted, and its answer is dropped.
 */
import type { MailHost, SelectedMessage } from "../../office/mail-host";

export type SelectionView =
  /** No selection of several messages: the single-message pane. */
  | { kind: "single" }
  /** Several messages were selected and their senders are being read. */
  | { kind: "reading" }
  | {
      kind: "several";
      /** Messages whose sender was read. */
      messages: number;
      /** Selected items not read: not messages, drafts, past 100, or Outlook could not load them. */
      skipped: number;
      /** Each read message's senders, in selection order. */
      senders: SelectedMessage[];
    };

const SINGLE: SelectionView = { kind: "single" };

export class SelectionTracker {
  readonly #host: MailHost;
  readonly #listeners = new Set<() => void>();
  #view: SelectionView = SINGLE;
  #reading: AbortController | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(host: MailHost) {
    this.#host = host;
  }

  /** For useSyncExternalStore; the first subscriber starts following Outlook's selection. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#unsubscribe === null && this.#host.multiSelect) {
      this.#unsubscribe = this.#host.multiSelect.onSelectionChanged(() => void this.refresh());
    }
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): SelectionView => this.#view;

  /** Reads the selection now (SelectedItemsChanged calls this). */
  async refresh(): Promise<void> {
    const multiSelect = this.#host.multiSelect;
    if (!multiSelect) return;
    this.#reading?.abort();
    const reading = new AbortController();
    this.#reading = reading;
    // Only a list already on screen says "reading": a plain click stays on the single pane.
    if (this.#view.kind === "several") this.#set({ kind: "reading" });
    try {
      const selection = await multiSelect.readSelectedMessages(reading.signal);
      if (reading.signal.aborted) return;
      if (selection.messages.length < 2) this.#set(SINGLE);
      else
        this.#set({
          kind: "several",
          messages: selection.messages.length,
          skipped: selection.skipped,
          senders: selection.messages,
        });
    } catch {
      // Aborted by a newer selection (which will answer), or Outlook failed: the single pane stays usable.
      if (!reading.signal.aborted) this.#set(SINGLE);
    } finally {
      if (this.#reading === reading) this.#reading = null;
    }
  }

  dispose(): void {
    this.#reading?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#listeners.clear();
  }

  #set(view: SelectionView): void {
    this.#view = view;
    for (const listener of [...this.#listeners]) listener();
  }
}
