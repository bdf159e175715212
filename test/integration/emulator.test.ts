/**
 * The emulated admin API over real HTTP: routes, auth, search and paging, create with
 * Exchange's rules, and both updates.
 */
import { exchangeAdminCenterUrl, type ContactRecord } from "../../src/admin-api/wire";
import { EXCHANGE_LIMITS, EXCHANGE_MESSAGES } from "../../src/contacts/exchange-rules";
import { EmulatorControl } from "../../src/emulator/control-client";
import {
  DEMO_TOKENS,
  startEmulator,
  type EmulatorSeed,
  type RunningEmulator,
} from "../../src/emulator/server";
import { asSearchResult, callApi, callPath, createBody, odataMessage, search } from "./emulator-test-support";

const JOHN_ID = "11111111-1111-4111-8111-111111111111";
const LOOKALIKE_ID = "22222222-2222-4222-8222-222222222222";
const SYNCED_ID = "33333333-3333-4333-8333-333333333333";

const SEED: EmulatorSeed = {
  contacts: [
    {
      ContactId: JOHN_ID,
      ContactName: "John Smith",
      ContactDisplayName: "John Smith (Contoso)",
      ContactExternalEmailAddress: "john@contoso.com",
      ContactCompany: "Contoso",
    },
    {
      ContactId: LOOKALIKE_ID,
      ContactName: "Johnny Evil",
      ContactDisplayName: "Johnny",
      ContactExternalEmailAddress: "john@contoso.com.evil.io",
    },
    {
      ContactId: SYNCED_ID,
      ContactName: "Synced Person",
      ContactExternalEmailAddress: "synced@onprem.example",
      IsDirSynced: true,
    },
    { ContactName: "Zoe Adams", ContactExternalEmailAddress: "zoe@fabrikam.com" },
    { ContactDisplayName: "Ada Lovelace", ContactExternalEmailAddress: "ada@analytical.example" },
  ],
  recipients: [
    { address: "Adele.Vance@ourorg.example", name: "Adele Vance", kind: "mailbox" },
    { address: "sales@ourorg.example", name: "Sales Team", kind: "group" },
  ],
};

let emulator: RunningEmulator;
let control: EmulatorControl;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.url);
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  await control.reset(SEED);
});

function names(contacts: ContactRecord[]): Array<string | null | undefined> {
  return contacts.map((contact) => contact.ContactName);
}

describe("routes and request ids", () => {
  it("answers on an ephemeral port at 127.0.0.1", () => {
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.port).toBeGreaterThan(0);
  });

  it("404s unknown paths and wrong methods under /admin/api", async () => {
    expect((await callPath(emulator.url, "GET", "/admin/api/Contact", undefined)).status).toBe(404);
    expect((await callPath(emulator.url, "DELETE", "/admin/api/Contact", undefined)).status).toBe(404);
    expect((await callPath(emulator.url, "POST", "/admin/api/Contact/Delete", {})).status).toBe(404);
    expect((await callPath(emulator.url, "POST", "/admin/api/Users", {})).status).toBe(404);
  });

  it("echoes the caller's client-request-id as client-request-id and request-id", async () => {
    const reply = await search(emulator.url, "", "", { requestId: "trace-42" });
    expect(reply.headers.get("client-request-id")).toBe("trace-42");
    expect(reply.headers.get("request-id")).toBe("trace-42");
  });

  it("generates a request id when the caller sends none, and records it", async () => {
    const reply = await search(emulator.url, "");
    const generated = reply.headers.get("request-id");
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers.get("client-request-id")).toBe(generated);
    expect((await control.requests()).map((entry) => entry.requestId)).toEqual([generated]);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const reply = await callApi(emulator.url, "search", undefined, { rawBody: "{not json" });
    expect(reply.status).toBe(400);
  });
});

describe("auth", () => {
  it("401s a request without a token, and one with an unknown token", async () => {
    const missing = await search(emulator.url, "", "", { token: null });
    expect(missing.status).toBe(401);
    expect(odataMessage(missing)).toMatch(/token/i);
    const unknown = await callApi(emulator.url, "create", createBody({}), { token: "made-up" });
    expect(unknown.status).toBe(401);
    expect(unknown.text).not.toContain("made-up");
  });

  it("lets a read-only token search but not write", async () => {
    const readOnly = { token: DEMO_TOKENS.readOnly };
    expect((await search(emulator.url, "", "", readOnly)).status).toBe(200);
    const create = await callApi(
      emulator.url,
      "create",
      createBody({ ContactDisplayName: "New Person", ContactExternalEmailAddress: "new@x.example" }),
      readOnly,
    );
    expect(create.status).toBe(403);
    expect(odataMessage(create)).toContain("Exchange Recipient Administrator");
    const general = await callApi(
      emulator.url,
      "updateGeneral",
      { ContactId: JOHN_ID, ContactTitle: "x" },
      readOnly,
    );
    expect(general.status).toBe(403);
    const options = await callApi(
      emulator.url,
      "updateOptions",
      { ContactId: JOHN_ID, ContactMailTip: "x" },
      readOnly,
    );
    expect(options.status).toBe(403);
    const stored = await control.contacts();
    expect(stored).toHaveLength(5);
    expect(stored.find((contact) => contact.ContactId === JOHN_ID)?.ContactTitle).toBeNull();
  });

  it("accepts the tokens a seed names instead of the demo tokens", async () => {
    await control.reset({ ...SEED, tokens: [{ token: "tenant-admin", role: "admin" }] });
    expect((await search(emulator.url, "", "", { token: "tenant-admin" })).status).toBe(200);
    expect((await search(emulator.url, "")).status).toBe(401);
  });
});

describe("search", () => {
  it("lists everything for an empty search, ordered by Name", async () => {
    const result = asSearchResult(await search(emulator.url, ""));
    expect(names(result.Contacts)).toEqual([
      "Ada Lovelace",
      "John Smith",
      "Johnny Evil",
      "Synced Person",
      "Zoe Adams",
    ]);
    expect(result.NextLink).toBeNull();
  });

  it("matches startsWith, so an address search also returns the look-alike", async () => {
    const result = asSearchResult(await search(emulator.url, "john@contoso.com"));
    expect(result.Contacts.map((contact) => contact.ContactExternalEmailAddress)).toEqual([
      "john@contoso.com",
      "john@contoso.com.evil.io",
    ]);
  });

  it("matches Name, DisplayName and address case-insensitively, never the middle of a word", async () => {
    expect(names(asSearchResult(await search(emulator.url, "JOHN")).Contacts)).toEqual([
      "John Smith",
      "Johnny Evil",
    ]);
    expect(names(asSearchResult(await search(emulator.url, "ada@")).Contacts)).toEqual(["Ada Lovelace"]);
    // "Johnny" is only the display name of Johnny Evil.
    expect(names(asSearchResult(await search(emulator.url, "johnny")).Contacts)).toEqual(["Johnny Evil"]);
    expect(asSearchResult(await search(emulator.url, "Smith")).Contacts).toEqual([]);
    expect(asSearchResult(await search(emulator.url, "contoso.com")).Contacts).toEqual([]);
  });

  it("returns full contact objects with the fields a client keeps", async () => {
    const [john] = asSearchResult(await search(emulator.url, "john@contoso.com")).Contacts;
    expect(john).toMatchObject({
      ContactId: JOHN_ID,
      ContactExternalEmailAddress: "john@contoso.com",
      ContactSmtp: "john@contoso.com",
      ContactDomain: "contoso.com",
      ContactEmailAddresses: ["SMTP:john@contoso.com"],
      ContactCompany: "Contoso",
      ContactAlias: "JohnSmith",
      IsDirSynced: false,
      ContactHiddenFromAddressListsEnabled: false,
      EditExchangeSettingsUrl: exchangeAdminCenterUrl(JOHN_ID),
    });
    expect(john?.ContactMailTip).toBeNull();
  });

  it("pages with NextLink: page size 2 over 5 contacts gives 2, 2, 1", async () => {
    await control.updateSettings({ pageSize: 2 });
    const pages: ContactRecord[][] = [];
    let nextLink = "";
    for (;;) {
      const page = asSearchResult(await search(emulator.url, "", nextLink));
      pages.push(page.Contacts);
      if (page.NextLink === null) break;
      expect(typeof page.NextLink).toBe("string");
      nextLink = page.NextLink;
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(names(pages.flat())).toEqual([
      "Ada Lovelace",
      "John Smith",
      "Johnny Evil",
      "Synced Person",
      "Zoe Adams",
    ]);
  });

  it("pages a filtered search and ends without a NextLink when the last page is exactly full", async () => {
    await control.updateSettings({ pageSize: 1 });
    const first = asSearchResult(await search(emulator.url, "john"));
    expect(names(first.Contacts)).toEqual(["John Smith"]);
    const second = asSearchResult(await search(emulator.url, "john", first.NextLink ?? ""));
    expect(names(second.Contacts)).toEqual(["Johnny Evil"]);
    expect(second.NextLink).toBeNull();
  });

  it("400s a NextLink that belongs to another SearchString, and a garbled one", async () => {
    await control.updateSettings({ pageSize: 2 });
    const first = asSearchResult(await search(emulator.url, ""));
    expect(first.NextLink).not.toBeNull();
    const foreign = await search(emulator.url, "john", first.NextLink ?? "");
    expect(foreign.status).toBe(400);
    expect(odataMessage(foreign)).toMatch(/NextLink/);
    expect((await search(emulator.url, "", "not-a-next-link")).status).toBe(400);
  });

  it("keeps paging stable when a contact is created between pages", async () => {
    await control.updateSettings({ pageSize: 2 });
    const first = asSearchResult(await search(emulator.url, ""));
    // Sorts before every remaining page: must not shift them or repeat one.
    const created = await callApi(
      emulator.url,
      "create",
      createBody({ ContactDisplayName: "Aaron First", ContactExternalEmailAddress: "aaron@x.example" }),
    );
    expect(created.status).toBe(200);
    const second = asSearchResult(await search(emulator.url, "", first.NextLink ?? ""));
    expect(names(second.Contacts)).toEqual(["Johnny Evil", "Synced Person"]);
  });
});

describe("create", () => {
  it("creates a contact, fills the derived fields and ignores company and hidden", async () => {
    const reply = await callApi(
      emulator.url,
      "create",
      createBody({
        ContactFirstName: "Émile",
        ContactLastName: "Zola",
        ContactDisplayName: "Émile Zola (L'Aurore)",
        ContactExternalEmailAddress: "emile@laurore.example",
        ContactMailTip: "Journalist at L'Aurore.",
        ContactCompany: "L'Aurore",
        ContactTitle: "Columnist",
        ContactPhone: "+33 1 23 45 67 89",
        ContactWebPage: "https://laurore.example",
        ContactHiddenFromAddressListsEnabled: true,
      }),
    );
    expect(reply.status).toBe(200);
    const created = reply.json as ContactRecord;
    expect(created.ContactId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created).toMatchObject({
      ContactName: "Émile Zola (L'Aurore)",
      ContactDisplayName: "Émile Zola (L'Aurore)",
      ContactFirstName: "Émile",
      ContactLastName: "Zola",
      ContactAlias: "EmileZolaL'Aurore",
      ContactExternalEmailAddress: "emile@laurore.example",
      ContactSmtp: "emile@laurore.example",
      ContactDomain: "laurore.example",
      ContactEmailAddresses: ["SMTP:emile@laurore.example"],
      ContactMailTip: "Journalist at L'Aurore.",
      ContactTitle: "Columnist",
      ContactPhone: "+33 1 23 45 67 89",
      ContactWebPage: "https://laurore.example",
      ContactMobilePhone: null,
      ContactFax: null,
      ContactCompany: null,
      ContactHiddenFromAddressListsEnabled: false,
      IsDirSynced: false,
      EditExchangeSettingsUrl: exchangeAdminCenterUrl(created.ContactId),
    });
    const stored = (await control.contacts()).find((contact) => contact.ContactId === created.ContactId);
    expect(stored).toEqual(created);
    expect(asSearchResult(await search(emulator.url, "emile@")).Contacts).toEqual([created]);
  });

  it("uses ContactName as Name when given, DisplayName otherwise", async () => {
    const reply = await callApi(
      emulator.url,
      "create",
      createBody({
        ContactName: "John Smith 2",
        ContactDisplayName: "John Smith",
        ContactExternalEmailAddress: "john.smith@other.example",
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ ContactName: "John Smith 2", ContactDisplayName: "John Smith" });
  });

  it("makes the derived Alias unique", async () => {
    const reply = await callApi(
      emulator.url,
      "create",
      createBody({ ContactName: "John-Smith", ContactExternalEmailAddress: "js@other.example" }),
    );
    expect((reply.json as ContactRecord).ContactAlias).toBe("John-Smith");
    const second = await callApi(
      emulator.url,
      "create",
      createBody({ ContactName: "John Smith!", ContactExternalEmailAddress: "js2@other.example" }),
    );
    expect((second.json as ContactRecord).ContactAlias).toBe("JohnSmith!");
    const third = await callApi(
      emulator.url,
      "create",
      createBody({ ContactName: "John (Smith)", ContactExternalEmailAddress: "js3@other.example" }),
    );
    expect((third.json as ContactRecord).ContactAlias).toBe("JohnSmith2");
  });

  it("accepts an address with an SMTP: prefix and stores it without", async () => {
    const reply = await callApi(
      emulator.url,
      "create",
      createBody({ ContactDisplayName: "Prefixed", ContactExternalEmailAddress: "SMTP:pre@fixed.example" }),
    );
    expect(reply.json).toMatchObject({ ContactExternalEmailAddress: "pre@fixed.example" });
  });
});

describe("create: Exchange's rules and texts", () => {
  async function createExpecting400(overrides: Record<string, unknown>): Promise<string> {
    const reply = await callApi(emulator.url, "create", createBody(overrides));
    expect(reply.status).toBe(400);
    expect(await control.contacts()).toHaveLength(5);
    return odataMessage(reply);
  }

  it("requires an address", async () => {
    expect(await createExpecting400({ ContactDisplayName: "No Address" })).toBe(
      "Cannot bind argument to parameter 'ExternalEmailAddress' because it is an empty string.",
    );
  });

  it.each([
    "no-at-sign",
    "two@@example.com",
    "space in@example.com",
    "x@localhost",
    "x@-bad.example",
    "x@例え.jp",
  ])("refuses the invalid address %s", async (address) => {
    expect(
      await createExpecting400({ ContactDisplayName: "Bad", ContactExternalEmailAddress: address }),
    ).toMatch(/isn't a valid SMTP address/);
  });

  it("requires a Name or a DisplayName", async () => {
    expect(await createExpecting400({ ContactExternalEmailAddress: "nameless@x.example" })).toBe(
      "Cannot bind argument to parameter 'Name' because it is an empty string.",
    );
  });

  it("refuses a FirstName over 64 characters in Exchange's words", async () => {
    const message = await createExpecting400({
      ContactDisplayName: "Long",
      ContactFirstName: "F".repeat(71),
      ContactExternalEmailAddress: "long@x.example",
    });
    expect(message).toBe(
      'The length of the property is too long. The maximum length is 64 and the length of the value provided is 71. Property: "FirstName"',
    );
  });

  it.each([
    ["ContactName", "Name", EXCHANGE_LIMITS.name],
    ["ContactDisplayName", "DisplayName", EXCHANGE_LIMITS.displayName],
    ["ContactLastName", "LastName", EXCHANGE_LIMITS.lastName],
    ["ContactTitle", "Title", EXCHANGE_LIMITS.title],
    ["ContactMailTip", "MailTip", EXCHANGE_LIMITS.mailTip],
  ])("refuses %s one character over its limit", async (field, exchangeName, limit) => {
    const message = await createExpecting400({
      ContactName: "Limit Test",
      ContactDisplayName: "Limit Test",
      ContactExternalEmailAddress: "limit@x.example",
      [field]: "x".repeat(limit + 1),
    });
    expect(message).toContain(
      `The maximum length is ${limit} and the length of the value provided is ${limit + 1}`,
    );
    expect(message).toContain(`Property: "${exchangeName}"`);
  });

  it("accepts values exactly at their limits", async () => {
    const reply = await callApi(
      emulator.url,
      "create",
      createBody({
        ContactName: "n".repeat(EXCHANGE_LIMITS.name),
        ContactDisplayName: "d".repeat(EXCHANGE_LIMITS.displayName),
        ContactFirstName: "f".repeat(EXCHANGE_LIMITS.firstName),
        ContactMailTip: "t".repeat(EXCHANGE_LIMITS.mailTip),
        ContactExternalEmailAddress: "exact@x.example",
      }),
    );
    expect(reply.status).toBe(200);
  });

  it("refuses a Name already used by a contact, case-insensitively", async () => {
    expect(
      await createExpecting400({
        ContactDisplayName: "JOHN SMITH",
        ContactExternalEmailAddress: "other@x.example",
      }),
    ).toBe(EXCHANGE_MESSAGES.nameInUse("JOHN SMITH"));
  });

  it("refuses a Name already used by a mailbox", async () => {
    expect(
      await createExpecting400({
        ContactDisplayName: "Adele Vance",
        ContactExternalEmailAddress: "adele@x.example",
      }),
    ).toBe(EXCHANGE_MESSAGES.nameInUse("Adele Vance"));
  });

  it("refuses an address used by a seeded mailbox, naming it", async () => {
    expect(
      await createExpecting400({
        ContactDisplayName: "Adele Outside",
        ContactExternalEmailAddress: "adele.vance@ourorg.example",
      }),
    ).toBe(EXCHANGE_MESSAGES.proxyAddressInUse("adele.vance@ourorg.example", "Adele Vance"));
  });

  it("refuses an address used by another contact, case-insensitively", async () => {
    expect(
      await createExpecting400({
        ContactDisplayName: "Another John",
        ContactExternalEmailAddress: "JOHN@Contoso.com",
      }),
    ).toBe(EXCHANGE_MESSAGES.proxyAddressInUse("JOHN@Contoso.com", "John Smith"));
  });
});

describe("PUT /admin/api/Contact (general)", () => {
  async function readJohn(): Promise<ContactRecord> {
    const [john] = asSearchResult(await search(emulator.url, "john@contoso.com")).Contacts;
    if (!john) throw new Error("seeded John is missing");
    return john;
  }

  it("applies the general fields of the full object and ignores the options fields", async () => {
    const john = await readJohn();
    const reply = await callApi(emulator.url, "updateGeneral", {
      ...john,
      ContactCompany: "Contoso Ltd",
      ContactTitle: "CFO",
      ContactDepartment: "Finance",
      ContactOffice: "Building 4",
      ContactInitials: "JS",
      ContactMobilePhone: "+1 555 0100",
      ContactFax: "+1 555 0101",
      ContactCity: "Redmond",
      ContactCountryOrRegion: { DisplayName: "United States", LocalizedDisplayName: "United States" },
      ContactMailTip: "must not be applied",
      ContactHiddenFromAddressListsEnabled: true,
    });
    expect(reply.status).toBe(200);
    const expected = {
      ...john,
      ContactCompany: "Contoso Ltd",
      ContactTitle: "CFO",
      ContactDepartment: "Finance",
      ContactOffice: "Building 4",
      ContactInitials: "JS",
      ContactMobilePhone: "+1 555 0100",
      ContactFax: "+1 555 0101",
      ContactCity: "Redmond",
      ContactCountryOrRegion: { DisplayName: "United States", LocalizedDisplayName: "United States" },
    };
    expect(reply.json).toEqual(expected);
    expect(await readJohn()).toEqual(expected);
  });

  it("clears a field sent as empty and keeps fields the body leaves out", async () => {
    const reply = await callApi(emulator.url, "updateGeneral", { ContactId: JOHN_ID, ContactCompany: "" });
    expect(reply.json).toMatchObject({ ContactCompany: null, ContactName: "John Smith" });
  });

  it("renames, re-sorts and frees the old name", async () => {
    const john = await readJohn();
    const reply = await callApi(emulator.url, "updateGeneral", { ...john, ContactName: "Aardvark John" });
    expect(reply.status).toBe(200);
    expect(names(asSearchResult(await search(emulator.url, "")).Contacts)[0]).toBe("Aardvark John");
    const reuse = await callApi(
      emulator.url,
      "create",
      createBody({ ContactDisplayName: "John Smith", ContactExternalEmailAddress: "new.john@x.example" }),
    );
    expect(reuse.status).toBe(200);
  });

  it("refuses a rename onto a taken Name, and allows keeping its own", async () => {
    const john = await readJohn();
    const taken = await callApi(emulator.url, "updateGeneral", { ...john, ContactName: "zoe adams" });
    expect(taken.status).toBe(400);
    expect(odataMessage(taken)).toBe(EXCHANGE_MESSAGES.nameInUse("zoe adams"));
    const own = await callApi(emulator.url, "updateGeneral", { ...john, ContactName: "JOHN SMITH" });
    expect(own.status).toBe(200);
  });

  it("applies nothing when one field breaks a rule", async () => {
    const john = await readJohn();
    const reply = await callApi(emulator.url, "updateGeneral", {
      ...john,
      ContactTitle: "Director",
      ContactCompany: "C".repeat(65),
    });
    expect(reply.status).toBe(400);
    expect(odataMessage(reply)).toContain('Property: "Company"');
    expect(await readJohn()).toEqual(john);
  });

  it("404s an unknown id", async () => {
    const reply = await callApi(emulator.url, "updateGeneral", {
      ContactId: "99999999-9999-4999-8999-999999999999",
      ContactTitle: "x",
    });
    expect(reply.status).toBe(404);
  });

  it("refuses a contact synchronized from on-premises", async () => {
    const reply = await callApi(emulator.url, "updateGeneral", { ContactId: SYNCED_ID, ContactTitle: "x" });
    expect(reply.status).toBe(400);
    expect(odataMessage(reply)).toMatch(/is being synchronized from your on-premises organization/);
  });
});

describe("PUT /admin/api/Contact/options", () => {
  it("applies the mail tip and hidden flag and ignores the general fields", async () => {
    const [john] = asSearchResult(await search(emulator.url, "john@contoso.com")).Contacts;
    const reply = await callApi(emulator.url, "updateOptions", {
      ...john,
      ContactMailTip: "External: Contoso finance.",
      ContactHiddenFromAddressListsEnabled: true,
      ContactCompany: "must not be applied",
      ContactTitle: "must not be applied",
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      ...john,
      ContactMailTip: "External: Contoso finance.",
      ContactHiddenFromAddressListsEnabled: true,
    });
  });

  it("refuses a mail tip over 175 characters and keeps the old one", async () => {
    await callApi(emulator.url, "updateOptions", { ContactId: JOHN_ID, ContactMailTip: "Kept." });
    const reply = await callApi(emulator.url, "updateOptions", {
      ContactId: JOHN_ID,
      ContactMailTip: "m".repeat(176),
    });
    expect(reply.status).toBe(400);
    expect(odataMessage(reply)).toContain('Property: "MailTip"');
    expect((await control.contacts()).find((contact) => contact.ContactId === JOHN_ID)?.ContactMailTip).toBe(
      "Kept.",
    );
  });

  it("stores a tip sent back in Exchange's <html><body> form as the plain tip", async () => {
    const reply = await callApi(emulator.url, "updateOptions", {
      ContactId: JOHN_ID,
      ContactMailTip: "<html><body>Round trip.</body></html>",
    });
    expect(reply.json).toMatchObject({ ContactMailTip: "Round trip." });
  });

  it("404s an unknown id and refuses a dir-synced contact", async () => {
    expect(
      (await callApi(emulator.url, "updateOptions", { ContactId: "nope", ContactMailTip: "x" })).status,
    ).toBe(404);
    const synced = await callApi(emulator.url, "updateOptions", {
      ContactId: SYNCED_ID,
      ContactMailTip: "x",
    });
    expect(synced.status).toBe(400);
    expect(odataMessage(synced)).toMatch(/Set-MailContact.*synchronized from your on-premises organization/);
  });

  it("refuses a hidden flag that is not a boolean", async () => {
    const reply = await callApi(emulator.url, "updateOptions", {
      ContactId: JOHN_ID,
      ContactHiddenFromAddressListsEnabled: "yes",
    });
    expect(reply.status).toBe(400);
  });
});
