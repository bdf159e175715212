/**
 * The demo server over real HTTP: its own routes, the proxied emulator control surface,
 * and the relay to the in-process emulator, with stand-in build output in temp folders.
 */
import http from "node:http";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ADMIN_API_ROUTES, type ContactRecord } from "../admin-api/wire";
import { DEMO_TOKENS } from "../emulator/seed";
import { DEMO_FAULTS, DEMO_ROUTES, DEMO_TOKEN_ROUTE } from "./demo-routes";
import { DemoSetupError, loadAddressBook, startDemo, type RunningDemo } from "./demo-server";
import type { DemoMailbox } from "./fixtures";

const ADDRESS_BOOK = path.resolve(__dirname, "../../demo/address-book.json");

let workDir: string;
let demo: RunningDemo;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "demo-server-"));
  const paneDir = path.join(workDir, "pane");
  const harnessDir = path.join(workDir, "harness");
  mkdirSync(paneDir);
  mkdirSync(harnessDir);
  writeFileSync(path.join(paneDir, "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(path.join(harnessDir, "index.html"), "<!doctype html><title>stand-in page</title>");
  writeFileSync(path.join(harnessDir, "office-stand-in.js"), "window.Office = {};");
  demo = await startDemo({ port: 0, paneDir, harnessDir });
});

afterAll(async () => {
  await demo.close();
  rmSync(workDir, { recursive: true, force: true });
});

beforeEach(() => demo.reset());

async function get(pathname: string): Promise<Response> {
  return fetch(`${demo.url}${pathname}`);
}

async function post(
  pathname: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${demo.url}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function searchAs(token: string, searchString: string): Promise<Response> {
  return post(
    ADMIN_API_ROUTES.search.path,
    { SearchString: searchString, NextLink: "" },
    { authorization: `Bearer ${token}` },
  );
}

describe("demo server", () => {
  it("serves the stand-in page at / and its scripts under /harness/, the pane at its own path", async () => {
    await expect((await get("/")).text()).resolves.toContain("stand-in page");
    const script = await get("/harness/office-stand-in.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    await expect((await get("/taskpane.html")).text()).resolves.toContain("<title>pane</title>");
    expect((await get("/harness/missing.js")).status).toBe(404);
  });

  it("lets the stand-in page frame the pane (frame-ancestors 'self')", async () => {
    const csp = (await get("/taskpane.html")).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/frame-ancestors 'self'/);
  });

  it("serves the fixture's mailbox", async () => {
    const mailbox = (await (await get(DEMO_ROUTES.mailbox)).json()) as DemoMailbox;
    expect(mailbox.user.emailAddress).toBe("megan@contoso.com");
    expect(mailbox.messages.length).toBe(demo.mailbox.messages.length);
    expect(mailbox.messages[0]?.item.itemId).toMatch(/^AAMk/);
  });

  it("stands in for Graph on its own origin: the Graph token, and 30 days of mail through the emulator", async () => {
    const { token } = (await (await get(`${DEMO_TOKEN_ROUTE}?resource=graph`)).json()) as { token: string };
    expect(token).toBe(DEMO_TOKENS.graph);
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const query = `?$select=from,receivedDateTime&$filter=${encodeURIComponent(`receivedDateTime ge ${since}`)}&$top=5`;
    const page = await fetch(`${demo.url}/v1.0/me/mailFolders/inbox/messages${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(page.status).toBe(200);
    const body = (await page.json()) as {
      value: Array<{ from: unknown; subject?: string }>;
      "@odata.nextLink"?: string;
    };
    expect(body.value).toHaveLength(5);
    expect(body.value[0]).not.toHaveProperty("subject");
    // Paged as Graph pages messages (the client follows the path and query on its own origin).
    expect(new URL(body["@odata.nextLink"] ?? "").searchParams.get("$skip")).toBe("5");
    // The directory's token is not Graph's.
    const refused = await fetch(`${demo.url}/v1.0/me/mailFolders/inbox/messages${query}`, {
      headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` },
    });
    expect(refused.status).toBe(401);
  });

  it("hands out the token of the person chosen on the page, never cached", async () => {
    const first = await get(DEMO_TOKEN_ROUTE);
    expect(first.headers.get("cache-control")).toBe("no-store");
    await expect(first.json()).resolves.toEqual({ token: DEMO_TOKENS.admin });

    const switched = await post(DEMO_ROUTES.session, { role: "readonly" });
    await expect(switched.json()).resolves.toEqual({ role: "readonly", backend: "admin-center" });
    await expect((await get(DEMO_TOKEN_ROUTE)).json()).resolves.toEqual({ token: DEMO_TOKENS.readOnly });
    await expect((await get(DEMO_ROUTES.session)).json()).resolves.toEqual({
      role: "readonly",
      backend: "admin-center",
    });

    expect((await post(DEMO_ROUTES.session, { role: "root" })).status).toBe(400);
    expect(demo.session().role).toBe("readonly");
  });

  it("switches the backend: Exchange tokens for the chosen person, InvokeCommand relayed to the same address book", async () => {
    try {
      const switched = await post(DEMO_ROUTES.session, { backend: "exchange" });
      await expect(switched.json()).resolves.toEqual({ role: "admin", backend: "exchange" });
      await expect((await get(DEMO_TOKEN_ROUTE)).json()).resolves.toEqual({
        token: DEMO_TOKENS.exchangeAdmin,
      });
      await post(DEMO_ROUTES.session, { role: "readonly" });
      await expect((await get(DEMO_TOKEN_ROUTE)).json()).resolves.toEqual({
        token: DEMO_TOKENS.exchangeReadOnly,
      });
      const found = await post(
        "/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand",
        {
          CmdletInput: {
            CmdletName: "Get-MailContact",
            Parameters: { Filter: "ExternalEmailAddress -eq 'SMTP:d.okafor@northwindtraders.com'" },
          },
        },
        { authorization: `Bearer ${DEMO_TOKENS.exchangeReadOnly}` },
      );
      expect(found.status).toBe(200);
      expect(((await found.json()) as { value: unknown[] }).value).toHaveLength(1);
      // "Reset demo" keeps the deployment's backend.
      await post(DEMO_ROUTES.reset, {});
      expect(demo.session()).toEqual({ role: "admin", backend: "exchange" });
      expect((await post(DEMO_ROUTES.session, { backend: "graph" })).status).toBe(400);
    } finally {
      await post(DEMO_ROUTES.session, { backend: "admin-center" });
    }
  });

  it("relays the admin API to the emulator, which holds the seeded address book", async () => {
    const response = await searchAs(DEMO_TOKENS.admin, "d.okafor@northwindtraders.com");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { Contacts: ContactRecord[] };
    expect(body.Contacts.map((contact) => contact.ContactCompany)).toEqual(["Northwind Traders"]);
    expect((await searchAs("not-a-demo-token", "")).status).toBe(401);
  });

  it("proxies the emulator's control surface: address book, request log, faults, settings", async () => {
    const contacts = (await (await get(`${DEMO_ROUTES.emulatorPrefix}contacts`)).json()) as {
      Contacts: ContactRecord[];
    };
    expect(contacts.Contacts.length).toBe(demo.emulator.contacts().length);

    const armed = await post(`${DEMO_ROUTES.emulatorPrefix}faults`, DEMO_FAULTS.throttle.spec);
    expect(armed.ok).toBe(true);
    const throttled = await searchAs(DEMO_TOKENS.admin, "");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2");
    expect((await searchAs(DEMO_TOKENS.admin, "")).status).toBe(200);

    const log = (await (await get(`${DEMO_ROUTES.emulatorPrefix}requests`)).json()) as {
      Requests: { status: number }[];
    };
    expect(log.Requests.map((request) => request.status)).toEqual([429, 200]);

    expect((await post(`${DEMO_ROUTES.emulatorPrefix}settings`, { latencyMs: 1500 })).ok).toBe(true);
    expect(demo.emulator.settings().latencyMs).toBe(1500);
  });

  it.each([
    "/__emulator/../admin/api/Contact/GetContacts",
    "/__emulator/%2e%2e/admin/api/Contact/GetContacts",
    "/__emulator/..%2Fadmin/api/Contact/GetContacts",
    "/__emulator/%252e%252e/admin/api/Contact/GetContacts",
  ])("refuses %s before any handler: nothing reaches the emulator past the relay", async (target) => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${demo.url}/`,
        {
          method: "POST",
          path: target,
          headers: { "content-type": "application/json", authorization: `Bearer ${DEMO_TOKENS.admin}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify({ SearchString: "", NextLink: "" }));
    });
    expect(status).toBe(404);
    expect(demo.emulator.requests()).toEqual([]);
  });

  it("resets: seed back, faults and latency cleared, admin again", async () => {
    const before = demo.emulator.contacts().length;
    await post(DEMO_ROUTES.session, { role: "readonly" });
    await post(`${DEMO_ROUTES.emulatorPrefix}faults`, DEMO_FAULTS["server-error"].spec);
    const created = await post(
      ADMIN_API_ROUTES.create.path,
      {
        ContactFirstName: "Priya",
        ContactLastName: "Raman",
        ContactDisplayName: "Priya Raman",
        ContactExternalEmailAddress: "priya@tailspintoys.com",
        ContactMailTip: "",
        ContactCompany: "",
        ContactTitle: "",
        ContactWebPage: "",
        ContactPhone: "",
        ContactMobilePhone: "",
        ContactFax: "",
        ContactHiddenFromAddressListsEnabled: false,
        selected: false,
      },
      { authorization: `Bearer ${DEMO_TOKENS.admin}` },
    );
    expect(created.status).toBe(500); // the injected fault
    await post(`${DEMO_ROUTES.emulatorPrefix}settings`, { latencyMs: 1500 });

    const reset = await post(DEMO_ROUTES.reset, {});
    await expect(reset.json()).resolves.toEqual({ role: "admin", backend: "admin-center" });
    expect(demo.emulator.contacts().length).toBe(before);
    expect(demo.emulator.settings().latencyMs).toBe(0);
    expect((await searchAs(DEMO_TOKENS.admin, "")).status).toBe(200);
  });
});

describe("demo/address-book.json", () => {
  it("is a valid seed with hidden, directory-synced and look-alike contacts and internal mailboxes", async () => {
    const seed = await loadAddressBook(ADDRESS_BOOK);
    const contacts = seed.contacts ?? [];
    expect(contacts.some((contact) => contact.ContactHiddenFromAddressListsEnabled)).toBe(true);
    expect(contacts.some((contact) => contact.IsDirSynced)).toBe(true);
    expect(
      contacts.some((contact) => contact.ContactExternalEmailAddress === "priya@tailspintoys.com.au"),
    ).toBe(true);
    expect(
      (seed.recipients ?? []).filter((recipient) => recipient.kind === "mailbox").length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("refuses a seed with a typo, naming the field", async () => {
    const file = path.join(tmpdir(), `bad-seed-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ contacts: [], recipent: [] }));
    await expect(loadAddressBook(file)).rejects.toThrow(DemoSetupError);
    await expect(loadAddressBook(file)).rejects.toThrow(/recipent/);
    rmSync(file);
  });
});

describe("demo server under a base path (as an add-in hosted at https://host/gal/)", () => {
  let underPath: RunningDemo;

  beforeAll(async () => {
    underPath = await startDemo({
      port: 0,
      paneDir: path.join(workDir, "pane"),
      harnessDir: path.join(workDir, "harness"),
      basePath: "/gal",
    });
  });

  afterAll(async () => {
    await underPath.close();
  });

  it("serves the page, the pane, the stand-in and the relay under the path, and nothing outside it", async () => {
    const origin = new URL(underPath.url).origin;
    expect(underPath.url).toBe(`${origin}/gal`);
    const folder = await fetch(`${origin}/gal`, { redirect: "manual" });
    expect(folder.status).toBe(301);
    expect(folder.headers.get("location")).toBe("/gal/");
    expect(await (await fetch(`${origin}/gal/`)).text()).toContain("stand-in page");
    expect((await fetch(`${origin}/gal/taskpane.html`)).status).toBe(200);
    expect((await fetch(`${origin}/gal/harness/office-stand-in.js`)).status).toBe(200);
    expect((await fetch(`${origin}/gal${DEMO_TOKEN_ROUTE}`)).status).toBe(200);
    const relayed = await fetch(`${origin}/gal${ADMIN_API_ROUTES.search.path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${DEMO_TOKENS.admin}` },
      body: JSON.stringify({ SearchString: "northwind", NextLink: "" }),
    });
    expect(relayed.status).toBe(200);
    for (const outside of ["/", "/taskpane.html", ADMIN_API_ROUTES.search.path, "/galx/taskpane.html"]) {
      expect((await fetch(`${origin}${outside}`)).status).toBe(404);
    }
  });
});
