/**
 * The secret guard (test/setup/secret-guard.ts) really fails a test that logs a known
 * token: a throwaway test file is run by a child Jest with the project's config, with
 * Jest's buffered console (the default), its verbose console and its silent console.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const projectRoot = resolve(__dirname, "../..");

interface JestJsonResult {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "secret-guard-"));
  writeFileSync(
    join(dir, "leak.test.ts"),
    [
      `import { DEMO_TOKENS } from ${JSON.stringify(join(projectRoot, "src/emulator/seed"))};`,
      'it("prints a token", () => { console.error("auth header: Bearer " + DEMO_TOKENS.readOnly); });',
      'it("prints nothing secret", () => { console.error("all fine"); });',
      'it("prints a token with console.log", () => { console.log({ token: DEMO_TOKENS.admin }); });',
    ].join("\n"),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([
  ["buffered", []],
  ["verbose", ["--verbose"]],
  ["silent", ["--silent"]],
])("with Jest's %s console, fails only the tests that printed a token", (_console, flags) => {
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
      ...flags,
    ],
    { cwd: projectRoot, encoding: "utf8", timeout: 120_000 },
  );
  const result = JSON.parse(run.stdout) as JestJsonResult;
  const tests = result.testResults[0]!.assertionResults;
  expect(Object.fromEntries(tests.map((test) => [test.title, test.status]))).toEqual({
    "prints a token": "failed",
    "prints nothing secret": "passed",
    "prints a token with console.log": "failed",
  });
  expect(tests[0]!.failureMessages.join("\n")).toContain(
    "secret-guard: console.error output contained known test token",
  );
  expect(tests[2]!.failureMessages.join("\n")).toContain("console.log output contained known test token");
  expect(run.status).not.toBe(0);
});
