/** The report writer: each part returns a Section (figures judged against goals, detail tables); renderReport makes REPORT.md. */
import os from "node:os";

/** One figure; `pass` is the part's comparison with its goal (no goal = information). `note` explains a miss. */
export type Figure = { figure: string; measured: string; goal?: string; pass?: boolean; note?: string };
export type Section = { title: string; about: string; figures: Figure[]; detail: string[] };
export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpu: string; node: string; chromium: string; load: number[] };
  loadByPart: Record<string, number[]>;
  sections: Record<string, Section>;
  failures: Array<{ part: string; message: string }>;
}

export const fig = (figure: string, measured: string, goal?: string, pass?: boolean, note?: string) =>
  ({ figure, measured, goal, pass: goal === undefined ? undefined : pass, note }) as Figure;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
export const ms = (value: number) => `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} ms`;
export const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
export const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

/** A markdown table, headers as one "|"-separated string (prettier aligns it). */
export const table = (header: string, rows: Array<Array<string | number>>) =>
  [header.split("|"), header.split("|").map(() => "---"), ...rows]
    .map((cells) => `| ${cells.map((cell) => String(cell).replace(/\|/g, "\\|")).join(" | ")} |`)
    .join("\n");

/** Nearest-rank percentiles: every reported latency is one that was observed. */
export function summarize(samples: readonly number[]) {
  if (samples.length === 0) throw new Error("summary of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  return { count: sorted.length, median: at(50), p95: at(95), p99: at(99) };
}
export type Summary = ReturnType<typeof summarize>;

export function renderReport({ machine, ...results }: BenchResults, command: string): string {
  const sections = Object.entries(results.sections);
  const misses = sections.flatMap(([, section]) => section.figures.filter((figure) => figure.pass === false));
  const verdict = (figure: Figure) => (figure.pass === undefined ? "info" : figure.pass ? "pass" : "MISS");
  return [
    "# Benchmark report",
    `Written by \`${command}\` (bench/run.ts) on ${results.startedAt.slice(0, 10)} in ${results.durationSeconds} s; raw figures in \`bench/results/results.json\` (not committed). How to run it: [docs/bench.md](../docs/bench.md).`,
    table("machine|", [
      ["CPU", machine.cpu],
      ["Node.js", machine.node],
      ["browser", machine.chromium],
      ["load average (1/5/15 min) at the start", machine.load.join(" / ")],
      ...Object.entries(results.loadByPart).map(([part, load]) => [
        `… when ${part} started`,
        load.join(" / "),
      ]),
    ]),
    "The machine is shared (2 cores, other engineers building and testing): timings are slower and noisier than on a quiet machine, and move with the load beside them; byte and call counts do not.",
    "## Every figure against its goal",
    "KB = 1000 bytes. L = the emulator's fixed latency for every directory call.",
    table(
      "part|figure|measured|goal|result",
      sections.flatMap(([part, { figures }]) =>
        figures.map((one) => [part, one.figure, one.measured, one.goal ?? "—", verdict(one)]),
      ),
    ),
    ...(results.failures.length > 0 ? ["## Parts that failed"] : []),
    results.failures.map((failure) => `- ${failure.part}: ${failure.message}`).join("\n"),
    ...(misses.length > 0 ? ["## Where a figure misses its goal"] : []),
    misses
      .map((one) => `- **${one.figure}**: ${one.measured} (goal ${one.goal}). ${one.note ?? ""}`)
      .join("\n"),
    ...sections.flatMap(([, section]) => [`## ${section.title}`, section.about, ...section.detail]),
  ]
    .filter(Boolean)
    .join("\n\n");
}
