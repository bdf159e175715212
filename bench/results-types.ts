/** The shape of bench/results/results.json: one run of `npm run bench`, from which REPORT.md is written. */
import type { PackageSize, PaneBuildReport } from "./bundle/build";
import type { ToVerdictWeight } from "./bundle/to-verdict";
import type { Weight } from "./bundle/weigh";
import type { MachineInfo } from "./lib/machine";
import type { RelayOverheadResult } from "./relay-overhead";
import type { RoundTripRow } from "./round-trips";
import type { ScaleRow } from "./scale";
import type { TimeToVerdictResult } from "./time-to-verdict";

export interface BundleResults {
  build: PaneBuildReport;
  /** Office.js as published on npm (the loader the CDN serves), for orientation only. */
  officeJsLoader: Weight | null;
  toVerdict: ToVerdictWeight | null;
  /** What the production to-verdict JavaScript is made of (as PaneBuildReport.initialComposition). */
  toVerdictComposition: PackageSize[] | null;
}

import type { LongDisplayNameResult } from "./long-display-name";

export interface BenchResults {
  machine: MachineInfo;
  startedAt: string;
  durationSeconds: number;
  settings: {
    latencyMs: number;
    rounds: number;
    starts: number;
    relaySeconds: number;
    relayRepetitions: number;
    scaleLookups: number;
  };
  bundle: BundleResults | null;
  timeToVerdict: TimeToVerdictResult | null;
  roundTrips: RoundTripRow[] | null;
  relay: RelayOverheadResult | null;
  scale: ScaleRow[] | null;
  /** A 100 KB display name through analysis and prefill (absent in results from before it existed). */
  longDisplayName?: LongDisplayNameResult | null;
  /** Parts that failed, with the error's message. */
  failures: Array<{ part: string; message: string }>;
}
