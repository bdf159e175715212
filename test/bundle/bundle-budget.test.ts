/**
 * The bundle budget, deterministic (no timing): builds the pane (as `npm run build` does) and
 * the floor in a child process, then runs size-limit with the budget's checks (.size-limit.cjs):
 * initial gzip ≤ 200 KB and ≤ 1.25× the floor, to first verdict < 240 KB, and the sign-in
 * library on demand. The build takes 1-3 minutes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");
const run = promisify(execFile);
interface Check {
  name: string;
  size: number;
  sizeLimit?: number;
  passed?: boolean;
}

let directory: string;
let checks: Check[];
const check = (name: string) => checks.find((one) => one.name === name) as Check;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), "bundle-budget-"));
  await run(process.execPath, ["--import", "tsx", "bench/bundle.ts", directory], {
    cwd: ROOT,
    maxBuffer: 1 << 26,
  });
  const env = {
    ...process.env,
    SIZE_LIMIT_DIR: path.join(directory, "pane"),
    SIZE_LIMIT_FLOOR_DIR: path.join(directory, "floor"),
  };
  // size-limit exits non-zero when a check fails; its JSON still says which.
  const { stdout } = await run(process.execPath, ["node_modules/size-limit/bin.js", "--json"], {
    cwd: ROOT,
    env,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "[]" }));
  checks = JSON.parse(stdout) as Check[];
}, 300_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

test("initial weight (gzip) is within size-limit's 200 KB and 1.25× the floor", () => {
  const initial = check("initial");
  expect({ initial: kb(initial.size), passed: initial.passed }).toEqual({
    initial: kb(initial.size),
    passed: true,
  });
  expect(initial.size).toBeLessThanOrEqual(1.25 * check("floor").size);
});

test("everything a production pane loads before its first verdict (gzip) stays within its limit", () => {
  const toVerdict = check("to first verdict");
  expect({ toVerdict: kb(toVerdict.size), passed: toVerdict.passed }).toEqual({
    toVerdict: kb(toVerdict.size),
    passed: true,
  });
});

test("the sign-in library and the lookup load on demand: the verdict set is bigger than the page's own", () => {
  // MSAL's NAA half (31 KB) and the lookup (14 KB): not in the page's own scripts.
  expect(check("to first verdict").size - check("initial").size).toBeGreaterThan(35_000);
});
