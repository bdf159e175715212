/**
 * Part 5, scale: does a lookup cost the client more when the address book is bigger? An
 * emulator in its own process holds 100, 10,000 and 100,000 synthetic contacts; a fresh
 * ContactLookup (nothing cached) over the product's client looks up addresses at the start,
 * quarter, middle, three quarters and end of the book, and three that are not in it.
 */
import { AdminCenterClient } from "../src/admin-api/client";
import { AdminCenterDirectory } from "../src/admin-api/directory-adapter";
import { FixedTokenProvider } from "../src/auth/token-provider";
import { ContactLookup } from "../src/contacts/lookup";
import { EmulatorControl } from "../src/emulator/control-client";
import { DEMO_TOKENS } from "../src/emulator/server";
import { generateSyntheticContacts } from "../src/emulator/synthetic-contacts";
import { startChildServer } from "./lib/child";
import { fig, ms, summarize, table, type Section } from "./report";

const SIZES = [100, 10_000, 100_000];
const [WARMUP, LOOKUPS] = [5, 40];

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
      const client = new AdminCenterClient({
        baseUrl: emulator.url,
        tokens: new FixedTokenProvider(DEMO_TOKENS.admin),
        fetch: timedFetch,
      });
      const directory = new AdminCenterDirectory(client);
      const book = generateSyntheticContacts(size);
      const probes = [0, 0.25, 0.5, 0.75, 1]
        .map((at) => ({
          address: book[Math.min(size - 1, Math.floor(at * size))]?.ContactExternalEmailAddress ?? "",
          expected: "exists",
        }))
        .concat(
          [
            "nobody@not-in-the-book.example",
            "avery.andersen.999999x@fabrikam.example",
            "jane.roe@litware.example",
          ].map((address) => ({ address, expected: "missing" })),
        );
      const samples = {
        total: [] as number[],
        http: [] as number[],
        client: [] as number[],
        bytes: [] as number[],
        calls: new Set<number>(),
      };
      let right = true;
      for (let index = 0; index < WARMUP + LOOKUPS; index++) {
        const probe = probes[index % probes.length] as (typeof probes)[number];
        [httpMs, bytes] = [0, 0];
        const callsBefore = (await control.requests()).length;
        const started = performance.now();
        const result = await new ContactLookup(directory).lookup(probe.address);
        const total = performance.now() - started;
        if (index < WARMUP) continue;
        right &&= result.status === probe.expected;
        samples.total.push(total);
        samples.http.push(httpMs);
        samples.client.push(total - httpMs);
        samples.bytes.push(bytes);
        samples.calls.add((await control.requests()).length - callsBefore);
      }
      rows.push({
        size,
        right,
        calls: [...samples.calls],
        total: summarize(samples.total),
        http: summarize(samples.http),
        client: summarize(samples.client),
        bytes: summarize(samples.bytes).median,
      });
    } finally {
      await emulator.stop();
    }
  }
  const [small, large] = [rows[0], rows.at(-1)] as [(typeof rows)[number], (typeof rows)[number]];
  // Sub-millisecond medians move that much between runs: within 1.5× or 0.5 ms counts as flat.
  const flat =
    large.client.median - small.client.median < 0.5 || large.client.median / small.client.median <= 1.5;
  const sizes = SIZES.map((size) => size.toLocaleString("en-US")).join(" / ");
  return {
    title: "5. Scale",
    about: `${LOOKUPS} lookups per size after ${WARMUP} unmeasured. HTTP = request sent to body received (includes the emulator's own O(N) scan); client = the rest (token, request, validation, exact matching).`,
    figures: [
      fig(
        `calls per lookup, ${sizes} contacts, every answer right`,
        rows.map((row) => `${row.calls.join(",")}${row.right ? "" : " (wrong answers)"}`).join(" / "),
        "1 at every size",
        rows.every((row) => row.right && row.calls.length === 1 && row.calls[0] === 1),
      ),
      fig(
        `client's own time per lookup, median, ${SIZES[0]?.toLocaleString("en-US")} → ${SIZES.at(-1)?.toLocaleString("en-US")} contacts`,
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
          row.size.toLocaleString("en-US"),
          row.calls.join(","),
          ms(row.total.median),
          ms(row.total.p95),
          ms(row.http.median),
          ms(row.client.median),
          ms(row.client.p95),
          row.bytes,
          row.right ? "all" : "NOT all",
        ]),
      ),
    ],
  };
}
