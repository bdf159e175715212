/**
 * No failure path of the client lets the bearer token into an error or a log line,
 * not even when the server echoes it back. Runs against the emulator over HTTP.
 */
import { inspect } from "node:util";
import { searchAll } from "../../src/admin-api/test-support/search-all";
import { AdminCenterClient } from "../../src/admin-api/client";
import { AdminCenterDirectory } from "../../src/admin-api/directory-adapter";
import { DirectoryError } from "../../src/contacts/directory-error";
import type { CreateContactBody } from "../../src/admin-api/wire";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { EmulatorControl } from "../../src/emulator/control-client";
import type { FaultSpec } from "../../src/emulator/server";
import { startEmulator, type EmulatorSeed, type RunningEmulator } from "../../src/emulator/server";
import {
  guardedLogger,
  registerSecretForGuard,
  secretsIn,
  takeSecretViolations,
} from "../setup/secret-guard";

const SECRET_TOKEN = "itest-secret-bearer-9f81c2d7e4";
const READONLY_SECRET = "itest-secret-readonly-5b27aa10";
registerSecretForGuard(SECRET_TOKEN);
registerSecretForGuard(READONLY_SECRET);

let emulator: RunningEmulator;
let control: EmulatorControl;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.url);
});
afterAll(() => emulator.close());

const body: CreateContactBody = {
  ContactFirstName: "Ann",
  ContactLastName: "Smith",
  ContactDisplayName: "Ann Smith",
  ContactExternalEmailAddress: "ann@fabrikam.com",
  ContactMailTip: "",
  ContactCompany: "",
  ContactTitle: "",
  ContactWebPage: "",
  ContactPhone: "",
  ContactMobilePhone: "",
  ContactFax: "",
  ContactHiddenFromAddressListsEnabled: false,
  selected: false,
};

interface FailurePath {
  name: string;
  seed?: EmulatorSeed;
  fault?: FaultSpec;
  token?: string;
  timeoutMs?: number;
  call: (client: AdminCenterClient, signal: AbortSignal) => Promise<unknown>;
  abortAfterMs?: number;
}

const record = {
  ContactId: "00000000-0000-0000-0000-000000000001",
  ContactExternalEmailAddress: "ann@fabrikam.com",
};
const echoingBody = {
  error: {
    code: "Bad",
    message: `Header Authorization: Bearer ${SECRET_TOKEN} is malformed; token ${SECRET_TOKEN}`,
  },
};

const paths: FailurePath[] = [
  { name: "refused token (401 twice)", token: "itest-never-valid-token", call: (c) => searchAll(c, "") },
  { name: "read-only create (403)", token: READONLY_SECRET, call: (c) => c.createContact(body) },
  { name: "update of a missing contact (404)", call: (c) => c.updateContactGeneral(record) },
  { name: "validation (400)", call: (c) => c.createContact({ ...body, ContactFirstName: "x".repeat(80) }) },
  {
    name: "address in use (400)",
    seed: { recipients: [{ address: "ann@fabrikam.com", name: "Ann", kind: "mailbox" }] },
    call: (c) => c.createContact(body),
  },
  {
    name: "server echoing the token (400)",
    fault: { route: "create", status: 400, body: echoingBody },
    call: (c) => c.createContact(body),
  },
  {
    name: "server echoing the token (500)",
    fault: { route: "search", status: 500, body: echoingBody, times: 10 },
    call: (c) => searchAll(c, ""),
  },
  {
    name: "server echoing the token as text (400)",
    fault: { route: "create", status: 400, body: `Bearer ${SECRET_TOKEN}` },
    call: (c) => c.createContact(body),
  },
  {
    name: "a 200 that reports failure, echoing the token",
    fault: {
      route: "create",
      status: 200,
      body: { Succeeded: false, Message: `Token ${SECRET_TOKEN} could not be used.` },
    },
    call: (c) => c.createContact(body),
  },
  {
    name: "throttled beyond budget (429)",
    fault: { route: "search", status: 429, headers: { "Retry-After": "600" } },
    call: (c) => searchAll(c, ""),
  },
  {
    name: "create failing after apply (500)",
    fault: { route: "create", status: 500, afterApply: true },
    call: (c) => c.createContact(body),
  },
  { name: "dropped connection", fault: { route: "create", drop: true }, call: (c) => c.createContact(body) },
  {
    name: "timeout",
    fault: { route: "create", latencyMs: 1000 },
    timeoutMs: 100,
    call: (c) => c.createContact(body),
  },
  {
    name: "sign-in page with 200",
    fault: { route: "search", status: 200, body: `<html>Sign in ${SECRET_TOKEN}</html>` },
    call: (c) => searchAll(c, ""),
  },
  {
    name: "malformed list",
    fault: { route: "search", status: 200, body: { Contacts: [{ ContactId: SECRET_TOKEN }] } },
    call: (c) => searchAll(c, ""),
  },
  {
    name: "aborted",
    fault: { route: "search", latencyMs: 2000 },
    abortAfterMs: 30,
    call: (c, signal) => searchAll(c, "", { signal }),
  },
  {
    name: "adapter update of a missing contact",
    call: (c) =>
      new AdminCenterDirectory(c).updateOptions(
        { id: record.ContactId, raw: record } as unknown as Parameters<
          AdminCenterDirectory["updateOptions"]
        >[0],
        { mailTip: "x" },
      ),
  },
];

describe.each(["odata", "message", "string", "html"] as const)("with %s error bodies", (errorBody) => {
  it.each(paths)("$name leaks the token into no error and no log line", async (path) => {
    await control.reset({
      tokens: [
        { token: SECRET_TOKEN, role: "admin" },
        { token: READONLY_SECRET, role: "readonly" },
      ],
      variants: { errorBody },
      ...path.seed,
    });
    if (path.fault) await control.addFault(path.fault);
    const lines: string[] = [];
    const client = new AdminCenterClient({
      baseUrl: emulator.url,
      tokens: new FixedTokenProvider(path.token ?? SECRET_TOKEN),
      logger: guardedLogger(lines),
      timeoutMs: path.timeoutMs,
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    const controller = new AbortController();
    if (path.abortAfterMs !== undefined) setTimeout(() => controller.abort(), path.abortAfterMs);
    let caught: unknown;
    try {
      await path.call(client, controller.signal);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DirectoryError);
    const error = caught as DirectoryError;
    const renderings = [
      error.message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      inspect(client),
    ];
    for (const text of [...renderings, ...lines]) expect(secretsIn(text)).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  });
});

describe("the guard itself", () => {
  // The console path is proven by a child Jest run (admin-api-secret-guard.test.ts), so
  // that no token is printed into this run's output.
  it("records a token given to a guarded logger, without repeating it", () => {
    guardedLogger()(`Authorization: Bearer ${SECRET_TOKEN}`);
    const violations = takeSecretViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/a logger line contained known test token #\d/);
    expect(violations.join(" ")).not.toContain(SECRET_TOKEN);
  });

  it("refuses to register short strings that would match by accident", () => {
    expect(() => registerSecretForGuard("abc")).toThrow(/at least 8/);
  });
});
