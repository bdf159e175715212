import { extractParticipants, MAX_PARTICIPANTS, type ParticipantContext } from "./participants";
import type { ItemParticipants, ParticipantAddress } from "./people";

const context: ParticipantContext = {
  userAddress: "me@contoso.com",
  org: { internalDomains: ["fabrikam.com"] },
};
const person = (emailAddress: string, displayName = "", extra: Partial<ParticipantAddress> = {}) => ({
  displayName,
  emailAddress,
  ...extra,
});
const message = (parts: Partial<Extract<ItemParticipants, { kind: "message" }>>): ItemParticipants => ({
  kind: "message",
  from: null,
  sender: null,
  to: [],
  cc: [],
  ...parts,
});

describe("extractParticipants", () => {
  it("lists from, To and Cc in Outlook's order, one row per person", () => {
    const rows = extractParticipants(
      message({
        from: person("ana@litware.com", "Ana"),
        to: [person("me@contoso.com", "Me")],
        cc: [person("bo@adatum.com", "Bo"), person("cy@northwind.example", "Cy")],
      }),
      context,
    );
    expect(rows.map((row) => [row.key, row.sources.map((s) => s.kind)])).toEqual([
      ["ana@litware.com", ["from"]],
      ["me@contoso.com", ["to"]],
      ["bo@adatum.com", ["cc"]],
      ["cy@northwind.example", ["cc"]],
    ]);
  });

  it("dedupes by addressKey across case and IDN forms, keeping every place and the first name given", () => {
    const rows = extractParticipants(
      message({
        from: person("Jane.Doe@Litware.com"),
        sender: person("jane.doe@litware.com", "Jane Doe"),
        to: [person("jane.doe@LITWARE.COM", "J. Doe")],
        cc: [person("kim@bücher.example", "Kim"), person("KIM@xn--bcher-kva.example", "")],
      }),
      context,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ displayName: "Jane Doe", rawAddress: "Jane.Doe@Litware.com" });
    // The sender is the From person: "sent by" would say nothing more.
    expect(rows[0]?.sources.map((s) => s.kind)).toEqual(["from", "to"]);
    expect(rows[1]?.sources.map((s) => s.kind)).toEqual(["cc"]);
    expect(rows[1]?.address?.displayAddress).toBe("kim@bücher.example");
  });

  it("names a delegate who sent on behalf of the From person as a row of their own", () => {
    const rows = extractParticipants(
      message({
        from: person("boss@adatum.example", "Boss"),
        sender: person("assistant@adatum.example", "Assistant"),
      }),
      context,
    );
    expect(rows.map((row) => [row.key, row.sources.map((s) => s.kind)])).toEqual([
      ["boss@adatum.example", ["from"]],
      ["assistant@adatum.example", ["sender"]],
    ]);
  });

  it("keeps a plus-tagged address apart: Exchange treats it as another recipient", () => {
    const rows = extractParticipants(
      message({ to: [person("a@x.example"), person("a+news@x.example")] }),
      context,
    );
    expect(rows.map((row) => row.key)).toEqual(["a@x.example", "a+news@x.example"]);
  });

  it("shows a display-name-only recipient greyed as having no address, once per name, and skips empty entries", () => {
    const rows = extractParticipants(
      message({
        to: [person("", "Front Desk"), person("", "front desk"), person("", "")],
        cc: [person("ok@adatum.com", "Ok")],
      }),
      context,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      displayName: "Front Desk",
      address: null,
      classification: { kind: "unusable", reason: { code: "no-address" } },
    });
  });

  it("greys groups, the user themself, colleagues, automated and unusable addresses with their reason", () => {
    const rows = extractParticipants(
      message({
        from: person("news@litware.com", "All staff", { recipientType: "distributionList" }),
        to: [
          person("ME@contoso.com", "Me"),
          person("col@sales.contoso.com", "Colleague"),
          person("partner@fabrikam.com", "Partner"),
          person("no-reply@adatum.com", "Robot"),
          person("/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=abc", "Legacy"),
          person("broken@@x", "Broken"),
          person("ext@adatum.com", "External"),
        ],
      }),
      context,
    );
    expect(rows.map((row) => [row.classification.kind, row.classification.reason])).toEqual([
      ["unusable", { code: "group" }],
      ["internal", { code: "yourself" }],
      ["internal", { code: "internal-domain", domain: "sales.contoso.com" }],
      ["internal", { code: "internal-domain", domain: "fabrikam.com" }],
      ["automated", { code: "automated", category: "no-reply" }],
      ["unusable", { code: "exchange-identifier" }],
      ["unusable", { code: "invalid-address", problem: { code: "several-at" } }],
      ["external", { code: "external" }],
    ]);
    expect(rows[1]?.key).toBe("me@contoso.com");
  });

  it("lists a meeting's organizer and attendees", () => {
    const rows = extractParticipants(
      {
        kind: "meeting",
        organizer: person("org@litware.com", "Organizer"),
        attendees: [person("me@contoso.com"), person("org@litware.com"), person("guest@adatum.com", "Guest")],
      },
      context,
    );
    expect(rows.map((row) => [row.key, row.sources.map((s) => s.kind)])).toEqual([
      ["org@litware.com", ["organizer", "attendee"]],
      ["me@contoso.com", ["attendee"]],
      ["guest@adatum.com", ["attendee"]],
    ]);
  });

  it("returns nobody for no item, and stops at MAX_PARTICIPANTS distinct people", () => {
    expect(extractParticipants({ kind: "none" }, context)).toEqual([]);
    const many = Array.from({ length: MAX_PARTICIPANTS + 20 }, (_, i) => person(`p${i}@adatum.com`));
    const rows = extractParticipants(
      message({ to: many, cc: [person("p0@adatum.com", "First again")] }),
      context,
    );
    expect(rows).toHaveLength(MAX_PARTICIPANTS);
    expect(rows[0]?.sources.map((s) => s.kind)).toEqual(["to", "cc"]);
  });
});
