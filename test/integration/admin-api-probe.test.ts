/**
 * The admin center's masked-structure probe against the emulator over HTTP (the CLI is
 * tested in probe-cli.test.ts).
 */
import { formatProbeReport, runProbe } from "../../src/admin-api/probe";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { EmulatorControl } from "../../src/emulator/control-client";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../../src/emulator/server";

let emulator: RunningEmulator;
let control: EmulatorControl;

const contacts = [
  { ContactName: "Ann Smith", ContactExternalEmailAddress: "ann@fabrikam.com", ContactCompany: "Fabrikam" },
  { ContactName: "Bob Jones", ContactExternalEmailAddress: "bob@contoso.com" },
  { ContactName: "Cid Moreau", ContactExternalEmailAddress: "cid@example.org" },
];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.url);
});
afterAll(() => emulator.close());

function assertNothingLeaked(text: string): void {
  for (const contact of contacts) {
    expect(text).not.toContain(contact.ContactExternalEmailAddress);
    expect(text).not.toContain(contact.ContactName);
  }
  expect(text).not.toContain(DEMO_TOKENS.admin);
}

it("reads two pages, reports the masked structure and a schema match, and writes nothing", async () => {
  await control.reset({ pageSize: 2, contacts });
  const before = await control.contacts();
  const report = await runProbe({ baseUrl: emulator.url, tokens: new FixedTokenProvider(DEMO_TOKENS.admin) });
  expect(report.ok).toBe(true);
  expect(
    report.pages.map((page) => [page.status, page.bodyKind, page.passesSchema, page.hasNextLink]),
  ).toEqual([
    [200, "json", true, true],
    [200, "json", true, false],
  ]);
  const requests = await control.requests();
  expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
    "POST /admin/api/Contact/GetContacts",
    "POST /admin/api/Contact/GetContacts",
  ]);
  expect(await control.contacts()).toEqual(before);
  const text = formatProbeReport(report);
  expect(text).toContain('"ContactExternalEmailAddress": "<string len=16>"');
  assertNothingLeaked(text);
});

it("reports a sign-in page and a body of another shape as mismatches", async () => {
  await control.reset({ contacts, variants: { errorBody: "html" } });
  const refused = await runProbe({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider("itest-probe-unknown-token"),
  });
  expect(refused.ok).toBe(false);
  expect(refused.pages[0]).toMatchObject({ status: 401, bodyKind: "html" });

  await control.addFault({ route: "search", status: 200, body: { Items: [{ Id: "x" }], Next: null } });
  const reshaped = await runProbe({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider(DEMO_TOKENS.admin),
  });
  expect(reshaped.pages[0]!.schemaIssues).toEqual([{ path: "Contacts", problem: "is missing" }]);
  expect(formatProbeReport(reshaped)).toContain('"Items": [');
});
