/** The bench's own arithmetic: percentiles, the switch order, CPU profile categories. */
import { categorize, cpuBreakdown } from "../../bench/lib/cpu-profile";
import { percentile, summarize } from "../../bench/lib/stats";
import { shuffled } from "../../bench/lib/order";

describe("percentiles (nearest rank)", () => {
  const samples = [15, 20, 35, 40, 50];

  it("returns observed values", () => {
    expect(percentile(samples, 5)).toBe(15);
    expect(percentile(samples, 30)).toBe(20);
    expect(percentile(samples, 40)).toBe(20);
    expect(percentile(samples, 50)).toBe(35);
    expect(percentile(samples, 100)).toBe(50);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });

  it("p95 of 50 samples is the 48th smallest", () => {
    const fifty = Array.from({ length: 50 }, (_, index) => 50 - index);
    expect(percentile(fifty, 95)).toBe(48);
    expect(summarize(fifty)).toMatchObject({ count: 50, min: 1, max: 50, median: 25, p99: 50, mean: 25.5 });
  });

  it("handles more samples than a call may take arguments", () => {
    const many = Array.from({ length: 300_000 }, (_, index) => index);
    expect(summarize(many)).toMatchObject({ min: 0, max: 299_999 });
  });

  it("refuses nonsense", () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => summarize([])).toThrow();
  });
});

describe("switch order", () => {
  const senders = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

  it("is a deterministic permutation", () => {
    const order = shuffled(senders, 7);
    expect([...order].sort()).toEqual(senders);
    expect(shuffled(senders, 7)).toEqual(order);
    expect(shuffled(senders, 8)).not.toEqual(order);
  });

  it("never starts with the sender already shown, whatever the seed", () => {
    for (let seed = 0; seed < 200; seed++) {
      const first = shuffled(senders, seed)[0] as string;
      expect(shuffled(senders, seed, first)[0]).not.toBe(first);
    }
  });
});

describe("CPU profile categories", () => {
  it("groups self time and leaves idle out", () => {
    const node = (id: number, functionName: string, url: string) => ({
      id,
      callFrame: { functionName, url },
    });
    const profile = {
      nodes: [
        node(1, "(idle)", ""),
        node(2, "writev", ""),
        node(3, "ClientRequest", "node:_http_client"),
        node(4, "relay", "file:///repo/src/server/relay.ts"),
        node(5, "(garbage collector)", ""),
      ],
      samples: [1, 2, 3, 4, 2, 5],
      timeDeltas: [5000, 1000, 1000, 1000, 1000, 0],
    };
    const breakdown = cpuBreakdown(profile, "src/server/");
    expect(breakdown.busyMs).toBe(4);
    expect(breakdown.shares[0]).toEqual({ category: "socket writes", share: 0.5 });
    expect(breakdown.shares.map((share) => share.category)).toEqual(
      expect.arrayContaining(["Node's HTTP and streams", "src/server/ (the relay's own code)"]),
    );
    expect(categorize({ functionName: "(idle)", url: "" }, "src/server/")).toBeNull();
  });
});
