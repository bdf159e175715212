import path from "node:path";
import { toASCII } from "punycode/";
import { findLookAlike } from "../contacts/trust/look-alike";
import { authenticationVerdict } from "../contacts/trust/message-authentication";
import { readFileSync } from "node:fs";
import {
  buildDemoMailbox,
  FixtureError,
  itemIdFor,
  loadMessageFixture,
  parseMessageFixture,
  rebaseDates,
} from "./fixtures";

const DEMO_FIXTURE = path.resolve(__dirname, "../../demo/messages.json");

function fixtureText(messages: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ messages, ...extra });
}

const isabel = {
  id: "isabel",
  from: { displayName: "Isabel Ferreira", emailAddress: "isabel.ferreira@fabrikam.com" },
  to: [{ displayName: "Megan Bowen", emailAddress: "megan@contoso.com" }],
  subject: "Supply agreement",
  body: "Hi Megan,\n\nAttached are   our redlines.",
  receivedAt: "2025-03-14T09:12:00Z",
};

describe("parseMessageFixture", () => {
  it("names the file and each offending field", () => {
    const text = fixtureText([{ ...isabel, receivedAt: "yesterday", from: { displayName: "x" } }]);
    expect(() => parseMessageFixture(text, "inbox.json")).toThrow(FixtureError);
    try {
      parseMessageFixture(text, "inbox.json");
    } catch (error) {
      expect((error as Error).message).toContain("inbox.json");
      expect((error as Error).message).toContain("messages.0.receivedAt");
      expect((error as Error).message).toContain("messages.0.from.emailAddress");
    }
  });

  it("refuses invalid JSON, unknown fields and duplicate ids", () => {
    expect(() => parseMessageFixture("{", "a.json")).toThrow(/a.json is not valid JSON/);
    expect(() => parseMessageFixture(fixtureText([{ ...isabel, colour: "red" }]), "b.json")).toThrow(
      /colour|Unrecognized/,
    );
    expect(() => parseMessageFixture(fixtureText([isabel, isabel]), "c.json")).toThrow(
      /"isabel" is used twice/,
    );
    expect(() => parseMessageFixture(fixtureText([]), "d.json")).toThrow(/messages/);
  });

  it("reports a missing file by path", async () => {
    await expect(loadMessageFixture("/nonexistent/inbox.json")).rejects.toThrow(
      /\/nonexistent\/inbox.json: ENOENT/,
    );
  });
});

describe("buildDemoMailbox", () => {
  const now = new Date("2025-06-02T12:00:00Z");

  it("turns a message into the list entry and the Office item the pane reads", () => {
    const mailbox = buildDemoMailbox(parseMessageFixture(fixtureText([isabel]), "x"), now);
    expect(mailbox.user).toEqual({ displayName: "Megan Bowen", emailAddress: "megan@contoso.com" });
    const [entry] = mailbox.messages;
    expect(entry).toMatchObject({
      id: "isabel",
      fromName: "Isabel Ferreira",
      fromAddress: "isabel.ferreira@fabrikam.com",
      onBehalfOfName: null,
      preview: "Hi Megan, Attached are our redlines.",
      receivedAt: "2025-06-02T09:12:00.000Z",
    });
    expect(entry?.item).toEqual({
      itemType: "message",
      itemId: itemIdFor("isabel"),
      itemClass: "IPM.Note",
      subject: "Supply agreement",
      from: {
        displayName: "Isabel Ferreira",
        emailAddress: "isabel.ferreira@fabrikam.com",
        recipientType: "externalUser",
      },
      sender: {
        displayName: "Isabel Ferreira",
        emailAddress: "isabel.ferreira@fabrikam.com",
        recipientType: "externalUser",
      },
      organizer: null,
      to: [{ displayName: "Megan Bowen", emailAddress: "megan@contoso.com", recipientType: "user" }],
      cc: [],
      dateTimeCreated: "2025-06-02T09:12:00.000Z",
      internetHeaders: "",
      // body.getAsync(Text) answers the fixture's body as written.
      bodyText: "Hi Megan,\n\nAttached are   our redlines.",
    });
  });

  it("keeps from and sender apart on send-on-behalf, and names the actual sender", () => {
    const onBehalf = {
      ...isabel,
      sender: { displayName: "Lena Fischer", emailAddress: "lena@fabrikam.com" },
    };
    const [entry] = buildDemoMailbox(parseMessageFixture(fixtureText([onBehalf]), "x"), now).messages;
    expect(entry?.onBehalfOfName).toBe("Lena Fischer");
    expect(entry?.item.from?.emailAddress).toBe("isabel.ferreira@fabrikam.com");
    expect(entry?.item.sender?.emailAddress).toBe("lena@fabrikam.com");
  });

  it("makes an appointment's from its organizer, with no from or sender on the item", () => {
    const meeting = { ...isabel, itemType: "appointment" };
    const [entry] = buildDemoMailbox(parseMessageFixture(fixtureText([meeting]), "x"), now).messages;
    expect(entry?.item).toMatchObject({
      itemType: "appointment",
      itemClass: "IPM.Appointment",
      from: null,
      sender: null,
    });
    expect(entry?.item.organizer?.emailAddress).toBe("isabel.ferreira@fabrikam.com");
  });

  it("uses the fixture's mailbox, whose domain makes recipients users", () => {
    const fixture = parseMessageFixture(
      fixtureText([isabel], { mailbox: { displayName: "Isabel", emailAddress: "isabel@fabrikam.com" } }),
      "x",
    );
    const [entry] = buildDemoMailbox(fixture, now).messages;
    expect(entry?.item.from?.recipientType).toBe("user");
    expect(entry?.item.to[0]?.recipientType).toBe("externalUser");
  });

  it("sorts newest first and numbers messages without ids", () => {
    const older = { ...isabel, id: undefined, subject: "older", receivedAt: "2025-03-10T08:00:00Z" };
    const newer = { ...isabel, id: undefined, subject: "newer" };
    const mailbox = buildDemoMailbox(parseMessageFixture(fixtureText([older, newer]), "x"), now);
    expect(mailbox.messages.map((message) => [message.id, message.subject])).toEqual([
      ["2", "newer"],
      ["1", "older"],
    ]);
  });
});

describe("rebaseDates", () => {
  it("shifts all dates by whole days so the newest falls on today, keeping times and gaps", () => {
    const rebased = rebaseDates(
      ["2025-03-14T09:12:00Z", "2025-03-10T23:30:00Z"],
      new Date("2025-06-02T01:00:00Z"),
    );
    expect(rebased).toEqual(["2025-06-02T09:12:00.000Z", "2025-05-29T23:30:00.000Z"]);
  });
});

describe("demo/messages.json", () => {
  const fixture = parseMessageFixture(readFileSync(DEMO_FIXTURE, "utf8"), DEMO_FIXTURE);
  const all = fixture.messages;
  const addresses = all.map((message) => message.from?.emailAddress ?? "");
  const userDomain = fixture.mailbox?.emailAddress.split("@")[1];

  it("has a realistic mix of 12 to 24 items (the sender-trust cases and two proposals included)", () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.length).toBeLessThanOrEqual(24);
    const externalDomains = new Set(
      addresses.map((address) => address.split("@")[1]).filter((domain) => domain !== userDomain),
    );
    expect(externalDomains.size).toBeGreaterThanOrEqual(8);
  });

  it("covers the cases the demo shows", () => {
    expect(addresses.some((address) => address.endsWith(`@${userDomain}`))).toBe(true); // a colleague
    expect(addresses.some((address) => /^no-?reply@/i.test(address))).toBe(true);
    expect(addresses.some((address) => /@(gmail|outlook|yahoo|hotmail)\./.test(address))).toBe(true);
    expect(addresses.some((address) => /@.*[^\p{ASCII}]/u.test(address))).toBe(true); // IDN domain
    expect(all.some((message) => /[\u0590-\u06ff]/.test(message.from?.displayName ?? ""))).toBe(true); // RTL name
    expect(
      all.some((message) => message.sender && message.sender.emailAddress !== message.from?.emailAddress),
    ).toBe(true);
    expect(all.filter((message) => message.itemType === "appointment")).toHaveLength(1);
  });
});

describe("the demo's internet headers", () => {
  const now = new Date("2025-06-02T12:00:00Z");

  it("builds EOP's block from a message's authentication, and none without it", () => {
    const results =
      "spf=pass smtp.mailfrom=fabrikam.com; dmarc=pass action=none header.from=fabrikam.com;compauth=pass reason=100";
    const forged = "Authentication-Results: dmarc=pass header.from=fabrikam.com";
    const fixture = parseMessageFixture(
      fixtureText([
        { ...isabel, authentication: { results, senderWrote: [forged] } },
        { ...isabel, id: "sent", authentication: "no-headers" },
        { ...isabel, id: "plain" },
      ]),
      "x",
    );
    const [withResults, sent, plain] = buildDemoMailbox(fixture, now).messages.sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    const headers = withResults?.item.internetHeaders ?? "";
    expect(headers).toMatch(/^Received: from .* by\r\n DM6PR/);
    // EOP's field sits above the hop that took the message in; the sender's forgery below it.
    const eop = headers.indexOf("Authentication-Results: spf=pass");
    const ingress = headers.indexOf("mail.protection.outlook.com");
    expect(eop).toBeGreaterThan(0);
    expect(ingress).toBeGreaterThan(eop);
    expect(headers.indexOf(forged)).toBeGreaterThan(ingress);
    expect(headers).toContain('From: "Isabel Ferreira" <isabel.ferreira@fabrikam.com>');
    expect(sent?.item.internetHeaders).toBe("");
    expect(plain?.item.internetHeaders).toBe("");
  });

  it("the colleague's mailbox is their own: their inbox, internal mail from the admin among it", () => {
    const mailbox = buildDemoMailbox(
      parseMessageFixture(readFileSync(DEMO_FIXTURE, "utf8"), DEMO_FIXTURE),
      now,
    );
    expect(mailbox.colleague?.user.emailAddress).toBe("adele@contoso.com");
    const lunch = mailbox.colleague?.messages.find((message) => message.id === "megan-team-lunch");
    expect(lunch?.item.internetHeaders).toContain("X-MS-Exchange-Organization-AuthAs: Internal");
    expect(lunch?.item.bodyText).toContain("Friday at noon");
  });

  it("every message of the demo fixture parses, with headers for the senders that show the guard", () => {
    const mailbox = buildDemoMailbox(
      parseMessageFixture(readFileSync(DEMO_FIXTURE, "utf8"), DEMO_FIXTURE),
      now,
    );
    const withHeaders = mailbox.messages.filter((message) => message.item.internetHeaders !== "");
    expect(withHeaders.length).toBeGreaterThan(5);
  });
});

describe("the demo's sender-trust cases, judged by the pane's own rules", () => {
  const mailbox = buildDemoMailbox(parseMessageFixture(readFileSync(DEMO_FIXTURE, "utf8"), DEMO_FIXTURE));
  const verdictOf = (id: string) => {
    const message = mailbox.messages.find((entry) => entry.id === id);
    const from = message?.item.from;
    if (!message || !from) throw new Error(`no message ${id}`);
    return authenticationVerdict(message.item.internetHeaders, {
      fromDomain: toASCII(from.emailAddress.split("@")[1] ?? ""),
      organizationDomains: ["contoso.com"],
    });
  };

  it.each([
    ["fabrikam-redlines", "verified", "compauth-pass"],
    ["muller-quote", "verified", "compauth-pass"],
    ["fabrikam-bank-details", "failed", "compauth-fail"],
    ["wingtip-list", "verified", "arc-override"],
    ["coho-tasting", "not-checked", "no-trusted-results"],
    ["graphic-design-copy", "not-checked", "headers-empty"],
    ["contoso-gift-cards", "verified", "compauth-pass"],
  ])("%s → %s (%s)", (id, status, reason) => {
    expect(verdictOf(id)).toMatchObject({ status, reason });
  });

  it("the look-alikes imitate the organization's domain and an existing contact's", () => {
    expect(findLookAlike("c0ntoso.com", [{ domain: "contoso.com", source: "organization" }])?.kind).toBe(
      "confusable",
    );
    const contactDomain = "northwindtraders.com";
    expect(mailbox.messages.some((entry) => entry.fromAddress.endsWith(`@${contactDomain}`))).toBe(true);
    expect(findLookAlike("northwind-traders.com", [{ domain: contactDomain, source: "contact" }])?.kind).toBe(
      "hyphen",
    );
  });
});
