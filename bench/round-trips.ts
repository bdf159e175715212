/**
 * Part 3, round trips: calls per user action made by the product's own workflows (ContactLookup,
 * promoteContact, setMailTip, setHiddenFromAddressLists) over each backend's client, counted at
 * the emulator (its request log), the two backends side by side.
 */
import type { MailContact } from "../src/contacts/directory";
import { setHiddenFromAddressLists, setMailTip } from "../src/contacts/edit";
import { ContactLookup } from "../src/contacts/lookup";
import { promoteContact } from "../src/contacts/promote";
import { EmulatorControl } from "../src/emulator/control-client";
import { startEmulator, type EmulatorSeed, type EmulatorVariants } from "../src/emulator/server";
import { directoryFor, draftFor, type BenchBackend } from "./lib/directory";
import { table, type Section } from "./report";

/** `minimum`: the least the backend's calls allow, `note` says why; `beyond`: a situation it does not describe (reported, not judged). */
export type RoundTripRow = {
  backend: BenchBackend;
  action: string;
  situation: string;
  minimum: number;
  measured: number;
  calls: string[];
  note: string;
  beyond?: boolean;
};

const KNOWN = { name: "Daniel Okafor", address: "daniel.okafor@northwindtraders.com" };
const NEW = { name: "Isabel Ferreira", address: "isabel.ferreira@fabrikam.com" };
const SEED: EmulatorSeed = {
  contacts: [
    {
      ContactDisplayName: KNOWN.name,
      ContactFirstName: "Daniel",
      ContactLastName: "Okafor",
      ContactCompany: "Northwind Traders",
      ContactExternalEmailAddress: KNOWN.address,
      ContactMailTip: "External contact: Daniel Okafor from Northwind Traders (northwindtraders.com).",
    },
  ],
};
/** 45 addresses that start with NEW.address: a startsWith search returns them, 20 a page. */
const LOOK_ALIKES: EmulatorSeed = {
  contacts: [
    ...(SEED.contacts ?? []),
    ...Array.from({ length: 45 }, (_, index) => ({
      ContactDisplayName: `Look-alike ${index + 1}`,
      ContactExternalEmailAddress: `${NEW.address}.lookalike${index + 1}.example`,
    })),
  ],
};

export async function countRoundTrips(backend: BenchBackend): Promise<RoundTripRow[]> {
  const exchange = backend === "exchange";
  const emulator = await startEmulator({ port: 0, seed: SEED });
  const control = new EmulatorControl(emulator.url);
  const directory = directoryFor(backend, emulator.url);
  const rows: RoundTripRow[] = [];
  let clock = 1_000_000;
  let cached = new ContactLookup(directory);
  let known: MailContact | null = null;
  const contact = async () => known ?? Promise.reject(new Error("the seeded contact was not found"));
  const readKnown = async () => void (known = await directory.findByAddress(KNOWN.address));
  /** Resets the emulator to `seed`, runs `setup` (not counted), then counts the calls `run` makes. */
  const count = async (
    [action, situation, minimum, note, beyond]: [string, string, number, string, boolean?],
    run: () => Promise<unknown>,
    { seed = SEED, setup }: { seed?: EmulatorSeed; setup?: () => Promise<unknown> } = {},
  ) => {
    await control.reset(seed);
    await setup?.();
    const before = (await control.requests()).length;
    await run();
    await new Promise((resolve) => setTimeout(resolve, 100)); // a background refresh may still be landing
    const calls = (await control.requests())
      .slice(before)
      .map((call) => call.cmdlet ?? `${call.method} ${call.path}`);
    rows.push({ backend, action, situation, minimum, note, beyond, measured: calls.length, calls });
  };
  const promote = async (hidden = false) => {
    const draft = { ...draftFor(NEW.name, NEW.address), hiddenFromAddressLists: hidden };
    const outcome = await promoteContact(directory, draft);
    if (outcome.status !== "done")
      throw new Error(`promotion failed at ${outcome.failedStep}: ${outcome.error.kind}`);
  };
  const lookup = (address: string) => () => new ContactLookup(directory).lookup(address);
  // What the pane reads after the verdict: an existing contact's company, a missing address's holder.
  const after = (address: string, read: (lookup: ContactLookup) => Promise<void>) => async () => {
    const lookup = new ContactLookup(directory);
    await lookup.lookup(address);
    await read(lookup);
  };

  try {
    await count(["lookup", "sender in the address book", 1, "one search"], lookup(KNOWN.address));
    await count(["lookup", "sender not in the address book", 1, "one search"], lookup(NEW.address));
    await count(
      [
        "lookup",
        "not in the address book, 45 look-alike addresses start with it",
        exchange ? 1 : 3,
        exchange
          ? "an exact filter: look-alikes cost nothing"
          : "the API has only a startsWith search (the emulator pages 20): saying 'missing' means reading all 46 matches, 3 pages",
      ],
      lookup(NEW.address),
      { seed: LOOK_ALIKES },
    );
    await count(
      [
        "lookup + after the verdict",
        "in the address book, with its company",
        exchange ? 2 : 1,
        exchange
          ? "Get-MailContact, then Get-Contact (company is a Set-Contact field)"
          : "the search answers with the company",
      ],
      after(KNOWN.address, (lookup) => lookup.readDetails(KNOWN.address)),
    );
    await count(
      [
        "lookup + after the verdict",
        "not in the address book, with who else holds the address",
        exchange ? 2 : 1,
        exchange
          ? "Get-MailContact, then Get-Recipient by address"
          : "no holder check on this API: create says so",
      ],
      after(NEW.address, (lookup) => lookup.checkHolder(NEW.address)),
    );
    await count(
      ["lookup", "revisit within 60 s (cached)", 0, "answered from the session cache"],
      () => cached.lookup(KNOWN.address),
      { setup: () => (cached = new ContactLookup(directory)).lookup(KNOWN.address) },
    );
    await count(
      [
        "lookup",
        "revisit after 60 s (cached, refreshed in the background)",
        exchange ? 2 : 1,
        exchange
          ? "cached answer shown at once; refreshed with its company (Get-Contact), so the company shown does not blink"
          : "cached answer shown at once; one background search",
      ],
      () => ((clock += 61_000), cached.lookup(KNOWN.address)),
      { setup: () => (cached = new ContactLookup(directory, { now: () => clock })).lookup(KNOWN.address) },
    );

    // InvokeCommand answers a create with the object or an empty value: "ack" covers both of its other forms.
    const responses: Array<EmulatorVariants["createResponse"]> = exchange
      ? ["contact", "ack"]
      : ["contact", "ack", "empty"];
    for (const createResponse of responses) {
      const locate = createResponse === "contact" ? 0 : 1;
      const id = locate ? "one search finds the new id" : "create returns the id";
      const seed = { ...SEED, variants: { createResponse } };
      const created = `create answers '${createResponse}'`;
      // Admin center: create stores the mail tip, so the settings update goes only for what differs (hidden).
      // Exchange: New-MailContact takes neither company (Set-Contact) nor mail tip (Set-MailContact).
      const typical = 2 + locate + (exchange ? 1 : 0);
      await count(
        [
          "promote",
          `${created}; typical (company, mail tip, visible)`,
          typical,
          exchange
            ? `${id}; New-MailContact, Set-Contact (company), Set-MailContact (mail tip)`
            : `${id}; create with the mail tip, general update (company)`,
        ],
        () => promote(),
        { seed },
      );
      await count(
        [
          "promote",
          `${created}; hidden from address lists`,
          3 + locate,
          exchange
            ? `${id}; Set-MailContact carries the mail tip and hidden together`
            : `${id}; general update (company) and settings update (hidden)`,
        ],
        () => promote(true),
        { seed },
      );
      await count(
        [
          "promote",
          `${created}; typical, 1 s replication lag`,
          typical,
          "the new contact is not visible for 1 s: the step that needs it is retried (0.5 s, then 1 s)",
          true,
        ],
        () => promote(),
        { seed: { ...seed, replicationLagMs: 1000 } },
      );
    }
    await count(
      ["edit mail tip", "new text", 1, ""],
      async () => setMailTip(directory, await contact(), "Replies within a day."),
      {
        setup: readKnown,
      },
    );
    await count(
      ["edit mail tip", "text unchanged", 0, "nothing to change: no call"],
      async () => setMailTip(directory, await contact(), (await contact()).mailTip),
      { setup: readKnown },
    );
    await count(
      ["hide from address lists", "toggle", 1, ""],
      async () => setHiddenFromAddressLists(directory, await contact(), true),
      { setup: readKnown },
    );
  } finally {
    await emulator.close();
  }
  return rows;
}

export async function measureRoundTrips(): Promise<Section> {
  const rows = [...(await countRoundTrips("admin-center")), ...(await countRoundTrips("exchange"))];
  return {
    title: "3. Round trips per user action",
    about:
      "The product's workflows over each backend's own client against the emulator (one store, both APIs), calls counted from its request log: the admin center's by path, Exchange's InvokeCommand by cmdlet. The minimum is the least that backend's calls allow: a lookup is one search (none when cached), an edit one update (none when nothing changes); a promotion is create, one search when create does not return the id, then what create cannot set: on the admin center the general update (company; create stores the mail tip) and the settings update only when hidden; on Exchange Set-Contact (company) and Set-MailContact (mail tip, hidden). Rows under replication lag show what a directory still replicating adds; they are reported, not judged.",
    figures: rows.map((row) => ({
      figure: `${row.backend}, ${row.action}: ${row.situation}`,
      measured: String(row.measured),
      ...(row.beyond ? {} : { goal: `≤ ${row.minimum}`, pass: row.measured <= row.minimum }),
      note: row.note,
    })),
    detail: [
      table(
        "backend|action|situation|minimum|measured|calls|why",
        rows.map((row) => [
          ...[row.backend, row.action, row.situation, row.minimum, row.measured],
          ...[row.calls.join(", ") || "none", row.note || "—"],
        ]),
      ),
    ],
  };
}
