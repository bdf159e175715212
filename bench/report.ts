/**
 * The report writer: each part returns a Section (its figures, each judged where it has a
 * goal, and its detail tables); this turns the sections into bench/REPORT.md.
 */
import os from "node:os";

export const KB = 1000;

/** One figure. `pass` is the part's own comparison with its goal; absent = information only. */
export interface Figure {
  figure: string;
  measured: string;
  goal?: string;
  pass?: boolean;
  /** Why it misses, or what the number means (shown under the summary for misses). */
  note?: string;
}

/** A figure against its goal (with `pass`), or information when there is no goal. */
export function fig(figure: string, measured: string, goal?: string, pass?: boolean, note?: string): Figure {
  return { figure, measured, ...(goal === undefined ? {} : { goal, pass }), ...(note ? { note } : {}) };
}

export interface Section {
  title: string;
  /** How it was measured (markdown). */
  about: string;
  figures: Figure[];
  /** Detail tables and text (markdown), in order. */
  detail: string[];
}

export interface Machine {
  cpu: string;
  node: string;
  chromium: string;
  /** 1, 5 and 15-minute load averages: other work on this shared machine skews timings. */
  load: number[];
}

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  /** Load averages when each part started. */
  loadByPart: Record<string, number[]>;
  sections: Record<string, Section>;
  failures: Array<{ part: string; message: string }>;
}

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
export const ms = (value: number) => `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} ms`;
export const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
export const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

/** A markdown table; headers as one string, separated by "|". */
export function table(header: string, rows: Array<Array<string | number>>): string {
  const headers = header.split("|");
  const line = (cells: Array<string | number>) =>
    `| ${cells.map((cell) => String(cell).replace(/\|/g, "\\|").replace(/\n/g, " ")).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Nearest-rank percentiles: every reported latency is one that was observed. */
export interface Summary {
  count: number;
  median: number;
  p95: number;
  p99: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("summary of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  return { count: sorted.length, median: at(50), p95: at(95), p99: at(99) };
}

const result = (figure: Figure) => (figure.pass === undefined ? "info" : figure.pass ? "pass" : "MISS");

export function renderReport(results: BenchResults, command: string): string {
  const { machine } = results;
  const sections = Object.entries(results.sections);
  const misses = sections.flatMap(([, section]) => section.figures.filter((figure) => figure.pass === false));
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
      sections.flatMap(([name, section]) =>
        section.figures.map((figure) => [
          name,
          figure.figure,
          figure.measured,
          figure.goal ?? "—",
          result(figure),
        ]),
      ),
    ),
    ...(results.failures.length > 0
      ? [
          "## Parts that failed",
          ...results.failures.map((failure) => `- ${failure.part}: ${failure.message}`),
        ]
      : []),
    ...(misses.length > 0
      ? [
          "## Where a figure misses its goal",
          misses
            .map(
              (figure) =>
                `- **${figure.figure}**: ${figure.measured} (goal ${figure.goal}). ${figure.note ?? ""}`,
            )
            .join("\n"),
        ]
      : []),
    ...sections.flatMap(([, section]) => [`## ${section.title}`, section.about, ...section.detail]),
  ].join("\n\n");
}
