/**
 * Part 7, several people at once (issue 14): looking up, then adding, 10 and 100 people through
 * the list's CallGate on each backend's client against the emulator (default latency), with
 * throttling off and strict. Calls are counted at the emulator, not by the code measured.
 */
import { CallGate, DEFAULT_BATCH_LIMITS } from "../src/contacts/batch";
import { ContactLookup } from "../src/contacts/lookup";
import { addPeople, lookUpPeople } from "../src/contacts/people-batch";
import { promoteContact } from "../src/contacts/promote";
import { startEmulator } from "../src/emulator/server";
import { BACKENDS, directoryFor, draftFor } from "./lib/directory";
import { fig, table, type Section } from "./report";

export async function measureBatch(): Promise<Section> {
  const emulator = await startEmulator({ port: 0 });
  const rows: Array<Array<string | number>> = [];
  const figures = [];
  try {
    for (const backend of BACKENDS)
      for (const throttling of ["off", "strict"] as const)
        for (const people of [10, 100]) {
          emulator.reset({ variants: { throttling } });
          const directory = directoryFor(backend, emulator.url);
          const addresses = Array.from(
            { length: people },
            (_, i) => `person.${i}@${backend}-${throttling}-${people}.example`,
          );
          const drafts = addresses.map((key, i) => ({ key, draft: draftFor(`Person ${i}`, key) }));
          const actions = {
            "look up": (gate: CallGate) => lookUpPeople(new ContactLookup(directory), addresses, { gate }),
            add: (gate: CallGate) =>
              addPeople(directory, drafts, { gate, promote: promoteContact, mayCreate: () => true }),
          };
          for (const [action, run] of Object.entries(actions)) {
            const [gate, started] = [new CallGate(), performance.now()];
            const failed = (await run(gate)).filter((result) => result.status !== "done").length;
            const wallMs = Math.round(performance.now() - started);
            const calls = emulator.requests();
            const throttled = calls.filter((request) => request.status === 429).length;
            emulator.reset({ variants: { throttling }, contacts: emulator.contacts() });
            const { concurrency } = gate.limits;
            rows.push([
              backend,
              throttling,
              action,
              people,
              concurrency,
              calls.length,
              throttled,
              gate.stats.maxInFlight,
              wallMs,
              failed,
            ]);
            figures.push(
              fig(
                `${backend}, throttling ${throttling}: ${action} ${people} people`,
                `${calls.length} calls (${throttled} × 429), ${wallMs} ms`,
                "every one done",
                failed === 0,
              ),
            );
          }
        }
  } finally {
    await emulator.close();
  }
  return {
    title: "7. Several people at once",
    about: `Looking up, then adding, 10 and 100 people through the list's CallGate (start ${DEFAULT_BATCH_LIMITS.concurrency} in flight, ${DEFAULT_BATCH_LIMITS.minIntervalMs} ms between starts) on each backend's client, against the emulator with its default latency, throttling off and strict; calls counted at the emulator.`,
    figures,
    detail: [
      table("backend|throttling|action|people|concurrency|calls|429s|max in flight|wall ms|failed", rows),
    ],
  };
}
