/**
 * The bundle budget (issue 6): the pane's initial weight, gzip, must not exceed 1.25× the
 * floor's or 200 KB, whichever is smaller; and the sign-in library must load on demand,
 * not with the page. Deterministic: it builds the pane (as `npm run build` does) and the
 * floor itself, in a child process, into a temporary directory, then weighs the files.
 * No timing is asserted. The build takes about a minute.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PaneBuildReport } from "../../bench/bundle/build";
import { GOALS, initialBudgetBytes, KB } from "../../bench/goals";
import { beyondFloor } from "../../bench/report";

const ROOT = path.resolve(__dirname, "../..");
const BUILD_TIMEOUT_MS = 300_000;

let workDirectory: string;
let report: PaneBuildReport;

function build(outputDirectory: string, reportFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "bench/bundle/build-cli.ts"), outputDirectory, reportFile],
      { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
    );
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code}):\n${errors.slice(-4000)}`)),
    );
  });
}

beforeAll(async () => {
  workDirectory = mkdtempSync(path.join(os.tmpdir(), "bundle-budget-"));
  const reportFile = path.join(workDirectory, "report.json");
  await build(path.join(workDirectory, "build"), reportFile);
  report = JSON.parse(readFileSync(reportFile, "utf8")) as PaneBuildReport;
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

test("the floor is React, FluentProvider and the pane's Fluent components", () => {
  expect(report.fluentImports).toContain("FluentProvider");
  expect(report.fluentImports.length).toBeGreaterThan(3);
  const floorOrigins = report.floorComposition.map((entry) => entry.origin);
  expect(floorOrigins).toEqual(expect.arrayContaining(["react-dom", "@fluentui/react-provider"]));
  // Nothing of the pane's own code: the floor does nothing.
  expect(floorOrigins.filter((origin) => origin.startsWith("src/"))).toEqual([]);
});

test("the pane's page loads its entry through tags, and Office.js from elsewhere", () => {
  expect(report.pane.files.length).toBeGreaterThan(0);
  expect(report.pane.files.every((file) => /\.(js|css)$/.test(file.file))).toBe(true);
  expect(report.pane.external).toEqual([expect.stringMatching(/^https:\/\/appsforoffice\.microsoft\.com\//)]);
});

test("the sign-in library loads on demand, not with the page", () => {
  expect(report.signIn.files.length).toBeGreaterThan(0);
  expect(report.signIn.loadedByPageTags).toBe(false);
  const initial = new Set(report.pane.files.map((file) => file.file));
  for (const file of report.signIn.files) expect(initial.has(file.file)).toBe(false);
});

test(`initial weight (gzip) is within ${GOALS.initialVsFloor}× the floor and ${kb(GOALS.initialMaxBytes)}`, () => {
  const budget = initialBudgetBytes(report.floor.total.gzip);
  const initial = report.pane.total.gzip;
  if (initial > budget) {
    const heaviest = beyondFloor(report.initialComposition, report.floorComposition)
      .slice(0, 8)
      .map((entry) => `${entry.origin} ${kb(entry.bytes)} minified (${kb(entry.gzipAlone)} gzip alone)`);
    throw new Error(
      [
        `The pane's initial JS/CSS is ${kb(initial)} gzip; the budget is ${kb(budget)}`,
        `(min of ${GOALS.initialVsFloor}× the floor's ${kb(report.floor.total.gzip)} and ${kb(GOALS.initialMaxBytes)}).`,
        `Files: ${report.pane.files.map((file) => `${file.file} ${kb(file.gzip)}`).join(", ")}.`,
        `Beyond the floor, the heaviest: ${heaviest.join("; ")}.`,
      ].join("\n"),
    );
  }
  expect(initial).toBeLessThanOrEqual(budget);
});
