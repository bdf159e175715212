/**
 * Part 4, relay overhead: the same search (POST /admin/api/Contact/GetContacts for one address
 * among 100 contacts) straight to the emulator and through the production server, on loopback,
 * with autocannon in this process and each server in its own (bench/lib/child.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { ADMIN_API_ROUTES } from "../src/admin-api/wire";
import { EmulatorControl } from "../src/emulator/control-client";
import type { EmulatorSeed } from "../src/emulator/server";
import { startChildServer, type ChildServer } from "./lib/child";
import { fig, ms, percent, summarize, table, type Section } from "./report";

const [LEVELS, JUDGED] = [[1, 16, 64], 16];
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
/** Where a profile's self time goes besides garbage collection: the first category whose pattern matches a frame's URL. */
const CATEGORIES: Array<[string, RegExp]> = [
  ["src/server/ (the relay's own code)", /src\/server\//],
  ["Node's HTTP and streams", /^node:(?:_http|http|net|internal\/(?:http|streams|stream_base|net))/],
  ["other Node internals", /^node:/],
  ["native and V8 (socket writes, parsing, JSON)", /^$/],
  ["other JavaScript", /(?:)/],
];

/** One autocannon run: the 2xx response times (fractional ms; its histogram rounds to whole ms) and the failures. */
function load(url: string, connections: number, duration: number) {
  const latencies: number[] = [];
  let next = 0;
  const { path: route, method } = ADMIN_API_ROUTES.search;
  const body = JSON.stringify({ SearchString: SEARCHED, NextLink: "" });
  const signed = (request: { headers?: object }) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${CALLERS[next++ % CALLERS.length]}` },
  });
  return new Promise<{ latencies: number[]; seconds: number; failures: number }>((resolve, reject) => {
    const options = {
      url: `${url}${route}`,
      method: method as "POST",
      headers: { "content-type": "application/json" },
    };
    const requests = [{ setupRequest: signed }];
    autocannon({ ...options, body, requests, connections, duration, timeout: 10 }, (error, result) =>
      error
        ? reject(error)
        : resolve({
            latencies,
            seconds: result.duration,
            failures: result.errors + result.timeouts + result.non2xx,
          }),
    ).on("response", (_client, status, _bytes, time) => void (status < 300 && latencies.push(time)));
  });
}

/** Self time of a V8 .cpuprofile per category, as shares of busy time (idle and "(program)" left out). */
function cpuShares(file: string): Array<[string, number]> {
  const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
    samples: number[];
    timeDeltas: number[];
  };
  const frames = new Map(nodes.map((node) => [node.id, node.callFrame]));
  const time = new Map<string, number>();
  samples.forEach((id, index) => {
    const { functionName: name, url } = frames.get(id) ?? { functionName: "(idle)", url: "" };
    if (name === "(idle)" || name === "(program)") return;
    const category =
      name === "(garbage collector)"
        ? "garbage collection"
        : CATEGORIES.find(([, test]) => test.test(url))?.[0];
    time.set(category as string, (time.get(category as string) ?? 0) + (timeDeltas[index] ?? 0));
  });
  const busy = [...time.values()].reduce((sum, value) => sum + value, 0);
  return [...time]
    .map(([category, micros]) => [category, micros / busy] as [string, number])
    .sort((a, b) => b[1] - a[1]);
}

export async function measureRelay(): Promise<Section> {
  const distDir = mkdtempSync(path.join(os.tmpdir(), "bench-relay-"));
  writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html>\n");
  const children: ChildServer[] = [];
  const start = async (...args: Parameters<typeof startChildServer>) =>
    children[children.push(await startChildServer(...args)) - 1] as ChildServer;
  try {
    const emulator = await start({ emulator: SEED });
    const relay = await start({ relay: { upstream: emulator.url, distDir } });
    /** Direct and relayed slices alternating (direct first, then relay first...), each after a warm-up, pooled per target. */
    const compare = async (connections: number) => {
      type Slice = Record<"seconds" | "failures" | "cpu" | "relayCpu", number>;
      const slices = { direct: [] as Slice[], relay: [] as Slice[] };
      const latencies = { direct: [] as number[], relay: [] as number[] };
      for (let repetition = 0; repetition < REPETITIONS; repetition++)
        for (const target of repetition % 2
          ? (["relay", "direct"] as const)
          : (["direct", "relay"] as const)) {
          const url = target === "direct" ? emulator.url : relay.url;
          await load(url, connections, WARMUP_S);
          const [cpu, relayCpu] = [await emulator.cpuMicros(), await relay.cpuMicros()];
          const { seconds, failures, ...slice } = await load(url, connections, SLICE_S);
          latencies[target].push(...slice.latencies);
          const [cpuAfter, relayCpuAfter] = [await emulator.cpuMicros(), await relay.cpuMicros()];
          slices[target].push({ seconds, failures, cpu: cpuAfter - cpu, relayCpu: relayCpuAfter - relayCpu });
        }
      const measured = (target: "direct" | "relay") => {
        const [n, latency] = [latencies[target].length, summarize(latencies[target])];
        const sum = (key: keyof Slice) => slices[target].reduce((total, slice) => total + slice[key], 0);
        const [rate, failures, relayCpu] = [
          n / sum("seconds"),
          sum("failures"),
          (sum("relayCpu") / n).toFixed(0),
        ];
        const row = [target, connections, rate.toFixed(0), ms(latency.median), ms(latency.p99), failures];
        return {
          rate,
          latency,
          failures,
          relayCpu,
          row: [...row, (sum("cpu") / n).toFixed(0), target === "relay" ? relayCpu : "—"],
        };
      };
      const [direct, relayed] = [measured("direct"), measured("relay")];
      const added = (key: "median" | "p99") => relayed.latency[key] - direct.latency[key];
      return {
        connections,
        direct,
        relayed,
        addedMedian: added("median"),
        addedP99: added("p99"),
        kept: relayed.rate / direct.rate,
      };
    };
    const runs = [];
    for (const connections of LEVELS) runs.push(await compare(connections));

    // A separate relay under --cpu-prof at the judged load: where its CPU goes (profiling slows it, so not measured above).
    const profileDir = mkdtempSync(path.join(os.tmpdir(), "bench-relay-profile-"));
    const profiled = await startChildServer({ relay: { upstream: emulator.url, distDir } }, [
      "--cpu-prof",
      `--cpu-prof-dir=${profileDir}`,
    ]);
    await load(profiled.url, JUDGED, WARMUP_S + SLICE_S);
    await profiled.stop();
    // One profile per thread (tsx runs a loader thread): the server's is the largest.
    const profiles = readdirSync(profileDir).map((file) => path.join(profileDir, file));
    const shares = cpuShares(profiles.sort((a, b) => statSync(b).size - statSync(a).size)[0] as string);
    rmSync(profileDir, { recursive: true, force: true });

    await new EmulatorControl(emulator.url).updateSettings({ latencyMs: UPSTREAM_MS });
    const distant = await compare(JUDGED);
    const failures = runs.reduce((sum, run) => sum + run.direct.failures + run.relayed.failures, 0);
    const slices = `${runs.length * 2 * REPETITIONS} slices`;
    const figures = [fig(`errors, timeouts and non-2xx (${slices})`, String(failures), "0", failures === 0)];
    for (const { connections, relayed, direct, addedMedian, addedP99, kept } of runs) {
      // Only the judged level has goals; the others are information.
      const note = `On 2 shared cores the load generator, the relay (${relayed.relayCpu} µs CPU per request) and the emulator compete for the CPU the direct runs have to themselves: this measures contention as much as the relay. With a ${UPSTREAM_MS} ms upstream, as a distant service answers, the relay adds ${ms(distant.addedMedian)} at the median and keeps ${percent(distant.kept)} of direct throughput.`;
      const judge = (goal: string, pass: boolean): [string?, boolean?, string?] =>
        connections === JUDGED ? [goal, pass, note] : [];
      figures.push(
        fig(
          `${connections} connections: added latency, median`,
          ms(addedMedian),
          ...judge("< 2 ms", addedMedian < 2),
        ),
        fig(
          `${connections} connections: added latency, p99`,
          ms(addedP99),
          ...judge("< 10 ms", addedP99 < 10),
        ),
        fig(
          `${connections} connections: throughput kept through the relay`,
          `${percent(kept)} (${relayed.rate.toFixed(0)} vs ${direct.rate.toFixed(0)} req/s)`,
          ...judge("≥ 80 %", kept >= 0.8),
        ),
      );
    }
    figures.push(
      fig(
        `${JUDGED} connections, upstream answering after ${UPSTREAM_MS} ms: added median / p99, throughput kept`,
        `${ms(distant.addedMedian)} / ${ms(distant.addedP99)}, ${percent(distant.kept)}`,
      ),
    );
    const version = (require("autocannon/package.json") as { version: string }).version;
    return {
      title: "4. Relay overhead",
      about: `autocannon ${version} in the bench's process, the emulator and the production server (\`startServer\`, access log to /dev/null) each in their own Node process, on loopback: \`POST /admin/api/Contact/GetContacts\` for one of 100 contacts, each request with the next of 64 callers' tokens (many people's panes: the relay lets one caller have 8 calls upstream at once), at each level ${REPETITIONS} slices of ${SLICE_S} s per target after a ${WARMUP_S} s warm-up, direct and relayed alternating, slices pooled. Latencies are autocannon's per-response times; CPU per request is each server's \`process.cpuUsage()\` over the slices divided by the responses. The last two rows: the emulator answering after ${UPSTREAM_MS} ms.`,
      figures,
      detail: [
        table(
          "target|connections|req/s|median|p99|failures|emulator CPU µs/req|relay CPU µs/req",
          [...runs, distant].flatMap((run) => [run.direct.row, run.relayed.row]),
        ),
        `Where the relay's CPU goes (a separate ${WARMUP_S + SLICE_S} s run at ${JUDGED} connections under \`node --cpu-prof\`, self time):`,
        table(
          "category|share of busy time",
          shares.map(([category, share]) => [category, percent(share)]),
        ),
      ],
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
    rmSync(distDir, { recursive: true, force: true });
  }
}
