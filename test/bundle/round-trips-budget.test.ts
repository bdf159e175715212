/**
 * Round trips per user action on both backends, over real HTTP against the emulator: every
 * situation the minimum describes is at (or under) the least that backend's calls allow.
 * Deterministic: the calls are counted at the emulator. `npm run bench` reports the same rows.
 */
import { countRoundTrips } from "../../bench/round-trips";

test.each(["admin-center", "exchange"] as const)(
  "%s: every action at its minimum",
  async (backend) => {
    const rows = await countRoundTrips(backend);
    const over = rows
      .filter((row) => !row.beyond && row.measured > row.minimum)
      .map((row) => `${row.action}, ${row.situation}: ${row.calls.join(", ")}`);
    expect(over).toEqual([]);
    expect(rows.filter((row) => !row.beyond).length).toBeGreaterThanOrEqual(12);
  },
  60_000,
);
