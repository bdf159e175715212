import { DirectoryError, isDirectoryError } from "./directory-error";
import type { CallOptions, ContactDirectory, MailContact } from "./directory";
import { mailContact } from "./test-support/mail-contact";
import { ContactLookup } from "./lookup";
import type { LookupResult } from "./workflow-types";

const contact = mailContact;

interface PendingSearch {
  address: string;
  signal: AbortSignal | undefined;
  resolve(contact: MailContact | null): void;
  reject(error: unknown): void;
}

/** A directory whose searches stay pending until the test answers them, in order. */
class ControlledDirectory implements ContactDirectory {
  readonly searches: PendingSearch[] = [];

  findByAddress(address: string, options?: CallOptions): Promise<MailContact | null> {
    return new Promise((resolve, reject) => {
      this.searches.push({ address, signal: options?.signal, resolve, reject });
    });
  }
  create(): Promise<MailContact | null> {
    throw new Error("lookup never creates");
  }
  updateGeneral(): Promise<MailContact> {
    throw new Error("lookup never updates");
  }
  updateOptions(): Promise<MailContact> {
    throw new Error("lookup never updates");
  }

  search(index: number): PendingSearch {
    const search = this.searches[index];
    if (!search) throw new Error(`no search #${index} (there were ${this.searches.length})`);
    return search;
  }
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

function setup(freshForMs = 60_000) {
  const directory = new ControlledDirectory();
  let now = 1_000_000;
  const lookup = new ContactLookup(directory, { now: () => now, freshForMs });
  const heard: Array<[string, LookupResult]> = [];
  lookup.subscribe((address, result) => heard.push([address, result]));
  return {
    directory,
    lookup,
    heard,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("ContactLookup", () => {
  it("searches once, then answers from the cache (case-insensitively) without searching", async () => {
    const { directory, lookup } = setup();
    expect(lookup.peek("ada@analytical.example")).toBeUndefined();

    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(contact());
    await expect(first).resolves.toEqual({ status: "exists", contact: contact() });

    await expect(lookup.lookup("ADA@Analytical.example")).resolves.toMatchObject({ status: "exists" });
    expect(lookup.peek("Ada@analytical.example")).toMatchObject({ status: "exists" });
    expect(directory.searches).toHaveLength(1);
  });

  it("treats the Unicode and punycode forms of a domain as the same person, as Exchange does", async () => {
    const { directory, lookup } = setup();
    const first = lookup.lookup("jurgen@xn--mller-kva.de");
    directory.search(0).resolve(null);
    await expect(first).resolves.toEqual({ status: "missing" });
    expect(lookup.peek("Jurgen@Müller.de")).toEqual({ status: "missing" });
    await expect(lookup.lookup("jurgen@müller.de")).resolves.toEqual({ status: "missing" });
    expect(directory.searches).toHaveLength(1);
  });

  it("forgets one address on request: the next lookup searches again, a refresh already out is dropped", async () => {
    const { directory, lookup, advance } = setup();
    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(contact());
    await first;
    advance(120_000);
    await lookup.lookup("ada@analytical.example"); // stale: answered, refreshed in the background
    lookup.forget("ADA@analytical.example");
    expect(lookup.peek("ada@analytical.example")).toBeUndefined();
    directory.search(1).resolve(contact()); // the refresh lands after the forget
    await settle();
    expect(lookup.peek("ada@analytical.example")).toBeUndefined();

    const again = lookup.lookup("ada@analytical.example");
    expect(directory.searches).toHaveLength(3);
    directory.search(2).resolve(null);
    await expect(again).resolves.toEqual({ status: "missing" });
  });

  it("caches a missing contact too", async () => {
    const { directory, lookup } = setup();
    const first = lookup.lookup("nobody@example.org");
    directory.search(0).resolve(null);
    await expect(first).resolves.toEqual({ status: "missing" });
    await expect(lookup.lookup("nobody@example.org")).resolves.toEqual({ status: "missing" });
    expect(directory.searches).toHaveLength(1);
  });

  it("does not cache a failure: the next lookup searches again", async () => {
    const { directory, lookup } = setup();
    const failing = lookup.lookup("ada@analytical.example");
    const throttled = new DirectoryError({ kind: "throttled" });
    directory.search(0).reject(throttled);
    await expect(failing).rejects.toBe(throttled);
    expect(lookup.peek("ada@analytical.example")).toBeUndefined();

    const retry = lookup.lookup("ada@analytical.example");
    directory.search(1).resolve(null);
    await expect(retry).resolves.toEqual({ status: "missing" });
  });

  it("answers a stale entry at once, refreshes it in the background and tells subscribers only when it changed", async () => {
    const { directory, lookup, heard, advance } = setup(60_000);
    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(contact({ mailTip: "" }));
    await first;

    advance(59_999);
    await lookup.lookup("ada@analytical.example");
    expect(directory.searches).toHaveLength(1); // still fresh

    advance(1);
    await expect(lookup.lookup("ada@analytical.example")).resolves.toEqual({
      status: "exists",
      contact: contact({ mailTip: "" }),
    });
    expect(directory.searches).toHaveLength(2);
    // A second lookup while the refresh is out does not start another one.
    await lookup.lookup("ada@analytical.example");
    expect(directory.searches).toHaveLength(2);

    // Same visible content (only the raw snapshot differs): no notification.
    directory.search(1).resolve(contact({ raw: { other: "snapshot" } }));
    await settle();
    expect(heard).toEqual([]);

    advance(60_000);
    await lookup.lookup("ada@analytical.example");
    directory.search(2).resolve(contact({ mailTip: "Replies slowly." }));
    await settle();
    expect(heard).toEqual([
      ["ada@analytical.example", { status: "exists", contact: contact({ mailTip: "Replies slowly." }) }],
    ]);
    expect(lookup.peek("ada@analytical.example")).toEqual({
      status: "exists",
      contact: contact({ mailTip: "Replies slowly." }),
    });
  });

  it("keeps the cached answer when a background refresh fails", async () => {
    const { directory, lookup, heard, advance } = setup(1000);
    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(contact());
    await first;
    advance(1000);
    await lookup.lookup("ada@analytical.example");
    directory.search(1).reject(new DirectoryError({ kind: "unavailable", reason: "server-error" }));
    await settle();
    expect(lookup.peek("ada@analytical.example")).toEqual({ status: "exists", contact: contact() });
    expect(heard).toEqual([]);
  });

  it("lets a newer lookup supersede an older one in flight: the older rejects as aborted and its request is aborted", async () => {
    const { directory, lookup } = setup();
    const older = lookup.lookup("ada@analytical.example");
    const newer = lookup.lookup("grace@navy.example");

    const olderError = await rejectionOf(older);
    expect(isDirectoryError(olderError, "aborted")).toBe(true);
    expect(directory.search(0).signal?.aborted).toBe(true);
    expect(directory.search(1).signal?.aborted).toBe(false);

    // The older answer arriving late is ignored: it neither resolves anything nor fills the cache.
    directory.search(0).resolve(contact());
    directory.search(1).resolve(null);
    await expect(newer).resolves.toEqual({ status: "missing" });
    await settle();
    expect(lookup.peek("ada@analytical.example")).toBeUndefined();
  });

  it("aborts an older lookup even when the newer one is answered from the cache", async () => {
    const { directory, lookup } = setup();
    const cached = lookup.lookup("grace@navy.example");
    directory.search(0).resolve(null);
    await cached;

    const older = lookup.lookup("ada@analytical.example");
    await expect(lookup.lookup("grace@navy.example")).resolves.toEqual({ status: "missing" });
    expect(isDirectoryError(await rejectionOf(older), "aborted")).toBe(true);
    expect(directory.search(1).signal?.aborted).toBe(true);
  });

  it("cancels through the caller's signal", async () => {
    const { directory, lookup } = setup();
    const controller = new AbortController();
    const pending = lookup.lookup("ada@analytical.example", { signal: controller.signal });
    controller.abort();
    expect(isDirectoryError(await rejectionOf(pending), "aborted")).toBe(true);
    expect(directory.search(0).signal?.aborted).toBe(true);

    const alreadyAborted = lookup.lookup("ada@analytical.example", { signal: controller.signal });
    expect(isDirectoryError(await rejectionOf(alreadyAborted), "aborted")).toBe(true);
    expect(directory.searches).toHaveLength(1);
  });

  it("remembers writes, tells subscribers when that changes what is known, and stops telling after unsubscribe", async () => {
    const { directory, lookup, heard } = setup();
    const extra: string[] = [];
    const unsubscribe = lookup.subscribe((address) => extra.push(address));

    lookup.remember("ada@analytical.example", { status: "exists", contact: contact() });
    lookup.remember("ada@analytical.example", { status: "exists", contact: contact() }); // unchanged
    expect(heard).toHaveLength(1);
    expect(extra).toEqual(["ada@analytical.example"]);

    unsubscribe();
    lookup.remember("ada@analytical.example", {
      status: "exists",
      contact: contact({ hiddenFromAddressLists: true }),
    });
    expect(heard).toHaveLength(2);
    expect(extra).toHaveLength(1);

    await expect(lookup.lookup("ada@analytical.example")).resolves.toEqual({
      status: "exists",
      contact: contact({ hiddenFromAddressLists: true }),
    });
    expect(directory.searches).toHaveLength(0);
  });

  it("prefers a write that lands while a lookup is in flight over the lookup's older answer", async () => {
    const { directory, lookup } = setup();
    const pending = lookup.lookup("ada@analytical.example");
    lookup.remember("ada@analytical.example", { status: "exists", contact: contact() });
    directory.search(0).resolve(null);
    await expect(pending).resolves.toEqual({ status: "exists", contact: contact() });
    expect(lookup.peek("ada@analytical.example")).toEqual({ status: "exists", contact: contact() });
  });

  it("does not let a background refresh that started before a write overwrite it", async () => {
    const { directory, lookup, heard, advance } = setup(1000);
    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(null);
    await first;
    advance(1000);
    await lookup.lookup("ada@analytical.example"); // starts the refresh

    lookup.remember("ada@analytical.example", { status: "exists", contact: contact() });
    directory.search(1).resolve(null); // the directory had not caught up yet
    await settle();

    expect(lookup.peek("ada@analytical.example")).toEqual({ status: "exists", contact: contact() });
    expect(heard).toEqual([["ada@analytical.example", { status: "exists", contact: contact() }]]);
  });
});

describe("lookupListed (a list's rows)", () => {
  it("shares one search per address among rows, and the sender's lookup waits for it instead of searching again", async () => {
    const { directory, lookup } = setup();
    const first = lookup.lookupListed("Ana@Litware.com");
    const again = lookup.lookupListed("ana@litware.com");
    const sender = lookup.lookup("ana@litware.com");
    expect(directory.searches).toHaveLength(1);
    directory.search(0).resolve(contact({ address: "ana@litware.com" }));
    expect((await first).status).toBe("exists");
    expect((await again).status).toBe("exists");
    expect((await sender).status).toBe("exists");
    expect(lookup.peek("ANA@litware.com")?.status).toBe("exists");
  });

  it("neither supersedes the sender's lookup nor is superseded by it or by other rows", async () => {
    const { directory, lookup } = setup();
    const sender = lookup.lookup("sender@x.example");
    const rows = [lookup.lookupListed("a@x.example"), lookup.lookupListed("b@x.example")];
    const next = lookup.lookup("other@x.example");
    // The newer sender lookup aborts the older sender lookup only.
    expect(isDirectoryError(await rejectionOf(sender), "aborted")).toBe(true);
    expect(directory.searches.map((search) => search.signal?.aborted ?? false)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    for (const search of directory.searches.slice(1)) search.resolve(null);
    expect((await Promise.all(rows)).map((result) => result.status)).toEqual(["missing", "missing"]);
    expect((await next).status).toBe("missing");
  });

  it("answers from the cache without searching, and a failed search is not cached", async () => {
    const { directory, lookup } = setup();
    lookup.remember("kept@x.example", { status: "missing" });
    expect((await lookup.lookupListed("kept@x.example")).status).toBe("missing");
    expect(directory.searches).toHaveLength(0);
    const failing = lookup.lookupListed("busy@x.example");
    directory.search(0).reject(new DirectoryError({ kind: "throttled" }));
    expect(isDirectoryError(await rejectionOf(failing), "throttled")).toBe(true);
    const retried = lookup.lookupListed("busy@x.example");
    expect(directory.searches).toHaveLength(2);
    directory.search(1).resolve(null);
    expect((await retried).status).toBe("missing");
  });
});

describe("what is read after the verdict", () => {
  /** A directory whose readDetails and findHolder answer at once, counted. */
  class CompletingDirectory extends ControlledDirectory {
    details = 0;
    holders = 0;
    readDetails(current: MailContact): Promise<MailContact> {
      this.details += 1;
      return Promise.resolve(current.company ? current : { ...current, company: "Analytical Engines" });
    }
    findHolder(): Promise<{ name: string; kind: "guest" } | null> {
      this.holders += 1;
      return Promise.resolve({ name: "Ada (guest)", kind: "guest" });
    }
  }

  function completingSetup(freshForMs: number) {
    const directory = new CompletingDirectory();
    let now = 1_000_000;
    const lookup = new ContactLookup(directory, { now: () => now, freshForMs });
    const heard: Array<[string, LookupResult]> = [];
    lookup.subscribe((address, result) => heard.push([address, result]));
    return { directory, lookup, heard, advance: (ms: number) => (now += ms) };
  }

  it("details that change nothing are not news: no subscriber hears, and a stale entry is still refreshed", async () => {
    const { directory, lookup, heard, advance } = completingSetup(1000);
    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(contact({ company: "Kept" }));
    await first;
    advance(1000);
    await lookup.lookup("ada@analytical.example"); // stale: the refresh is out
    await lookup.readDetails("ada@analytical.example");
    expect(directory.details).toBe(1);
    expect(heard).toEqual([]);
    // The refresh still lands: the details read did not pass for a newer answer.
    directory.search(1).resolve(contact({ company: "Kept", mailTip: "New tip." }));
    await settle();
    expect(lookup.peek("ada@analytical.example")).toMatchObject({ contact: { mailTip: "New tip." } });
  });

  it("details the lookup lacked are stored and told once; the entry keeps its age", async () => {
    const { directory, lookup, heard, advance } = completingSetup(1000);
    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(contact({ company: "" }));
    await first;
    advance(600);
    await lookup.readDetails("ada@analytical.example");
    expect(heard).toEqual([
      ["ada@analytical.example", { status: "exists", contact: contact({ company: "Analytical Engines" }) }],
    ]);
    advance(400);
    await lookup.lookup("ada@analytical.example");
    expect(directory.searches).toHaveLength(2); // stale 1 s after the search, not after the details
  });

  it("a holder is asked once per missing verdict and kept; a refresh that still finds nothing keeps it", async () => {
    const { directory, lookup, heard, advance } = completingSetup(1000);
    const first = lookup.lookup("ada@analytical.example");
    directory.search(0).resolve(null);
    await first;
    await lookup.checkHolder("ada@analytical.example");
    await lookup.checkHolder("ada@analytical.example");
    expect(directory.holders).toBe(1);
    const held = { status: "missing", holder: { name: "Ada (guest)", kind: "guest" } };
    expect(heard).toEqual([["ada@analytical.example", held]]);
    advance(1000);
    await lookup.lookup("ada@analytical.example");
    directory.search(1).resolve(null);
    await settle();
    expect(lookup.peek("ada@analytical.example")).toEqual(held);
    expect(heard).toHaveLength(1);
  });
});
