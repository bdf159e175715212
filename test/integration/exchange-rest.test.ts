/**
 * ExchangeRestDirectory and its client over real HTTP against the emulator's InvokeCommand:
 * exact lookups, holders, create-then-update, the seam's error kinds and reasons, paging,
 * warnings, token audience, routing headers. State is checked through the emulator's own
 * view (emulator.contacts(), emulator.requests()) and through the admin center route: one store.
 */
import type { TokenProvider, TokenRequest } from "../../src/auth/token-provider";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import type { NewMailContact } from "../../src/contacts/directory";
import { DirectoryError } from "../../src/contacts/directory-error";
import { ExchangeRestClient, type ExchangeRestClientOptions } from "../../src/exchange-rest/client";
import { ExchangeRestDirectory } from "../../src/exchange-rest/directory";
import { opathQuote, parseEqualsFilter } from "../../src/exchange-rest/wire";
import {
  DEMO_TOKENS,
  startEmulator,
  type EmulatorSeed,
  type RunningEmulator,
} from "../../src/emulator/server";
import { createRelayHandler } from "../../src/server/relay";
import { callApi } from "./emulator-test-support";
import { startStandaloneRelay } from "./relay-harness";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});

const TENANT = "contoso.onmicrosoft.com";
const ADDRESS = "ada@analytical.example";

function clientFor(options: Partial<ExchangeRestClientOptions> = {}): ExchangeRestClient {
  return new ExchangeRestClient({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider(DEMO_TOKENS.exchangeAdmin),
    tenant: TENANT,
    user: "admin@contoso.onmicrosoft.com",
    timeoutMs: 5000,
    // One attempt: these tests map single answers; the retry tests below turn retries on.
    retry: { maxAttempts: 1 },
    ...options,
  });
}

function directoryFor(options: Partial<ExchangeRestClientOptions> = {}, now?: () => number) {
  return new ExchangeRestDirectory(clientFor(options), now ? { now } : {});
}

function reset(seed: EmulatorSeed = {}) {
  emulator.reset(seed);
}

function newContact(overrides: Partial<NewMailContact> = {}): NewMailContact {
  return {
    name: "Ada Lovelace",
    displayName: "Ada Lovelace",
    firstName: "Ada",
    lastName: "Lovelace",
    address: ADDRESS,
    company: "",
    title: "",
    phone: "",
    mobilePhone: "",
    fax: "",
    webPage: "",
    mailTip: "",
    hiddenFromAddressLists: false,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<DirectoryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DirectoryError) return error;
    throw error;
  }
  throw new Error("expected a DirectoryError");
}

function lookAlikes(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    ContactExternalEmailAddress: `ada@analytical.example${index}.evil.example`,
    ContactName: `Ada look-alike ${index}`,
  }));
}

describe("findByAddress", () => {
  it("finds the one contact among 45 look-alikes with a single Get-MailContact", async () => {
    reset({
      contacts: [{ ContactExternalEmailAddress: ADDRESS, ContactName: "Ada Lovelace" }, ...lookAlikes(45)],
      pageSize: 5,
    });
    const found = await directoryFor().findByAddress("ADA@analytical.example");
    expect(found?.address).toBe(ADDRESS);
    expect(found?.name).toBe("Ada Lovelace");
    expect(emulator.requests().map((request) => request.cmdlet)).toEqual(["Get-MailContact"]);
  });

  it("answers null for an address nobody has, in one call", async () => {
    reset({ contacts: lookAlikes(3) });
    expect(await directoryFor().findByAddress(ADDRESS)).toBeNull();
    expect(emulator.requests()).toHaveLength(1);
  });

  it("quotes hostile addresses so they match themselves and nothing else", async () => {
    const quoted = "o'brien@example.com";
    reset({
      contacts: [
        { ContactExternalEmailAddress: quoted, ContactName: "O'Brien" },
        { ContactExternalEmailAddress: "victim@example.com", ContactName: "Victim" },
      ],
    });
    const directory = directoryFor();
    expect((await directory.findByAddress(quoted))?.name).toBe("O'Brien");
    // An injection attempt is a literal value that no contact has.
    expect(await directory.findByAddress("x' -or ExternalEmailAddress -like '*")).toBeNull();
    expect(await directory.findByAddress("victim@example.com' -or Name -eq 'Victim")).toBeNull();
  });

  it("does not see a contact inside its replication lag", async () => {
    reset({ replicationLagMs: 60_000 });
    const directory = directoryFor();
    await directory.create(newContact());
    expect(await directory.findByAddress(ADDRESS)).toBeNull();
  });
});

describe("opath quoting", () => {
  it.each([
    "plain@example.com",
    "o'brien@example.com",
    "''@x.example",
    "a`$\"b'@x.example",
    "'; Remove-Mailbox x; '",
  ])("round-trips %p through parseEqualsFilter", (value) => {
    expect(parseEqualsFilter(`ExternalEmailAddress -eq ${opathQuote(value)}`)).toEqual({
      property: "ExternalEmailAddress",
      value,
    });
  });
});

describe("findHolder", () => {
  beforeEach(() =>
    reset({
      contacts: [{ ContactExternalEmailAddress: "contact@partner.example", ContactName: "Partner Contact" }],
      recipients: [
        { address: "guest@partner.example", name: "Guest Person", kind: "guest" },
        { address: "staff@contoso.example", name: "Staff Member", kind: "mailbox" },
        { address: "team@contoso.example", name: "The Team", kind: "group" },
        { address: "mu@partner.example", name: "Mail User", kind: "mail-user" },
      ],
    }),
  );

  it.each([
    ["guest@partner.example", { name: "Guest Person", kind: "guest" }],
    ["STAFF@contoso.example", { name: "Staff Member", kind: "mailbox" }],
    ["team@contoso.example", { name: "The Team", kind: "group" }],
    ["mu@partner.example", { name: "Mail User", kind: "mail-user" }],
    ["contact@partner.example", { name: "Partner Contact", kind: "contact" }],
  ])("names who holds %s", async (address, holder) => {
    expect(await directoryFor().findHolder(address)).toEqual(holder);
  });

  it("answers null when nobody holds the address", async () => {
    expect(await directoryFor().findHolder("free@nowhere.example")).toBeNull();
  });
});

describe("create, then update", () => {
  it("creates through InvokeCommand; the admin center route sees the same contact", async () => {
    reset();
    const directory = directoryFor();
    const created = await directory.create(newContact());
    expect(created).toMatchObject({ address: ADDRESS, name: "Ada Lovelace", displayName: "Ada Lovelace" });
    const seen = await callApi(emulator.url, "search", { SearchString: "ada@", NextLink: "" });
    expect(
      (seen.json as { Contacts: Array<{ ContactId: string }> }).Contacts.map((c) => c.ContactId),
    ).toEqual([created!.id]);
  });

  it("sees a contact created through the admin center route", async () => {
    reset();
    await callApi(emulator.url, "create", {
      ContactExternalEmailAddress: ADDRESS,
      ContactDisplayName: "Ada via admin center",
      selected: false,
    });
    expect((await directoryFor().findByAddress(ADDRESS))?.displayName).toBe("Ada via admin center");
  });

  it("sets general fields with Set-Contact and options with Set-MailContact, sending only what changes", async () => {
    reset();
    const directory = directoryFor();
    const created = (await directory.create(newContact()))!;
    const general = await directory.updateGeneral(created, {
      company: "Analytical Engines",
      title: "Countess",
    });
    expect(general).toMatchObject({ company: "Analytical Engines", title: "Countess", firstName: "Ada" });
    const options = await directory.updateOptions(general, {
      mailTip: "External: Analytical Engines",
      hiddenFromAddressLists: true,
    });
    expect(options).toMatchObject({
      company: "Analytical Engines",
      mailTip: "External: Analytical Engines",
      hiddenFromAddressLists: true,
    });

    const [stored] = emulator.contacts();
    expect(stored).toMatchObject({
      ContactCompany: "Analytical Engines",
      ContactTitle: "Countess",
      ContactMailTip: "External: Analytical Engines",
      ContactHiddenFromAddressListsEnabled: true,
    });
    // A fresh read: the verdict (1 call) has no company; readDetails reads it with Get-Contact.
    const read = (await directory.findByAddress(ADDRESS))!;
    expect(read.mailTip).toBe("External: Analytical Engines");
    expect((await directory.readDetails(read)).company).toBe("Analytical Engines");
    expect(emulator.requests().map((request) => request.cmdlet)).toEqual([
      "New-MailContact",
      "Set-Contact",
      "Set-MailContact",
      "Get-MailContact",
      "Get-Contact",
    ]);
  });

  it("skips an update with nothing to change", async () => {
    reset();
    const directory = directoryFor();
    const created = (await directory.create(newContact()))!;
    await directory.updateGeneral(created, {});
    await directory.updateOptions(created, {});
    expect(emulator.requests()).toHaveLength(1);
  });

  it("reports Exchange's warnings", async () => {
    reset();
    const warnings: string[] = [];
    const directory = directoryFor({ onWarnings: (_cmdlet, list) => warnings.push(...list) });
    const created = (await directory.create(newContact()))!;
    await directory.updateOptions(created, { hiddenFromAddressLists: false });
    expect(warnings).toEqual([expect.stringContaining("no settings of 'Ada Lovelace' have been modified")]);
  });
});

describe("errors on the seam", () => {
  it("an address held by a guest: conflict, address-held-by, named from Exchange's text; findHolder knows the kind", async () => {
    reset({ recipients: [{ address: ADDRESS, name: "Ada (guest)", kind: "guest" }] });
    const directory = directoryFor();
    const error = await failure(directory.create(newContact()));
    expect(error).toMatchObject({ kind: "conflict", reason: "address-held-by", operation: "create" });
    expect(error.holder).toEqual({ name: "Ada (guest)", kind: "other" });
    expect(await directory.findHolder(ADDRESS)).toEqual({ name: "Ada (guest)", kind: "guest" });
  });

  it("a Name already used: conflict, name-taken", async () => {
    reset({ contacts: [{ ContactExternalEmailAddress: "other@x.example", ContactName: "Ada Lovelace" }] });
    expect(await failure(directoryFor().create(newContact()))).toMatchObject({
      kind: "conflict",
      reason: "name-taken",
    });
  });

  it.each([404, 400] as const)(
    "a Set-* not-found (status %i) right after our create is not-visible-yet; later it is deleted",
    async (status) => {
      reset({ replicationLagMs: 60_000, variants: { exchangeNotFoundStatus: status } });
      let now = 1_000_000;
      const directory = directoryFor({}, () => now);
      const created = (await directory.create(newContact()))!;
      expect(await failure(directory.updateGeneral(created, { company: "X" }))).toMatchObject({
        kind: "not-found",
        reason: "not-visible-yet",
        operation: "updateGeneral",
      });
      now += 10 * 60_000;
      expect(await failure(directory.updateOptions(created, { mailTip: "x" }))).toMatchObject({
        kind: "not-found",
        reason: "deleted",
      });
    },
  );

  it("a token for another resource (the admin center's) gets 401: unauthenticated, after one refresh", async () => {
    reset();
    const requests: TokenRequest[] = [];
    const tokens: TokenProvider = {
      getToken: async (request = {}) => {
        requests.push(request);
        return DEMO_TOKENS.admin;
      },
    };
    expect(await failure(directoryFor({ tokens }).findByAddress(ADDRESS))).toMatchObject({
      kind: "unauthenticated",
      status: 401,
    });
    expect(requests.map((request) => request.forceRefresh ?? false)).toEqual([false, true]);
  });

  it("a dir-synced contact's Set-MailContact: invalid, dir-synced; a value too long: invalid, too-long, with the field and the numbers", async () => {
    reset({ contacts: [{ ContactExternalEmailAddress: ADDRESS, ContactName: "Ada", IsDirSynced: true }] });
    const directory = directoryFor();
    const synced = (await directory.findByAddress(ADDRESS))!;
    expect(synced.dirSynced).toBe(true);
    expect(await failure(directory.updateOptions(synced, { hiddenFromAddressLists: true }))).toMatchObject({
      kind: "invalid",
      reason: "dir-synced",
    });
    reset();
    const created = (await directory.create(newContact()))!;
    expect(await failure(directory.updateGeneral(created, { company: "x".repeat(65) }))).toMatchObject({
      kind: "invalid",
      reason: "too-long",
      field: "company",
      limit: 64,
      length: 65,
    });
  });

  it("a read-only user's create: forbidden", async () => {
    reset();
    const error = await failure(
      directoryFor({ tokens: new FixedTokenProvider(DEMO_TOKENS.exchangeReadOnly) }).create(newContact()),
    );
    expect(error).toMatchObject({ kind: "forbidden", status: 403 });
    expect(emulator.contacts()).toEqual([]);
  });

  it("429 with Retry-After (fault on the cmdlet): throttled, with the wait", async () => {
    reset();
    emulator.addFault({ route: "New-MailContact", status: 429, headers: { "Retry-After": "2" } });
    expect(await failure(directoryFor().create(newContact()))).toMatchObject({
      kind: "throttled",
      retryAfterMs: 2000,
      requestId: expect.any(String),
    });
  });

  it("an admin center fault switch plays on the matching cmdlet (create → New-MailContact)", async () => {
    reset();
    emulator.addFault({ route: "create", status: 503, headers: { "Retry-After": "1" } });
    expect(await failure(directoryFor().create(newContact()))).toMatchObject({
      kind: "throttled",
      retryAfterMs: 1000,
    });
  });

  it("a 500 after the write was applied: unavailable, server-error, ambiguous", async () => {
    reset();
    emulator.addFault({ route: "New-MailContact", status: 500, afterApply: true });
    expect(await failure(directoryFor().create(newContact()))).toMatchObject({
      kind: "unavailable",
      reason: "server-error",
      ambiguous: true,
    });
    expect(emulator.contacts()).toHaveLength(1);
  });

  it("a dropped connection: unavailable, no-answer (ambiguous only for writes)", async () => {
    reset();
    emulator.addFault({ route: "*", drop: true, times: 2 });
    expect(await failure(directoryFor().findByAddress(ADDRESS))).toMatchObject({
      kind: "unavailable",
      reason: "no-answer",
      ambiguous: false,
    });
    expect(await failure(directoryFor().create(newContact()))).toMatchObject({
      reason: "no-answer",
      ambiguous: true,
    });
  });

  it("an answer without a value array: protocol", async () => {
    reset();
    emulator.addFault({ route: "Get-MailContact", status: 200, body: { Contacts: [] } });
    expect(await failure(directoryFor().findByAddress(ADDRESS))).toMatchObject({
      kind: "protocol",
      reason: "unexpected-shape",
    });
  });

  it("a sign-in page: unauthenticated, sign-in-page", async () => {
    reset();
    emulator.addFault({
      route: "Get-MailContact",
      status: 200,
      body: "<html><body>Sign in to your account</body></html>",
    });
    expect(await failure(directoryFor().findByAddress(ADDRESS))).toMatchObject({
      kind: "unauthenticated",
      reason: "sign-in-page",
    });
  });

  it("an abort: aborted", async () => {
    reset({ latencyMs: 2000 });
    const controller = new AbortController();
    const pending = directoryFor().findByAddress(ADDRESS, { signal: controller.signal });
    // Abort once the emulator holds the call: an abort before it arrives could let it land in the next test's log.
    while (emulator.requests().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await failure(pending)).toMatchObject({ kind: "aborted" });
  });
});

describe("retries (the team's one retry policy)", () => {
  function retrying(waits: number[]) {
    return directoryFor({ retry: { sleep: async (ms) => void waits.push(ms) } });
  }

  it("retries a Set-* on 503 with Retry-After and on a 500, then succeeds", async () => {
    reset();
    const waits: number[] = [];
    const directory = retrying(waits);
    const created = (await directory.create(newContact()))!;
    emulator.addFault({ route: "Set-Contact", status: 503, headers: { "Retry-After": "3" } });
    emulator.addFault({ route: "Set-Contact", status: 500 });
    await directory.updateGeneral(created, { company: "Analytical Engines" });
    expect(waits[0]).toBe(3000);
    expect(waits).toHaveLength(2);
    expect(emulator.requests().map((request) => `${request.cmdlet} ${request.status}`)).toEqual([
      "New-MailContact 200",
      "Set-Contact 503",
      "Set-Contact 500",
      "Set-Contact 200",
    ]);
  });

  it("never sends New-MailContact twice: a 503 on create is returned at once", async () => {
    reset();
    const waits: number[] = [];
    emulator.addFault({ route: "New-MailContact", status: 503, headers: { "Retry-After": "1" } });
    expect(await failure(retrying(waits).create(newContact()))).toMatchObject({ kind: "throttled" });
    expect(waits).toEqual([]);
    expect(emulator.requests()).toHaveLength(1);
  });

  it("tells the listener before each wait", async () => {
    reset();
    const notices: number[] = [];
    emulator.addFault({ route: "Get-MailContact", status: 429, headers: { "Retry-After": "2" } });
    await directoryFor({
      retry: { sleep: async () => {} },
      onRetry: (notice) => notices.push(notice.delayMs),
    }).findByAddress(ADDRESS);
    expect(notices).toEqual([2000]);
  });
});

describe("secrets", () => {
  it("an error body that echoes the token, and the log lines, never carry it", async () => {
    reset();
    const echo = `Token ${DEMO_TOKENS.exchangeAdmin} is not valid for ${ADDRESS}`;
    emulator.addFault({
      route: "Get-MailContact",
      status: 400,
      body: { error: { code: "BadRequest", message: echo, details: [{ message: echo }] } },
    });
    const lines: string[] = [];
    const error = await failure(directoryFor({ logger: (line) => lines.push(line) }).findByAddress(ADDRESS));
    const visible = `${error.message} ${JSON.stringify(error)} ${lines.join("\n")}`;
    expect(visible).not.toContain(DEMO_TOKENS.exchangeAdmin);
    expect(visible).not.toContain(ADDRESS);
    expect(lines).toEqual([
      expect.stringMatching(/^exchange-rest Get-MailContact status=400 \d+ms request-id=\S+$/),
    ]);
  });
});

describe("the client", () => {
  it("follows @odata.nextLink on its own base URL until the last page", async () => {
    reset({ generateContacts: 7, pageSize: 3 });
    const result = await clientFor().invoke("Get-MailContact", {}, { operation: "findByAddress" });
    expect(result.objects).toHaveLength(7);
    expect(emulator.requests().map((request) => request.path)).toEqual([
      `/adminapi/beta/${TENANT}/InvokeCommand`,
      `/adminapi/beta/${TENANT}/InvokeCommand`,
      `/adminapi/beta/${TENANT}/InvokeCommand`,
    ]);
  });

  it("sends X-AnchorMailbox for the user, a request id, and takes the tenant from the token's tid", async () => {
    const payload = Buffer.from(
      JSON.stringify({ tid: "11111111-2222-3333-4444-555555555555", upn: "admin@contoso.example" }),
    ).toString("base64url");
    const token = `eyJhbGciOiJub25lIn0.${payload}.sig`;
    reset({ tokens: [{ token, role: "admin", resource: "exchange" }] });
    const seen: Array<Record<string, string>> = [];
    const client = clientFor({
      tokens: new FixedTokenProvider(token),
      tenant: undefined,
      user: undefined,
      fetch: (input, init) => {
        seen.push(init.headers as Record<string, string>);
        return fetch(input, init);
      },
    });
    await client.invoke(
      "Get-Recipient",
      { Filter: "EmailAddresses -eq 'smtp:x@y.example'" },
      { operation: "findHolder" },
    );
    expect(seen[0]).toMatchObject({
      "X-AnchorMailbox": "UPN:admin@contoso.example",
      "client-request-id": expect.any(String),
    });
    expect(emulator.requests()[0]?.path).toBe(
      "/adminapi/beta/11111111-2222-3333-4444-555555555555/InvokeCommand",
    );
  });
});

describe("through the relay", () => {
  it("pages, creates and updates through the relay's InvokeCommand route; nextLinks stay on the relay", async () => {
    reset({ generateContacts: 5, pageSize: 2 });
    const relay = createRelayHandler({ upstream: emulator.url, exchangeUpstream: emulator.url });
    const server = await startStandaloneRelay(relay);
    try {
      const client = clientFor({ baseUrl: server.url });
      expect(
        (await client.invoke("Get-MailContact", {}, { operation: "findByAddress" })).objects,
      ).toHaveLength(5);
      const directory = new ExchangeRestDirectory(client);
      const created = (await directory.create(newContact()))!;
      await directory.updateGeneral(created, { company: "Analytical Engines" });
      expect(emulator.contacts().find((c) => c.ContactId === created.id)?.ContactCompany).toBe(
        "Analytical Engines",
      );
    } finally {
      await server.close();
      relay.close();
    }
  });
});

describe("token audience on the admin center routes", () => {
  it("refuses an Exchange token on /admin/api with 401", async () => {
    reset();
    const reply = await callApi(
      emulator.url,
      "search",
      { SearchString: "", NextLink: "" },
      { token: DEMO_TOKENS.exchangeAdmin },
    );
    expect(reply.status).toBe(401);
  });
});
