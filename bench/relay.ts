/**
 * Part 4, relay overhead: the same search (POST /admin/api/Contact/GetContacts for one
 * address among 100 contacts) straight to the emulator and through the production server,
 * on loopback, with autocannon in this process and each server in its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { ADMIN_API_ROUTES } from "../src/admin-api/wire";
import { EmulatorControl } from "../src/emulator/control-client";
import type { EmulatorSeed } from "../src/emulator/server";
import { startChildServer, type ChildServer } from "./lib/child";
import { fig, ms, percent, summarize, table, type Section } from "./report";

const LEVELS = [1, 16, 64];
const JUDGED = 16;
const [SLICE_S, REPETITIONS, WARMUP_S, UPSTREAM_MS] = [3, 3, 1, 100];
const SEARCHED = "daniel.okafor@northwindtraders.com";
/** Many people's panes, each with its own token: the relay's per-caller limit (8 at once) never queues them. */
const CALLERS = Array.from({ length: 64 }, (_, index) => `bench-caller-${index}`);
const SEED: EmulatorSeed = {
  tokens: CALLERS.map((token) => ({ token, role: "admin", resource: "admin-center" })),
  contacts: [
    {
      ContactDisplayName: "Daniel Okafor",
      ContactCompany: "Northwind Traders",
      ContactExternalEmailAddress: SEARCHED,
    },
    ...Array.from({ length: 99 }, (_, index) => ({
      ContactDisplayName: `Colleague ${index + 1}`,
      ContactExternalEmailAddress: `colleague${index + 1}@partner${index % 7}.example`,
    })),
  ],
};

/** One autocannon run: the 2xx response times (fractional ms; its histogram rounds to whole ms) and the failures. */
function load(url: string, connections: number, duration: number) {
  const latencies: number[] = [];
  let next = 0;
  return new Promise<{ latencies: number[]; seconds: number; failures: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${ADMIN_API_ROUTES.search.path}`,
        method: ADMIN_API_ROUTES.search.method as "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ SearchString: SEARCHED, NextLink: "" }),
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, authorization: `Bearer ${CALLERS[next++ % CALLERS.length]}` },
            }),
          },
        ],
        connections,
        duration,
        timeout: 10,
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              latencies,
              seconds: result.duration,
              failures: result.errors + result.timeouts + result.non2xx,
            }),
    );
    instance.on("response", (_client, status, _bytes, time) => void (status < 300 && latencies.push(time)));
  });
}

/** Self time of a V8 .cpuprofile in a few categories a reader can act on (idle left out). */
function cpuShares(file: string): Array<[string, number]> {
  const profile = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
    samples: number[];
    timeDeltas: number[];
  };
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const time = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const { functionName: name, url } = frames.get(id) ?? { functionName: "(idle)", url: "" };
    const category =
      name === "(idle)" || name === "(program)"
        ? null
        : name === "(garbage collector)"
          ? "garbage collection"
          : url.includes("src/server/")
            ? "src/server/ (the relay's own code)"
            : /^node:(?:_http|http|net|internal\/(?:http|streams|stream_base|net))/.test(url)
              ? "Node's HTTP and streams"
              : url.startsWith("node:")
                ? "other Node internals"
                : url === ""
                  ? "native and V8 (socket writes, parsing, JSON)"
                  : "other JavaScript";
    if (category) time.set(category, (time.get(category) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const busy = [...time.values()].reduce((sum, value) => sum + value, 0);
  return [...time]
    .map(([category, micros]) => [category, micros / busy] as [string, number])
    .sort((a, b) => b[1] - a[1]);
}

export async function measureRelay(): Promise<Section> {
  const distDir = await mkdtemp(path.join(os.tmpdir(), "bench-relay-"));
  await writeFile(path.join(distDir, "taskpane.html"), "<!doctype html>\n");
  const children: ChildServer[] = [];
  const start = async (config: object, execArgv?: string[]) =>
    children[children.push(await startChildServer(config, execArgv)) - 1] as ChildServer;
  try {
    const emulator = await start({ emulator: SEED });
    const relay = await start({ relay: { upstream: emulator.url, distDir } });
    /** Direct and relayed slices alternating (direct first, then relay first...), each after a warm-up, pooled per target. */
    const compare = async (connections: number) => {
      const pooled = {
        direct: { latencies: [] as number[], seconds: 0, failures: 0, emulatorCpu: 0, relayCpu: 0 },
        relay: { latencies: [] as number[], seconds: 0, failures: 0, emulatorCpu: 0, relayCpu: 0 },
      };
      for (let repetition = 0; repetition < REPETITIONS; repetition++) {
        for (const target of repetition % 2
          ? (["relay", "direct"] as const)
          : (["direct", "relay"] as const)) {
          const url = target === "direct" ? emulator.url : relay.url;
          await load(url, connections, WARMUP_S);
          const [emulatorBefore, relayBefore] = [await emulator.cpuMicros(), await relay.cpuMicros()];
          const slice = await load(url, connections, SLICE_S);
          const into = pooled[target];
          into.latencies.push(...slice.latencies);
          into.seconds += slice.seconds;
          into.failures += slice.failures;
          into.emulatorCpu += (await emulator.cpuMicros()) - emulatorBefore;
          into.relayCpu += (await relay.cpuMicros()) - relayBefore;
        }
      }
      const run = (target: "direct" | "relay") => {
        const { latencies, seconds, failures, emulatorCpu, relayCpu } = pooled[target];
        return {
          target,
          connections,
          rate: latencies.length / seconds,
          latency: summarize(latencies),
          failures,
          emulatorCpu: emulatorCpu / latencies.length,
          relayCpu: target === "relay" ? relayCpu / latencies.length : null,
        };
      };
      const [direct, relayed] = [run("direct"), run("relay")];
      return {
        connections,
        direct,
        relay: relayed,
        addedMedian: relayed.latency.median - direct.latency.median,
        addedP99: relayed.latency.p99 - direct.latency.p99,
        kept: relayed.rate / direct.rate,
      };
    };
    const runs = [];
    for (const connections of LEVELS) runs.push(await compare(connections));

    // A separate relay under --cpu-prof at the judged load: where its CPU goes (profiling slows it, so not measured above).
    const profileDir = await mkdtemp(path.join(os.tmpdir(), "bench-relay-profile-"));
    const profiled = await startChildServer({ relay: { upstream: emulator.url, distDir } }, [
      "--cpu-prof",
      `--cpu-prof-dir=${profileDir}`,
    ]);
    await load(profiled.url, JUDGED, WARMUP_S + SLICE_S);
    await profiled.stop();
    // One profile per thread (tsx runs a loader thread): the server's is the largest.
    const profiles = readdirSync(profileDir).map((file) => path.join(profileDir, file));
    const shares = cpuShares(
      profiles.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0] as string,
    );
    await rm(profileDir, { recursive: true, force: true });

    await new EmulatorControl(emulator.url).updateSettings({ latencyMs: UPSTREAM_MS });
    const distant = await compare(JUDGED);

    const failures = runs.reduce((sum, run) => sum + run.direct.failures + run.relay.failures, 0);
    const figures = [
      fig(
        `errors, timeouts and non-2xx (${runs.length * 2 * REPETITIONS} slices)`,
        String(failures),
        "0",
        failures === 0,
      ),
    ];
    for (const run of runs) {
      // Only the judged level has goals; the others are information.
      const [judged, name] = [run.connections === JUDGED, `${run.connections} connections`];
      const note = `On 2 shared cores the load generator, the relay (${run.relay.relayCpu?.toFixed(0)} µs CPU per request) and the emulator compete for the CPU the direct runs have to themselves: this measures contention as much as the relay. With a ${UPSTREAM_MS} ms upstream, as a distant service answers, the relay adds ${ms(distant.addedMedian)} at the median and keeps ${percent(distant.kept)} of direct throughput.`;
      const judge = (goal: string, pass: boolean): [goal?: string, pass?: boolean, note?: string] =>
        judged ? [goal, pass, note] : [];
      figures.push(
        fig(`${name}: added latency, median`, ms(run.addedMedian), ...judge("< 2 ms", run.addedMedian < 2)),
        fig(`${name}: added latency, p99`, ms(run.addedP99), ...judge("< 10 ms", run.addedP99 < 10)),
        fig(
          `${name}: throughput kept through the relay`,
          `${percent(run.kept)} (${run.relay.rate.toFixed(0)} vs ${run.direct.rate.toFixed(0)} req/s)`,
          ...judge("≥ 80 %", run.kept >= 0.8),
        ),
      );
    }
    figures.push(
      fig(
        `${JUDGED} connections, upstream answering after ${UPSTREAM_MS} ms: added median / p99, throughput kept`,
        `${ms(distant.addedMedian)} / ${ms(distant.addedP99)}, ${percent(distant.kept)}`,
      ),
    );
    const rows = [...runs, distant].flatMap((run) =>
      [run.direct, run.relay].map((one) => [
        one.target,
        one.connections,
        one.rate.toFixed(0),
        ms(one.latency.median),
        ms(one.latency.p99),
        one.failures,
        one.emulatorCpu.toFixed(0),
        one.relayCpu?.toFixed(0) ?? "—",
      ]),
    );
    return {
      title: "4. Relay overhead",
      about: `autocannon ${(require("autocannon/package.json") as { version: string }).version} in the bench's process, the emulator and the production server (\`startServer\`, access log to /dev/null) each in their own Node process, on loopback: \`POST /admin/api/Contact/GetContacts\` for one of 100 contacts, each request with the next of 64 callers' tokens (many people's panes: the relay lets one caller have 8 calls upstream at once), at each level ${REPETITIONS} slices of ${SLICE_S} s per target after a ${WARMUP_S} s warm-up, direct and relayed alternating, slices pooled. Latencies are autocannon's per-response times; CPU per request is each server's \`process.cpuUsage()\` over the slices divided by the responses. The last two rows: the emulator answering after ${UPSTREAM_MS} ms.`,
      figures,
      detail: [
        table("target|connections|req/s|median|p99|failures|emulator CPU µs/req|relay CPU µs/req", rows),
        `Where the relay's CPU goes (a separate ${WARMUP_S + SLICE_S} s run at ${JUDGED} connections under \`node --cpu-prof\`, self time):`,
        table(
          "category|share of busy time",
          shares.map(([category, share]) => [category, percent(share)]),
        ),
      ],
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
    await rm(distDir, { recursive: true, force: true });
  }
}
