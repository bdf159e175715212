/**
 * `npm run bench`: every part below in one run, then bench/REPORT.md (and bench/results/results.json).
 *
 *   npm run bench                          all parts → bench/REPORT.md
 *   npm run bench -- --only relay,scale    some parts → bench/results/REPORT.partial.md (REPORT.md untouched)
 *   npm run bench -- --latency 150         the emulator's latency L for time to verdict (default 100 ms)
 *   npm run bench -- --report-only         rewrites the report from bench/results/results.json
 *
 * A benchmark, not a test: it asserts nothing (the budgets are tests: test/bundle/). A part is
 * a function returning a Section (report.ts): adding one is one line in PARTS.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { measureBatchSection } from "./batch";
import { measureBundle } from "./bundle";
import { measureRelay } from "./relay";
import { loadAverage, renderReport, type BenchResults, type Section } from "./report";
import { measureRoundTrips } from "./round-trips";
import { measureScale } from "./scale";
import { measureSenders } from "./senders";
import { CHROMIUM_PATH, measureTimeToVerdict } from "./time-to-verdict";

export interface BenchContext {
  latencyMs: number;
  resultsDirectory: string;
}

const PARTS: Record<string, (context: BenchContext) => Promise<Section>> = {
  bundle: measureBundle,
  verdict: measureTimeToVerdict,
  "round-trips": measureRoundTrips,
  relay: measureRelay,
  scale: measureScale,
  senders: measureSenders,
  batch: measureBatchSection,
};

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(ROOT, "bench/results");
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function writeReport(results: BenchResults, complete: boolean): Promise<void> {
  const file = complete ? path.join(ROOT, "bench/REPORT.md") : path.join(RESULTS, "REPORT.partial.md");
  const options = (await prettier.resolveConfig(file)) ?? {};
  const command = complete
    ? "npm run bench"
    : `npm run bench -- --only ${Object.keys(results.sections).join(",")}`;
  writeFileSync(file, await prettier.format(renderReport(results, command), { ...options, filepath: file }));
  log(`Wrote ${path.relative(ROOT, file)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      latency: { type: "string", default: "100" },
      "report-only": { type: "boolean" },
    },
  });
  mkdirSync(RESULTS, { recursive: true });
  if (values["report-only"]) {
    const results = JSON.parse(readFileSync(path.join(RESULTS, "results.json"), "utf8")) as BenchResults;
    return writeReport(
      results,
      results.failures.length === 0 && Object.keys(PARTS).every((part) => part in results.sections),
    );
  }
  const parts = values.only?.split(",").map((part) => part.trim()) ?? Object.keys(PARTS);
  const unknown = parts.filter((part) => !(part in PARTS));
  if (unknown.length > 0)
    throw new Error(`Unknown part(s) ${unknown.join(", ")}: choose from ${Object.keys(PARTS).join(", ")}`);
  const context: BenchContext = { latencyMs: Number(values.latency), resultsDirectory: RESULTS };
  let chromium = "none";
  try {
    chromium = execFileSync(CHROMIUM_PATH, ["--version"], {
      encoding: "utf8",
      timeout: 20_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    // No browser: the verdict part fails and says so.
  }
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    durationSeconds: 0,
    machine: {
      cpu: `${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
      node: process.version,
      chromium,
      load: loadAverage(),
    },
    loadByPart: {},
    sections: {},
    failures: [],
  };
  log(`Bench on ${results.machine.cpu}, load ${results.machine.load.join(" / ")}`);
  for (const part of parts) {
    results.loadByPart[part] = loadAverage();
    log(`${part}… (load ${results.loadByPart[part]?.join(" / ")})`);
    try {
      results.sections[part] = await (PARTS[part] as (typeof PARTS)[string])(context);
    } catch (error) {
      results.failures.push({ part, message: error instanceof Error ? error.message : String(error) });
      log(`${part} FAILED: ${String(error)}`);
    }
  }
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  writeFileSync(path.join(RESULTS, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results, parts.length === Object.keys(PARTS).length && results.failures.length === 0);
  if (results.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
