/**
 * `npm run bench`: every measurement of issue 6 in one run, then bench/REPORT.md.
 *
 *   npm run bench                          all parts; writes bench/REPORT.md and bench/results/results.json
 *   npm run bench -- --only relay,scale    some parts (bundle, verdict, round-trips, relay, scale, senders);
 *                                          writes bench/results/REPORT.partial.md instead
 *   npm run bench -- --latency 150         the emulator's latency L for time to verdict (default 100 ms)
 *   npm run bench -- --report-only         rewrites the report from bench/results/results.json
 *
 * A benchmark, not a test: it asserts nothing (the bundle budget is test/bundle). It needs
 * Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) for the time-to-verdict part.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { buildPaneAndFloor, composition, FLOOR_PAGE, PROJECT_ROOT } from "./bundle/build";
import { toVerdictWeight } from "./bundle/to-verdict";
import { weigh } from "./bundle/weigh";
import { machineInfo } from "./lib/machine";
import { measureRelayOverhead } from "./relay-overhead";
import { renderReport } from "./report";
import type { BenchResults } from "./results-types";
import { measureRoundTrips } from "./round-trips";
import { measureLongDisplayName } from "./long-display-name";
import { measureScale } from "./scale";
import { measureTimeToVerdict } from "./time-to-verdict";

const PARTS = ["bundle", "verdict", "round-trips", "relay", "scale", "senders"] as const;
type Part = (typeof PARTS)[number];

const RESULTS_DIRECTORY = path.join(PROJECT_ROOT, "bench/results");
const BUILD_DIRECTORY = path.join(RESULTS_DIRECTORY, "build");
const RESULTS_FILE = path.join(RESULTS_DIRECTORY, "results.json");
const REPORT_FILE = path.join(PROJECT_ROOT, "bench/REPORT.md");
const PARTIAL_REPORT_FILE = path.join(RESULTS_DIRECTORY, "REPORT.partial.md");

const SETTINGS = { rounds: 5, starts: 5, relaySeconds: 3, relayRepetitions: 3, scaleLookups: 40 };

const started = performance.now();
function log(line: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${seconds} s] ${line}`);
}

function parseParts(value: string | undefined): Part[] {
  if (value === undefined) return [...PARTS];
  const parts = value.split(",").map((part) => part.trim());
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) {
      throw new Error(`Unknown part "${part}": choose from ${PARTS.join(", ")}`);
    }
  }
  return parts as Part[];
}

function officeJsLoaderWeight() {
  const file = path.join(PROJECT_ROOT, "node_modules/@microsoft/office-js/dist/office.js");
  return existsSync(file) ? weigh(readFileSync(file)) : null;
}

/** The report, formatted as the project's prettier settings want it (`npm run lint` checks it too). */
async function writeReport(file: string, results: BenchResults): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(renderReport(results), { ...options, filepath: file }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      only: { type: "string" },
      latency: { type: "string" },
      "report-only": { type: "boolean" },
    },
  });
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });

  if (values["report-only"]) {
    const results = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as BenchResults;
    // Only a complete run may replace the committed report.
    const complete =
      results.failures.length === 0 &&
      [
        results.bundle?.toVerdict,
        results.timeToVerdict,
        results.roundTrips,
        results.relay,
        results.scale,
      ].every((part) => part !== null && part !== undefined);
    const reportFile = complete ? REPORT_FILE : PARTIAL_REPORT_FILE;
    await writeReport(reportFile, results);
    log(`Wrote ${path.relative(PROJECT_ROOT, reportFile)} from ${path.relative(PROJECT_ROOT, RESULTS_FILE)}`);
    return;
  }

  const parts = parseParts(values.only);
  const latencyMs = values.latency === undefined ? 100 : Number(values.latency);
  if (!Number.isInteger(latencyMs) || latencyMs < 0)
    throw new Error(`--latency must be whole ms, got ${values.latency}`);

  const results: BenchResults = {
    machine: machineInfo(),
    startedAt: new Date().toISOString(),
    durationSeconds: 0,
    settings: { latencyMs, ...SETTINGS },
    bundle: null,
    timeToVerdict: null,
    roundTrips: null,
    relay: null,
    scale: null,
    failures: [],
  };
  log(
    `Bench on ${results.machine.cpuModel} (${results.machine.cores} cores), load ${results.machine.loadAverageAtStart}, ${results.machine.chromium ?? "no Chromium"}`,
  );

  const run = async (part: Part, body: () => Promise<void>) => {
    if (!parts.includes(part)) return;
    log(`${part}…`);
    try {
      await body();
      log(`${part} done`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.failures.push({ part, message });
      log(`${part} FAILED: ${message}`);
    }
  };

  const floorDirectory = path.join(BUILD_DIRECTORY, "floor");
  const needsBuild =
    parts.includes("bundle") ||
    (parts.includes("verdict") && !existsSync(path.join(floorDirectory, FLOOR_PAGE)));
  if (needsBuild) {
    if (!parts.includes("bundle")) parts.unshift("bundle");
    await run("bundle", async () => {
      rmSync(BUILD_DIRECTORY, { recursive: true, force: true });
      const build = await buildPaneAndFloor({ outputDirectory: BUILD_DIRECTORY });
      results.bundle = {
        build,
        officeJsLoader: officeJsLoaderWeight(),
        toVerdict: null,
        toVerdictComposition: null,
      };
      log(`  pane and floor built in ${build.buildSeconds.toFixed(0)} s`);
    });
  }
  await run("verdict", async () => {
    const timing = await measureTimeToVerdict({
      latencyMs,
      rounds: SETTINGS.rounds,
      starts: SETTINGS.starts,
      floorDirectory,
      log,
    });
    results.timeToVerdict = timing;
    if (results.bundle) {
      const paneDirectory = path.join(BUILD_DIRECTORY, "pane");
      const toVerdict = toVerdictWeight(
        results.bundle.build,
        paneDirectory,
        timing.paneBuildDirectory,
        timing.loadedBeforeFirstVerdict.map((resource) => resource.path),
      );
      results.bundle.toVerdict = toVerdict;
      results.bundle.toVerdictComposition = composition(
        paneDirectory,
        toVerdict.production.files.filter((file) => existsSync(path.join(paneDirectory, file.file))),
      );
    }
  });
  await run("round-trips", async () => {
    results.roundTrips = await measureRoundTrips();
  });
  await run("relay", async () => {
    results.relay = await measureRelayOverhead({
      durationSeconds: SETTINGS.relaySeconds,
      repetitions: SETTINGS.relayRepetitions,
    });
  });
  await run("scale", async () => {
    results.scale = await measureScale({ lookups: SETTINGS.scaleLookups });
  });
  await run("senders", async () => {
    results.longDisplayName = measureLongDisplayName();
  });

  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const complete = parts.length === PARTS.length && results.failures.length === 0;
  const reportFile = complete ? REPORT_FILE : PARTIAL_REPORT_FILE;
  await writeReport(reportFile, results);
  log(`Wrote ${path.relative(PROJECT_ROOT, reportFile)} (${results.durationSeconds} s in all)`);
  if (results.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
