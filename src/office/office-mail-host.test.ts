import { OfficeMockObject } from "office-addin-mock";
import type { OfficeApp } from "office-addin-manifest";
import { createOfficeMailHost } from "./office-mail-host";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full
// module graph pulls an ESM-only dependency that jest on Node 20 cannot require.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

const OUTLOOK = "outlook" as unknown as OfficeApp;

/** Office.js enum values as the real library defines them at runtime. */
const EVENT_TYPES = { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" };

interface Registration {
  eventType: string;
  handler: (args?: unknown) => void;
}

interface Scenario {
  item?: Record<string, unknown> | null;
  officeTheme?: Record<string, unknown>;
  /** Highest Mailbox requirement set the fake host supports, as its minor version (1.14 → 14). */
  supportedMailboxMinor?: number;
}

const lightTheme = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#F3F2F1",
  controlForegroundColor: "#201F1E",
};

function message(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    itemType: "message",
    itemId: "AAMkAGI2TG93AAA=",
    from: { displayName: "Ada Lovelace", emailAddress: "ada@analytical.example", recipientType: "other" },
    sender: { displayName: "Ada Lovelace", emailAddress: "ada@analytical.example", recipientType: "other" },
    ...overrides,
  };
}

function setUp(scenario: Scenario = {}) {
  const registrations: Registration[] = [];
  const supportedMinor = scenario.supportedMailboxMinor ?? 14;
  const data = {
    context: {
      mailbox: {
        item: scenario.item === null ? undefined : (scenario.item ?? message()),
        userProfile: { emailAddress: "megan@contoso.com", displayName: "Megan Bowen" },
        addHandlerAsync(
          eventType: string,
          handler: (args?: unknown) => void,
          callback?: (r: unknown) => void,
        ) {
          registrations.push({ eventType, handler });
          callback?.({ status: "succeeded", value: undefined });
        },
      },
      displayLanguage: "de-DE",
      ...(scenario.officeTheme ? { officeTheme: scenario.officeTheme } : {}),
      requirements: {
        isSetSupported: (name: string, version = "1.1") =>
          name === "Mailbox" && Number(version.split(".")[1]) <= supportedMinor,
      },
    },
    EventType: EVENT_TYPES,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  const mock = new OfficeMockObject(data, OUTLOOK);
  // office-addin-mock cannot model a null property; Outlook gives null for "nothing selected".
  if (scenario.item === null) mock.context.mailbox.item = null;
  const host = createOfficeMailHost(mock as unknown as typeof Office);
  const fire = (eventType: string, args?: unknown) => {
    for (const registration of registrations.filter((r) => r.eventType === eventType)) {
      registration.handler(args);
    }
  };
  return { host, mock, registrations, fire };
}

describe("createOfficeMailHost: reading the current item", () => {
  it("reads from and sender of a message in read mode", () => {
    const { host } = setUp();
    expect(host.readCurrentItem()).toEqual({
      kind: "message",
      from: { displayName: "Ada Lovelace", emailAddress: "ada@analytical.example" },
      sender: { displayName: "Ada Lovelace", emailAddress: "ada@analytical.example" },
    });
  });

  it("keeps from and sender apart when someone sent on behalf of another", () => {
    const { host } = setUp({
      item: message({
        from: { displayName: "Grace Hopper", emailAddress: "grace@navy.example" },
        sender: { displayName: "Assistant", emailAddress: "assistant@navy.example" },
      }),
    });
    const item = host.readCurrentItem();
    expect(item.kind).toBe("message");
    if (item.kind !== "message") return;
    expect(item.from).toEqual({ displayName: "Grace Hopper", emailAddress: "grace@navy.example" });
    expect(item.sender).toEqual({ displayName: "Assistant", emailAddress: "assistant@navy.example" });
  });

  it("reports a missing from or sender as null and keeps an empty display name as empty", () => {
    const { host } = setUp({
      item: message({ from: undefined, sender: { emailAddress: "bounce@mailer.example" } }),
    });
    const item = host.readCurrentItem();
    if (item.kind !== "message") throw new Error(`expected a message, got ${item.kind}`);
    expect(item.from).toBeNull();
    expect(item.sender).toEqual({ displayName: "", emailAddress: "bounce@mailer.example" });
  });

  it("treats compose-mode from (an object with getAsync) as no address rather than crashing", () => {
    const { host } = setUp({ item: message({ from: { getAsync: () => undefined } }) });
    const item = host.readCurrentItem();
    if (item.kind !== "message") throw new Error(`expected a message, got ${item.kind}`);
    expect(item.from).toBeNull();
  });

  it("says an appointment is not a message", () => {
    const { host } = setUp({ item: { itemType: "appointment", itemId: "AAMkAppt" } });
    expect(host.readCurrentItem()).toEqual({ kind: "not-message", itemType: "appointment" });
  });

  it("says nothing is selected when Office gives a null item", () => {
    const { host } = setUp({ item: null });
    expect(host.readCurrentItem()).toEqual({ kind: "none" });
  });
});

describe("createOfficeMailHost: ItemChanged (pinned pane)", () => {
  it("registers with Office exactly once however many listeners subscribe, and fans out to all", () => {
    const { host, registrations, fire } = setUp();
    const calls: string[] = [];
    host.onItemChanged(() => calls.push("a"));
    host.onItemChanged(() => calls.push("b"));
    const unsubscribeC = host.onItemChanged(() => calls.push("c"));
    unsubscribeC();
    host.onItemChanged(() => calls.push("d"));

    expect(registrations.filter((r) => r.eventType === EVENT_TYPES.ItemChanged)).toHaveLength(1);
    fire(EVENT_TYPES.ItemChanged);
    expect(calls).toEqual(["a", "b", "d"]);
  });

  it("does not register again after every listener left and a new one arrives (React effects)", () => {
    const { host, registrations, fire } = setUp();
    host.onItemChanged(() => undefined)();
    const listener = jest.fn();
    host.onItemChanged(listener);
    fire(EVENT_TYPES.ItemChanged);
    expect(registrations).toHaveLength(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("reads a null item after the selection is cleared", () => {
    const { host, mock, fire } = setUp();
    const seen: string[] = [];
    host.onItemChanged(() => seen.push(host.readCurrentItem().kind));
    mock.context.mailbox.item = null;
    fire(EVENT_TYPES.ItemChanged);
    expect(seen).toEqual(["none"]);
  });

  it("reads the new sender after a switch", () => {
    const { host, mock, fire } = setUp();
    const senders: string[] = [];
    host.onItemChanged(() => {
      const item = host.readCurrentItem();
      if (item.kind === "message") senders.push(item.from?.emailAddress ?? "");
    });
    mock.context.mailbox.item = message({
      itemId: "AAMkSecond",
      from: { displayName: "Linus", emailAddress: "linus@kernel.example" },
    });
    fire(EVENT_TYPES.ItemChanged);
    expect(senders).toEqual(["linus@kernel.example"]);
  });

  it("keeps notifying the other listeners when one throws", () => {
    const { host, fire } = setUp();
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const after = jest.fn();
    host.onItemChanged(() => {
      throw new Error("boom");
    });
    host.onItemChanged(after);
    fire(EVENT_TYPES.ItemChanged);
    expect(after).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it("does not register where ItemChanged is unsupported (Mailbox below 1.5)", () => {
    const { host, registrations } = setUp({ supportedMailboxMinor: 4 });
    host.onItemChanged(() => undefined);
    expect(registrations).toHaveLength(0);
  });
});

describe("createOfficeMailHost: context and theme", () => {
  it("reads the signed-in user, the display language and that it runs in Outlook", () => {
    const { host } = setUp();
    expect(host.context).toMatchObject({
      userAddress: "megan@contoso.com",
      userDisplayName: "Megan Bowen",
      displayLanguage: "de-DE",
      inOutlook: true,
    });
  });

  it("reads the Office theme when the host exposes one, and null otherwise", () => {
    expect(setUp({ officeTheme: { ...lightTheme, isDarkTheme: false } }).host.context.theme).toEqual(
      lightTheme,
    );
    expect(setUp().host.context.theme).toBeNull();
  });

  it("forwards OfficeThemeChanged to every listener and updates the context (Mailbox 1.14)", () => {
    const { host, registrations, fire } = setUp({ officeTheme: lightTheme });
    const dark = {
      bodyBackgroundColor: "#1F1F1F",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#292929",
      controlForegroundColor: "#FFFFFF",
    };
    const first = jest.fn();
    const second = jest.fn();
    host.onThemeChanged(first);
    host.onThemeChanged(second);
    expect(registrations.filter((r) => r.eventType === EVENT_TYPES.OfficeThemeChanged)).toHaveLength(1);
    fire(EVENT_TYPES.OfficeThemeChanged, {
      type: "officeThemeChanged",
      officeTheme: { ...dark, isDarkTheme: true },
    });
    expect(first).toHaveBeenCalledWith(dark);
    expect(second).toHaveBeenCalledWith(dark);
    expect(host.context.theme).toEqual(dark);
  });

  it("never registers for theme changes where the host does not support them", () => {
    const { host, registrations } = setUp({ supportedMailboxMinor: 13 });
    host.onThemeChanged(() => undefined);
    expect(registrations.filter((r) => r.eventType === EVENT_TYPES.OfficeThemeChanged)).toHaveLength(0);
  });
});

describe("createOfficeMailHost: internet headers (Mailbox 1.8)", () => {
  const headerReader = (answer: { status: string; value?: unknown } | "throw") =>
    jest.fn((callback: (result: unknown) => void) => {
      if (answer === "throw") throw new Error("not available in this view");
      callback({ ...answer, error: answer.status === "failed" ? { code: 9000 } : undefined });
    });

  it("gives the headers Outlook returns", async () => {
    const read = headerReader({ status: "succeeded", value: "Received: from a by b\r\n" });
    const { host } = setUp({ item: message({ getAllInternetHeadersAsync: read }) });
    await expect(host.readInternetHeaders()).resolves.toBe("Received: from a by b\r\n");
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("gives an empty string as Outlook does for Sent Items", async () => {
    const { host } = setUp({
      item: message({ getAllInternetHeadersAsync: headerReader({ status: "succeeded", value: "" }) }),
    });
    await expect(host.readInternetHeaders()).resolves.toBe("");
  });

  it.each([
    ["the call fails", { item: message({ getAllInternetHeadersAsync: headerReader({ status: "failed" }) }) }],
    ["the call throws", { item: message({ getAllInternetHeadersAsync: headerReader("throw") }) }],
    [
      "the host is below Mailbox 1.8",
      {
        item: message({ getAllInternetHeadersAsync: headerReader({ status: "succeeded", value: "X: 1" }) }),
        supportedMailboxMinor: 7,
      },
    ],
    ["the item has no such method", { item: message() }],
    ["nothing is selected", { item: null }],
    [
      "the item is an appointment",
      {
        item: message({
          itemType: "appointment",
          getAllInternetHeadersAsync: headerReader({ status: "succeeded", value: "X: 1" }),
        }),
      },
    ],
  ])("gives null when %s", async (_case, scenario: Scenario) => {
    const { host } = setUp(scenario);
    await expect(host.readInternetHeaders()).resolves.toBeNull();
  });
});

describe("createOfficeMailHost: everyone on the item", () => {
  it("reads a message's To and Cc with their recipient types", () => {
    const { host } = setUp({
      item: message({
        to: [{ displayName: "Megan Bowen", emailAddress: "megan@contoso.com", recipientType: "user" }],
        cc: [
          { displayName: "Sales", emailAddress: "sales@contoso.com", recipientType: "distributionList" },
          { displayName: "Front desk", emailAddress: "" },
          "not an address",
        ],
      }),
    });
    const participants = host.readParticipants?.();
    expect(participants).toMatchObject({
      kind: "message",
      from: { emailAddress: "ada@analytical.example", recipientType: "other" },
      to: [{ emailAddress: "megan@contoso.com", recipientType: "user" }],
      cc: [
        { emailAddress: "sales@contoso.com", recipientType: "distributionList" },
        { displayName: "Front desk", emailAddress: "" },
      ],
    });
  });

  it("reads a meeting's organizer and its required and optional attendees", () => {
    const { host } = setUp({
      item: {
        itemType: "appointment",
        organizer: { displayName: "Hiroshi Sato", emailAddress: "hiroshi@fourthcoffee.example" },
        requiredAttendees: [{ displayName: "Megan", emailAddress: "megan@contoso.com" }],
        optionalAttendees: [{ displayName: "Guest", emailAddress: "guest@adatum.example" }],
      },
    });
    expect(host.readParticipants?.()).toEqual({
      kind: "meeting",
      organizer: { displayName: "Hiroshi Sato", emailAddress: "hiroshi@fourthcoffee.example" },
      attendees: [
        { displayName: "Megan", emailAddress: "megan@contoso.com" },
        { displayName: "Guest", emailAddress: "guest@adatum.example" },
      ],
    });
  });

  it("lists nobody for compose mode's recipient objects, other items or no item", () => {
    const compose = setUp({ item: message({ to: { getAsync: () => undefined } }) }).host.readParticipants?.();
    expect(compose).toMatchObject({ kind: "message", to: [], cc: [] });
    expect(setUp({ item: { itemType: "task" } }).host.readParticipants?.()).toEqual({ kind: "none" });
    expect(setUp({ item: null }).host.readParticipants?.()).toEqual({ kind: "none" });
  });
});
