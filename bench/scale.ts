/**
 * Part 5: does a lookup cost the client more when the address book is bigger? The emulator
 * holds 100, 10,000 and 100,000 synthetic contacts; the product's ContactLookup (fresh for
 * each lookup, so nothing is cached) looks up addresses at the start, the middle and the end
 * of the book, and addresses that are not in it.
 *
 * Per lookup: the total time, the time spent in HTTP (request sent → body received, which
 * includes the emulator's own O(N) scan), the client's share (total − HTTP: token, request,
 * validation, matching) and the calls the emulator received. The emulator runs in its own
 * process, so its heap (100,000 contacts) and its scans do not slow the client's process.
 */
import { AdminCenterClient } from "../src/admin-api/client";
import { AdminCenterDirectory } from "../src/admin-api/directory-adapter";
import type { FetchFunction } from "../src/admin-api/http";
import { FixedTokenProvider } from "../src/auth/token-provider";
import { ContactLookup } from "../src/contacts/lookup";
import { EmulatorControl } from "../src/emulator/control-client";
import { DEMO_TOKENS } from "../src/emulator/server";
import { generateSyntheticContacts } from "../src/emulator/synthetic-contacts";
import { startChildServer } from "./lib/child-server";
import { summarize, type Summary } from "./lib/stats";

export const SCALE_SIZES = [100, 10_000, 100_000] as const;

export interface ScaleRow {
  contacts: number;
  lookups: number;
  totalMs: Summary;
  httpMs: Summary;
  clientMs: Summary;
  /** Calls per lookup: the set of distinct counts seen (one value when every lookup took the same). */
  callsPerLookup: number[];
  /** Response bytes per lookup, median. */
  responseBytes: number;
  /** Every lookup answered as expected (exists / missing). */
  allCorrect: boolean;
}

export interface ScaleOptions {
  /** Measured lookups per size. Default 40. */
  lookups?: number;
}

const WARMUP_LOOKUPS = 5;

interface Probe {
  address: string;
  expected: "exists" | "missing";
}

function probesFor(size: number): Probe[] {
  const contacts = generateSyntheticContacts(size);
  const at = (index: number): Probe => ({
    address: contacts[Math.min(size - 1, Math.max(0, index))]?.ContactExternalEmailAddress ?? "",
    expected: "exists",
  });
  return [
    at(0),
    at(Math.floor(size / 4)),
    at(Math.floor(size / 2)),
    at(Math.floor((3 * size) / 4)),
    at(size - 1),
    { address: "nobody@not-in-the-book.example", expected: "missing" },
    { address: "avery.andersen.999999x@fabrikam.example", expected: "missing" },
    { address: "jane.roe@litware.example", expected: "missing" },
  ];
}

export async function measureScale(options: ScaleOptions = {}): Promise<ScaleRow[]> {
  const measured = options.lookups ?? 40;
  const rows: ScaleRow[] = [];
  for (const size of SCALE_SIZES) {
    const emulator = await startChildServer("bench/processes/emulator-process.ts", {
      generateContacts: size,
    });
    const control = new EmulatorControl(emulator.url);
    try {
      let httpMs = 0;
      let bytes = 0;
      // Times the HTTP exchange itself, body included, so the rest of a lookup is the client's own work.
      const timedFetch: FetchFunction = async (input, init) => {
        const started = performance.now();
        const response = await fetch(input, init);
        const body = await response.arrayBuffer();
        httpMs += performance.now() - started;
        bytes += body.byteLength;
        return new Response(body, { status: response.status, headers: response.headers });
      };
      const directory = new AdminCenterDirectory(
        new AdminCenterClient({
          baseUrl: emulator.url,
          tokens: new FixedTokenProvider(DEMO_TOKENS.admin),
          fetch: timedFetch,
        }),
      );
      const probes = probesFor(size);
      const totals: number[] = [];
      const https: number[] = [];
      const clients: number[] = [];
      const calls = new Set<number>();
      const sizes: number[] = [];
      let allCorrect = true;
      for (let index = 0; index < WARMUP_LOOKUPS + measured; index++) {
        const probe = probes[index % probes.length] as Probe;
        httpMs = 0;
        bytes = 0;
        const callsBefore = (await control.requests()).length;
        const started = performance.now();
        const result = await new ContactLookup(directory).lookup(probe.address);
        const total = performance.now() - started;
        if (index < WARMUP_LOOKUPS) continue;
        allCorrect &&= result.status === probe.expected;
        totals.push(total);
        https.push(httpMs);
        clients.push(total - httpMs);
        sizes.push(bytes);
        calls.add((await control.requests()).length - callsBefore);
      }
      rows.push({
        contacts: size,
        lookups: measured,
        totalMs: summarize(totals),
        httpMs: summarize(https),
        clientMs: summarize(clients),
        callsPerLookup: [...calls].sort((a, b) => a - b),
        responseBytes: summarize(sizes).median,
        allCorrect,
      });
    } finally {
      await emulator.stop();
    }
  }
  return rows;
}
