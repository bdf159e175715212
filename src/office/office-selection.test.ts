import { createOfficeMailHost } from "./office-mail-host";
import { MAX_SELECTED_ITEMS } from "./mail-host";

/** Office.js's runtime strings. */
const EVENT_TYPES = {
  ItemChanged: "olkItemSelectedChanged",
  OfficeThemeChanged: "officeThemeChanged",
  SelectedItemsChanged: "olkSelectedItemsChanged",
};

interface FakeItem {
  itemId: string;
  itemType?: string;
  itemMode?: string;
  from?: unknown;
  sender?: unknown;
  failLoad?: boolean;
  failUnload?: boolean;
}

function person(n: number) {
  return {
    displayName: `Person ${n}`,
    emailAddress: `person${n}@supplier${n}.example`,
    recipientType: "other",
  };
}

function messages(count: number, start = 0): FakeItem[] {
  return Array.from({ length: count }, (_, i) => ({
    itemId: `id-${start + i}`,
    itemType: "message",
    itemMode: "read",
    from: person(start + i),
    sender: person(start + i),
  }));
}

/**
 * A host that behaves as Outlook documents it: one loaded item at a time (a second load while
 * one is loaded fails), answers on a later task.
 */
function setUp(options: { items?: FakeItem[]; minor?: number; omit?: string[] } = {}) {
  const items = options.items ?? messages(3);
  const minor = options.minor ?? 15;
  const later = (callback: () => void) => setTimeout(callback, 0);
  const log: string[] = [];
  const registrations: Array<{ eventType: string; handler: () => void }> = [];
  let loaded: string | null = null;
  let overlaps = 0;
  const mailbox: Record<string, unknown> = {
    item: null,
    userProfile: { emailAddress: "megan@contoso.com", displayName: "Megan Bowen" },
    addHandlerAsync(eventType: string, handler: () => void, callback?: (r: unknown) => void) {
      registrations.push({ eventType, handler });
      later(() => callback?.({ status: "succeeded" }));
    },
    getSelectedItemsAsync(callback: (r: unknown) => void) {
      later(() =>
        callback({
          status: "succeeded",
          value: items.map(({ itemId, itemType, itemMode }) => ({ itemId, itemType, itemMode })),
        }),
      );
    },
    loadItemByIdAsync(itemId: string, callback: (r: unknown) => void) {
      log.push(`load ${itemId}`);
      if (loaded !== null) {
        overlaps += 1;
        later(() => callback({ status: "failed", error: { code: 9000 } }));
        return;
      }
      const item = items.find((candidate) => candidate.itemId === itemId);
      if (!item || item.failLoad) {
        later(() => callback({ status: "failed", error: { code: 9041 } }));
        return;
      }
      loaded = itemId;
      later(() =>
        callback({
          status: "succeeded",
          value: {
            from: item.from,
            sender: item.sender,
            // A body is there to read; the host must never touch it.
            get body() {
              throw new Error("the body was read");
            },
            unloadAsync(done: (r: unknown) => void) {
              log.push(`unload ${itemId}`);
              if (item.failUnload) return later(() => done({ status: "failed", error: { code: 9000 } }));
              loaded = null;
              later(() => done({ status: "succeeded" }));
            },
          },
        }),
      );
    },
  };
  for (const name of options.omit ?? []) delete mailbox[name];
  const office = {
    context: {
      mailbox,
      displayLanguage: "en-US",
      requirements: {
        isSetSupported: (name: string, version = "1.1") =>
          name === "Mailbox" && Number(version.split(".")[1]) <= minor,
      },
    },
    EventType: EVENT_TYPES,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  const host = createOfficeMailHost(office as unknown as typeof Office);
  return {
    host,
    log,
    registrations,
    loadedNow: () => loaded,
    overlaps: () => overlaps,
  };
}

describe("MailHost multi-select: which clients get it", () => {
  it("offers it on a client with Mailbox 1.15 and the selection calls", () => {
    expect(setUp().host.multiSelect).not.toBeNull();
  });

  it.each([
    ["Mailbox 1.14 (no loadItemByIdAsync)", { minor: 14 }],
    ["Mailbox 1.12 (no item multi-select)", { minor: 12 }],
    ["a host without getSelectedItemsAsync", { omit: ["getSelectedItemsAsync"] }],
    ["a host without loadItemByIdAsync", { omit: ["loadItemByIdAsync"] }],
  ])("leaves it out on %s: the pane stays single-message", (_name, options) => {
    expect(setUp(options).host.multiSelect).toBeNull();
  });

  it("leaves it out where Office.js has no SelectedItemsChanged event", () => {
    const { ...withoutEvent } = EVENT_TYPES;
    delete (withoutEvent as Partial<typeof EVENT_TYPES>).SelectedItemsChanged;
    const office = {
      context: {
        mailbox: { addHandlerAsync() {}, getSelectedItemsAsync() {}, loadItemByIdAsync() {} },
        requirements: { isSetSupported: () => true },
      },
      EventType: withoutEvent,
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    };
    expect(createOfficeMailHost(office as unknown as typeof Office).multiSelect).toBeNull();
  });
});

describe("MailHost multi-select: the SelectedItemsChanged event", () => {
  it("registers with Office once however many listeners subscribe, and tells each", () => {
    const { host, registrations } = setUp();
    const first = jest.fn();
    const second = jest.fn();
    const unsubscribe = host.multiSelect!.onSelectionChanged(first);
    host.multiSelect!.onSelectionChanged(second);
    expect(registrations.map((r) => r.eventType)).toEqual(["olkSelectedItemsChanged"]);
    registrations[0]!.handler();
    unsubscribe();
    registrations[0]!.handler();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });
});

describe("MailHost multi-select: reading the selection", () => {
  it("reads each message's from and sender, loading one at a time and unloading before the next", async () => {
    const { host, log, loadedNow, overlaps } = setUp();
    const selection = await host.multiSelect!.readSelectedMessages();
    expect(selection.selectedCount).toBe(3);
    expect(selection.skipped).toBe(0);
    expect(selection.messages.map((m) => m.from?.emailAddress)).toEqual([
      "person0@supplier0.example",
      "person1@supplier1.example",
      "person2@supplier2.example",
    ]);
    expect(log).toEqual(["load id-0", "unload id-0", "load id-1", "unload id-1", "load id-2", "unload id-2"]);
    expect(overlaps()).toBe(0);
    expect(loadedNow()).toBeNull();
  });

  it(`reads at most ${MAX_SELECTED_ITEMS} messages and counts the rest as skipped`, async () => {
    const { host, log } = setUp({ items: messages(120) });
    const selection = await host.multiSelect!.readSelectedMessages();
    expect(selection.messages).toHaveLength(MAX_SELECTED_ITEMS);
    expect(selection.skipped).toBe(20);
    expect(log.filter((line) => line.startsWith("load"))).toHaveLength(MAX_SELECTED_ITEMS);
  });

  it("skips appointments and drafts without loading them, and a message Outlook fails to load", async () => {
    const items: FakeItem[] = [
      ...messages(1),
      { itemId: "appt", itemType: "appointment", itemMode: "read" },
      { itemId: "draft", itemType: "message", itemMode: "compose" },
      { ...messages(1, 1)[0]!, failLoad: true },
      ...messages(1, 2),
    ];
    const { host, log } = setUp({ items });
    const selection = await host.multiSelect!.readSelectedMessages();
    expect(selection).toMatchObject({ selectedCount: 5, skipped: 3 });
    expect(selection.messages.map((m) => m.from?.emailAddress)).toEqual([
      "person0@supplier0.example",
      "person2@supplier2.example",
    ]);
    expect(log).not.toContain("load appt");
    expect(log).not.toContain("load draft");
  });

  it("stops loading when an item cannot be unloaded (Outlook would refuse the next) and keeps what it read", async () => {
    const items = messages(4);
    items[1]!.failUnload = true;
    const { host, log, overlaps } = setUp({ items });
    const selection = await host.multiSelect!.readSelectedMessages();
    expect(selection.messages).toHaveLength(2);
    expect(selection.skipped).toBe(2);
    expect(log).not.toContain("load id-2");
    expect(overlaps()).toBe(0);
  });

  it("runs two reads one after the other, never with two items loaded", async () => {
    const { host, overlaps } = setUp({ items: messages(5) });
    const [first, second] = await Promise.all([
      host.multiSelect!.readSelectedMessages(),
      host.multiSelect!.readSelectedMessages(),
    ]);
    expect(first.messages).toHaveLength(5);
    expect(second.messages).toHaveLength(5);
    expect(overlaps()).toBe(0);
  });

  it("an aborted read unloads the item it holds, loads no more, and lets the next read run", async () => {
    const { host, log, loadedNow, overlaps } = setUp({ items: messages(5) });
    const controller = new AbortController();
    const aborted = host.multiSelect!.readSelectedMessages(controller.signal);
    // Abort while the first item is loading.
    await new Promise((resolve) => setTimeout(resolve, 1));
    controller.abort(new Error("selection changed"));
    await expect(aborted).rejects.toThrow("selection changed");
    expect(loadedNow()).toBeNull();
    const loadsBefore = log.filter((line) => line.startsWith("load")).length;
    expect(loadsBefore).toBeLessThan(5);
    const next = await host.multiSelect!.readSelectedMessages();
    expect(next.messages).toHaveLength(5);
    expect(overlaps()).toBe(0);
  });
});
