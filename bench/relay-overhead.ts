/**
 * Part 4: what the relay costs. The same search call (POST /admin/api/Contact/GetContacts
 * for one address, answered with one contact) straight to the emulator and through the
 * production server's relay, on loopback, at 1, 16 and 64 concurrent connections, with
 * autocannon. The emulator and the relay each run in their own Node process; autocannon
 * runs in this one. Latencies are autocannon's per-response times (fractional ms; its own
 * histogram rounds to whole ms, too coarse for a sub-millisecond overhead).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import autocannon, { type AutocannonResult } from "autocannon";
import { ADMIN_API_ROUTES } from "../src/admin-api/wire";
import { EmulatorControl } from "../src/emulator/control-client";
import { DEMO_TOKENS, type EmulatorSeed } from "../src/emulator/server";
import { GOALS } from "./goals";
import { startChildServer, type ChildServer } from "./lib/child-server";
import { cpuBreakdown, type CpuBreakdown, type CpuProfile } from "./lib/cpu-profile";
import { summarize, type Summary } from "./lib/stats";

export const RELAY_CONCURRENCY = [1, 16, 64] as const;

export interface LoadRun {
  target: "direct" | "relay";
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: Summary;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU time per completed request, µs, of the emulator and (through the relay) of the relay process. */
  emulatorCpuMicrosPerRequest: number;
  relayCpuMicrosPerRequest: number | null;
}

export interface RelayComparison {
  connections: number;
  direct: LoadRun;
  relay: LoadRun;
  /** relay median − direct median, ms. */
  addedMedianMs: number;
  /** relay p99 − direct p99, ms. */
  addedP99Ms: number;
  /** relay requests/s ÷ direct requests/s. */
  throughputRatio: number;
}

export interface RelayOverheadResult {
  searchedAddress: string;
  contactsInEmulator: number;
  /** Slices per target and level, and seconds per slice (each after a 1 s warm-up). */
  repetitions: number;
  sliceSeconds: number;
  runs: RelayComparison[];
  /**
   * The same comparison at GOALS.relayConnections connections with the emulator answering
   * after `upstreamLatencyMs`, as a distant admin center does: what the relay costs when the
   * upstream, not this machine's CPU, sets the pace.
   */
  withUpstreamLatency: (RelayComparison & { upstreamLatencyMs: number }) | null;
  /** Where a relay process spends its CPU under this load (a separate, profiled run). */
  relayCpuProfile: (CpuBreakdown & { connections: number; seconds: number }) | null;
  /** The load generator, as installed. */
  loadTool: string;
}

export interface RelayOverheadOptions {
  /** Measured slices per target and level, alternating direct and relay. Default 3. */
  repetitions?: number;
  /** Latency for the extra comparison; 0 skips it. Default 100 ms. */
  upstreamLatencyMs?: number;
  /** Seconds per measured slice. Default 3. */
  durationSeconds?: number;
  /** Seconds of unmeasured load before each run (JIT, connection setup). Default 1. */
  warmupSeconds?: number;
}

const SEARCHED = "daniel.okafor@northwindtraders.com";

const SEED: EmulatorSeed = {
  contacts: [
    {
      ContactDisplayName: "Daniel Okafor",
      ContactCompany: "Northwind Traders",
      ContactExternalEmailAddress: SEARCHED,
      ContactMailTip: "External contact: Daniel Okafor from Northwind Traders (northwindtraders.com).",
    },
    // Other people, so that the search filters rather than returns everything.
    ...Array.from({ length: 99 }, (_, index) => ({
      ContactDisplayName: `Colleague ${index + 1}`,
      ContactExternalEmailAddress: `colleague${index + 1}@partner${index % 7}.example`,
    })),
  ],
};

/** One autocannon run: the 2xx response times (fractional ms) and what went wrong. */
interface LoadSlice {
  latencies: number[];
  durationSeconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

function load(url: string, connections: number, durationSeconds: number): Promise<LoadSlice> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${ADMIN_API_ROUTES.search.path}`,
        method: ADMIN_API_ROUTES.search.method,
        headers: {
          authorization: `Bearer ${DEMO_TOKENS.admin}`,
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify({ SearchString: SEARCHED, NextLink: "" }),
        connections,
        pipelining: 1,
        duration: durationSeconds,
        timeout: 10,
      },
      (error: Error | null, result: AutocannonResult) => {
        if (error) {
          reject(error);
          return;
        }
        if (latencies.length === 0) {
          reject(new Error(`no response from ${url} at ${connections} connections`));
          return;
        }
        resolve({
          latencies,
          durationSeconds: result.duration,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

function autocannonVersion(): string {
  const manifest = createRequire(__filename)("autocannon/package.json") as { version: string };
  return manifest.version;
}

/**
 * A second relay process, started with --cpu-prof, under the goal's load: where its CPU
 * goes. Separate from the measured runs, since profiling slows the process down.
 */
async function profileRelay(
  upstream: string,
  distDir: string,
  seconds: number,
): Promise<RelayOverheadResult["relayCpuProfile"]> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), "bench-relay-profile-"));
  try {
    const relay = await startChildServer("bench/processes/relay-process.ts", { upstream, distDir }, [
      "--cpu-prof",
      `--cpu-prof-dir=${profileDir}`,
    ]);
    try {
      await load(relay.url, GOALS.relayConnections, 1);
      await load(relay.url, GOALS.relayConnections, seconds);
    } finally {
      await relay.stop();
    }
    // One profile per thread (tsx runs a loader thread): keep the busiest, the server's.
    const breakdowns = (await readdir(profileDir))
      .filter((file) => file.endsWith(".cpuprofile"))
      .map((file) =>
        cpuBreakdown(
          JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile,
          "src/server/",
        ),
      )
      .sort((a, b) => b.busyMs - a.busyMs);
    const busiest = breakdowns[0];
    return busiest ? { ...busiest, connections: GOALS.relayConnections, seconds: seconds + 1 } : null;
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
}

export async function measureRelayOverhead(options: RelayOverheadOptions = {}): Promise<RelayOverheadResult> {
  const durationSeconds = options.durationSeconds ?? 3;
  const repetitions = options.repetitions ?? 3;
  const warmupSeconds = options.warmupSeconds ?? 1;
  const upstreamLatencyMs = options.upstreamLatencyMs ?? 100;
  // The relay serves static files too: give it an empty pane to serve.
  const distDir = await mkdtemp(path.join(os.tmpdir(), "bench-relay-dist-"));
  await writeFile(path.join(distDir, "taskpane.html"), "<!doctype html><title>bench</title>\n");
  const children: ChildServer[] = [];
  try {
    const emulator = await startChildServer("bench/processes/emulator-process.ts", SEED);
    children.push(emulator);
    const relay = await startChildServer("bench/processes/relay-process.ts", {
      upstream: emulator.url,
      distDir,
    });
    children.push(relay);

    /** One measured slice after an unmeasured warm-up, with the CPU each server process spent on it. */
    const slice = async (target: "direct" | "relay", connections: number, seconds: number) => {
      const url = target === "direct" ? emulator.url : relay.url;
      await load(url, connections, warmupSeconds);
      const [emulatorBefore, relayBefore] = [await emulator.cpuMicros(), await relay.cpuMicros()];
      const measured = await load(url, connections, seconds);
      const [emulatorAfter, relayAfter] = [await emulator.cpuMicros(), await relay.cpuMicros()];
      return { ...measured, emulatorCpu: emulatorAfter - emulatorBefore, relayCpu: relayAfter - relayBefore };
    };

    /**
     * Direct and relayed slices, alternating (direct first, then relay first, ...), so that
     * neither target gets a systematically quieter machine; each target's slices pooled.
     */
    const compare = async (connections: number, seconds: number): Promise<RelayComparison> => {
      const slices = {
        direct: [] as Awaited<ReturnType<typeof slice>>[],
        relay: [] as Awaited<ReturnType<typeof slice>>[],
      };
      for (let repetition = 0; repetition < repetitions; repetition++) {
        const order = repetition % 2 === 0 ? (["direct", "relay"] as const) : (["relay", "direct"] as const);
        for (const target of order) slices[target].push(await slice(target, connections, seconds));
      }
      const pooled = (target: "direct" | "relay"): LoadRun => {
        const parts = slices[target];
        const latencies = parts.flatMap((part) => part.latencies);
        const duration = parts.reduce((sum, part) => sum + part.durationSeconds, 0);
        const sum = (pick: (part: (typeof parts)[number]) => number) =>
          parts.reduce((total, part) => total + pick(part), 0);
        return {
          target,
          connections,
          durationSeconds: duration,
          requests: latencies.length,
          requestsPerSecond: latencies.length / duration,
          latencyMs: summarize(latencies),
          errors: sum((part) => part.errors),
          timeouts: sum((part) => part.timeouts),
          non2xx: sum((part) => part.non2xx),
          emulatorCpuMicrosPerRequest: sum((part) => part.emulatorCpu) / latencies.length,
          relayCpuMicrosPerRequest:
            target === "relay" ? sum((part) => part.relayCpu) / latencies.length : null,
        };
      };
      const direct = pooled("direct");
      const relayed = pooled("relay");
      return {
        connections,
        direct,
        relay: relayed,
        addedMedianMs: relayed.latencyMs.median - direct.latencyMs.median,
        addedP99Ms: relayed.latencyMs.p99 - direct.latencyMs.p99,
        throughputRatio: relayed.requestsPerSecond / direct.requestsPerSecond,
      };
    };

    const runs: RelayComparison[] = [];
    for (const connections of RELAY_CONCURRENCY) runs.push(await compare(connections, durationSeconds));

    const relayCpuProfile = await profileRelay(emulator.url, distDir, durationSeconds);

    let withUpstreamLatency: RelayOverheadResult["withUpstreamLatency"] = null;
    if (upstreamLatencyMs > 0) {
      await new EmulatorControl(emulator.url).updateSettings({ latencyMs: upstreamLatencyMs });
      withUpstreamLatency = {
        ...(await compare(GOALS.relayConnections, durationSeconds)),
        upstreamLatencyMs,
      };
    }
    return {
      repetitions,
      sliceSeconds: durationSeconds,
      searchedAddress: SEARCHED,
      contactsInEmulator: SEED.contacts?.length ?? 0,
      runs,
      withUpstreamLatency,
      relayCpuProfile,
      loadTool: `autocannon ${autocannonVersion()}`,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
    await rm(distDir, { recursive: true, force: true });
  }
}
