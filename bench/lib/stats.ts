/**
 * Summary statistics for the benchmark's samples. Percentiles use the nearest-rank method
 * (the value at rank ceil(p/100 * n) of the sorted samples): every reported figure is a
 * latency that was actually observed, never an interpolation between two.
 */

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of `samples` (need not be sorted). Throws on an empty list. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile of no samples");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("summary of no samples");
  const sum = samples.reduce((total, value) => total + value, 0);
  return {
    count: samples.length,
    min: samples.reduce((low, value) => Math.min(low, value), Infinity),
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    // reduce, not Math.max(...samples): a relay run records far more samples than a call may take arguments.
    max: samples.reduce((high, value) => Math.max(high, value), -Infinity),
    mean: sum / samples.length,
  };
}

/** Rounds for a report: 2 decimals below 10, 1 below 100, whole numbers above. */
export function round(value: number): number {
  const magnitude = Math.abs(value);
  const decimals = magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
