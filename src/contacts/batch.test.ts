import { CallGate, gatedDirectory, runBatch, type RowResult } from "./batch";
import { DirectoryError } from "./directory-error";
import type { ContactDirectory, MailContact } from "./directory";

const throttled = (retryAfterMs?: number) =>
  new DirectoryError({
    kind: "throttled",
    status: 429,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });

/** Resolves after `ms` of real time (the gate's pacing uses real timers; the waits here are short). */
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function contact(address: string): MailContact {
  return {
    id: address,
    name: address,
    displayName: address,
    firstName: "",
    lastName: "",
    address,
    company: "",
    title: "",
    phone: "",
    mobilePhone: "",
    fax: "",
    webPage: "",
    mailTip: "",
    hiddenFromAddressLists: false,
    dirSynced: false,
    adminCenterUrl: "",
    raw: null,
  };
}

/** A directory that records how many calls overlap, answering after a short random wait. */
function countingDirectory(fail?: (address: string, call: number) => DirectoryError | null) {
  let inFlight = 0;
  let maxInFlight = 0;
  const starts: number[] = [];
  const calls = new Map<string, number>();
  const run = async <T>(address: string, value: T): Promise<T> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    starts.push(Date.now());
    const call = (calls.get(address) ?? 0) + 1;
    calls.set(address, call);
    try {
      await delay(Math.random() * 4);
      const error = fail?.(address, call) ?? null;
      if (error) throw error;
      return value;
    } finally {
      inFlight -= 1;
    }
  };
  const directory: ContactDirectory = {
    findByAddress: (address) => run(address, null),
    create: (draft) => run(draft.address, contact(draft.address)),
    updateGeneral: (current) => run(current.address, current),
    updateOptions: (current) => run(current.address, current),
  };
  return { directory, calls, starts, maxInFlight: () => maxInFlight };
}

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@adatum.example`);

describe("CallGate and runBatch", () => {
  it("never has more calls in flight than the limit, however many rows and calls each makes", async () => {
    const fake = countingDirectory();
    const gate = new CallGate({ concurrency: 2, minIntervalMs: 0 });
    const directory = gatedDirectory(fake.directory, gate);
    // Rows at 5 at once, each making three calls: the gate still holds the directory to 2.
    const results = await runBatch(
      addresses(30),
      async (address): Promise<RowResult<null>> => {
        await directory.findByAddress(address);
        const made = await directory.create({ address } as never);
        await directory.updateGeneral(made as MailContact, {});
        return { status: "done", value: null };
      },
      { gate, concurrency: 5 },
    );
    expect(results.every((result) => result.status === "done")).toBe(true);
    expect(fake.maxInFlight()).toBe(2);
    expect(gate.stats).toMatchObject({ calls: 90, maxInFlight: 2, throttled: 0, limit: 2 });
  });

  it("spaces the starts of calls by minIntervalMs", async () => {
    const fake = countingDirectory();
    const gate = new CallGate({ concurrency: 2, minIntervalMs: 20 });
    const directory = gatedDirectory(fake.directory, gate);
    await runBatch(
      addresses(6),
      async (address) => ({ status: "done", value: await directory.findByAddress(address) }),
      {
        gate,
      },
    );
    const gaps = fake.starts.slice(1).map((start, i) => start - (fake.starts[i] as number));
    // Timers may fire a millisecond early by Date.now's rounding, never much more.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(19);
  });

  it("on a 429 halves its limit and starts nothing before the Retry-After has passed, then climbs back", async () => {
    let throttledAt = 0;
    const fake = countingDirectory((address, call) => {
      if (address === "p3@adatum.example" && call === 1) {
        throttledAt = Date.now();
        return throttled(150);
      }
      return null;
    });
    const gate = new CallGate({ concurrency: 2, minIntervalMs: 0, recoverAfter: 3 });
    const directory = gatedDirectory(fake.directory, gate);
    const seenLimits: number[] = [];
    const results = await runBatch(
      addresses(12),
      async (address) => {
        seenLimits.push(gate.stats.limit);
        return { status: "done", value: await directory.findByAddress(address) };
      },
      { gate },
    );
    // The throttled row went back in the queue and then succeeded: nothing failed for the person.
    expect(results.every((result) => result.status === "done")).toBe(true);
    expect(fake.calls.get("p3@adatum.example")).toBe(2);
    const afterThrottle = fake.starts.filter((start) => start > throttledAt);
    // Calls that were already in flight may finish, but no new one starts inside the pause.
    expect(afterThrottle.every((start) => start >= throttledAt + 145)).toBe(true);
    expect(seenLimits).toContain(1);
    expect(gate.stats).toMatchObject({ throttled: 1, limit: 2 });
  });

  it("gives up on a row after maxRequeues, alone: the others finish, and the row's result says why", async () => {
    const fake = countingDirectory((address) => (address === "p1@adatum.example" ? throttled(1) : null));
    const gate = new CallGate({ concurrency: 2, minIntervalMs: 0, maxRequeues: 2 });
    const directory = gatedDirectory(fake.directory, gate);
    const settled: string[] = [];
    const results = await runBatch(
      addresses(4),
      async (address) => ({ status: "done", value: await directory.findByAddress(address) }),
      { gate, onSettled: (address) => settled.push(address) },
    );
    expect(results.map((result) => result.status)).toEqual(["done", "failed", "done", "done"]);
    expect(results[1]).toMatchObject({ status: "failed", error: { kind: "throttled" } });
    expect(fake.calls.get("p1@adatum.example")).toBe(3);
    expect(settled).toHaveLength(4);
  });

  it("does not requeue past the wait budget (the API's patience)", async () => {
    const fake = countingDirectory((address) => (address === "p0@adatum.example" ? throttled(40) : null));
    const gate = new CallGate({ concurrency: 1, minIntervalMs: 0, maxRequeues: 10, maxWaitMs: 100 });
    const directory = gatedDirectory(fake.directory, gate);
    const results = await runBatch(
      addresses(1),
      async (address) => ({ status: "done", value: await directory.findByAddress(address) }),
      { gate },
    );
    expect(results[0]?.status).toBe("failed");
    // 40 + 40 fit the 100 ms budget; a third pause would not.
    expect(fake.calls.get("p0@adatum.example")).toBe(3);
  });

  it("resumes a requeued row from its previous result and never repeats an ambiguous failure", async () => {
    const gate = new CallGate({ concurrency: 2, minIntervalMs: 0 });
    const seen: Array<[string, number, unknown]> = [];
    const results = await runBatch(
      ["resumable", "ambiguous"],
      async (item, { attempt, previous }): Promise<RowResult<string>> => {
        seen.push([item, attempt, previous?.value]);
        if (item === "ambiguous")
          return {
            status: "failed",
            error: new DirectoryError({ kind: "unavailable", status: 503, ambiguous: true }),
          };
        if (attempt === 1) return { status: "failed", error: throttled(1), value: "after create" };
        return { status: "done", value: `resumed ${String(previous?.value)}` };
      },
      { gate },
    );
    expect(results).toEqual([
      { status: "done", value: "resumed after create" },
      expect.objectContaining({ status: "failed" }),
    ]);
    expect(seen.filter(([item]) => item === "ambiguous")).toHaveLength(1);
  });

  it("stops starting rows once aborted", async () => {
    const controller = new AbortController();
    const gate = new CallGate({ concurrency: 1, minIntervalMs: 0 });
    let ran = 0;
    const results = await runBatch(
      addresses(5),
      async () => {
        ran += 1;
        if (ran === 2) controller.abort();
        return { status: "done", value: null };
      },
      { gate, signal: controller.signal },
    );
    expect(ran).toBe(2);
    expect(
      results.slice(2).every((result) => result.status === "failed" && result.error.kind === "aborted"),
    ).toBe(true);
  });
});
