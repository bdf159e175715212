/**
 * The goals the report compares against (issue 6), in one place: the report and the
 * bundle budget test read them from here. 1 KB = 1000 bytes.
 */
export const KB = 1000;

export const GOALS = {
  /** Initial gzip weight: at most this multiple of the floor's… */
  initialVsFloor: 1.25,
  /** …and at most this many bytes, whichever is smaller. */
  initialMaxBytes: 200 * KB,
  /** To-verdict gzip weight: under the React task-pane template (168 KB) plus the sign-in library. */
  toVerdictMaxBytes: 240 * KB,
  /** First visit: median time to verdict within L + this. */
  firstVisitOverLatencyMs: 30,
  /** Revisit (cached): median time to verdict under this. */
  revisitMs: 30,
  /** Relay at `relayConnections` connections: added median latency under this… */
  relayAddedMedianMs: 2,
  /** …added p99 under this… */
  relayAddedP99Ms: 10,
  /** …and at least this share of direct throughput. */
  relayThroughputRatio: 0.8,
  relayConnections: 16,
  /** Round trips: a lookup; a promote whose create returns the id; a promote whose create does not. */
  lookupCalls: 1,
  promoteCallsWithId: 3,
  promoteCallsWithoutId: 4,
} as const;

/** The initial-weight budget (gzip bytes) for a floor of `floorGzipBytes`. */
export function initialBudgetBytes(floorGzipBytes: number): number {
  return Math.min(GOALS.initialVsFloor * floorGzipBytes, GOALS.initialMaxBytes);
}
