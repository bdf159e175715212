import { DirectoryError } from "../../contacts/directory-error";
import { rankFrequentSenders } from "../../contacts/suggestions";
import type { SuggestionsService } from "../pane-services";
import { SuggestionsLoader } from "./suggestions-loader";

const context = { userAddress: "adele@contoso.com", org: { internalDomains: [] } };
const now = new Date("2026-11-30T12:00:00Z");

function service(read: SuggestionsService["read"]): SuggestionsService {
  return { windowDays: 30, read };
}

const ranked = rankFrequentSenders(
  ["ana@supplier.example", "ana@supplier.example", "bo@vendor.example", "cy@partner.example"].map(
    (emailAddress, index) => ({
      from: { displayName: "", emailAddress },
      receivedDateTime: new Date(now.getTime() - (index + 1) * 3_600_000).toISOString(),
    }),
  ),
  { now, ...context },
);

describe("SuggestionsLoader", () => {
  it("reads nothing until asked, then lists the frequent senders the directory does not have", async () => {
    const read = jest.fn(async () => ({ ...ranked, truncated: false }));
    const asked: string[][] = [];
    const loader = new SuggestionsLoader(
      service(read),
      async (addresses) => {
        asked.push([...addresses]);
        return new Set(["bo@vendor.example"]);
      },
      context,
    );
    expect(read).not.toHaveBeenCalled();
    await loader.load();
    const view = loader.getSnapshot();
    if (view.kind !== "ready") throw new Error(`expected ready, got ${view.kind}`);
    expect(asked).toEqual([["ana@supplier.example", "bo@vendor.example", "cy@partner.example"]]);
    expect(view.candidates.map((row) => [row.key, row.sources[0]?.count])).toEqual([
      ["ana@supplier.example", 2],
      ["cy@partner.example", 1],
    ]);
    expect(view.excluded["in-directory"]).toBe(1);
  });

  it("says what failed (the seam's error) and tries again on the next load", async () => {
    const failure = new DirectoryError({ kind: "forbidden", operation: "readMail", status: 403 });
    let calls = 0;
    const loader = new SuggestionsLoader(
      service(async () => {
        calls += 1;
        if (calls === 1) throw failure;
        return { ...ranked, truncated: true };
      }),
      async () => new Set(),
      context,
    );
    await loader.load();
    expect(loader.getSnapshot()).toEqual({ kind: "failed", error: failure });
    await loader.load();
    expect(loader.getSnapshot()).toMatchObject({ kind: "ready", truncated: true });
  });

  it("a second load abandons the first: its answer is never shown", async () => {
    let release: (() => void) | null = null;
    let calls = 0;
    const loader = new SuggestionsLoader(
      service(async (signal) => {
        calls += 1;
        if (calls === 1) {
          await new Promise<void>((resolve) => (release = resolve));
          expect(signal?.aborted).toBe(true);
          return { ...ranked, senders: ranked.senders.slice(0, 1), truncated: false };
        }
        return { ...ranked, truncated: false };
      }),
      async () => new Set(),
      context,
    );
    const first = loader.load();
    await loader.load();
    release!();
    await first;
    const view = loader.getSnapshot();
    expect(view.kind === "ready" && view.candidates).toHaveLength(3);
  });
});
