/**
 * The emulator's control surface over real HTTP: variants, faults, latency, replication
 * lag, concurrency, the request log, settings, reset, and scale.
 */
import type { ContactRecord } from "../../src/admin-api/wire";
import { EXCHANGE_MESSAGES, EXCHANGE_MESSAGE_PATTERNS } from "../../src/contacts/exchange-rules";
import { EmulatorControl } from "../../src/emulator/control-client";
import { SIGN_IN_PAGE_HTML } from "../../src/emulator/responses";
import {
  DEMO_TOKENS,
  startEmulator,
  type EmulatorSeed,
  type RunningEmulator,
} from "../../src/emulator/server";
import { syntheticContactId } from "../../src/emulator/synthetic-contacts";
import {
  asSearchResult,
  callApi,
  callPath,
  createBody,
  odataMessage,
  pause,
  search,
  type RawReply,
} from "./emulator-test-support";

const ANNA_ID = "44444444-4444-4444-8444-444444444444";

const SEED: EmulatorSeed = {
  contacts: [
    {
      ContactId: ANNA_ID,
      ContactName: "Anna Karenina",
      ContactExternalEmailAddress: "anna@railway.example",
      ContactMailTip: "Travels often.",
    },
  ],
  recipients: [{ address: "boss@ourorg.example", name: "The Boss", kind: "mailbox" }],
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

function createNew(address: string, displayName: string): Promise<RawReply> {
  return callApi(
    emulator.url,
    "create",
    createBody({ ContactDisplayName: displayName, ContactExternalEmailAddress: address }),
  );
}

/** Resolves once the request log holds `count` entries (the requests have arrived). */
async function waitForArrivals(count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await control.requests()).length >= count) return;
    await pause(10);
  }
  throw new Error(`only ${(await control.requests()).length} of ${count} requests arrived`);
}

/** Settles to "settled" or "pending" without waiting for the promise. */
async function stateOf(promise: Promise<unknown>): Promise<"settled" | "pending"> {
  const pending = Symbol("pending");
  const winner = await Promise.race([
    promise.then(
      () => "settled" as const,
      () => "settled" as const,
    ),
    Promise.resolve(pending),
  ]);
  return winner === pending ? "pending" : "settled";
}

describe("variants", () => {
  it("createResponse ack: a bare acknowledgement without id, contact stored", async () => {
    await control.updateSettings({ variants: { createResponse: "ack" } });
    const reply = await createNew("ack@x.example", "Ack Person");
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ Succeeded: true });
    expect((await control.contacts()).map((contact) => contact.ContactExternalEmailAddress)).toContain(
      "ack@x.example",
    );
  });

  it("createResponse empty: 200 with an empty body", async () => {
    await control.updateSettings({ variants: { createResponse: "empty" } });
    const reply = await createNew("empty@x.example", "Empty Person");
    expect(reply.status).toBe(200);
    expect(reply.text).toBe("");
    expect(await control.contacts()).toHaveLength(2);
  });

  it("errorBody odata (default): {error: {code, message}}", async () => {
    const reply = await createNew("anna@railway.example", "Anna Two");
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.json).toEqual({
      error: {
        code: "InvalidArgument",
        message: EXCHANGE_MESSAGES.proxyAddressInUse("anna@railway.example", "Anna Karenina"),
      },
    });
  });

  it("errorBody message: {Message}", async () => {
    await control.updateSettings({ variants: { errorBody: "message" } });
    const reply = await createNew("boss@ourorg.example", "Not The Boss");
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      Message: EXCHANGE_MESSAGES.proxyAddressInUse("boss@ourorg.example", "The Boss"),
    });
  });

  it("errorBody string: the message as plain text", async () => {
    await control.updateSettings({ variants: { errorBody: "string" } });
    const reply = await createNew("fresh@x.example", "The Boss");
    expect(reply.status).toBe(400);
    expect(reply.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(reply.text).toBe(EXCHANGE_MESSAGES.nameInUse("The Boss"));
    expect(reply.text).toMatch(EXCHANGE_MESSAGE_PATTERNS.nameInUse);
  });

  it("errorBody html: a sign-in page with the same status", async () => {
    await control.updateSettings({ variants: { errorBody: "html" } });
    const reply = await search(emulator.url, "", "", { token: null });
    expect(reply.status).toBe(401);
    expect(reply.headers.get("content-type")).toMatch(/^text\/html/);
    expect(reply.text).toContain("Sign in to your account");
  });

  it("mailTipHtml: reads wrap the tip, storage keeps it plain, sending it back is idempotent", async () => {
    await control.updateSettings({ variants: { mailTipHtml: true } });
    const [anna] = asSearchResult(await search(emulator.url, "anna")).Contacts;
    expect(anna?.ContactMailTip).toBe("<html><body>Travels often.</body></html>");
    const reply = await callApi(emulator.url, "updateOptions", {
      ...anna,
      ContactHiddenFromAddressListsEnabled: true,
    });
    expect((reply.json as ContactRecord).ContactMailTip).toBe("<html><body>Travels often.</body></html>");
    const [stored] = await control.contacts();
    expect(stored?.ContactMailTip).toBe("Travels often.");
    expect(stored?.ContactHiddenFromAddressListsEnabled).toBe(true);
  });

  it("mailTipHtml also applies to the created contact returned by create", async () => {
    await control.updateSettings({ variants: { mailTipHtml: true } });
    const reply = await callApi(
      emulator.url,
      "create",
      createBody({
        ContactDisplayName: "Tipped",
        ContactExternalEmailAddress: "tip@x.example",
        ContactMailTip: "Hi.",
      }),
    );
    expect((reply.json as ContactRecord).ContactMailTip).toBe("<html><body>Hi.</body></html>");
  });
});

describe("faults", () => {
  it("throttles with status and Retry-After for `times` requests, then answers normally", async () => {
    await control.addFault({ route: "search", times: 2, status: 429, headers: { "Retry-After": "1" } });
    for (let attempt = 0; attempt < 2; attempt++) {
      const throttled = await search(emulator.url, "");
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get("retry-after")).toBe("1");
      expect(odataMessage(throttled)).toMatch(/too many requests/i);
    }
    expect((await search(emulator.url, "")).status).toBe(200);
  });

  it("uses the fault's own body: a string (HTML sign-in page with 200) or JSON", async () => {
    await control.addFault({ route: "search", status: 200, body: SIGN_IN_PAGE_HTML });
    await control.addFault({ route: "search", status: 503, body: { Message: "Backend down" } });
    const signIn = await search(emulator.url, "");
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("content-type")).toMatch(/^text\/html/);
    expect(signIn.text).toBe(SIGN_IN_PAGE_HTML);
    const down = await search(emulator.url, "");
    expect(down.status).toBe(503);
    expect(down.json).toEqual({ Message: "Backend down" });
  });

  it("consumes faults in order and only for their route; * matches every route", async () => {
    await control.addFault({ route: "create", status: 500 });
    await control.addFault({ route: "*", status: 503 });
    await control.addFault({ route: "search", status: 429 });
    // search skips the create fault and takes the * fault (queued before its own).
    expect((await search(emulator.url, "")).status).toBe(503);
    expect((await search(emulator.url, "")).status).toBe(429);
    expect((await search(emulator.url, "")).status).toBe(200);
    expect((await createNew("f@x.example", "F")).status).toBe(500);
    expect(await control.contacts()).toHaveLength(1);
  });

  it("DELETE /__emulator/faults clears pending faults", async () => {
    await control.addFault({ route: "*", times: 5, status: 503 });
    await control.clearFaults();
    expect((await search(emulator.url, "")).status).toBe(200);
  });

  it("drop: destroys the connection without a response", async () => {
    await control.addFault({ route: "search", drop: true });
    await expect(search(emulator.url, "")).rejects.toThrow();
    expect((await search(emulator.url, "")).status).toBe(200);
    expect((await control.requests()).map((entry) => entry.status)).toEqual([0, 200]);
  });

  it("latency: the answer waits while the request has already arrived", async () => {
    await control.addFault({ route: "search", latencyMs: 2000 });
    const slow = search(emulator.url, "");
    await waitForArrivals(1);
    expect(await stateOf(slow)).toBe("pending");
    expect((await control.requests())[0]?.status).toBe(0);
    expect((await slow).status).toBe(200);
    expect((await control.requests())[0]?.status).toBe(200);
  });

  it("afterApply on create: the contact exists although the caller saw 503; a retry gets the proxy error", async () => {
    await control.addFault({
      route: "create",
      afterApply: true,
      status: 503,
      headers: { "Retry-After": "2" },
    });
    const failed = await createNew("ambiguous@x.example", "Ambiguous Person");
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("2");
    expect((await control.contacts()).map((contact) => contact.ContactExternalEmailAddress)).toContain(
      "ambiguous@x.example",
    );
    const retried = await createNew("ambiguous@x.example", "Ambiguous Person");
    expect(retried.status).toBe(400);
    expect(odataMessage(retried)).toMatch(EXCHANGE_MESSAGE_PATTERNS.proxyAddressInUse);
  });

  it("afterApply with drop on an update: applied, connection dropped", async () => {
    await control.addFault({ route: "updateOptions", afterApply: true, drop: true });
    await expect(
      callApi(emulator.url, "updateOptions", { ContactId: ANNA_ID, ContactMailTip: "Changed anyway." }),
    ).rejects.toThrow();
    expect((await control.contacts())[0]?.ContactMailTip).toBe("Changed anyway.");
  });

  it("afterApply defaults to 500 and does not mask the route's own error", async () => {
    await control.addFault({ route: "updateGeneral", afterApply: true, times: 2 });
    const applied = await callApi(emulator.url, "updateGeneral", {
      ContactId: ANNA_ID,
      ContactTitle: "Countess",
    });
    expect(applied.status).toBe(500);
    expect((await control.contacts())[0]?.ContactTitle).toBe("Countess");
    const missing = await callApi(emulator.url, "updateGeneral", { ContactId: "gone", ContactTitle: "x" });
    expect(missing.status).toBe(404);
  });

  it("refuses an invalid fault with 400", async () => {
    const response = await fetch(`${emulator.url}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ route: "delete", status: 500 }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/route/);
  });
});

/** One read per API the emulator plays, and the fault route that names it. */
const READS = [
  {
    api: "admin center",
    route: "search" as const,
    afterApplyStrikes: true,
    call: () => search(emulator.url, ""),
  },
  {
    api: "Exchange",
    route: "Get-MailContact" as const,
    // Exchange's handler keeps after-apply faults for its writes: a read has no change to keep.
    afterApplyStrikes: false,
    call: () =>
      callPath(
        emulator.url,
        "POST",
        "/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand",
        { CmdletInput: { CmdletName: "Get-MailContact", Parameters: {} } },
        { token: DEMO_TOKENS.exchangeAdmin },
      ),
  },
  {
    api: "Graph",
    route: "graphMessages" as const,
    afterApplyStrikes: true,
    call: () =>
      callPath(emulator.url, "GET", "/v1.0/me/mailFolders/inbox/messages", undefined, {
        token: DEMO_TOKENS.graph,
      }),
  },
];

describe.each(READS)("one fault path: $api", ({ route, call, afterApplyStrikes }) => {
  it("a status fault answers with its headers, recorded; then the call is answered normally", async () => {
    await control.addFault({ route, status: 503, headers: { "Retry-After": "4" } });
    const refused = await call();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("4");
    expect((await call()).status).toBe(200);
    expect((await control.requests()).map((entry) => entry.status)).toEqual([503, 200]);
  });

  it("a drop is recorded without a status; latency keeps the recorded call pending, then answered", async () => {
    await control.addFault({ route, drop: true });
    await expect(call()).rejects.toThrow();
    await control.updateSettings({ latencyMs: 1500 });
    const slow = call();
    await waitForArrivals(2);
    expect(await stateOf(slow)).toBe("pending");
    expect((await slow).status).toBe(200);
    expect((await control.requests()).map((entry) => entry.status)).toEqual([0, 200]);
  });

  it("an after-apply fault answers once the call was applied (where the API's handler keeps it for reads)", async () => {
    await control.addFault({ route, afterApply: true, status: 502 });
    const status = afterApplyStrikes ? 502 : 200;
    expect((await call()).status).toBe(status);
    expect((await control.requests()).map((entry) => entry.status)).toEqual([status]);
  });
});

describe("latency setting and replication lag", () => {
  it("latencyMs delays every API answer", async () => {
    await control.updateSettings({ latencyMs: 2000 });
    const slow = search(emulator.url, "");
    await waitForArrivals(1);
    expect(await stateOf(slow)).toBe("pending");
    expect((await slow).status).toBe(200);
  });

  it("a new contact is invisible to search and 404 to both PUTs inside the lag, yet stored", async () => {
    await control.updateSettings({ replicationLagMs: 600_000 });
    const created = (await createNew("lagging@x.example", "Lagging Person")).json as ContactRecord;
    expect(asSearchResult(await search(emulator.url, "lagging")).Contacts).toEqual([]);
    const general = await callApi(emulator.url, "updateGeneral", { ...created, ContactCompany: "Later" });
    expect(general.status).toBe(404);
    const options = await callApi(emulator.url, "updateOptions", { ...created, ContactMailTip: "Later" });
    expect(options.status).toBe(404);
    expect((await control.contacts()).map((contact) => contact.ContactId)).toContain(created.ContactId);
    // Its address is taken all the same.
    expect((await createNew("lagging@x.example", "Lagging Again")).status).toBe(400);
  });

  it("a new contact becomes visible and writable once the lag has passed", async () => {
    await control.reset({ ...SEED, replicationLagMs: 150 });
    const created = (await createNew("soon@x.example", "Soon Visible")).json as ContactRecord;
    let found: ContactRecord[] = [];
    for (let attempt = 0; attempt < 100 && found.length === 0; attempt++) {
      found = asSearchResult(await search(emulator.url, "soon@")).Contacts;
      if (found.length === 0) await pause(50);
    }
    expect(found.map((contact) => contact.ContactId)).toEqual([created.ContactId]);
    const general = await callApi(emulator.url, "updateGeneral", { ...created, ContactCompany: "Now" });
    expect(general.status).toBe(200);
  });
});

describe("concurrency", () => {
  it("two simultaneous creates of one address leave one contact; the other gets the proxy-address error", async () => {
    await control.updateSettings({ latencyMs: 100 });
    const replies = await Promise.all([
      createNew("twin@x.example", "Twin One"),
      createNew("twin@x.example", "Twin Two"),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 400]);
    const refused = replies.find((reply) => reply.status === 400) as RawReply;
    expect(odataMessage(refused)).toMatch(EXCHANGE_MESSAGE_PATTERNS.proxyAddressInUse);
    const twins = (await control.contacts()).filter(
      (contact) => contact.ContactExternalEmailAddress === "twin@x.example",
    );
    expect(twins).toHaveLength(1);
  });

  it("two simultaneous creates of one Name: one wins, the other gets the name error", async () => {
    await control.updateSettings({ latencyMs: 100 });
    const replies = await Promise.all([
      createNew("a@x.example", "Same Name"),
      createNew("b@x.example", "Same Name"),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 400]);
    expect(odataMessage(replies.find((reply) => reply.status === 400) as RawReply)).toBe(
      EXCHANGE_MESSAGES.nameInUse("Same Name"),
    );
  });
});

describe("request log", () => {
  it("records every /admin/api call in order, without tokens or bodies; control calls are not in it", async () => {
    await search(emulator.url, "secret-search-term", "", { requestId: "r-1" });
    await createNew("logged@x.example", "Logged Person");
    await callApi(
      emulator.url,
      "updateOptions",
      { ContactId: ANNA_ID, ContactMailTip: "x" },
      { token: DEMO_TOKENS.readOnly },
    );
    await callPath(emulator.url, "GET", "/admin/api/Nope", undefined);
    await control.contacts();
    const response = await fetch(`${emulator.url}/__emulator/requests`);
    const text = await response.text();
    const { Requests } = JSON.parse(text) as { Requests: Array<Record<string, unknown>> };
    expect(Requests.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: "POST", path: "/admin/api/Contact/GetContacts", status: 200 },
      { method: "POST", path: "/admin/api/Contact", status: 200 },
      { method: "PUT", path: "/admin/api/Contact/options", status: 403 },
      { method: "GET", path: "/admin/api/Nope", status: 404 },
    ]);
    for (const entry of Requests) {
      expect(Object.keys(entry).sort()).toEqual(["at", "method", "path", "requestId", "status"]);
      expect(new Date(entry.at as string).toISOString()).toBe(entry.at);
    }
    expect(Requests[0]?.requestId).toBe("r-1");
    expect(text).not.toContain(DEMO_TOKENS.admin);
    expect(text).not.toContain(DEMO_TOKENS.readOnly);
    expect(text).not.toContain("secret-search-term");
    expect(text).not.toContain("logged@x.example");
  });

  it("is emptied by reset", async () => {
    await search(emulator.url, "");
    await control.reset(SEED);
    expect(await control.requests()).toEqual([]);
    expect(emulator.requests()).toEqual([]);
  });

  it("the log callback gets one line per request, without token or body", async () => {
    const lines: string[] = [];
    const logged = await startEmulator({ port: 0, seed: SEED, log: (line) => lines.push(line) });
    try {
      await search(logged.url, "secret-search-term", "", { requestId: "line-1" });
      await callApi(logged.url, "create", createBody({ ContactExternalEmailAddress: "x@y.example" }), {
        token: "wrong-token-value",
      });
    } finally {
      await logged.close();
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^POST \/admin\/api\/Contact\/GetContacts 200 \d+ms line-1$/);
    expect(lines[1]).toMatch(/^POST \/admin\/api\/Contact 401 \d+ms [0-9a-f-]{36}$/);
    const all = lines.join("\n");
    for (const secret of [DEMO_TOKENS.admin, "wrong-token-value", "secret-search-term", "x@y.example"]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe("settings and reset", () => {
  it("settings change page size and variants without clearing data, faults or the log", async () => {
    await createNew("kept@x.example", "Kept Person");
    await control.addFault({ route: "search", status: 503 });
    await control.updateSettings({ pageSize: 1, variants: { errorBody: "message" } });
    expect(await control.settings()).toEqual({
      latencyMs: 0,
      replicationLagMs: 0,
      pageSize: 1,
      variants: {
        createResponse: "contact",
        errorBody: "message",
        mailTipHtml: false,
        exchangeNotFoundStatus: 404,
        throttling: "off",
      },
    });
    const faulted = await search(emulator.url, "");
    expect(faulted.status).toBe(503);
    expect(faulted.json).toHaveProperty("Message");
    const page = asSearchResult(await search(emulator.url, ""));
    expect(page.Contacts).toHaveLength(1);
    expect(page.NextLink).not.toBeNull();
    expect(await control.contacts()).toHaveLength(2);
    expect((await control.requests()).length).toBe(3);
  });

  it("refuses unknown settings with 400", async () => {
    const response = await fetch(`${emulator.url}/__emulator/settings`, {
      method: "POST",
      body: JSON.stringify({ pageSize: 0, colour: "red" }),
    });
    expect(response.status).toBe(400);
  });

  it("reset gives seeded contacts without a ContactId the same ids every time (the demo's 'New' marks rely on it)", async () => {
    const seed: EmulatorSeed = {
      contacts: [
        { ContactName: "Bo", ContactExternalEmailAddress: "bo@x.example" },
        { ContactName: "Cy", ContactExternalEmailAddress: "cy@x.example" },
      ],
    };
    await control.reset(seed);
    const first = (await control.contacts()).map((contact) => contact.ContactId);
    await createNew("n@x.example", "N");
    await control.reset(seed);
    const again = (await control.contacts()).map((contact) => contact.ContactId);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);
    for (const id of first)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("reset clears faults and applies the seed's variants", async () => {
    await control.addFault({ route: "*", times: 10, status: 503 });
    await control.reset({ ...SEED, variants: { createResponse: "ack" } });
    expect((await createNew("n@x.example", "N")).json).toEqual({ Succeeded: true });
  });

  it("an invalid seed is refused with 400 and leaves the current state alone", async () => {
    await createNew("survivor@x.example", "Survivor");
    const invalid = await fetch(`${emulator.url}/__emulator/reset`, {
      method: "POST",
      body: JSON.stringify({ pageSize: "big" }),
    });
    expect(invalid.status).toBe(400);
    const duplicate = await fetch(`${emulator.url}/__emulator/reset`, {
      method: "POST",
      body: JSON.stringify({
        contacts: [{ ContactExternalEmailAddress: "a@x.example" }],
        recipients: [{ address: "A@x.example", name: "Mailbox A", kind: "mailbox" }],
      }),
    });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toMatch(/duplicate address/);
    expect(await control.contacts()).toHaveLength(2);
  });

  it("the in-process handle resets, adds faults and changes settings like the HTTP surface", async () => {
    emulator.reset({ contacts: [{ ContactExternalEmailAddress: "only@x.example" }] });
    expect(emulator.contacts().map((contact) => contact.ContactName)).toEqual(["only"]);
    emulator.addFault({ route: "search", status: 418 });
    expect((await search(emulator.url, "")).status).toBe(418);
    emulator.updateSettings({ pageSize: 7 });
    expect(emulator.settings().pageSize).toBe(7);
    emulator.clearFaults();
  });
});

describe("scale", () => {
  it("seeds 100,000 synthetic contacts and still searches and pages them", async () => {
    await control.reset({ generateContacts: 100_000, pageSize: 50 });
    const first = asSearchResult(await search(emulator.url, ""));
    expect(first.Contacts).toHaveLength(50);
    const second = asSearchResult(await search(emulator.url, "", first.NextLink ?? ""));
    const keys = [...first.Contacts, ...second.Contacts].map((contact) =>
      (contact.ContactName ?? "").toLowerCase(),
    );
    expect(new Set(keys).size).toBe(100);
    expect([...keys].sort()).toEqual(keys);

    // The last synthetic contact is writable by its id and found, alone, by its address.
    const updated = await callApi(emulator.url, "updateGeneral", {
      ContactId: syntheticContactId(100_000),
      ContactTitle: "Last One",
    });
    expect(updated.status).toBe(200);
    const last = updated.json as ContactRecord;
    const found = asSearchResult(await search(emulator.url, last.ContactExternalEmailAddress)).Contacts;
    expect(found).toEqual([last]);

    const created = await createNew("brand.new@x.example", "Brand New");
    expect(created.status).toBe(200);
  }, 60_000);
});
