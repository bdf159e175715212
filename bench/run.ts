/**
 * `npm run bench`: every part → bench/REPORT.md (raw figures: bench/results/results.json).
 * `--only relay,scale` → bench/results/REPORT.partial.md; `--latency 150` sets L for time to
 * verdict (default 100 ms); `--report-only` rewrites the report from results.json. A benchmark:
 * it asserts nothing (the budgets are tests in test/bundle/). A part is one line in PARTS.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { measureBatch } from "./batch";
import { measureBundle } from "./bundle";
import { measureRelay } from "./relay";
import { loadAverage, renderReport, type BenchResults, type Section } from "./report";
import { measureRoundTrips } from "./round-trips";
import { measureScale } from "./scale";
import { measureSenders } from "./senders";
import { CHROMIUM_PATH, measureTimeToVerdict } from "./time-to-verdict";

export type BenchContext = { latencyMs: number; resultsDirectory: string };
const PARTS: Record<string, (context: BenchContext) => Promise<Section>> = {
  bundle: measureBundle,
  verdict: measureTimeToVerdict,
  "round-trips": measureRoundTrips,
  relay: measureRelay,
  scale: measureScale,
  senders: measureSenders,
  batch: measureBatch,
};
const RESULTS = path.join(__dirname, "results");
const log = (line: string) => console.log(`[${(performance.now() / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function writeReport(results: BenchResults): Promise<void> {
  const parts = Object.keys(results.sections);
  const complete = results.failures.length === 0 && Object.keys(PARTS).every((part) => parts.includes(part));
  const file = complete ? path.join(__dirname, "REPORT.md") : path.join(RESULTS, "REPORT.partial.md");
  const command = complete ? "npm run bench" : `npm run bench -- --only ${parts.join(",")}`;
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  writeFileSync(file, await prettier.format(renderReport(results, command), options));
  log(`Wrote ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: "string" }, latency: { type: "string" }, "report-only": { type: "boolean" } },
  });
  mkdirSync(RESULTS, { recursive: true });
  if (values["report-only"])
    return writeReport(JSON.parse(readFileSync(path.join(RESULTS, "results.json"), "utf8")) as BenchResults);
  const parts = values.only?.split(",").map((part) => part.trim()) ?? Object.keys(PARTS);
  const unknown = parts.filter((part) => !(part in PARTS));
  if (unknown.length > 0) throw new Error(`Unknown part(s) ${unknown}: choose from ${Object.keys(PARTS)}`);
  let chromium = "none";
  try {
    chromium = execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", stdio: "pipe" }).trim();
  } catch {
    // No browser: the verdict part fails and says so.
  }
  const [cpu] = os.cpus();
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    durationSeconds: 0,
    machine: {
      cpu: `${cpu?.model.trim()}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
      node: process.version,
      chromium,
      load: loadAverage(),
    },
    loadByPart: {},
    sections: {},
    failures: [],
  };
  const context = { latencyMs: Number(values.latency ?? 100), resultsDirectory: RESULTS };
  for (const part of parts) {
    const load = (results.loadByPart[part] = loadAverage());
    log(`${part}… (load ${load.join(" / ")})`);
    try {
      results.sections[part] = await PARTS[part]!(context);
    } catch (error) {
      results.failures.push({ part, message: error instanceof Error ? error.message : String(error) });
      log(`${part} FAILED: ${String(error)}`);
    }
  }
  results.durationSeconds = Math.round(performance.now() / 1000);
  writeFileSync(path.join(RESULTS, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results);
  if (results.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
