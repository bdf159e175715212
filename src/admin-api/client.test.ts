import { FixedTokenProvider } from "../auth/token-provider";
import { firstPage, searchAll } from "./test-support/search-all";
import { AdminCenterClient } from "./client";
import { DirectoryError } from "../contacts/directory-error";
import { contactRecord, scriptedFetch, type ScriptedAnswer } from "./test-support/scripted-fetch";
import type { CreateContactBody } from "./wire";

function clientWith(answers: ScriptedAnswer[]) {
  const scripted = scriptedFetch(answers);
  const client = new AdminCenterClient({
    baseUrl: "http://api.test",
    tokens: new FixedTokenProvider("client-test-token"),
    fetch: scripted.fetch,
    retry: { maxAttempts: 1 },
  });
  return { client, calls: scripted.calls };
}

const page = (contacts: object[], NextLink: string | null = null): ScriptedAnswer => ({
  status: 200,
  body: { Contacts: contacts, NextLink },
});

async function failure(promise: Promise<unknown>): Promise<DirectoryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DirectoryError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const newContact: CreateContactBody = {
  ContactFirstName: "Ann",
  ContactLastName: "Smith",
  ContactDisplayName: "Ann Smith",
  ContactExternalEmailAddress: "ann@fabrikam.com",
  ContactMailTip: "External: Fabrikam",
  ContactCompany: "Fabrikam",
  ContactTitle: "",
  ContactWebPage: "",
  ContactPhone: "",
  ContactMobilePhone: "",
  ContactFax: "",
  ContactHiddenFromAddressListsEnabled: false,
  selected: false,
  ContactName: "Ann Smith",
};

describe("GetContacts parsing", () => {
  it("accepts unknown extra fields and keeps them on the record", async () => {
    const { client } = clientWith([
      {
        status: 200,
        body: { Contacts: [contactRecord("a@x.com", { FutureField: 1 })], NextLink: "", TotalCount: 1 },
      },
    ]);
    const result = await firstPage(client, "");
    expect(result.Contacts[0]).toMatchObject({ ContactExternalEmailAddress: "a@x.com", FutureField: 1 });
  });

  it("names a missing ContactId by its path, without values", async () => {
    const contacts = [
      contactRecord("a@x.com"),
      contactRecord("b@x.com"),
      contactRecord("c@x.com"),
      { ContactExternalEmailAddress: "d@x.com" },
    ];
    const { client } = clientWith([page(contacts)]);
    const error = await failure(firstPage(client, ""));
    expect(error.kind).toBe("protocol");
    expect(error.message).toContain("search response: Contacts[3].ContactId is missing");
    expect(error.message).not.toContain("d@x.com");
  });

  it("says which keys arrived when the list is not where expected", async () => {
    const { client } = clientWith([{ status: 200, body: { Users: [], NextLink: null } }]);
    const error = await failure(firstPage(client, ""));
    expect(error.message).toContain("Contacts is missing (top-level keys: Users, NextLink)");
  });

  it("reports a wrong type by type only", async () => {
    const { client } = clientWith([
      page([contactRecord("a@x.com", { ContactHiddenFromAddressListsEnabled: "yes" })]),
    ]);
    const error = await failure(firstPage(client, ""));
    expect(error.message).toContain(
      "Contacts[0].ContactHiddenFromAddressListsEnabled is a string, expected boolean",
    );
    expect(error.message).not.toContain("yes");
  });

  it("an empty body and a non-JSON body are protocol errors that say so", async () => {
    const { client } = clientWith([
      { status: 200, body: "" },
      { status: 200, body: "not json", headers: { "content-type": "text/plain" } },
    ]);
    expect((await failure(firstPage(client, ""))).message).toContain(
      "empty body where a contact list was expected",
    );
    expect((await failure(firstPage(client, ""))).message).toContain(
      "the response was not JSON (content type text/plain)",
    );
  });
});

describe("searchContacts paging", () => {
  it("follows NextLink with the same SearchString until it is null or empty", async () => {
    const { client, calls } = clientWith([
      page([contactRecord("a@x.com")], "link-1"),
      page([contactRecord("b@x.com")], "link-2"),
      page([contactRecord("c@x.com")], ""),
    ]);
    const contacts = await searchAll(client, "x");
    expect(contacts.map((contact) => contact.ContactExternalEmailAddress)).toEqual([
      "a@x.com",
      "b@x.com",
      "c@x.com",
    ]);
    expect(calls.map((call) => call.body)).toEqual([
      { SearchString: "x", NextLink: "" },
      { SearchString: "x", NextLink: "link-1" },
      { SearchString: "x", NextLink: "link-2" },
    ]);
  });

  it("stops with a protocol error past the page cap", async () => {
    const { client, calls } = clientWith([page([], "l1"), page([], "l2"), page([], "l3"), page([], null)]);
    const error = await failure(searchAll(client, "", { maxPages: 3 }));
    expect(error).toMatchObject({ kind: "protocol" });
    expect(error.message).toContain("still paging after 3 pages");
    expect(calls).toHaveLength(3);
  });

  it("stops with a protocol error when a NextLink repeats", async () => {
    const { client, calls } = clientWith([page([], "l1"), page([], "l2"), page([], "l1"), page([], null)]);
    const error = await failure(searchAll(client, ""));
    expect(error.message).toContain("NextLink it had already returned");
    expect(calls).toHaveLength(3);
  });
});

describe("findContactByAddress", () => {
  it("searches with the address and ignores startsWith look-alikes", async () => {
    const { client, calls } = clientWith([
      page([contactRecord("john@contoso.com.evil.io"), contactRecord("john@contoso.community")], "next"),
      page([contactRecord("John@Contoso.com", { ContactId: "the-one" })], null),
    ]);
    const found = await client.findContactByAddress("john@contoso.com");
    expect(found?.ContactId).toBe("the-one");
    expect(calls[0]!.body).toEqual({ SearchString: "john@contoso.com", NextLink: "" });
    expect(calls).toHaveLength(2);
  });

  it("stops paging as soon as a page holds the exact match", async () => {
    const { client, calls } = clientWith([page([contactRecord("ann@fabrikam.com")], "more"), page([], null)]);
    expect((await client.findContactByAddress("ANN@fabrikam.com"))?.ContactExternalEmailAddress).toBe(
      "ann@fabrikam.com",
    );
    expect(calls).toHaveLength(1);
  });

  it("matches SMTP proxy entries and the primary SMTP, not other proxy types", async () => {
    const viaProxy = contactRecord("other@fabrikam.com", {
      ContactId: "proxy",
      ContactEmailAddresses: ["X500:/o=ann@fabrikam.com", "smtp:ann@fabrikam.com"],
    });
    const { client } = clientWith([page([viaProxy])]);
    expect((await client.findContactByAddress("ann@fabrikam.com"))?.ContactId).toBe("proxy");
    const x500Only = contactRecord("other@fabrikam.com", {
      ContactEmailAddresses: ["X500:ann@fabrikam.com"],
    });
    const second = clientWith([page([x500Only])]);
    expect(await second.client.findContactByAddress("ann@fabrikam.com")).toBeNull();
  });

  it("returns null when no page holds an exact match", async () => {
    const { client, calls } = clientWith([page([contactRecord("ann@fabrikam.com.au")], "n"), page([], null)]);
    expect(await client.findContactByAddress("ann@fabrikam.com")).toBeNull();
    expect(calls).toHaveLength(2);
  });
});

describe("createContact", () => {
  it("posts the flat body and returns the created contact", async () => {
    const { client, calls } = clientWith([
      { status: 200, body: contactRecord("ann@fabrikam.com", { ContactId: "new-id" }) },
    ]);
    const result = await client.createContact(newContact);
    expect(result.contact?.ContactId).toBe("new-id");
    expect(calls[0]).toMatchObject({
      method: "POST",
      url: "http://api.test/admin/api/Contact",
      body: newContact,
    });
  });

  it.each<[string, ScriptedAnswer]>([
    ["an ack object", { status: 200, body: { Succeeded: true } }],
    ["an empty body", { status: 200, body: "" }],
    ["a 204", { status: 204 }],
    ["a short text", { status: 200, body: "OK", headers: { "content-type": "text/plain" } }],
  ])("returns contact null for %s", async (_what, answer) => {
    const { client } = clientWith([answer]);
    expect(await client.createContact(newContact)).toEqual({ contact: null });
  });

  it("finds the contact inside a wrapper object", async () => {
    const { client } = clientWith([
      { status: 201, body: { Succeeded: true, Contact: contactRecord("ann@fabrikam.com") } },
    ]);
    expect((await client.createContact(newContact)).contact?.ContactExternalEmailAddress).toBe(
      "ann@fabrikam.com",
    );
  });

  it("treats a 2xx that reports failure as a refusal", async () => {
    const { client } = clientWith([
      {
        status: 200,
        body: {
          Succeeded: false,
          Message: 'The name "Ann Smith" is already being used. Please try another name.',
        },
      },
    ]);
    expect(await failure(client.createContact(newContact))).toMatchObject({
      kind: "conflict",
      reason: "name-taken",
      status: 200,
    });
  });

  it("marks a 5xx as ambiguous and does not retry", async () => {
    const { client, calls } = clientWith([{ status: 500 }, { status: 200, body: "" }]);
    expect(await failure(client.createContact(newContact))).toMatchObject({
      kind: "unavailable",
      ambiguous: true,
    });
    expect(calls).toHaveLength(1);
  });
});

describe("updates", () => {
  const record = contactRecord("ann@fabrikam.com", { ContactId: "c-1", Unknown: "kept" });

  it("PUTs the full record to the general route and returns the response's contact", async () => {
    const stored = { ...record, ContactCompany: "Fabrikam" };
    const { client, calls } = clientWith([{ status: 200, body: stored }]);
    expect(await client.updateContactGeneral(record)).toEqual(stored);
    expect(calls[0]).toMatchObject({ method: "PUT", url: "http://api.test/admin/api/Contact", body: record });
  });

  it("returns the sent record when the options PUT only acknowledges", async () => {
    const { client, calls } = clientWith([{ status: 200, body: { Succeeded: true } }]);
    expect(await client.updateContactOptions(record)).toEqual(record);
    expect(calls[0]).toMatchObject({ method: "PUT", url: "http://api.test/admin/api/Contact/options" });
  });

  it("refuses a response that is another contact", async () => {
    const { client } = clientWith([{ status: 200, body: contactRecord("bob@x.com", { ContactId: "c-2" }) }]);
    expect(await failure(client.updateContactGeneral(record))).toMatchObject({ kind: "protocol" });
  });

  it("a 404 means the contact is gone (or not yet visible)", async () => {
    const { client } = clientWith([{ status: 404, body: { error: { code: "NotFound", message: "x" } } }]);
    expect(await failure(client.updateContactOptions(record))).toMatchObject({
      kind: "not-found",
      operation: "updateOptions",
    });
  });
});

it("keeps its token provider out of JSON output", () => {
  const { client } = clientWith([]);
  expect(JSON.stringify({ client })).not.toContain("client-test-token");
});
