/**
 * `npm run emulator` as a process: it prints where it listens, answers the API with the
 * demo seed (or a --seed file), and stops cleanly on SIGTERM and SIGINT.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_SEED } from "../../src/emulator/demo-seed";
import { asSearchResult, search } from "./emulator-test-support";

const ROOT = join(__dirname, "..", "..");

interface CliRun {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function startCli(args: string[]): Promise<CliRun> {
  // node --import tsx rather than the tsx binary: under CPU load the tsx wrapper may kill its child on a
  // relayed signal before the child's own handler runs, which would test tsx rather than the CLI.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src", "emulator", "cli.ts"), ...args],
    {
      cwd: ROOT,
      env: { ...process.env },
    },
  );
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /emulator listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] as string, output: () => output, exited });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    void exited.then((code) => reject(new Error(`emulator exited early (${code}): ${output}`)));
  });
}

describe("npm run emulator", () => {
  it("serves the demo seed, prints the tokens, logs requests and stops on SIGTERM", async () => {
    const run = await startCli(["--port", "0"]);
    const result = asSearchResult(await search(run.url, ""));
    expect(result.Contacts).toHaveLength(DEMO_SEED.contacts?.length ?? -1);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('admin "demo-admin-token", read-only "demo-readonly-token"');
    expect(run.output()).toMatch(/POST \/admin\/api\/Contact\/GetContacts 200 \d+ms/);
    expect(run.output()).not.toContain("Bearer");
  }, 30_000);

  it("loads --seed from a file and stops on SIGINT", async () => {
    const directory = mkdtempSync(join(tmpdir(), "emulator-seed-"));
    const seedFile = join(directory, "seed.json");
    writeFileSync(
      seedFile,
      JSON.stringify({ contacts: [{ ContactExternalEmailAddress: "from-file@x.example" }] }),
    );
    const run = await startCli(["--port", "0", "--seed", seedFile, "--quiet"]);
    const result = asSearchResult(await search(run.url, ""));
    expect(result.Contacts.map((contact) => contact.ContactExternalEmailAddress)).toEqual([
      "from-file@x.example",
    ]);
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toMatch(/GetContacts/);
  }, 30_000);
});
