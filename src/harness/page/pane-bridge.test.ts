import {
  BRIDGE_CHANNEL,
  LIGHT_THEME,
  DARK_THEME,
  type StandInItem,
  type StandInMailboxContext,
} from "../bridge-protocol";
import { createOfficeStandIn, EVENT_TYPE, type BridgeTransport } from "../office-stand-in";
import { PaneBridge, type PaneFrame } from "./pane-bridge";

const ORIGIN = "http://127.0.0.1:3000";

const CONTEXT: StandInMailboxContext = {
  userProfile: {
    displayName: "Megan Bowen",
    emailAddress: "megan@contoso.com",
    timeZone: "UTC",
    accountType: "enterprise",
  },
  displayLanguage: "en-US",
  theme: LIGHT_THEME,
};

function item(id: string, address: string): StandInItem {
  const details = { displayName: id, emailAddress: address, recipientType: "externalUser" as const };
  return {
    itemType: "message",
    itemId: `AAMk-${id}`,
    itemClass: "IPM.Note",
    subject: id,
    from: details,
    sender: details,
    organizer: null,
    to: [],
    cc: [],
    dateTimeCreated: "2025-03-14T09:12:00.000Z",
    internetHeaders: "",
  };
}

/** A pane window that records what the page posts to it. */
function fakePane() {
  const posted: Array<{ message: unknown; targetOrigin: string }> = [];
  const paneWindow = {
    postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }),
  } as unknown as Window;
  const reloads = { count: 0 };
  const frame: PaneFrame = { window: () => paneWindow, reload: () => void (reloads.count += 1) };
  return { paneWindow, posted, reloads, frame };
}

const hello = { channel: BRIDGE_CHANNEL, type: "hello" };

describe("PaneBridge", () => {
  it("answers the pane's hello with the mailbox and the current item, to its own origin only", () => {
    const pane = fakePane();
    const onStateChanged = jest.fn();
    const bridge = new PaneBridge({
      frame: pane.frame,
      origin: ORIGIN,
      context: CONTEXT,
      item: item("a", "a@fabrikam.com"),
      onStateChanged,
    });
    bridge.receive({ data: hello, origin: ORIGIN, source: pane.paneWindow });
    expect(pane.posted).toEqual([
      {
        message: {
          channel: BRIDGE_CHANNEL,
          type: "init",
          context: CONTEXT,
          item: item("a", "a@fabrikam.com"),
        },
        targetOrigin: ORIGIN,
      },
    ]);
    expect(onStateChanged).toHaveBeenLastCalledWith({ handlers: [], loads: 1 });
  });

  it("a new display language reloads the pane, whose hello then gets it", () => {
    const pane = fakePane();
    const bridge = new PaneBridge({ frame: pane.frame, origin: ORIGIN, context: CONTEXT, item: null });
    bridge.receive({ data: hello, origin: ORIGIN, source: pane.paneWindow });
    bridge.setDisplayLanguage("de-DE");
    expect(pane.reloads.count).toBe(1);
    bridge.receive({ data: hello, origin: ORIGIN, source: pane.paneWindow });
    expect(pane.posted.at(-1)?.message).toMatchObject({
      type: "init",
      context: { displayLanguage: "de-DE" },
    });
  });

  it("ignores messages from another origin, another window, or off the channel", () => {
    const pane = fakePane();
    const bridge = new PaneBridge({ frame: pane.frame, origin: ORIGIN, context: CONTEXT, item: null });
    bridge.receive({ data: hello, origin: "http://evil.example", source: pane.paneWindow });
    bridge.receive({ data: hello, origin: ORIGIN, source: {} as Window });
    bridge.receive({ data: { type: "hello" }, origin: ORIGIN, source: pane.paneWindow });
    expect(pane.posted).toEqual([]);
    expect(bridge.state.loads).toBe(0);
  });

  it("records which Office events the pane listens to", () => {
    const pane = fakePane();
    const bridge = new PaneBridge({ frame: pane.frame, origin: ORIGIN, context: CONTEXT, item: null });
    bridge.receive({ data: hello, origin: ORIGIN, source: pane.paneWindow });
    bridge.receive({
      data: { channel: BRIDGE_CHANNEL, type: "handlers", eventTypes: [EVENT_TYPE.ItemChanged] },
      origin: ORIGIN,
      source: pane.paneWindow,
    });
    expect(bridge.state).toEqual({ handlers: ["olkItemSelectedChanged"], loads: 1 });
  });

  it("pinned: posts each selection to the pane without reloading it", () => {
    const pane = fakePane();
    const bridge = new PaneBridge({ frame: pane.frame, origin: ORIGIN, context: CONTEXT, item: null });
    bridge.select(item("b", "b@fabrikam.com"));
    bridge.select(null);
    expect(pane.posted.map((entry) => entry.message)).toEqual([
      { channel: BRIDGE_CHANNEL, type: "select", item: item("b", "b@fabrikam.com") },
      { channel: BRIDGE_CHANNEL, type: "select", item: null },
    ]);
    expect(pane.reloads.count).toBe(0);
  });

  it("unpinned: reloads the pane, which then starts on the new item", () => {
    const pane = fakePane();
    const bridge = new PaneBridge({
      frame: pane.frame,
      origin: ORIGIN,
      context: CONTEXT,
      item: item("a", "a@fabrikam.com"),
    });
    bridge.setPinned(false);
    bridge.select(item("c", "c@tailspintoys.com"));
    expect(pane.reloads.count).toBe(1);
    expect(pane.posted).toEqual([]);
    bridge.receive({ data: hello, origin: ORIGIN, source: pane.paneWindow });
    expect(pane.posted[0]?.message).toMatchObject({ type: "init", item: { itemId: "AAMk-c" } });
  });

  it("carries a theme change to the pane and into the next hello", () => {
    const pane = fakePane();
    const bridge = new PaneBridge({ frame: pane.frame, origin: ORIGIN, context: CONTEXT, item: null });
    bridge.setTheme(DARK_THEME);
    bridge.receive({ data: hello, origin: ORIGIN, source: pane.paneWindow });
    expect(pane.posted.map((entry) => entry.message)).toEqual([
      { channel: BRIDGE_CHANNEL, type: "theme", theme: DARK_THEME },
      { channel: BRIDGE_CHANNEL, type: "init", context: { ...CONTEXT, theme: DARK_THEME }, item: null },
    ]);
  });
});

describe("PaneBridge wired to the Office stand-in", () => {
  /** Connects both ends as the browser would, with postMessage's asynchrony. */
  function wire(initialItem: StandInItem | null) {
    const paneListeners = new Set<(message: never) => void>();
    let bridge: PaneBridge;
    const paneWindow = {
      postMessage: (message: unknown) => {
        setTimeout(() => paneListeners.forEach((listener) => listener(message as never)), 0);
      },
    } as unknown as Window;
    const transport: BridgeTransport = {
      post: (message) =>
        setTimeout(() => bridge.receive({ data: message, origin: ORIGIN, source: paneWindow }), 0),
      subscribe: (listener) => {
        paneListeners.add(listener as never);
        return () => paneListeners.delete(listener as never);
      },
    };
    bridge = new PaneBridge({
      frame: { window: () => paneWindow, reload: () => undefined },
      origin: ORIGIN,
      context: CONTEXT,
      item: initialItem,
    });
    const office = createOfficeStandIn({ transport });
    return { bridge, office };
  }

  /** Lets queued tasks run: each hop of the bridge is one setTimeout 0, so a few rounds drain it. */
  const settle = async () => {
    for (let round = 0; round < 10; round += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  };

  it("delivers the page's selections to the pane's ItemChanged handler, ending on the last one", async () => {
    const { bridge, office } = wire(item("first", "first@fabrikam.com"));
    await office.onReady();
    const seen: string[] = [];
    office.context.mailbox.addHandlerAsync(EVENT_TYPE.ItemChanged, () => {
      const current = office.context.mailbox.item as { from: { emailAddress: string } } | null;
      seen.push(current?.from.emailAddress ?? "none");
    });
    await settle();
    expect(bridge.state.handlers).toEqual(["olkItemSelectedChanged"]);

    for (const address of ["a@x.com", "b@x.com", "c@x.com"]) bridge.select(item(address, address));
    await settle();
    expect(seen.at(-1)).toBe("c@x.com");
    expect((office.context.mailbox.item as { from: { emailAddress: string } }).from.emailAddress).toBe(
      "c@x.com",
    );
  });
});
