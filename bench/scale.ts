/**
 * Part 5, scale: does a lookup cost the client more when the address book is bigger? An emulator in
 * its own process holds 100, 10,000 and 100,000 synthetic contacts; a fresh ContactLookup (nothing
 * cached) over the product's client looks up addresses at the start, quarter, middle, three quarters
 * and end of the book, and three that are not in it.
 */
import { ContactLookup } from "../src/contacts/lookup";
import { EmulatorControl } from "../src/emulator/control-client";
import { generateSyntheticContacts } from "../src/emulator/synthetic-contacts";
import { startChildServer } from "./lib/child";
import { directoryFor } from "./lib/directory";
import { fig, ms, summarize, table, type Section } from "./report";

const SIZES = [100, 10_000, 100_000];
const [WARMUP, LOOKUPS] = [5, 40];
const MISSING = [
  "nobody@not-in-the-book.example",
  "avery.andersen.999999x@fabrikam.example",
  "jane.roe@litware.example",
];
const count = (size: number | undefined) => size?.toLocaleString("en-US");

export async function measureScale(): Promise<Section> {
  const rows = [];
  for (const size of SIZES) {
    const emulator = await startChildServer({ emulator: { generateContacts: size } });
    try {
      const control = new EmulatorControl(emulator.url);
      let [httpMs, bytes] = [0, 0];
      // Times the HTTP exchange, body included: the rest of a lookup is the client's own work.
      const timedFetch: typeof fetch = async (input, init) => {
        const started = performance.now();
        const response = await fetch(input, init);
        const body = await response.arrayBuffer();
        [httpMs, bytes] = [httpMs + performance.now() - started, bytes + body.byteLength];
        return new Response(body, { status: response.status, headers: response.headers });
      };
      const directory = directoryFor("admin-center", emulator.url, timedFetch);
      const book = generateSyntheticContacts(size);
      const probes = [
        ...[0, 0.25, 0.5, 0.75, 1].map((at) => [
          book[Math.min(size - 1, Math.floor(at * size))]?.ContactExternalEmailAddress,
          "exists",
        ]),
        ...MISSING.map((address) => [address, "missing"]),
      ] as Array<[string, string]>;
      const samples: number[][] = []; // whole, HTTP, client, bytes of each lookup
      const calls = new Set<number>();
      let right = true;
      for (let index = 0; index < WARMUP + LOOKUPS; index++) {
        const [address, expected] = probes[index % probes.length] as [string, string];
        [httpMs, bytes] = [0, 0];
        const callsBefore = (await control.requests()).length;
        const started = performance.now();
        const result = await new ContactLookup(directory).lookup(address);
        const total = performance.now() - started;
        if (index < WARMUP) continue;
        right &&= result.status === expected;
        samples.push([total, httpMs, total - httpMs, bytes]);
        calls.add((await control.requests()).length - callsBefore);
      }
      const column = (index: number) => summarize(samples.map((sample) => sample[index] as number));
      const [total, http, client, body] = [column(0), column(1), column(2), column(3)];
      rows.push({ size, right, calls: [...calls], total, http, client, bytes: body.median });
    } finally {
      await emulator.stop();
    }
  }
  const [small, large] = [rows[0], rows.at(-1)] as [(typeof rows)[number], (typeof rows)[number]];
  // Sub-millisecond medians move that much between runs: within 1.5× or 0.5 ms counts as flat.
  const flat =
    large.client.median - small.client.median < 0.5 || large.client.median / small.client.median <= 1.5;
  return {
    title: "5. Scale",
    about: `${LOOKUPS} lookups per size after ${WARMUP} unmeasured. HTTP = request sent to body received (includes the emulator's own O(N) scan); client = the rest (token, request, validation, exact matching).`,
    figures: [
      fig(
        `calls per lookup, ${SIZES.map(count).join(" / ")} contacts, every answer right`,
        rows.map((row) => `${row.calls.join(",")}${row.right ? "" : " (wrong answers)"}`).join(" / "),
        "1 at every size",
        rows.every((row) => row.right && row.calls.length === 1 && row.calls[0] === 1),
      ),
      fig(
        `client's own time per lookup, median, ${count(SIZES[0])} → ${count(SIZES.at(-1))} contacts`,
        `${ms(small.client.median)} → ${ms(large.client.median)}`,
        "does not grow (≤ 1.5× or + 0.5 ms)",
        flat,
      ),
      fig(
        "whole lookup (HTTP + emulator scan + client), median",
        rows.map((row) => ms(row.total.median)).join(" / "),
      ),
    ],
    detail: [
      table(
        "contacts|calls per lookup|whole, median|p95|HTTP, median|client, median|client, p95|response bytes|answers right",
        rows.map((row) => [
          ...[count(row.size) as string, row.calls.join(","), ms(row.total.median), ms(row.total.p95)],
          ...[
            ms(row.http.median),
            ms(row.client.median),
            ms(row.client.p95),
            row.bytes,
            row.right ? "all" : "NOT all",
          ],
        ]),
      ),
    ],
  };
}
