/**
 * The contacts workflows over real HTTP: promoteContact, ContactLookup and the edits
 * driving each backend's real directory and client (the admin center's; Exchange's
 * InvokeCommand) against the emulator: one describe.each, the same tests for both.
 * State is checked through the emulator's control surface (GET /__emulator/contacts,
 * /__emulator/requests), not through the code under test.
 */
import { mailTipFromWire } from "../../src/admin-api/mail-tip-wire";
import type { TokenProvider, TokenRequest } from "../../src/auth/token-provider";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { setHiddenFromAddressLists, setMailTip } from "../../src/contacts/edit";
import { ContactLookup } from "../../src/contacts/lookup";
import { promoteContact } from "../../src/contacts/promote";
import type { ContactDirectory } from "../../src/contacts/directory";
import type { ContactDraft } from "../../src/contacts/types";
import type { PromoteOutcome } from "../../src/contacts/workflow-types";
import { EmulatorControl } from "../../src/emulator/control-client";
import { startEmulator, type EmulatorSeed, type RunningEmulator } from "../../src/emulator/server";
import { BACKENDS, callName, readBack, type DirectoryBackend } from "./directory-backends";

let emulator: RunningEmulator;
let control: EmulatorControl;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.url);
});

afterAll(async () => {
  await emulator.close();
});

async function reset(seed: EmulatorSeed = {}): Promise<void> {
  await control.reset(seed);
}

/** Waits the client's retries asked for, without spending them: recorded, then resolved at once. */
const clientRetryWaits: number[] = [];
beforeEach(() => {
  clientRetryWaits.length = 0;
});

describe.each(BACKENDS)("on the $name backend", (backend: DirectoryBackend) => {
  function directoryFor(
    tokens: TokenProvider = new FixedTokenProvider(backend.adminToken),
  ): ContactDirectory {
    return backend.directory(emulator.url, tokens, async (ms) => {
      clientRetryWaits.push(ms);
    });
  }

  const ADDRESS = "ada@analytical.example";

  function draft(overrides: Partial<ContactDraft> = {}): ContactDraft {
    return {
      address: ADDRESS,
      displayName: "Ada Lovelace",
      firstName: "Ada",
      lastName: "Lovelace",
      company: "Analytical Engines",
      mailTip: "External contact at Analytical Engines.",
      hiddenFromAddressLists: false,
      name: "Ada Lovelace",
      notes: [],
      ...overrides,
    };
  }

  function expectDone(outcome: PromoteOutcome): Extract<PromoteOutcome, { status: "done" }> {
    if (outcome.status !== "done") {
      throw new Error(
        `expected done, got failed at ${outcome.failedStep}: ${outcome.error.kind} ${outcome.error.message}`,
      );
    }
    return outcome;
  }

  function expectFailed(outcome: PromoteOutcome): Extract<PromoteOutcome, { status: "failed" }> {
    if (outcome.status !== "failed") throw new Error("expected the promotion to fail");
    return outcome;
  }

  /** The API calls the emulator received, by name (see callName). */
  async function apiCalls(): Promise<string[]> {
    return (await control.requests()).map(callName);
  }

  /** The calls with their statuses, e.g. "Set-Contact 404". */
  async function callStatuses(): Promise<string[]> {
    return (await control.requests()).map((request) => `${callName(request)} ${request.status}`);
  }

  const {
    create: CREATE,
    search: SEARCH,
    updateGeneral: UPDATE_GENERAL,
    updateOptions: UPDATE_OPTIONS,
  } = backend.calls;
  /** The settings update a promotion with a mail tip sends where create cannot set it. */
  const TIP_UPDATE = backend.createAppliesMailTip ? [] : [UPDATE_OPTIONS];

  /** Exactly one contact for ADDRESS in the emulator's store, complete as the draft asked. */
  async function expectOneCompleteContact(expected: { hidden: boolean; name?: string } = { hidden: false }) {
    const stored = (await control.contacts()).filter(
      (record) => record.ContactExternalEmailAddress.toLowerCase() === ADDRESS,
    );
    expect(stored).toHaveLength(1);
    const [record] = stored;
    expect(record).toMatchObject({
      ContactName: expected.name ?? "Ada Lovelace",
      ContactDisplayName: "Ada Lovelace",
      ContactCompany: "Analytical Engines",
      ContactHiddenFromAddressListsEnabled: expected.hidden,
    });
    expect(mailTipFromWire(record?.ContactMailTip)).toBe("External contact at Analytical Engines.");
    // And as a fresh reader sees it.
    const found = await readBack(directoryFor(), ADDRESS);
    expect(found).toMatchObject({
      company: "Analytical Engines",
      mailTip: "External contact at Analytical Engines.",
      hiddenFromAddressLists: expected.hidden,
    });
    return record;
  }

  describe("promotion over HTTP: the happy path in each create-response variant", () => {
    it.each([
      { createResponse: "contact", mailTipHtml: false, calls: [CREATE, UPDATE_GENERAL, ...TIP_UPDATE] },
      { createResponse: "contact", mailTipHtml: true, calls: [CREATE, UPDATE_GENERAL, ...TIP_UPDATE] },
      { createResponse: "ack", mailTipHtml: false, calls: [CREATE, SEARCH, UPDATE_GENERAL, ...TIP_UPDATE] },
      { createResponse: "empty", mailTipHtml: true, calls: [CREATE, SEARCH, UPDATE_GENERAL, ...TIP_UPDATE] },
    ] as const)(
      "create answers $createResponse (mail tip as HTML: $mailTipHtml): company and mail tip end up visible",
      async ({ createResponse, mailTipHtml, calls }) => {
        await reset({ variants: { createResponse, mailTipHtml } });
        const outcome = expectDone(await promoteContact(directoryFor(), draft()));
        expect(outcome.alreadyExisted).toBe(false);
        expect(outcome.contact).toMatchObject({
          company: "Analytical Engines",
          hiddenFromAddressLists: false,
        });
        // The contact stays visible; where create applies the mail tip, the settings update is skipped.
        expect(await apiCalls()).toEqual(calls);
        const record = await expectOneCompleteContact();
        expect(outcome.contact.id).toBe(record?.ContactId);
      },
    );

    it("takes 3 round trips when create returns the contact and both updates are needed", async () => {
      await reset({ variants: { createResponse: "contact" } });
      expectDone(await promoteContact(directoryFor(), draft({ hiddenFromAddressLists: true })));
      expect(await apiCalls()).toEqual([CREATE, UPDATE_GENERAL, UPDATE_OPTIONS]);
      await expectOneCompleteContact({ hidden: true });
    });

    it("takes 4 round trips when create only acknowledges", async () => {
      await reset({ variants: { createResponse: "ack" } });
      expectDone(await promoteContact(directoryFor(), draft({ hiddenFromAddressLists: true })));
      expect(await apiCalls()).toEqual([CREATE, SEARCH, UPDATE_GENERAL, UPDATE_OPTIONS]);
      await expectOneCompleteContact({ hidden: true });
    });

    // Verify compares the company, which Exchange's one-call lookup (Get-MailContact) does not carry.
    (backend.name === "admin-center" ? it : it.skip)(
      "reads the contact back when asked to verify",
      async () => {
        await reset({ variants: { createResponse: "contact", mailTipHtml: true } });
        const outcome = expectDone(
          await promoteContact(directoryFor(), draft({ hiddenFromAddressLists: true }), { verify: true }),
        );
        expect(outcome.state.completed).toContain("verify");
        expect(await apiCalls()).toEqual([CREATE, UPDATE_GENERAL, UPDATE_OPTIONS, SEARCH]);
      },
    );

    it("keeps the display name and retries under an alternative Name when the Name is taken", async () => {
      await reset({
        recipients: [{ address: "ada@elsewhere.example", name: "Ada Lovelace", kind: "mailbox" }],
      });
      const outcome = expectDone(await promoteContact(directoryFor(), draft()));
      expect(outcome.state.nameUsed).not.toBe("Ada Lovelace");
      await expectOneCompleteContact({ hidden: false, name: outcome.state.nameUsed });
      expect((await apiCalls()).filter((call) => call === CREATE)).toHaveLength(2);
    });
  });

  describe("promotion over HTTP: a failure at each step, then a resume", () => {
    it("create applied but the connection dropped: the same run looks, finds it and finishes", async () => {
      await reset({ variants: { createResponse: "contact" } });
      await control.addFault({ route: "create", afterApply: true, drop: true });
      const outcome = expectDone(await promoteContact(directoryFor(), draft()));
      expect(outcome.alreadyExisted).toBe(false);
      expect(await apiCalls()).toEqual([CREATE, SEARCH, UPDATE_GENERAL, ...TIP_UPDATE]);
      await expectOneCompleteContact();
    });

    it("create applied, connection dropped and the contact not searchable yet: the resume finishes without a duplicate", async () => {
      // Lag long enough that the same run's look misses it, short enough for the resume to see it.
      await reset({ variants: { createResponse: "contact" }, replicationLagMs: 700 });
      await control.addFault({ route: "create", afterApply: true, drop: true });
      const failed = expectFailed(await promoteContact(directoryFor(), draft()));
      expect(failed.failedStep).toBe("create");
      expect(failed.error.ambiguous).toBe(true);
      expect(failed.state.createOutcomeUnknown).toBe(true);

      const resumed = expectDone(await promoteContact(directoryFor(), draft(), { resume: failed.state }));
      expect(resumed.alreadyExisted).toBe(false);
      await expectOneCompleteContact();
    });

    it("create failed with a 500 before applying: the resume looks, then creates once", async () => {
      await reset({ variants: { createResponse: "ack" } });
      await control.addFault({ route: "create", status: 500 });
      const failed = expectFailed(await promoteContact(directoryFor(), draft()));
      expect(failed.state.createOutcomeUnknown).toBe(true);

      expectDone(await promoteContact(directoryFor(), draft(), { resume: failed.state }));
      expect(await apiCalls()).toEqual([
        CREATE,
        SEARCH,
        SEARCH,
        CREATE,
        SEARCH,
        UPDATE_GENERAL,
        ...TIP_UPDATE,
      ]);
      await expectOneCompleteContact();
    });

    it("locate failed (search keeps failing): the resume locates without creating again", async () => {
      await reset({ variants: { createResponse: "ack" } });
      await control.addFault({ route: "search", status: 500, times: 4 });
      const failed = expectFailed(await promoteContact(directoryFor(), draft()));
      expect(failed.failedStep).toBe("locate");
      expect(failed.error.kind).toBe("unavailable");

      expectDone(await promoteContact(directoryFor(), draft(), { resume: failed.state }));
      expect((await apiCalls()).filter((call) => call === CREATE)).toHaveLength(1);
      await expectOneCompleteContact();
    });

    it.each([
      { route: "updateGeneral", step: "update-general" },
      { route: "updateOptions", step: "update-options" },
    ] as const)("$route kept failing: the resume continues from $step", async ({ route, step }) => {
      await reset({ variants: { createResponse: "contact" } });
      // More failures than the client retries: the step fails and the promotion stops there.
      await control.addFault({ route, status: 503, times: 4 });
      const failed = expectFailed(
        await promoteContact(directoryFor(), draft({ hiddenFromAddressLists: true })),
      );
      expect(failed.failedStep).toBe(step);
      expect(failed.state.completed).not.toContain(step);

      expectDone(
        await promoteContact(directoryFor(), draft({ hiddenFromAddressLists: true }), {
          resume: failed.state,
        }),
      );
      expect((await apiCalls()).filter((call) => call === CREATE)).toHaveLength(1);
      await expectOneCompleteContact({ hidden: true });
    });
  });

  describe("promotion over HTTP: the directory's weather", () => {
    it("waits for a contact that replicates after 300 ms when create only acknowledges", async () => {
      await reset({ variants: { createResponse: "ack" }, replicationLagMs: 300 });
      expectDone(await promoteContact(directoryFor(), draft()));
      const calls = await apiCalls();
      expect(calls.filter((call) => call === CREATE)).toHaveLength(1);
      expect(calls.filter((call) => call === SEARCH).length).toBeGreaterThanOrEqual(2);
      await expectOneCompleteContact();
    });

    it("retries an update that 404s while the fresh contact replicates (700 ms)", async () => {
      await reset({ variants: { createResponse: "contact" }, replicationLagMs: 700 });
      expectDone(await promoteContact(directoryFor(), draft()));
      const statuses = await callStatuses();
      expect(statuses[0]).toBe(`${CREATE} 200`);
      expect(statuses).toContain(`${UPDATE_GENERAL} 404`);
      expect(
        statuses.filter((status) => !status.endsWith(" 404")).every((status) => status.endsWith(" 200")),
      ).toBe(true);
      await expectOneCompleteContact();
    });

    it("ends with one contact when two panes promote the same sender at once", async () => {
      await reset({ variants: { createResponse: "contact" } });
      const [first, second] = await Promise.all([
        promoteContact(directoryFor(), draft({ hiddenFromAddressLists: true })),
        promoteContact(directoryFor(), draft({ hiddenFromAddressLists: true })),
      ]);
      const firstDone = expectDone(first);
      const secondDone = expectDone(second);
      expect([firstDone.alreadyExisted, secondDone.alreadyExisted].sort()).toEqual([false, true]);
      expect(firstDone.contact.id).toBe(secondDone.contact.id);
      await expectOneCompleteContact({ hidden: true });
    });

    it("refreshes an expired token silently on a 401 and carries on", async () => {
      await reset();
      // Like MSAL: a cached token that has expired, until a forced refresh replaces it.
      const requests: TokenRequest[] = [];
      let cached = "expired-token";
      const tokens: TokenProvider = {
        async getToken(request = {}) {
          requests.push(request);
          if (request.forceRefresh) cached = backend.adminToken;
          return cached;
        },
      };
      expectDone(await promoteContact(directoryFor(tokens), draft()));
      expect(requests.filter((request) => request.forceRefresh)).toHaveLength(1);
      expect(await callStatuses()).toEqual([
        `${CREATE} 401`,
        `${CREATE} 200`,
        `${UPDATE_GENERAL} 200`,
        ...TIP_UPDATE.map((call) => `${call} 200`),
      ]);
      await expectOneCompleteContact();
    });

    it("fails as forbidden for a caller without an Exchange admin role, creating nothing", async () => {
      await reset();
      const failed = expectFailed(
        await promoteContact(directoryFor(new FixedTokenProvider(backend.readOnlyToken)), draft()),
      );
      expect(failed.failedStep).toBe("create");
      expect(failed.error.kind).toBe("forbidden");
      expect(failed.state.createOutcomeUnknown).toBe(false);
      expect(await control.contacts()).toEqual([]);
    });

    it("recovers from a 429 with Retry-After: 1 on the general update", async () => {
      await reset();
      await control.addFault({ route: "updateGeneral", status: 429, headers: { "Retry-After": "1" } });
      expectDone(await promoteContact(directoryFor(), draft()));
      expect(clientRetryWaits).toEqual([1000]);
      expect(await callStatuses()).toEqual([
        `${CREATE} 200`,
        `${UPDATE_GENERAL} 429`,
        `${UPDATE_GENERAL} 200`,
        ...TIP_UPDATE.map((call) => `${call} 200`),
      ]);
      await expectOneCompleteContact();
    });

    it("returns the existing contact untouched when someone else already created it", async () => {
      await reset({
        contacts: [
          { ContactExternalEmailAddress: ADDRESS, ContactName: "A. Lovelace", ContactCompany: "Kept" },
        ],
      });
      const outcome = expectDone(await promoteContact(directoryFor(), draft()));
      expect(outcome.alreadyExisted).toBe(true);
      expect(outcome.contact.name).toBe("A. Lovelace");
      // A backend that can name the holder asks first: a mailbox or guest would end the wait at once.
      expect(await apiCalls()).toEqual(
        backend.namesHolderKind ? [CREATE, "Get-Recipient", SEARCH] : [CREATE, SEARCH],
      );
      // Untouched: no update was sent, and the stored company is still the other person's.
      expect((await control.contacts())[0]).toMatchObject({
        ContactName: "A. Lovelace",
        ContactCompany: "Kept",
      });
    });

    it("fails clearly when a mailbox already uses the address", async () => {
      await reset({ recipients: [{ address: ADDRESS, name: "Ada (mailbox)", kind: "mailbox" }] });
      const failed = expectFailed(await promoteContact(directoryFor(), draft(), { sleep: async () => {} }));
      // Exchange's text names the holder; the pane words it (strings.ts).
      expect(failed.error).toMatchObject({
        kind: "conflict",
        reason: "address-held-by",
        holder: { name: "Ada (mailbox)", kind: backend.namesHolderKind ? "mailbox" : "other" },
      });
      expect(await control.contacts()).toEqual([]);
    });

    it("names a guest that holds the address, where the backend can ask", async () => {
      await reset({ recipients: [{ address: ADDRESS, name: "Ada (guest)", kind: "guest" }] });
      const failed = expectFailed(await promoteContact(directoryFor(), draft(), { sleep: async () => {} }));
      expect(failed.error.holder).toEqual({
        name: "Ada (guest)",
        kind: backend.namesHolderKind ? "guest" : "other",
      });
      expect(await control.contacts()).toEqual([]);
    });
  });

  describe("lookup and edits over HTTP", () => {
    it("shows a contact mastered on-premises as such, and edits of it send nothing", async () => {
      await reset({
        contacts: [{ ContactExternalEmailAddress: ADDRESS, ContactName: "Ada Lovelace", IsDirSynced: true }],
      });
      const directory = directoryFor();
      const result = await new ContactLookup(directory).lookup(ADDRESS);
      if (result.status !== "exists") throw new Error("expected the seeded contact");
      expect(result.contact.dirSynced).toBe(true);
      await expect(setMailTip(directory, result.contact, "New tip")).rejects.toMatchObject({
        kind: "invalid",
        reason: "dir-synced",
      });
      await expect(setHiddenFromAddressLists(directory, result.contact, true)).rejects.toMatchObject({
        reason: "dir-synced",
      });
      expect(await apiCalls()).toEqual([SEARCH]);
    });

    it("an existing contact's company: the verdict is one call, the company one more only where the lookup lacks it", async () => {
      await reset({
        contacts: [
          {
            ContactExternalEmailAddress: ADDRESS,
            ContactName: "Ada Lovelace",
            ContactCompany: "Analytical Engines",
          },
        ],
      });
      const lookup = new ContactLookup(directoryFor());
      const verdict = await lookup.lookup(ADDRESS);
      expect(verdict.status).toBe("exists");
      expect(await apiCalls()).toEqual([SEARCH]);

      const heard: string[] = [];
      lookup.subscribe((_address, result) => {
        if (result.status === "exists") heard.push(result.contact.company);
      });
      await lookup.readDetails(ADDRESS);
      await lookup.readDetails(ADDRESS);
      const details = backend.calls.readDetails ? [backend.calls.readDetails] : [];
      // Asked once; a second ask (a revisit) finds the details in the cache.
      expect(await apiCalls()).toEqual([SEARCH, ...details]);
      expect(lookup.peek(ADDRESS)).toMatchObject({
        status: "exists",
        contact: { company: "Analytical Engines" },
      });
      // Subscribers hear of the company only where it was not known from the verdict.
      expect(heard).toEqual(backend.calls.readDetails ? ["Analytical Engines"] : []);
    });

    it.each([
      { kind: "guest", name: "Ada (guest)", seen: "guest" },
      { kind: "mailbox", name: "Ada Lovelace", seen: "mailbox" },
      { kind: "group", name: "Engines team", seen: "group" },
      { kind: "mail-user", name: "Ada (mail user)", seen: "mail-user" },
      { kind: "contact-other", name: "Ada (other contact)", seen: "contact" },
    ] as const)(
      "a missing address held by a $kind: checkHolder names it where the backend can ask",
      async (holder) => {
        await reset({ recipients: [{ address: ADDRESS, name: holder.name, kind: holder.kind }] });
        const lookup = new ContactLookup(directoryFor());
        expect(await lookup.lookup(ADDRESS)).toEqual({ status: "missing" });
        await lookup.checkHolder(ADDRESS);
        await lookup.checkHolder(ADDRESS);
        const holderCalls = backend.calls.findHolder ? [backend.calls.findHolder] : [];
        expect(await apiCalls()).toEqual([SEARCH, ...holderCalls]);
        expect(lookup.peek(ADDRESS)).toEqual(
          backend.calls.findHolder
            ? { status: "missing", holder: { name: holder.name, kind: holder.seen } }
            : { status: "missing" },
        );
      },
    );

    it("a missing address nobody holds: checkHolder asks once and remembers 'nobody'", async () => {
      await reset();
      const lookup = new ContactLookup(directoryFor());
      await lookup.lookup(ADDRESS);
      await lookup.checkHolder(ADDRESS);
      await lookup.checkHolder(ADDRESS);
      const holderCalls = backend.calls.findHolder ? [backend.calls.findHolder] : [];
      expect(await apiCalls()).toEqual([SEARCH, ...holderCalls]);
      expect(lookup.peek(ADDRESS)).toEqual(
        backend.calls.findHolder ? { status: "missing", holder: null } : { status: "missing" },
      );
    });

    it("looks up once, remembers the promotion, then edits the mail tip and visibility", async () => {
      await reset();
      const directory = directoryFor();
      const lookup = new ContactLookup(directory);
      await expect(lookup.lookup(ADDRESS)).resolves.toEqual({ status: "missing" });

      const promoted = expectDone(await promoteContact(directory, draft()));
      lookup.remember(ADDRESS, { status: "exists", contact: promoted.contact });
      const cached = await lookup.lookup(ADDRESS);
      if (cached.status !== "exists") throw new Error("expected the remembered contact");

      const retipped = await setMailTip(directory, cached.contact, "Replies within a day.");
      const hidden = await setHiddenFromAddressLists(directory, retipped, true);
      const cleared = await setMailTip(directory, hidden, "");

      expect(await apiCalls()).toEqual([
        SEARCH,
        CREATE,
        UPDATE_GENERAL,
        ...TIP_UPDATE,
        UPDATE_OPTIONS,
        UPDATE_OPTIONS,
        UPDATE_OPTIONS,
      ]);
      const [record] = await control.contacts();
      expect(record).toMatchObject({
        ContactCompany: "Analytical Engines",
        ContactHiddenFromAddressListsEnabled: true,
        ContactFirstName: "Ada",
      });
      expect(mailTipFromWire(record?.ContactMailTip)).toBe("");
      expect(cleared).toMatchObject({
        mailTip: "",
        hiddenFromAddressLists: true,
        company: "Analytical Engines",
      });
    });
  });
});
