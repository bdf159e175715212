/**
 * The secret guard (test/setup/secret-guard.ts) really fails a test that logs a known
 * token: a throwaway test file is run by a child jest with the project's config.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const projectRoot = resolve(__dirname, "../..");

interface JestJsonResult {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

it("fails only the test that printed a token, and a test that logged nothing passes", () => {
  const dir = mkdtempSync(join(tmpdir(), "secret-guard-"));
  try {
    writeFileSync(
      join(dir, "leak.test.ts"),
      [
        'import { DEMO_TOKENS } from "' + join(projectRoot, "src/emulator/seed") + '";',
        'it("prints a token", () => { console.error("auth header: Bearer " + DEMO_TOKENS.readOnly); });',
        'it("prints nothing secret", () => { console.error("all fine"); });',
      ].join("\n"),
    );
    const run = spawnSync(
      process.execPath,
      [
        join(projectRoot, "node_modules/jest/bin/jest.js"),
        "--config",
        join(projectRoot, "jest.config.js"),
        "--roots",
        dir,
        "--json",
        "--ci",
        "--silent",
      ],
      { cwd: projectRoot, encoding: "utf8", timeout: 120_000 },
    );
    const result = JSON.parse(run.stdout) as JestJsonResult;
    const statuses = Object.fromEntries(
      result.testResults[0]!.assertionResults.map((test) => [test.title, test.status]),
    );
    expect(statuses).toEqual({ "prints a token": "failed", "prints nothing secret": "passed" });
    const failed = result.testResults[0]!.assertionResults.find((test) => test.status === "failed");
    expect(failed?.failureMessages.join("\n")).toContain(
      "secret-guard: console.error output contained known test token",
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).not.toContain("demo-readonly-token");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
