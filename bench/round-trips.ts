/**
 * Part 3, round trips: calls per user action made by the product's own workflows
 * (ContactLookup, promoteContact, setMailTip, setHiddenFromAddressLists) over each backend's
 * client, counted at the emulator (its request log), the two backends side by side.
 */
import { setHiddenFromAddressLists, setMailTip } from "../src/contacts/edit";
import { ContactLookup } from "../src/contacts/lookup";
import { promoteContact } from "../src/contacts/promote";
import type { MailContact } from "../src/contacts/directory";
import { EmulatorControl } from "../src/emulator/control-client";
import { startEmulator, type EmulatorSeed, type EmulatorVariants } from "../src/emulator/server";
import { directoryAt, draftFor, exchangeDirectoryAt, type BenchBackend } from "./lib/directory";
import { table, type Section } from "./report";

export interface RoundTripRow {
  backend: BenchBackend;
  action: string;
  situation: string;
  /** The least the backend's calls allow for this action in this situation. */
  minimum: number;
  measured: number;
  calls: string[];
  /** Why the minimum is what it is, or why the situation costs more. */
  note: string;
  /** A situation the minimum does not describe (a replicating directory): reported, not judged. */
  beyond?: boolean;
}

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
  const directory = exchange ? exchangeDirectoryAt(emulator.url) : directoryAt(emulator.url);
  const rows: RoundTripRow[] = [];
  let clock = 1_000_000;
  let cached = new ContactLookup(directory);
  let known: MailContact | null = null;
  const readKnown = async () => void (known = await directory.findByAddress(KNOWN.address));

  /** Resets the emulator to `seed`, runs `setup` (not counted), then counts the calls `action` makes. */
  const count = async (
    row: Omit<RoundTripRow, "backend" | "measured" | "calls">,
    seed: EmulatorSeed,
    action: () => Promise<unknown>,
    setup?: () => Promise<unknown>,
  ) => {
    await control.reset(seed);
    await setup?.();
    const before = (await control.requests()).length;
    await action();
    await new Promise((resolve) => setTimeout(resolve, 100)); // a background refresh may still be landing
    const calls = (await control.requests())
      .slice(before)
      .map((request) => request.cmdlet ?? `${request.method} ${request.path}`);
    rows.push({ ...row, backend, measured: calls.length, calls });
  };
  const promote = async (hidden = false) => {
    const outcome = await promoteContact(directory, {
      ...draftFor(NEW.name, NEW.address),
      hiddenFromAddressLists: hidden,
    });
    if (outcome.status !== "done")
      throw new Error(`promotion failed at ${outcome.failedStep}: ${outcome.error.kind}`);
  };

  try {
    const lookup = (
      situation: string,
      seed = SEED,
      address = KNOWN.address,
      minimum = 1,
      note = "one search",
    ) =>
      count({ action: "lookup", situation, minimum, note }, seed, () =>
        new ContactLookup(directory).lookup(address),
      );
    await lookup("sender in the address book");
    await lookup("sender not in the address book", SEED, NEW.address);
    await lookup(
      "not in the address book, 45 look-alike addresses start with it",
      LOOK_ALIKES,
      NEW.address,
      exchange ? 1 : 3,
      exchange
        ? "an exact filter: look-alikes cost nothing"
        : "the API has only a startsWith search (the emulator pages 20): saying 'missing' means reading all 46 matches, 3 pages",
    );
    // What the pane reads after the verdict: an existing contact's company, a missing address's holder.
    const after = (address: string, read: (lookup: ContactLookup) => Promise<void>) => async () => {
      const lookup = new ContactLookup(directory);
      await lookup.lookup(address);
      await read(lookup);
    };
    await count(
      {
        action: "lookup + after the verdict",
        situation: "in the address book, with its company",
        minimum: exchange ? 2 : 1,
        note: exchange
          ? "Get-MailContact, then Get-Contact (company is a Set-Contact field)"
          : "the search answers with the company",
      },
      SEED,
      after(KNOWN.address, (lookup) => lookup.readDetails(KNOWN.address)),
    );
    await count(
      {
        action: "lookup + after the verdict",
        situation: "not in the address book, with who else holds the address",
        minimum: exchange ? 2 : 1,
        note: exchange
          ? "Get-MailContact, then Get-Recipient by address"
          : "no holder check on this API: create says so",
      },
      SEED,
      after(NEW.address, (lookup) => lookup.checkHolder(NEW.address)),
    );
    await count(
      {
        action: "lookup",
        situation: "revisit within 60 s (cached)",
        minimum: 0,
        note: "answered from the session cache",
      },
      SEED,
      () => cached.lookup(KNOWN.address),
      () => (cached = new ContactLookup(directory)).lookup(KNOWN.address),
    );
    await count(
      {
        action: "lookup",
        situation: "revisit after 60 s (cached, refreshed in the background)",
        minimum: exchange ? 2 : 1,
        note: exchange
          ? "cached answer shown at once; refreshed with its company (Get-Contact), so the company shown does not blink"
          : "cached answer shown at once; one background search",
      },
      SEED,
      () => ((clock += 61_000), cached.lookup(KNOWN.address)),
      () => (cached = new ContactLookup(directory, { now: () => clock })).lookup(KNOWN.address),
    );

    // InvokeCommand answers a create with the object or an empty value: "ack" covers both of its other forms.
    for (const createResponse of (exchange ? ["contact", "ack"] : ["contact", "ack", "empty"]) as Array<
      EmulatorVariants["createResponse"]
    >) {
      const locate = createResponse === "contact" ? 0 : 1;
      const id = locate ? "one search finds the new id" : "create returns the id";
      const seed = { ...SEED, variants: { createResponse } };
      // Admin center: create stores the mail tip, so the settings update goes only for what differs (hidden).
      // Exchange: New-MailContact takes neither company (Set-Contact) nor mail tip (Set-MailContact).
      await count(
        {
          action: "promote",
          situation: `create answers '${createResponse}'; typical (company, mail tip, visible)`,
          minimum: 2 + locate + (exchange ? 1 : 0),
          note: exchange
            ? `${id}; New-MailContact, Set-Contact (company), Set-MailContact (mail tip)`
            : `${id}; create with the mail tip, general update (company)`,
        },
        seed,
        () => promote(),
      );
      await count(
        {
          action: "promote",
          situation: `create answers '${createResponse}'; hidden from address lists`,
          minimum: 3 + locate,
          note: exchange
            ? `${id}; Set-MailContact carries the mail tip and hidden together`
            : `${id}; general update (company) and settings update (hidden)`,
        },
        seed,
        () => promote(true),
      );
      await count(
        {
          action: "promote",
          situation: `create answers '${createResponse}'; typical, 1 s replication lag`,
          minimum: 2 + locate + (exchange ? 1 : 0),
          beyond: true,
          note: "the new contact is not visible for 1 s: the step that needs it is retried (0.5 s, then 1 s)",
        },
        { ...seed, replicationLagMs: 1000 },
        () => promote(),
      );
    }
    const contact = () => known ?? Promise.reject(new Error("the seeded contact was not found"));
    await count(
      { action: "edit mail tip", situation: "new text", minimum: 1, note: "" },
      SEED,
      async () => setMailTip(directory, await contact(), "Replies within a day."),
      readKnown,
    );
    await count(
      {
        action: "edit mail tip",
        situation: "text unchanged",
        minimum: 0,
        note: "nothing to change: no call",
      },
      SEED,
      async () => setMailTip(directory, await contact(), (await contact()).mailTip),
      readKnown,
    );
    await count(
      { action: "hide from address lists", situation: "toggle", minimum: 1, note: "" },
      SEED,
      async () => setHiddenFromAddressLists(directory, await contact(), true),
      readKnown,
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
      goal: row.beyond ? undefined : `≤ ${row.minimum}`,
      pass: row.beyond ? undefined : row.measured <= row.minimum,
      note: row.note,
    })),
    detail: [
      table(
        "backend|action|situation|minimum|measured|calls|why",
        rows.map((row) => [
          row.backend,
          row.action,
          row.situation,
          row.minimum,
          row.measured,
          row.calls.join(", ") || "none",
          row.note || "—",
        ]),
      ),
    ],
  };
}
