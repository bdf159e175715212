/**
 * `npm run probe` over real HTTP against the emulator, both backends, with token files
 * (the device-code sign-in needs Entra and is not exercised here). The probe never writes,
 * never prints a token, and ends with the ADDIN_BACKEND line to build with.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEMO_SEED } from "../../src/emulator/demo-seed";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../../src/emulator/server";
import { parseProbeCliArguments, runProbeCli } from "../../src/probe/run";
import { aadstsCode } from "../../src/probe/sign-in";

const projectRoot = resolve(__dirname, "../..");
const USER = "admin@contoso.onmicrosoft.com";
let emulator: RunningEmulator;
const directory = mkdtempSync(join(tmpdir(), "probe-"));

function tokenFile(name: string, token: string): string {
  const file = join(directory, name);
  writeFileSync(file, `${token}\n`);
  return file;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

beforeEach(() =>
  emulator.reset({
    contacts: [{ ContactExternalEmailAddress: "ann@fabrikam.example", ContactName: "Ann Smith" }],
    recipients: [{ address: USER, name: "Contoso Admin", kind: "mailbox" }],
  }),
);

function args(extra: string[]) {
  return parseProbeCliArguments(["--tenant", "contoso.onmicrosoft.com", "--user", USER, ...extra])!;
}

/** The Exchange backend alone, with an Exchange administrator's token. */
function exchangeOnly() {
  return args([
    "--backend",
    "exchange",
    "--exchange-url",
    emulator.url,
    "--token-file",
    tokenFile("e", DEMO_TOKENS.exchangeAdmin),
  ]);
}

function urls() {
  return ["--admin-center-url", emulator.url, "--exchange-url", emulator.url];
}

describe("verdicts", () => {
  it.each([
    { seed: "this test's seed", reseed: () => {} },
    // As docs/admin-setup.md shows it: the seed `npm run emulator` starts with.
    { seed: "`npm run emulator`'s demo seed", reseed: () => emulator.reset(DEMO_SEED) },
  ])(
    "both backends work with $seed: allowed, shapes matched, build with exchange; nothing written",
    async ({ reseed }) => {
      reseed();
      const before = emulator.contacts();
      const { verdicts, text } = await runProbeCli(
        args([
          ...urls(),
          "--admin-center-token-file",
          tokenFile("admin", DEMO_TOKENS.admin),
          "--exchange-token-file",
          tokenFile("exchange", DEMO_TOKENS.exchangeAdmin),
        ]),
      );
      expect(verdicts.map((verdict) => [verdict.backend, verdict.works])).toEqual([
        ["admin-center", true],
        ["exchange", true],
      ]);
      expect(text).toContain("Get-Recipient of the signed-in user: allowed (200)");
      expect(text).toContain("X-AnchorMailbox that worked: UPN:<the signed-in user>");
      expect(text).toMatch(/Build with: ADDIN_BACKEND=exchange$/);
      expect(emulator.contacts()).toEqual(before);
      expect(emulator.requests().map((request) => request.cmdlet ?? request.path)).toEqual([
        "/admin/api/Contact/GetContacts",
        "Get-MailContact",
        "Get-Recipient",
      ]);
      expect(text).not.toContain(DEMO_TOKENS.admin);
      expect(text).not.toContain(DEMO_TOKENS.exchangeAdmin);
      expect(text).not.toContain(USER);
    },
  );

  it("a token for the wrong resource is refused; a read-only role is allowed to read; build line follows what works", async () => {
    const { verdicts, text } = await runProbeCli(
      args([
        ...urls(),
        "--admin-center-token-file",
        tokenFile("wrong", DEMO_TOKENS.exchangeAdmin),
        "--exchange-token-file",
        tokenFile("readonly", DEMO_TOKENS.exchangeReadOnly),
      ]),
    );
    expect(verdicts[0]!.checks[0]).toMatchObject({ call: "refused", status: 401 });
    expect(verdicts[1]!.works).toBe(true);
    expect(text).toMatch(/Build with: ADDIN_BACKEND=exchange$/);
  });

  it("a forbidden call names the roles; a shape that differs names the field", async () => {
    emulator.addFault({ route: "Get-MailContact", status: 403 });
    emulator.addFault({ route: "search", status: 200, body: { Items: [] } });
    const { verdicts, text } = await runProbeCli(
      args([
        ...urls(),
        "--admin-center-token-file",
        tokenFile("admin", DEMO_TOKENS.admin),
        "--exchange-token-file",
        tokenFile("exchange", DEMO_TOKENS.exchangeAdmin),
      ]),
    );
    expect(verdicts.every((verdict) => !verdict.works)).toBe(true);
    expect(text).toContain("forbidden (403): needs one of: View-Only Recipients, Mail Recipients");
    expect(text).toContain("shapes: DIFFERED: Contacts is missing");
    expect(text).toContain("No backend works yet");
  });

  it("a Get-Recipient answer of another shape names the field that differed", async () => {
    emulator.addFault({ route: "Get-Recipient", status: 200, body: { value: [{ Name: "x" }] } });
    const { text } = await runProbeCli(exchangeOnly());
    expect(text).toContain("value[0].RecipientTypeDetails is missing");
  });
});

it("when the user's routing hint fails, tries the system mailbox's and reports the one that worked", async () => {
  emulator.addFault({ route: "Get-MailContact", status: 500 });
  const { text } = await runProbeCli(exchangeOnly());
  expect(text).toContain(
    "X-AnchorMailbox that worked: UPN:SystemMailbox{8cc370d3-822a-4ab8-a926-bb94bd0641a9}@contoso.onmicrosoft.com",
  );
});

describe("arguments", () => {
  it("refuses a token on the command line, and --token-file for both backends", () => {
    expect(() => parseProbeCliArguments(["--tenant", "t.example", "--token", "x"])).toThrow(
      /Refusing --token/,
    );
    expect(() => parseProbeCliArguments(["--tenant", "t.example", "--token-file", "f"])).toThrow(
      /one backend/,
    );
    expect(() => parseProbeCliArguments(["--tenant", "t.example"])).toThrow(/--client-id is required/);
    expect(() => parseProbeCliArguments(["--client-id", "x"])).toThrow(/--tenant is required/);
    expect(() =>
      parseProbeCliArguments(["--tenant", "t.example", "--client-id", "x", "--backend", "graph"]),
    ).toThrow(/--backend must be/);
  });
});

it("names the AADSTS code of a refused sign-in, else MSAL's own code", () => {
  const consent = Object.assign(
    new Error("invalid_grant: AADSTS65001: The user or administrator has not consented"),
    {
      errorCode: "invalid_grant",
    },
  );
  expect(aadstsCode(consent)).toBe("AADSTS65001");
  expect(aadstsCode(Object.assign(new Error("expired"), { errorCode: "device_code_expired" }))).toBe(
    "device_code_expired",
  );
});

function runCli(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "src/probe/cli.ts", ...argv],
      {
        cwd: projectRoot,
        env: { PATH: process.env.PATH ?? "" },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

it("the CLI: --help exits 0; a run against the emulator prints both verdicts and the config line; usage errors exit 2", async () => {
  const help = await runCli(["--help"]);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain("--backend");
  const run = await runCli([
    "--tenant",
    "contoso.onmicrosoft.com",
    "--user",
    USER,
    ...urls(),
    "--admin-center-token-file",
    tokenFile("admin", DEMO_TOKENS.admin),
    "--exchange-token-file",
    tokenFile("exchange", DEMO_TOKENS.exchangeAdmin),
  ]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("admin-center:");
  expect(run.stdout).toContain("exchange:");
  expect(run.stdout).toContain("Build with: ADDIN_BACKEND=exchange");
  expect(run.stdout + run.stderr).not.toContain(DEMO_TOKENS.exchangeAdmin);
  const usage = await runCli(["--tenant", "x.example", "--token", "secret"]);
  expect(usage.code).toBe(2);
}, 60_000);
