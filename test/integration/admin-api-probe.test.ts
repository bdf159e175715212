/**
 * The read-only probe against the emulator over HTTP, through its API and its CLI.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { formatProbeReport, runProbe } from "../../src/admin-api/probe";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { EmulatorControl } from "../../src/emulator/control-client";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../../src/emulator/server";

const projectRoot = resolve(__dirname, "../..");
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

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "src/admin-api/probe-cli.ts", ...args],
      {
        cwd: projectRoot,
        env: { PATH: process.env.PATH ?? "", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

it("the CLI reads the token from a file and exits 0 on a match; refuses a token argument", async () => {
  await control.reset({ contacts });
  const tokenFile = join(mkdtempSync(join(tmpdir(), "probe-token-")), "token");
  writeFileSync(tokenFile, `${DEMO_TOKENS.admin}\n`);
  const ok = await runCli(["--base-url", emulator.url, "--token-file", tokenFile], {});
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain("Result: the response matches what the client expects.");
  assertNothingLeaked(ok.stdout + ok.stderr);

  const viaEnv = await runCli(["--base-url", emulator.url], { ADMIN_CENTER_TOKEN: "itest-probe-bad-token" });
  expect(viaEnv.code).toBe(1);
  expect(viaEnv.stdout).toContain("status 401");

  const refused = await runCli(["--base-url", emulator.url, "--token", DEMO_TOKENS.admin], {});
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/Refusing --token/);
}, 60_000);
