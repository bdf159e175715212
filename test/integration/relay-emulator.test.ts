/**
 * The whole server-side path as production runs it: the real admin API client → the
 * production server (relay) → the emulator, all over real HTTP.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { searchAll } from "../../src/admin-api/test-support/search-all";
import os from "node:os";
import path from "node:path";
import { AdminCenterClient } from "../../src/admin-api/client";
import { isDirectoryError } from "../../src/contacts/directory-error";
import { ADMIN_API_ROUTES } from "../../src/admin-api/wire";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../../src/emulator/server";
import type { AccessLogEntry } from "../../src/server/access-log";
import { startServer, type RunningServer } from "../../src/server/server";
import { sendRaw, waitForEntries } from "./relay-harness";

const SEEDED = [
  {
    ContactExternalEmailAddress: "ada@analytical.example",
    ContactDisplayName: "Ada Lovelace",
    ContactName: "Ada Lovelace",
  },
  {
    ContactExternalEmailAddress: "ada@analytical.example.evil.io",
    ContactDisplayName: "Ada Look-alike",
    ContactName: "Ada Look-alike",
  },
  {
    ContactExternalEmailAddress: "grace@navy.example",
    ContactDisplayName: "Grace Hopper",
    ContactName: "Grace Hopper",
  },
];

let distDir: string;
let emulator: RunningEmulator;
let server: RunningServer;
let logs: AccessLogEntry[];

function clientWith(token: string): AdminCenterClient {
  return new AdminCenterClient({
    baseUrl: server.url,
    tokens: new FixedTokenProvider(token),
    retry: { maxAttempts: 1 },
  });
}

beforeAll(() => {
  distDir = mkdtempSync(path.join(os.tmpdir(), "relay-emulator-"));
  mkdirSync(distDir, { recursive: true });
  writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html>");
});

afterAll(() => rmSync(distDir, { recursive: true, force: true }));

beforeEach(async () => {
  logs = [];
  emulator = await startEmulator({ port: 0, seed: { contacts: SEEDED } });
  const sink = logs;
  server = await startServer({ port: 0, distDir, upstream: emulator.url, log: (entry) => sink.push(entry) });
});

afterEach(async () => {
  await server.close();
  await emulator.close();
});

it("a search through the relay returns the emulator's contacts", async () => {
  const client = clientWith(DEMO_TOKENS.admin);
  const found = await searchAll(client, "ada@");
  expect(found.map((contact) => contact.ContactExternalEmailAddress).sort()).toEqual([
    "ada@analytical.example",
    "ada@analytical.example.evil.io",
  ]);
  const exact = await client.findContactByAddress("ADA@analytical.example");
  expect(exact?.ContactDisplayName).toBe("Ada Lovelace");
  const stored = emulator
    .contacts()
    .find((contact) => contact.ContactExternalEmailAddress === "ada@analytical.example");
  expect(exact?.ContactId).toBe(stored?.ContactId);
});

it("create, then both updates, reach the emulator through the relay", async () => {
  const client = clientWith(DEMO_TOKENS.admin);
  await client.createContact({
    ContactFirstName: "Katherine",
    ContactLastName: "Johnson",
    ContactDisplayName: "Katherine Johnson",
    ContactExternalEmailAddress: "katherine@nasa.example",
    ContactMailTip: "",
    ContactCompany: "",
    ContactTitle: "",
    ContactWebPage: "",
    ContactPhone: "",
    ContactMobilePhone: "",
    ContactFax: "",
    ContactHiddenFromAddressListsEnabled: false,
    selected: false,
  });
  const created = await client.findContactByAddress("katherine@nasa.example");
  expect(created).not.toBeNull();
  await client.updateContactGeneral({ ...created!, ContactCompany: "NASA" });
  await client.updateContactOptions({
    ...created!,
    ContactCompany: "NASA",
    ContactMailTip: "Computes trajectories.",
  });

  const stored = emulator
    .contacts()
    .find((contact) => contact.ContactExternalEmailAddress === "katherine@nasa.example");
  expect(stored?.ContactCompany).toBe("NASA");
  expect(stored?.ContactMailTip).toContain("Computes trajectories.");
  await waitForEntries(logs, emulator.requests().length);
  expect(logs.map((entry) => entry.route)).toEqual(
    expect.arrayContaining(["create", "search", "updateGeneral", "updateOptions"]),
  );
});

it("the emulator's refusal of a read-only caller reaches the client as 'forbidden'", async () => {
  const client = clientWith(DEMO_TOKENS.readOnly);
  const found = await searchAll(client, "grace@");
  expect(found).toHaveLength(1);
  const attempt = client.updateContactOptions({ ...found[0]!, ContactMailTip: "x" });
  const error: unknown = await attempt.catch((caught: unknown) => caught);
  expect(isDirectoryError(error, "forbidden")).toBe(true);
  expect(emulator.requests().at(-1)).toMatchObject({
    method: "PUT",
    path: ADMIN_API_ROUTES.updateOptions.path,
    status: 403,
  });
});

it("throttling passes through with its Retry-After, and request ids line up across the relay and the emulator", async () => {
  emulator.addFault({ route: "search", status: 429, headers: { "Retry-After": "3" } });
  const response = await sendRaw(server.url, {
    method: "POST",
    path: ADMIN_API_ROUTES.search.path,
    headers: { authorization: `Bearer ${DEMO_TOKENS.admin}`, "content-type": "application/json" },
    body: JSON.stringify({ SearchString: "", NextLink: "" }),
  });
  expect(response.status).toBe(429);
  expect(response.headers["retry-after"]).toBe("3");
  await waitForEntries(logs, 1);
  expect(emulator.requests().map((request) => request.requestId)).toEqual(
    logs.map((entry) => entry.requestId),
  );
  expect(logs[0]).toMatchObject({ status: 429, upstreamStatus: 429, route: "search" });
});
