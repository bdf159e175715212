import { createOfficeMailHost } from "../office/office-mail-host";
import {
  BRIDGE_CHANNEL,
  DARK_THEME,
  LIGHT_THEME,
  type PageToPaneMessage,
  type PaneToPageMessage,
  type StandInItem,
  type StandInMailboxContext,
} from "./bridge-protocol";
import { compareVersions, createOfficeStandIn, EVENT_TYPE, type BridgeTransport } from "./office-stand-in";

const CONTEXT: StandInMailboxContext = {
  userProfile: {
    displayName: "Megan Bowen",
    emailAddress: "megan@contoso.com",
    timeZone: "UTC",
    accountType: "enterprise",
  },
  displayLanguage: "en-GB",
  theme: LIGHT_THEME,
};

function message(id: string, fromAddress: string, senderAddress = fromAddress): StandInItem {
  return {
    itemType: "message",
    itemId: `AAMk-${id}`,
    itemClass: "IPM.Note",
    subject: `Re: ${id}`,
    from: { displayName: `From ${id}`, emailAddress: fromAddress, recipientType: "externalUser" },
    sender: { displayName: `Sender ${id}`, emailAddress: senderAddress, recipientType: "externalUser" },
    organizer: null,
    to: [{ displayName: "Megan Bowen", emailAddress: "megan@contoso.com", recipientType: "user" }],
    cc: [],
    dateTimeCreated: "2025-03-14T09:12:00.000Z",
    internetHeaders: "",
  };
}

const APPOINTMENT: StandInItem = {
  itemType: "appointment",
  itemId: "AAMk-qbr",
  itemClass: "IPM.Appointment",
  subject: "Quarterly business review",
  from: null,
  sender: null,
  organizer: {
    displayName: "Hiroshi Sato",
    emailAddress: "hiroshi.sato@fourthcoffee.com",
    recipientType: "externalUser",
  },
  to: [],
  cc: [],
  dateTimeCreated: "2025-03-13T11:30:00.000Z",
  internetHeaders: "",
};

/** The page's side of the bridge, in memory. */
function memoryBridge() {
  const toPage: PaneToPageMessage[] = [];
  let paneListener: ((message: PageToPaneMessage) => void) | null = null;
  const transport: BridgeTransport = {
    post: (sent) => toPage.push(sent),
    subscribe: (listener) => {
      paneListener = listener;
      return () => {
        paneListener = null;
      };
    },
  };
  const send = (sent: PageToPaneMessage) => paneListener?.(sent);
  return { transport, toPage, send };
}

/** Lets every pending `later` callback (setTimeout 0) run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function readyStandIn(item: StandInItem | null = message("one", "isabel@fabrikam.com")) {
  const bridge = memoryBridge();
  const office = createOfficeStandIn({ transport: bridge.transport });
  bridge.send({ channel: BRIDGE_CHANNEL, type: "init", context: CONTEXT, item });
  return { office, ...bridge };
}

describe("Office stand-in: readiness", () => {
  it("says hello to the page and stays unready until the page sends the mailbox", async () => {
    const bridge = memoryBridge();
    const office = createOfficeStandIn({ transport: bridge.transport });
    expect(bridge.toPage).toEqual([{ channel: BRIDGE_CHANNEL, type: "hello" }]);

    let ready: unknown = null;
    void office.onReady().then((info) => {
      ready = info;
    });
    await nextTask();
    expect(ready).toBeNull();

    bridge.send({ channel: BRIDGE_CHANNEL, type: "init", context: CONTEXT, item: null });
    expect(ready).toBeNull(); // never synchronously, as Office.js
    await nextTask();
    expect(ready).toEqual({ host: "Outlook", platform: "OfficeOnline" });
  });

  it("resolves onReady called after readiness on a later task, through both the promise and the callback", async () => {
    const { office } = readyStandIn();
    await nextTask();
    const callback = jest.fn();
    const promise = office.onReady(callback);
    expect(callback).not.toHaveBeenCalled();
    await expect(promise).resolves.toEqual({ host: "Outlook", platform: "OfficeOnline" });
    expect(callback).toHaveBeenCalledWith({ host: "Outlook", platform: "OfficeOnline" });
  });

  it("becomes ready without a host when the pane is not framed by the page", async () => {
    const office = createOfficeStandIn({ transport: null });
    await expect(office.onReady()).resolves.toEqual({ host: null, platform: null });
    expect(office.context.mailbox.item).toBeNull();
  });

  it("ignores selections that arrive before the mailbox", async () => {
    const bridge = memoryBridge();
    const office = createOfficeStandIn({ transport: bridge.transport });
    bridge.send({ channel: BRIDGE_CHANNEL, type: "select", item: message("early", "early@fabrikam.com") });
    bridge.send({ channel: BRIDGE_CHANNEL, type: "init", context: CONTEXT, item: null });
    await office.onReady();
    expect(office.context.mailbox.item).toBeNull();
  });
});

describe("Office stand-in: the mailbox as Office.js shapes it", () => {
  it("exposes the user, the language, the theme and Office's own enum strings", async () => {
    const { office } = readyStandIn();
    await office.onReady();
    expect(office.context.mailbox.userProfile).toMatchObject({
      displayName: "Megan Bowen",
      emailAddress: "megan@contoso.com",
    });
    expect(office.context.displayLanguage).toBe("en-GB");
    expect(office.context.officeTheme).toEqual(LIGHT_THEME);
    expect(office.EventType.ItemChanged).toBe("olkItemSelectedChanged");
    expect(office.AsyncResultStatus).toEqual({ Succeeded: "succeeded", Failed: "failed" });
    expect(office.MailboxEnums.ItemType).toEqual({ Message: "message", Appointment: "appointment" });
  });

  it("gives a message's from and sender as EmailAddressDetails, read-only", async () => {
    const { office } = readyStandIn(message("one", "rafael@adventure-works.com", "lena@adventure-works.com"));
    await office.onReady();
    const item = office.context.mailbox.item as Record<string, unknown>;
    expect(item.itemType).toBe("message");
    expect(item.itemId).toBe("AAMk-one");
    expect(item.from).toEqual({
      displayName: "From one",
      emailAddress: "rafael@adventure-works.com",
      recipientType: "externalUser",
    });
    expect((item.sender as { emailAddress: string }).emailAddress).toBe("lena@adventure-works.com");
    expect(item.dateTimeCreated).toEqual(new Date("2025-03-14T09:12:00.000Z"));
    expect(item.normalizedSubject).toBe("one");
    expect(Object.isFrozen(item.from)).toBe(true);
  });

  it("gives an appointment an organizer and no from, as Office.js does", async () => {
    const { office } = readyStandIn(APPOINTMENT);
    await office.onReady();
    const item = office.context.mailbox.item as Record<string, unknown>;
    expect(item.itemType).toBe("appointment");
    expect(item).not.toHaveProperty("from");
    expect((item.organizer as { emailAddress: string }).emailAddress).toBe("hiroshi.sato@fourthcoffee.com");
  });

  it("answers requirement-set checks like Outlook on the web, without nested app auth", async () => {
    const { office } = readyStandIn();
    await office.onReady();
    const { isSetSupported } = office.context.requirements;
    expect(isSetSupported("Mailbox", "1.5")).toBe(true);
    expect(isSetSupported("mailbox", "1.14")).toBe(true);
    expect(isSetSupported("Mailbox", "1.15")).toBe(true);
    expect(isSetSupported("Mailbox", "1.16")).toBe(false);
    expect(isSetSupported("Mailbox")).toBe(true);
    expect(isSetSupported("NestedAppAuth", "1.1")).toBe(false);
  });

  it("compares versions numerically", () => {
    expect(compareVersions("1.10", "1.9")).toBe(1);
    expect(compareVersions("1.5", "1.5.0")).toBe(0);
    expect(compareVersions("1.4", "1.14")).toBe(-1);
  });
});

describe("Office stand-in: events", () => {
  it("answers addHandlerAsync on a later task with a succeeded AsyncResult carrying the asyncContext", async () => {
    const { office, toPage } = readyStandIn();
    await office.onReady();
    const callback = jest.fn();
    office.context.mailbox.addHandlerAsync(
      EVENT_TYPE.ItemChanged,
      () => undefined,
      { asyncContext: 7 },
      callback,
    );
    expect(callback).not.toHaveBeenCalled();
    await nextTask();
    expect(callback).toHaveBeenCalledWith({
      status: "succeeded",
      value: undefined,
      error: undefined,
      asyncContext: 7,
    });
    expect(toPage.at(-1)).toEqual({
      channel: BRIDGE_CHANNEL,
      type: "handlers",
      eventTypes: ["olkItemSelectedChanged"],
    });
  });

  it("refuses an event type Outlook does not raise, through the AsyncResult", async () => {
    const { office } = readyStandIn();
    await office.onReady();
    const callback = jest.fn();
    office.context.mailbox.addHandlerAsync("documentSelectionChanged", () => undefined, callback);
    await nextTask();
    expect(callback).toHaveBeenCalledWith(
      expect.objectContaining({ status: "failed", error: expect.any(Object) }),
    );
  });

  it("swaps the item before firing ItemChanged, and fires on a later task", async () => {
    const { office, send } = readyStandIn(message("one", "isabel@fabrikam.com"));
    await office.onReady();
    const seen: unknown[] = [];
    office.context.mailbox.addHandlerAsync(EVENT_TYPE.ItemChanged, (event) => {
      seen.push([event.type, (office.context.mailbox.item as { itemId: string } | null)?.itemId ?? null]);
    });
    send({ channel: BRIDGE_CHANNEL, type: "select", item: message("two", "daniel@northwindtraders.com") });
    expect((office.context.mailbox.item as { itemId: string }).itemId).toBe("AAMk-two");
    expect(seen).toEqual([]);
    await nextTask();
    send({ channel: BRIDGE_CHANNEL, type: "select", item: null });
    await nextTask();
    expect(seen).toEqual([
      ["olkItemSelectedChanged", "AAMk-two"],
      ["olkItemSelectedChanged", null],
    ]);
  });

  it("stops calling handlers once removeHandlerAsync removed them", async () => {
    const { office, send, toPage } = readyStandIn();
    await office.onReady();
    const handler = jest.fn();
    office.context.mailbox.addHandlerAsync(EVENT_TYPE.ItemChanged, handler);
    office.context.mailbox.removeHandlerAsync(EVENT_TYPE.ItemChanged);
    send({ channel: BRIDGE_CHANNEL, type: "select", item: null });
    await nextTask();
    expect(handler).not.toHaveBeenCalled();
    expect(toPage.at(-1)).toEqual({ channel: BRIDGE_CHANNEL, type: "handlers", eventTypes: [] });
  });

  it("reports a theme change through OfficeThemeChanged and officeTheme", async () => {
    const { office, send } = readyStandIn();
    await office.onReady();
    const handler = jest.fn();
    office.context.mailbox.addHandlerAsync(EVENT_TYPE.OfficeThemeChanged, handler);
    send({ channel: BRIDGE_CHANNEL, type: "theme", theme: DARK_THEME });
    await nextTask();
    expect(office.context.officeTheme).toEqual(DARK_THEME);
    expect(handler).toHaveBeenCalledWith({ type: "officeThemeChanged", officeTheme: DARK_THEME });
  });
});

describe("Office stand-in read through the pane's own MailHost (src/office)", () => {
  it("yields the user and the theme", async () => {
    const { office } = readyStandIn(null);
    await office.onReady();
    // The host reads its context when created, which the bootstrap does after onReady.
    const host = createOfficeMailHost(office as unknown as typeof Office);
    expect(host.context).toMatchObject({ userAddress: "megan@contoso.com", userDisplayName: "Megan Bowen" });
    expect(host.context.theme).toEqual({
      bodyBackgroundColor: LIGHT_THEME.bodyBackgroundColor,
      bodyForegroundColor: LIGHT_THEME.bodyForegroundColor,
      controlBackgroundColor: LIGHT_THEME.controlBackgroundColor,
      controlForegroundColor: LIGHT_THEME.controlForegroundColor,
    });
  });

  it("follows selections: message, nothing, a meeting", async () => {
    const { office, send } = readyStandIn(
      message("one", "rafael@adventure-works.com", "lena@adventure-works.com"),
    );
    await office.onReady();
    const host = createOfficeMailHost(office as unknown as typeof Office);
    expect(host.readCurrentItem()).toEqual({
      kind: "message",
      from: { displayName: "From one", emailAddress: "rafael@adventure-works.com" },
      sender: { displayName: "Sender one", emailAddress: "lena@adventure-works.com" },
    });

    const seen: string[] = [];
    host.onItemChanged(() => seen.push(host.readCurrentItem().kind));
    await nextTask();
    send({ channel: BRIDGE_CHANNEL, type: "select", item: null });
    await nextTask();
    send({ channel: BRIDGE_CHANNEL, type: "select", item: APPOINTMENT });
    await nextTask();
    expect(seen).toEqual(["none", "not-message"]);
    expect(host.readCurrentItem()).toEqual({ kind: "not-message", itemType: "appointment" });
  });
});

describe("Office stand-in: internet headers (getAllInternetHeadersAsync)", () => {
  it("answers on a later task with the selected message's headers, read through the pane's MailHost", async () => {
    const headers =
      "Received: from a by b.prod.outlook.com\r\nAuthentication-Results: dmarc=pass header.from=fabrikam.com\r\n";
    const { office } = readyStandIn({ ...message("one", "isabel@fabrikam.com"), internetHeaders: headers });
    await office.onReady();
    const host = createOfficeMailHost(office as unknown as typeof Office);
    await expect(host.readInternetHeaders()).resolves.toBe(headers);
  });

  it("answers an empty string where the message has none, as Outlook on Sent Items", async () => {
    const { office } = readyStandIn(message("one", "isabel@fabrikam.com"));
    await office.onReady();
    const host = createOfficeMailHost(office as unknown as typeof Office);
    await expect(host.readInternetHeaders()).resolves.toBe("");
  });
});

describe("Office stand-in: proposals (body text, message forms)", () => {
  it("answers body.getAsync(Text) with the item's text body, on a later task", async () => {
    const { office } = readyStandIn({ ...message("one", "adele@contoso.com"), bodyText: "Hello\nthere" });
    await nextTask();
    const access = await createOfficeMailHost(office as unknown as typeof Office).proposalAccess?.();
    await expect(access?.readBodyText()).resolves.toBe("Hello\nthere");
  });

  it("hands a new message form and a reply form to the page, and sends nothing itself", async () => {
    const { office, toPage } = readyStandIn(message("one", "adele@contoso.com"));
    await nextTask();
    const host = await createOfficeMailHost(office as unknown as typeof Office).proposalAccess?.();
    expect(
      host?.displayNewMessageForm({ to: ["megan@contoso.com"], subject: "S", htmlBody: "<p>B</p>" }),
    ).toBe(true);
    expect(host?.displayReplyForm("<p>No</p>")).toBe(true);
    expect(toPage.filter((sent) => sent.type === "compose")).toEqual([
      {
        channel: BRIDGE_CHANNEL,
        type: "compose",
        compose: { kind: "new", to: ["megan@contoso.com"], subject: "S", htmlBody: "<p>B</p>" },
      },
      {
        channel: BRIDGE_CHANNEL,
        type: "compose",
        compose: { kind: "reply", to: ["adele@contoso.com"], subject: "Re: one", htmlBody: "<p>No</p>" },
      },
    ]);
  });
});

describe("Office stand-in: item multi-select, read through the pane's MailHost", () => {
  const five = ["a", "b", "c", "d", "e"].map((id) => message(id, `${id}@supplier-${id}.example`));

  it("fires SelectedItemsChanged for a new selection and gives each message's sender, one loaded at a time", async () => {
    const { office, send } = readyStandIn(five[0]!);
    await office.onReady();
    const host = createOfficeMailHost(office as unknown as typeof Office);
    expect(host.multiSelect).not.toBeNull();
    const changed = jest.fn();
    host.multiSelect!.onSelectionChanged(changed);
    await nextTask();
    send({ channel: BRIDGE_CHANNEL, type: "selection", items: [...five, APPOINTMENT] });
    await nextTask();
    expect(changed).toHaveBeenCalledTimes(1);
    const selection = await host.multiSelect!.readSelectedMessages();
    expect(selection.selectedCount).toBe(6);
    expect(selection.skipped).toBe(1);
    expect(selection.messages.map((m) => m.from?.emailAddress)).toEqual(
      five.map((m) => m.from!.emailAddress),
    );
  });

  it("refuses a second load before the first is unloaded, as Outlook does", async () => {
    const { office, send } = readyStandIn(five[0]!);
    await office.onReady();
    send({ channel: BRIDGE_CHANNEL, type: "selection", items: five });
    const load = (id: string) =>
      new Promise<{ status: string; value?: { unloadAsync(done: () => void): void } }>((resolve) =>
        office.context.mailbox.loadItemByIdAsync(id, resolve as never),
      );
    const first = await load(five[0]!.itemId);
    expect(first.status).toBe("succeeded");
    expect((await load(five[1]!.itemId)).status).toBe("failed");
    await new Promise<void>((resolve) => first.value!.unloadAsync(resolve));
    expect((await load(five[1]!.itemId)).status).toBe("succeeded");
  });
});
