/**
 * The page's end of the bridge to the Office stand-in in the task pane iframe: answers
 * the pane's hello with the mailbox state, and follows the selection as Outlook does.
 * Pinned, a new selection fires ItemChanged in the pane; unpinned, the pane reloads on
 * the new item (Outlook closes an unpinned pane on a new selection; the demo reopens it).
 */
import {
  BRIDGE_CHANNEL,
  isPaneToPageMessage,
  type PageToPaneMessage,
  type StandInCompose,
  type StandInItem,
  type StandInMailboxContext,
  type StandInTheme,
} from "../bridge-protocol";

export interface PaneFrame {
  /** The pane's window, or null while there is none. */
  window(): Window | null;
  reload(): void;
}

export interface PaneBridgeState {
  /** Office event types the pane has handlers for (ItemChanged once the pane listens). */
  handlers: string[];
  /** How many times the pane (re)loaded and said hello. */
  loads: number;
}

export class PaneBridge {
  readonly #frame: PaneFrame;
  readonly #origin: string;
  readonly #onStateChanged: (state: PaneBridgeState) => void;
  readonly #onCompose: (compose: StandInCompose) => void;
  #context: StandInMailboxContext;
  #item: StandInItem | null;
  #pinned = true;
  #state: PaneBridgeState = { handlers: [], loads: 0 };

  constructor(options: {
    frame: PaneFrame;
    origin: string;
    context: StandInMailboxContext;
    item: StandInItem | null;
    onStateChanged?: (state: PaneBridgeState) => void;
    /** The pane opened a message form (displayNewMessageForm, displayReplyForm). */
    onCompose?: (compose: StandInCompose) => void;
  }) {
    this.#frame = options.frame;
    this.#origin = options.origin;
    this.#context = options.context;
    this.#item = options.item;
    this.#onStateChanged = options.onStateChanged ?? (() => undefined);
    this.#onCompose = options.onCompose ?? (() => undefined);
  }

  get state(): PaneBridgeState {
    return this.#state;
  }

  /** Feed every `message` event of the page here; anything not from the pane is ignored. */
  receive(event: Pick<MessageEvent, "data" | "origin" | "source">): void {
    const paneWindow = this.#frame.window();
    if (event.origin !== this.#origin || paneWindow === null || event.source !== paneWindow) return;
    if (!isPaneToPageMessage(event.data)) return;
    if (event.data.type === "hello") {
      this.#setState({ handlers: [], loads: this.#state.loads + 1 });
      this.#post({ channel: BRIDGE_CHANNEL, type: "init", context: this.#context, item: this.#item });
    } else if (event.data.type === "compose") {
      this.#onCompose(event.data.compose);
    } else {
      this.#setState({ ...this.#state, handlers: [...event.data.eventTypes] });
    }
  }

  /** Another person signed in: their mailbox and item, given to the pane when it next says hello (it reloads). */
  setMailbox(context: StandInMailboxContext, item: StandInItem | null): void {
    this.#context = { ...context, theme: this.#context.theme };
    this.#item = item;
  }

  setPinned(pinned: boolean): void {
    this.#pinned = pinned;
  }

  select(item: StandInItem | null): void {
    this.#item = item;
    if (this.#pinned) {
      this.#post({ channel: BRIDGE_CHANNEL, type: "select", item });
    } else {
      this.#setState({ ...this.#state, handlers: [] });
      this.#frame.reload();
    }
  }

  /**
   * Item multi-select: every selected item (Ctrl/Shift-click). The pane hears
   * SelectedItemsChanged; a single selection also goes through `select` (ItemChanged).
   */
  selectItems(items: StandInItem[]): void {
    this.#post({ channel: BRIDGE_CHANNEL, type: "selection", items });
  }

  /**
   * Outlook's display language: the pane reads it once when it starts (as Outlook restarts
   * add-ins after a language change), so the pane reloads and its hello gets the new one.
   */
  setDisplayLanguage(displayLanguage: string): void {
    this.#context = { ...this.#context, displayLanguage };
    this.#setState({ ...this.#state, handlers: [] });
    this.#frame.reload();
  }

  setTheme(theme: StandInTheme): void {
    this.#context = { ...this.#context, theme };
    this.#post({ channel: BRIDGE_CHANNEL, type: "theme", theme });
  }

  #post(message: PageToPaneMessage): void {
    this.#frame.window()?.postMessage(message, this.#origin);
  }

  #setState(state: PaneBridgeState): void {
    this.#state = state;
    this.#onStateChanged(state);
  }
}
