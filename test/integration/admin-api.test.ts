/**
 * The admin center client and directory adapter against the emulator, over real HTTP:
 * every endpoint, every quirk and variant switch, every fault kind.
 */
import { AdminCenterClient, type AdminCenterClientOptions } from "../../src/admin-api/client";
import { searchAll } from "../../src/admin-api/test-support/search-all";
import { AdminCenterDirectory } from "../../src/admin-api/directory-adapter";
import { DirectoryError } from "../../src/contacts/directory-error";
import type { RetryNotice } from "../../src/contacts/retry-policy";
import type { ContactRecord, CreateContactBody } from "../../src/admin-api/wire";
import { FixedTokenProvider, type TokenProvider, type TokenRequest } from "../../src/auth/token-provider";
import { EmulatorControl } from "../../src/emulator/control-client";
import {
  DEMO_TOKENS,
  startEmulator,
  type EmulatorSeed,
  type RunningEmulator,
} from "../../src/emulator/server";
import { guardedLogger, registerSecretForGuard } from "../setup/secret-guard";

const ADMIN_TOKEN = "itest-admin-api-admin-token-3c9d";
registerSecretForGuard(ADMIN_TOKEN);
const TOKENS: EmulatorSeed["tokens"] = [
  { token: ADMIN_TOKEN, role: "admin" },
  { token: DEMO_TOKENS.readOnly, role: "readonly" },
];

let emulator: RunningEmulator;
let control: EmulatorControl;
let logLines: string[];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.url);
});
afterAll(async () => {
  await emulator.close();
});

async function reset(seed: EmulatorSeed = {}): Promise<void> {
  await control.reset({ tokens: TOKENS, ...seed });
  logLines = [];
}

function client(overrides: Partial<AdminCenterClientOptions> = {}): AdminCenterClient {
  return new AdminCenterClient({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider(ADMIN_TOKEN),
    logger: guardedLogger(logLines),
    // Fast backoff where no Retry-After is given; Retry-After itself is honoured as sent.
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<DirectoryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DirectoryError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function apiCalls(route?: "search" | "create" | "updateGeneral" | "updateOptions") {
  const paths = {
    search: "POST /admin/api/Contact/GetContacts",
    create: "POST /admin/api/Contact",
    updateGeneral: "PUT /admin/api/Contact",
    updateOptions: "PUT /admin/api/Contact/options",
  };
  const requests = await control.requests();
  return route
    ? requests.filter((request) => `${request.method} ${request.path}` === paths[route])
    : requests;
}

function draft(address: string, overrides: Partial<CreateContactBody> = {}): CreateContactBody {
  return {
    ContactFirstName: "Ann",
    ContactLastName: "Smith",
    ContactDisplayName: "Ann Smith",
    ContactExternalEmailAddress: address,
    ContactMailTip: "External contact at Fabrikam",
    ContactCompany: "Fabrikam",
    ContactTitle: "CTO",
    ContactWebPage: "",
    ContactPhone: "",
    ContactMobilePhone: "",
    ContactFax: "",
    ContactHiddenFromAddressListsEnabled: false,
    selected: false,
    ContactName: `Ann Smith ${address}`,
    ...overrides,
  };
}

async function storedContact(address: string): Promise<ContactRecord | undefined> {
  return (await control.contacts()).find(
    (contact) => contact.ContactExternalEmailAddress.toLowerCase() === address.toLowerCase(),
  );
}

/** Polls (bounded) until `probe` resolves to a value, for effects that land after a delay. */
async function eventually<T>(
  probe: () => Promise<T | null | undefined>,
  attempts = 40,
  pauseMs = 100,
): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error("condition not reached");
}

describe("search", () => {
  const lookAlikes: EmulatorSeed["contacts"] = [
    { ContactName: "A1", ContactExternalEmailAddress: "john@contoso.com.evil.io" },
    { ContactName: "A2", ContactExternalEmailAddress: "john@contoso.com.au" },
    { ContactName: "A3", ContactExternalEmailAddress: "john@contoso.community" },
    { ContactName: "Zed", ContactExternalEmailAddress: "John@Contoso.com" },
    { ContactName: "Other", ContactExternalEmailAddress: "mary@contoso.com" },
  ];

  it("pages through every contact with NextLink", async () => {
    await reset({ pageSize: 2, contacts: lookAlikes });
    const contacts = await searchAll(client(), "");
    expect(contacts).toHaveLength(5);
    expect(new Set(contacts.map((contact) => contact.ContactId)).size).toBe(5);
    expect(await apiCalls("search")).toHaveLength(3);
  });

  it("finds the exact address across pages, ignoring startsWith look-alikes", async () => {
    await reset({ pageSize: 2, contacts: lookAlikes });
    const found = await client().findContactByAddress("john@contoso.com");
    expect(found?.ContactName).toBe("Zed");
    expect(await apiCalls("search")).toHaveLength(2);
  });

  it("returns null when only look-alikes exist", async () => {
    await reset({ pageSize: 2, contacts: lookAlikes.filter((contact) => contact.ContactName !== "Zed") });
    expect(await client().findContactByAddress("john@contoso.com")).toBeNull();
  });

  it("stops at the first page holding the match", async () => {
    await reset({
      pageSize: 1,
      contacts: [{ ContactName: "B", ContactExternalEmailAddress: "ann@fabrikam.com" }, ...lookAlikes],
    });
    expect(await client().findContactByAddress("ANN@FABRIKAM.COM")).not.toBeNull();
    expect(await apiCalls("search")).toHaveLength(1);
  });

  it("logs one line per HTTP exchange, without token or address", async () => {
    await reset({ pageSize: 2, contacts: lookAlikes });
    await client().findContactByAddress("john@contoso.com");
    const requests = await apiCalls();
    expect(logLines).toHaveLength(requests.length);
    for (const [index, line] of logLines.entries()) {
      expect(line).toContain(`request-id=${requests[index]!.requestId}`);
      expect(line).not.toContain("john@contoso.com");
    }
  });
});

describe("create", () => {
  it.each(["contact", "ack", "empty"] as const)(
    "in the %s variant resolves, and the contact is then found by address",
    async (createResponse) => {
      await reset({ variants: { createResponse } });
      const api = client();
      const result = await api.createContact(draft("ann@fabrikam.com"));
      if (createResponse === "contact")
        expect(result.contact?.ContactExternalEmailAddress).toBe("ann@fabrikam.com");
      else expect(result.contact).toBeNull();
      const found = await api.findContactByAddress("ann@fabrikam.com");
      expect(found?.ContactId).toBe((await storedContact("ann@fabrikam.com"))?.ContactId);
    },
  );

  it("shows the API's quirk: company and hidden-from-lists are ignored on create", async () => {
    await reset();
    const { contact } = await client().createContact(
      draft("ann@fabrikam.com", { ContactHiddenFromAddressListsEnabled: true }),
    );
    expect(contact).toMatchObject({ ContactCompany: null, ContactHiddenFromAddressListsEnabled: false });
  });

  it.each(["odata", "message", "string"] as const)(
    "recognises an address used by a mailbox in the %s error body",
    async (errorBody) => {
      await reset({
        variants: { errorBody },
        recipients: [{ address: "ann@fabrikam.com", name: "Ann Mailbox", kind: "mailbox" }],
      });
      const error = await failure(client().createContact(draft("ann@fabrikam.com")));
      expect(error).toMatchObject({
        kind: "conflict",
        reason: "address-held-by",
        holder: { name: "Ann Mailbox" },
        status: 400,
        ambiguous: false,
      });
    },
  );

  it("recognises a name already in use", async () => {
    await reset({
      variants: { errorBody: "message" },
      contacts: [{ ContactName: "Ann Smith", ContactExternalEmailAddress: "x@y.com" }],
    });
    const error = await failure(
      client().createContact(draft("ann@fabrikam.com", { ContactName: "Ann Smith" })),
    );
    expect(error).toMatchObject({ kind: "conflict", reason: "name-taken" });
  });

  it("an HTML error page still gives the status's kind, without quoting the page", async () => {
    await reset({
      variants: { errorBody: "html" },
      recipients: [{ address: "ann@fabrikam.com", name: "Ann", kind: "guest" }],
    });
    const error = await failure(client().createContact(draft("ann@fabrikam.com")));
    expect(error).toMatchObject({ kind: "invalid", status: 400 });
    expect(error.serviceText).toBeUndefined();
    expect(error.message).not.toMatch(/<|Sign in/);
  });

  it("reports a too-long field as invalid, with Exchange's reason", async () => {
    await reset();
    const error = await failure(
      client().createContact(draft("ann@fabrikam.com", { ContactFirstName: "A".repeat(71) })),
    );
    expect(error.kind).toBe("invalid");
    expect(error.serviceText).toContain("64");
  });

  it("is refused with the read-only token as a forbidden create; search still works", async () => {
    await reset({ contacts: [{ ContactExternalEmailAddress: "ann@fabrikam.com" }] });
    const readOnly = client({ tokens: new FixedTokenProvider(DEMO_TOKENS.readOnly) });
    const error = await failure(readOnly.createContact(draft("bob@fabrikam.com")));
    expect(error).toMatchObject({ kind: "forbidden", operation: "create" });
    expect(await readOnly.findContactByAddress("ann@fabrikam.com")).not.toBeNull();
  });

  it("that times out is marked ambiguous, not retried, and is then found by address", async () => {
    await reset();
    await control.addFault({ route: "create", latencyMs: 1500 });
    const api = client({ timeoutMs: 300 });
    const error = await failure(api.createContact(draft("ann@fabrikam.com")));
    expect(error).toMatchObject({
      kind: "unavailable",
      reason: "no-answer",
      ambiguous: true,
      operation: "create",
    });
    expect(await apiCalls("create")).toHaveLength(1);
    // The emulator applies the create after its latency although the client gave up.
    const found = await eventually(() => api.findContactByAddress("ann@fabrikam.com"));
    expect(found.ContactExternalEmailAddress).toBe("ann@fabrikam.com");
  });

  it("whose connection drops after it was applied is ambiguous and found at once", async () => {
    await reset();
    await control.addFault({ route: "create", drop: true, afterApply: true });
    const api = client();
    expect(await failure(api.createContact(draft("ann@fabrikam.com")))).toMatchObject({
      kind: "unavailable",
      reason: "no-answer",
      ambiguous: true,
    });
    expect(await api.findContactByAddress("ann@fabrikam.com")).not.toBeNull();
    expect(await apiCalls("create")).toHaveLength(1);
  });

  it("that fails with 500 after applying is ambiguous", async () => {
    await reset();
    await control.addFault({ route: "create", status: 500, afterApply: true });
    expect(await failure(client().createContact(draft("ann@fabrikam.com")))).toMatchObject({
      kind: "unavailable",
      reason: "server-error",
      ambiguous: true,
      status: 500,
    });
    expect(await storedContact("ann@fabrikam.com")).toBeDefined();
  });

  it("is never retried when throttled", async () => {
    await reset();
    await control.addFault({ route: "create", status: 429, headers: { "Retry-After": "1" } });
    expect(await failure(client().createContact(draft("ann@fabrikam.com")))).toMatchObject({
      kind: "throttled",
      retryAfterMs: 1000,
    });
    expect(await apiCalls("create")).toHaveLength(1);
    expect(await storedContact("ann@fabrikam.com")).toBeUndefined();
  });

  it("races: two concurrent creates of one address leave one contact and one address-in-use", async () => {
    await reset({ latencyMs: 50 });
    const api = client();
    const outcomes = await Promise.allSettled([
      api.createContact(draft("ann@fabrikam.com", { ContactName: "Ann One" })),
      api.createContact(draft("ann@fabrikam.com", { ContactName: "Ann Two" })),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ kind: "conflict", reason: "address-held-by" });
    expect(
      (await control.contacts()).filter((contact) =>
        /ann@fabrikam\.com/i.test(contact.ContactExternalEmailAddress),
      ),
    ).toHaveLength(1);
  });
});

describe("updates", () => {
  async function seededContact(seed: EmulatorSeed = {}): Promise<ContactRecord> {
    await reset({
      contacts: [{ ContactName: "Ann Smith", ContactExternalEmailAddress: "ann@fabrikam.com" }],
      ...seed,
    });
    const found = await client().findContactByAddress("ann@fabrikam.com");
    if (!found) throw new Error("seeded contact not found");
    logLines.length = 0;
    return found;
  }

  it("general and options updates apply their own fields", async () => {
    const record = await seededContact();
    const api = client();
    const general = await api.updateContactGeneral({
      ...record,
      ContactCompany: "Fabrikam",
      ContactTitle: "CTO",
    });
    expect(general).toMatchObject({ ContactCompany: "Fabrikam", ContactTitle: "CTO" });
    const options = await api.updateContactOptions({
      ...general,
      ContactMailTip: "Tip",
      ContactHiddenFromAddressListsEnabled: true,
    });
    expect(options).toMatchObject({
      ContactMailTip: "Tip",
      ContactHiddenFromAddressListsEnabled: true,
      ContactCompany: "Fabrikam",
    });
    expect(await storedContact("ann@fabrikam.com")).toMatchObject({
      ContactCompany: "Fabrikam",
      ContactMailTip: "Tip",
      ContactHiddenFromAddressListsEnabled: true,
    });
  });

  it("of a contact that does not exist is not-found", async () => {
    const record = await seededContact();
    const error = await failure(
      client().updateContactGeneral({ ...record, ContactId: "00000000-0000-0000-0000-000000000000" }),
    );
    expect(error).toMatchObject({ kind: "not-found", status: 404, operation: "updateGeneral" });
  });

  it("right after create, within replication lag, is not-found", async () => {
    await reset({ replicationLagMs: 2000 });
    const api = client();
    const { contact } = await api.createContact(draft("ann@fabrikam.com"));
    if (!contact) throw new Error("contact variant expected");
    expect(await api.findContactByAddress("ann@fabrikam.com")).toBeNull();
    expect(await failure(api.updateContactOptions({ ...contact, ContactMailTip: "x" }))).toMatchObject({
      kind: "not-found",
    });
  });

  it("of a directory-synced contact is refused as invalid, with Exchange's reason", async () => {
    const record = await seededContact({
      contacts: [
        { ContactName: "Ann Smith", ContactExternalEmailAddress: "ann@fabrikam.com", IsDirSynced: true },
      ],
    });
    const error = await failure(client().updateContactGeneral({ ...record, ContactCompany: "X" }));
    expect(error.kind).toBe("invalid");
    expect(error.serviceText).toMatch(/on-premises/);
  });

  it("are retried after a transient failure that had applied the change", async () => {
    const record = await seededContact();
    await control.addFault({ route: "updateGeneral", status: 502, afterApply: true });
    const notices: RetryNotice[] = [];
    const stored = await client({ onRetry: (notice) => notices.push(notice) }).updateContactGeneral({
      ...record,
      ContactCompany: "Fabrikam",
    });
    expect(stored.ContactCompany).toBe("Fabrikam");
    expect(notices).toEqual([expect.objectContaining({ operation: "updateGeneral", attempt: 2 })]);
    expect(await apiCalls("updateGeneral")).toHaveLength(2);
  });

  it("are retried after a dropped connection", async () => {
    const record = await seededContact();
    await control.addFault({ route: "updateOptions", drop: true });
    const stored = await client().updateContactOptions({ ...record, ContactMailTip: "Tip" });
    expect(stored.ContactMailTip).toBe("Tip");
  });
});

describe("throttling and faults on search", () => {
  beforeEach(() => reset({ contacts: [{ ContactExternalEmailAddress: "ann@fabrikam.com" }] }));

  it("a throttled search succeeds after Retry-After", async () => {
    await control.addFault({ route: "search", status: 429, headers: { "Retry-After": "1" } });
    const notices: RetryNotice[] = [];
    const found = await client({ onRetry: (notice) => notices.push(notice) }).findContactByAddress(
      "ann@fabrikam.com",
    );
    expect(found).not.toBeNull();
    expect(notices).toEqual([expect.objectContaining({ attempt: 2, delayMs: 1000 })]);
    expect(notices[0]!.error.kind).toBe("throttled");
    expect((await apiCalls("search")).map((request) => request.status)).toEqual([429, 200]);
  });

  it("503 with Retry-After is throttling too", async () => {
    await control.addFault({ route: "search", status: 503, headers: { "Retry-After": "0" } });
    expect(await client().findContactByAddress("ann@fabrikam.com")).not.toBeNull();
  });

  it("gives up at once when Retry-After is beyond the wait budget, saying when", async () => {
    await control.addFault({ route: "search", status: 429, headers: { "Retry-After": "120" } });
    const error = await failure(client().findContactByAddress("ann@fabrikam.com"));
    expect(error).toMatchObject({ kind: "throttled", retryAfterMs: 120_000 });
    expect(await apiCalls("search")).toHaveLength(1);
  });

  it("gives up after the attempt bound when the outage persists", async () => {
    await control.addFault({ route: "search", status: 500, times: 10 });
    expect(await failure(client().findContactByAddress("ann@fabrikam.com"))).toMatchObject({
      kind: "unavailable",
      reason: "server-error",
      status: 500,
    });
    expect(await apiCalls("search")).toHaveLength(4);
  });

  it("retries a dropped connection", async () => {
    await control.addFault({ route: "search", drop: true });
    expect(await client().findContactByAddress("ann@fabrikam.com")).not.toBeNull();
  });

  it("times out a slow answer and retries it", async () => {
    await control.addFault({ route: "search", latencyMs: 1000 });
    expect(await client({ timeoutMs: 200 }).findContactByAddress("ann@fabrikam.com")).not.toBeNull();
    expect(await apiCalls("search")).toHaveLength(2);
  });

  it("a 200 sign-in page is a protocol error that says so", async () => {
    await control.addFault({
      route: "search",
      status: 200,
      body: "<html><body><form>Sign in to your account</form></body></html>",
    });
    const error = await failure(client().findContactByAddress("ann@fabrikam.com"));
    expect(error).toMatchObject({ kind: "protocol", reason: "sign-in-page" });
  });

  it("a body of another shape is a protocol error naming what is missing", async () => {
    await control.addFault({ route: "search", status: 200, body: { Users: [], NextLink: null } });
    const error = await failure(client().findContactByAddress("ann@fabrikam.com"));
    expect(error.message).toContain("Contacts is missing");
  });

  it("a contact without ContactId is a protocol error naming its index", async () => {
    await control.addFault({
      route: "search",
      status: 200,
      body: { Contacts: [{ ContactExternalEmailAddress: "x@y.com" }], NextLink: null },
    });
    expect((await failure(searchAll(client(), ""))).message).toContain("Contacts[0].ContactId is missing");
  });

  it("cancelling through the signal ends the call as aborted", async () => {
    await control.addFault({ route: "search", latencyMs: 3000 });
    const controller = new AbortController();
    const pending = failure(client().findContactByAddress("ann@fabrikam.com", { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ kind: "aborted" });
  });
});

describe("authentication", () => {
  class CountingTokenProvider implements TokenProvider {
    readonly requests: TokenRequest[] = [];
    constructor(private readonly tokens: string[]) {}
    async getToken(request: TokenRequest = {}): Promise<string> {
      this.requests.push(request);
      return this.tokens[Math.min(this.requests.length - 1, this.tokens.length - 1)]!;
    }
  }

  it("an expired token is refreshed silently once and the call succeeds", async () => {
    await reset({ contacts: [{ ContactExternalEmailAddress: "ann@fabrikam.com" }] });
    const tokens = new CountingTokenProvider(["itest-expired-token-0000", ADMIN_TOKEN]);
    expect(await client({ tokens }).findContactByAddress("ann@fabrikam.com")).not.toBeNull();
    expect(tokens.requests.map((request) => request.forceRefresh === true)).toEqual([false, true]);
    expect((await apiCalls("search")).map((request) => request.status)).toEqual([401, 200]);
  });

  it("a token refused twice is unauthenticated, in every error body shape", async () => {
    for (const errorBody of ["odata", "message", "string", "html"] as const) {
      await reset({ variants: { errorBody } });
      const error = await failure(
        searchAll(client({ tokens: new FixedTokenProvider("itest-unknown-token-1111") }), ""),
      );
      expect(error).toMatchObject({ kind: "unauthenticated", status: 401 });
      expect(await apiCalls("search")).toHaveLength(2);
    }
  });
});

describe("AdminCenterDirectory over the emulator", () => {
  it("unwraps the mail tip Exchange stores as HTML and does not send the wrapper back", async () => {
    await reset({
      variants: { mailTipHtml: true },
      contacts: [
        {
          ContactName: "Ann",
          ContactExternalEmailAddress: "ann@fabrikam.com",
          ContactMailTip: "Fabrikam & co <sales>",
        },
      ],
    });
    const directory = new AdminCenterDirectory(client());
    const contact = await directory.findByAddress("ann@fabrikam.com");
    expect(contact?.mailTip).toBe("Fabrikam & co <sales>");
    expect((contact?.raw as ContactRecord).ContactMailTip).toMatch(/^<html><body>/i);
    const updated = await directory.updateOptions(contact!, { hiddenFromAddressLists: true });
    expect(updated).toMatchObject({ mailTip: "Fabrikam & co <sales>", hiddenFromAddressLists: true });
    expect(await storedContact("ann@fabrikam.com")).toMatchObject({
      ContactMailTip: "Fabrikam & co <sales>",
      ContactHiddenFromAddressListsEnabled: true,
    });
  });

  it("creates, then sets company and mail tip, keeping fields it did not change", async () => {
    await reset({ variants: { createResponse: "ack" } });
    const directory = new AdminCenterDirectory(client());
    const created = await directory.create({
      name: "Ann Smith",
      displayName: "Ann Smith",
      firstName: "Ann",
      lastName: "Smith",
      address: "ann@fabrikam.com",
      company: "Fabrikam",
      title: "CTO",
      phone: "+1 555 0100",
      mobilePhone: "",
      fax: "",
      webPage: "",
      mailTip: "External: Fabrikam",
      hiddenFromAddressLists: false,
    });
    expect(created).toBeNull();
    const found = await directory.findByAddress("ann@fabrikam.com");
    expect(found).toMatchObject({
      company: "",
      title: "CTO",
      phone: "+1 555 0100",
      mailTip: "External: Fabrikam",
    });
    const general = await directory.updateGeneral(found!, { company: "Fabrikam" });
    expect(general).toMatchObject({ company: "Fabrikam", title: "CTO", phone: "+1 555 0100" });
    await directory.updateOptions(general, { mailTip: "Partner: Fabrikam" });
    expect(await directory.findByAddress("ann@fabrikam.com")).toMatchObject({
      company: "Fabrikam",
      title: "CTO",
      mailTip: "Partner: Fabrikam",
      adminCenterUrl: expect.stringContaining(found!.id),
    });
  });
});
