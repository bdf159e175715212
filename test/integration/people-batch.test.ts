/**
 * Several people at once over real HTTP: the list's lookups and its batch of promotions through
 * one CallGate, on each backend's real client against the emulator's strict throttling variant.
 * What is checked comes from the emulator's control surface (stored contacts, request log).
 */
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { CallGate } from "../../src/contacts/batch";
import { prefillDraft } from "../../src/contacts/draft";
import { ContactLookup } from "../../src/contacts/lookup";
import { addPeople, lookUpPeople } from "../../src/contacts/people-batch";
import { promoteContact } from "../../src/contacts/promote";
import { analyzeSender } from "../../src/contacts/sender";
import type { OrganizationConfig } from "../../src/contacts/types";
import { EmulatorControl } from "../../src/emulator/control-client";
import { startEmulator, type RunningEmulator } from "../../src/emulator/server";
import { BACKENDS, callName, type DirectoryBackend } from "./directory-backends";

let emulator: RunningEmulator;
let control: EmulatorControl;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.url);
});

afterAll(async () => {
  await emulator.close();
});

const org: OrganizationConfig = { internalDomains: [], mailTipTemplate: "External contact: {displayName}." };
/** The client's retry waits are real here: a throttled call must actually wait for its Retry-After. */
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const addresses = (n: number, domain: string) =>
  Array.from({ length: n }, (_, i) => `person.${String(i).padStart(3, "0")}@${domain}`);

describe.each(BACKENDS)("on the $name backend, strict throttling", (backend: DirectoryBackend) => {
  const directory = () =>
    backend.directory(emulator.url, new FixedTokenProvider(backend.adminToken), realSleep);

  beforeEach(async () => {
    // A little latency, so that calls overlap as they do over a network.
    await control.reset({ variants: { throttling: "strict" }, latencyMs: 20 });
  });

  it("the strict variant does refuse a client that does not pace itself", async () => {
    // Six lookups at once, without the gate: over 2 in flight, so some get 429 (and are retried by the client).
    const plain = directory();
    await Promise.all(addresses(6, "burst.example").map((address) => plain.findByAddress(address)));
    expect((await control.requests()).some((request) => request.status === 429)).toBe(true);
  });

  it("looks 100 addresses up without one 429, one search each", async () => {
    const lookup = new ContactLookup(directory());
    const gate = new CallGate();
    const list = addresses(100, "fabrikam.example");
    const results = await lookUpPeople(lookup, list, { gate });
    expect(results.every((result) => result.status === "done" && result.value.status === "missing")).toBe(
      true,
    );
    const requests = await control.requests();
    expect(requests.filter((request) => request.status === 429)).toEqual([]);
    expect(requests.filter((request) => callName(request) === backend.calls.search)).toHaveLength(100);
    expect(gate.stats.maxInFlight).toBeLessThanOrEqual(2);
  }, 60_000);

  it("adds a batch of 50: all created once, no duplicates, no more lookups than addresses", async () => {
    const dir = directory();
    const lookup = new ContactLookup(dir);
    const gate = new CallGate();
    const list = addresses(50, "litware.example");
    // A colleague clicks again: the same 50 asked for twice in one list, and looked up twice.
    await lookUpPeople(lookup, [...list, ...list], { gate });
    const lookupsSent = (await control.requests()).filter(
      (request) => callName(request) === backend.calls.search,
    ).length;
    expect(lookupsSent).toBeLessThanOrEqual(50);

    const people = list.map((address, i) => ({
      key: address,
      draft: prefillDraft(
        analyzeSender(
          {
            from: { displayName: `Person ${i}`, emailAddress: address },
            sender: null,
            userAddress: "me@contoso.com",
          },
          org,
        ),
        org,
      ),
    }));
    const results = await addPeople(dir, people, { gate, promote: promoteContact, mayCreate: () => true });
    expect(results.map((result) => result.status)).toEqual(list.map(() => "done"));

    // Running part of it again (a second click, a reopened pane that lost its state) creates nothing new.
    const again = await addPeople(dir, people.slice(0, 5), {
      gate,
      promote: promoteContact,
      mayCreate: () => true,
    });
    expect(again.every((result) => result.status === "done" && result.alreadyExisted)).toBe(true);

    const stored = (await control.contacts()).map((contact) =>
      contact.ContactExternalEmailAddress.toLowerCase(),
    );
    expect(stored).toHaveLength(50);
    expect(new Set(stored).size).toBe(50);
    const requests = await control.requests();
    const creates = requests.filter((request) => callName(request) === backend.calls.create);
    // One create per person; the second run's were refused (address taken) and resolved to the existing contact.
    expect(creates.filter((request) => request.status === 200)).toHaveLength(50);
    expect(gate.stats.maxInFlight).toBeLessThanOrEqual(2);
  }, 120_000);
});
