/**
 * Several people at once (issue 14): calls and wall time for looking up, then adding, 10 and
 * 100 people through the list's CallGate (src/contacts/batch.ts), on each backend's real client
 * against the emulator with its default latency, with throttling off (the default) and with the
 * strict variant. Calls are counted at the emulator (its request log), not by the code measured.
 *
 * Part 7 of `npm run bench` (`--only batch`); `npx tsx bench/batch.ts` prints its table alone.
 */
import { AdminCenterClient } from "../src/admin-api/client";
import { AdminCenterDirectory } from "../src/admin-api/directory-adapter";
import { FixedTokenProvider } from "../src/auth/token-provider";
import { CallGate, DEFAULT_BATCH_LIMITS } from "../src/contacts/batch";
import type { ContactDirectory } from "../src/contacts/directory";
import { prefillDraft } from "../src/contacts/draft";
import { ContactLookup } from "../src/contacts/lookup";
import { addPeople, lookUpPeople } from "../src/contacts/people-batch";
import { promoteContact } from "../src/contacts/promote";
import { analyzeSender } from "../src/contacts/sender";
import type { OrganizationConfig } from "../src/contacts/types";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../src/emulator/server";
import { ExchangeRestClient } from "../src/exchange-rest/client";
import { ExchangeRestDirectory } from "../src/exchange-rest/directory";
import { fig, table, type Section } from "./report";

export type BatchBenchBackend = "admin-center" | "exchange";

export interface BatchBenchRow {
  backend: BatchBenchBackend;
  throttling: "off" | "strict";
  action: "look up" | "add";
  people: number;
  /** The gate's limit: directory calls in flight at once, at most. */
  concurrency: number;
  /** Calls the emulator received (its request log), 429s included. */
  calls: number;
  /** Of which answered 429 (the client then waited its Retry-After). */
  throttled: number;
  /** The most calls the gate had in flight at one moment. */
  maxInFlight: number;
  wallMs: number;
  /** Rows not done (a lookup or promotion that failed). */
  failed: number;
}

const ORG: OrganizationConfig = {
  internalDomains: [],
  mailTipTemplate: "External contact: {displayName} from {company}.",
};

function directoryFor(backend: BatchBenchBackend, baseUrl: string): ContactDirectory {
  if (backend === "admin-center") {
    return new AdminCenterDirectory(
      new AdminCenterClient({ baseUrl, tokens: new FixedTokenProvider(DEMO_TOKENS.admin) }),
    );
  }
  return new ExchangeRestDirectory(
    new ExchangeRestClient({
      baseUrl,
      tokens: new FixedTokenProvider(DEMO_TOKENS.exchangeAdmin),
      tenant: "contoso.onmicrosoft.com",
      user: "admin@contoso.onmicrosoft.com",
    }),
  );
}

function people(count: number, run: string): string[] {
  return Array.from({ length: count }, (_, i) => `person.${i}@${run}.example`);
}

async function measureOne(
  emulator: RunningEmulator,
  backend: BatchBenchBackend,
  throttling: "off" | "strict",
  count: number,
): Promise<BatchBenchRow[]> {
  emulator.reset({ variants: { throttling } });
  const directory = directoryFor(backend, emulator.url);
  const lookup = new ContactLookup(directory);
  const addresses = people(count, `${backend}-${throttling}-${count}`);
  const rows: BatchBenchRow[] = [];
  const row = (
    action: BatchBenchRow["action"],
    gate: CallGate,
    started: number,
    failed: number,
  ): BatchBenchRow => {
    const requests = emulator.requests();
    emulator.reset({ variants: { throttling }, contacts: emulator.contacts() });
    return {
      backend,
      throttling,
      action,
      people: count,
      concurrency: gate.limits.concurrency,
      calls: requests.length,
      throttled: requests.filter((request) => request.status === 429).length,
      maxInFlight: gate.stats.maxInFlight,
      wallMs: Math.round(performance.now() - started),
      failed,
    };
  };

  const lookupGate = new CallGate();
  let started = performance.now();
  const found = await lookUpPeople(lookup, addresses, { gate: lookupGate });
  rows.push(row("look up", lookupGate, started, found.filter((result) => result.status !== "done").length));

  const drafts = addresses.map((address, i) => ({
    key: address,
    draft: prefillDraft(
      analyzeSender(
        {
          from: { displayName: `Person ${i}`, emailAddress: address },
          sender: null,
          userAddress: "me@contoso.com",
        },
        ORG,
      ),
      ORG,
    ),
  }));
  const addGate = new CallGate();
  started = performance.now();
  const added = await addPeople(directory, drafts, {
    gate: addGate,
    promote: promoteContact,
    mayCreate: () => true,
  });
  rows.push(row("add", addGate, started, added.filter((result) => result.status !== "done").length));
  return rows;
}

/** Looks up and adds 10 and 100 people on each backend, throttling off and strict. */
export async function measureBatch(
  options: { sizes?: readonly number[]; backends?: readonly BatchBenchBackend[] } = {},
): Promise<BatchBenchRow[]> {
  const emulator = await startEmulator({ port: 0 });
  try {
    const rows: BatchBenchRow[] = [];
    for (const backend of options.backends ?? (["admin-center", "exchange"] as const)) {
      for (const throttling of ["off", "strict"] as const) {
        for (const count of options.sizes ?? [10, 100]) {
          rows.push(...(await measureOne(emulator, backend, throttling, count)));
        }
      }
    }
    return rows;
  } finally {
    await emulator.close();
  }
}

/** Part 7 of `npm run bench` (`--only batch`). */
export async function measureBatchSection(): Promise<Section> {
  const rows = await measureBatch();
  return {
    title: "7. Several people at once",
    about: `Looking up, then adding, 10 and 100 people through the list's CallGate (start ${DEFAULT_BATCH_LIMITS.concurrency} in flight, ${DEFAULT_BATCH_LIMITS.minIntervalMs} ms between starts) on each backend's client, against the emulator with its default latency, throttling off and strict; calls counted at the emulator.`,
    figures: rows.map((row) =>
      fig(
        `${row.backend}, throttling ${row.throttling}: ${row.action} ${row.people} people`,
        `${row.calls} calls (${row.throttled} × 429), ${row.wallMs} ms`,
        "every one done",
        row.failed === 0,
      ),
    ),
    detail: [
      table(
        "backend|throttling|action|people|concurrency|calls|429s|max in flight|wall ms|failed",
        rows.map((row) => [
          row.backend,
          row.throttling,
          row.action,
          row.people,
          row.concurrency,
          row.calls,
          row.throttled,
          row.maxInFlight,
          row.wallMs,
          row.failed,
        ]),
      ),
    ],
  };
}

if (require.main === module) {
  measureBatchSection().then(
    (section) => process.stdout.write(`${section.detail.join("\n\n")}\n`),
    (error: unknown) => {
      process.stderr.write(
        `bench/batch.ts failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
