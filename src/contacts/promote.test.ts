import { sameAddress } from "./address";
import { DirectoryError, isDirectoryError, type DirectoryOperation } from "./directory-error";
import type {
  CallOptions,
  ContactDirectory,
  GeneralUpdate,
  MailContact,
  NewMailContact,
  OptionsUpdate,
} from "./directory";
import {
  ADDRESS_IN_USE_RETRY_DELAYS_MS,
  LOCATE_RETRY_DELAYS_MS,
  promoteContact,
  type PromoteRunOptions,
} from "./promote";
import type { ContactDraft } from "./types";
import type { PromoteOutcome, PromoteProgress } from "./workflow-types";

// ── An honest in-memory ContactDirectory, with the admin center's known quirks ─────────

type Operation = "findByAddress" | "create" | "updateGeneral" | "updateOptions";

interface ScriptedFailure {
  error: DirectoryError;
  /** The write takes effect, then the call fails (a timeout after the server applied it). */
  applyFirst?: boolean;
}

interface StoredContact {
  contact: Omit<MailContact, "raw">;
  /** Searches for its address that still miss it (replication lag). */
  invisibleForSearches: number;
  /** Updates that still 404 (a fresh object not writable yet). */
  unwritableForUpdates: number;
}

interface CreateOptions {
  /** "ack": create answers without the contact. "echo": answers with what was sent, as if company and hidden had been applied. */
  answer: "contact" | "ack" | "echo";
  invisibleForSearches: number;
  unwritableForUpdates: number;
}

class InMemoryDirectory implements ContactDirectory {
  readonly stored = new Map<string, StoredContact>();
  /** Addresses held by mailboxes, guests or groups: create refuses them, search never shows them. */
  readonly otherRecipientAddresses = new Set<string>();
  readonly calls: Array<{ operation: Operation; changes?: GeneralUpdate | OptionsUpdate; name?: string }> =
    [];
  readonly failures: Record<Operation, ScriptedFailure[]> = {
    findByAddress: [],
    create: [],
    updateGeneral: [],
    updateOptions: [],
  };
  createOptions: CreateOptions = { answer: "contact", invisibleForSearches: 0, unwritableForUpdates: 0 };
  /** Settings updates that are acknowledged but silently not applied (to exercise verify). */
  ignoredOptionsUpdates = 0;
  #nextId = 1;

  count(operation: Operation): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  contactsWithAddress(address: string): Array<Omit<MailContact, "raw">> {
    return [...this.stored.values()]
      .map((entry) => entry.contact)
      .filter((contact) => sameAddress(contact.address, address));
  }

  seedContact(overrides: Partial<MailContact> & { address: string; name: string }): MailContact {
    const contact = { ...blankContact(`seed-${this.#nextId++}`), displayName: overrides.name, ...overrides };
    this.stored.set(contact.id, { contact, invisibleForSearches: 0, unwritableForUpdates: 0 });
    return this.#view(contact);
  }

  async findByAddress(address: string, options?: CallOptions): Promise<MailContact | null> {
    this.calls.push({ operation: "findByAddress" });
    this.#enter("findByAddress", options);
    this.#failIfScripted("findByAddress", () => {});
    for (const entry of this.stored.values()) {
      if (!sameAddress(entry.contact.address, address)) continue;
      if (entry.invisibleForSearches > 0) {
        entry.invisibleForSearches -= 1;
        return null;
      }
      return this.#view(entry.contact);
    }
    return null;
  }

  async create(request: NewMailContact, options?: CallOptions): Promise<MailContact | null> {
    this.calls.push({ operation: "create", name: request.name });
    this.#enter("create", options);
    let created: Omit<MailContact, "raw"> | null = null;
    const apply = () => {
      created = this.#insert(request);
    };
    this.#failIfScripted("create", apply);
    apply();
    if (!created) throw new Error("unreachable");
    switch (this.createOptions.answer) {
      case "ack":
        return null;
      case "echo":
        return this.#view({
          ...(created as MailContact),
          company: request.company,
          hiddenFromAddressLists: request.hiddenFromAddressLists,
        });
      case "contact":
        return this.#view(created);
    }
  }

  async updateGeneral(
    current: MailContact,
    changes: GeneralUpdate,
    options?: CallOptions,
  ): Promise<MailContact> {
    this.calls.push({ operation: "updateGeneral", changes });
    return this.#update("updateGeneral", current, changes, options);
  }

  async updateOptions(
    current: MailContact,
    changes: OptionsUpdate,
    options?: CallOptions,
  ): Promise<MailContact> {
    this.calls.push({ operation: "updateOptions", changes });
    if (this.ignoredOptionsUpdates > 0) {
      this.ignoredOptionsUpdates -= 1;
      this.#enter("updateOptions", options);
      return { ...current, ...changes };
    }
    return this.#update("updateOptions", current, changes, options);
  }

  #insert(request: NewMailContact): Omit<MailContact, "raw"> {
    const address = request.address;
    const addressTaken =
      [...this.otherRecipientAddresses].some((other) => sameAddress(other, address)) ||
      this.contactsWithAddress(address).length > 0;
    if (addressTaken) {
      throw new DirectoryError({
        kind: "conflict",
        reason: "address-held-by",
        operation: "create",
        status: 400,
        holder: { name: "someone", kind: "other" },
      });
    }
    const nameTaken = [...this.stored.values()].some(
      // Exchange's Names compare case-insensitively (they are not addresses).
      (entry) => entry.contact.name.toLowerCase() === request.name.toLowerCase(),
    );
    if (nameTaken) {
      throw new DirectoryError({ kind: "conflict", reason: "name-taken", operation: "create", status: 400 });
    }
    const id = `id-${this.#nextId++}`;
    // As the admin center does: company and hidden-from-address-lists are ignored on create.
    const contact: Omit<MailContact, "raw"> = {
      ...blankContact(id),
      name: request.name,
      displayName: request.displayName,
      firstName: request.firstName,
      lastName: request.lastName,
      address: request.address,
      title: request.title,
      phone: request.phone,
      mobilePhone: request.mobilePhone,
      fax: request.fax,
      webPage: request.webPage,
      mailTip: request.mailTip,
    };
    this.stored.set(id, {
      contact,
      invisibleForSearches: this.createOptions.invisibleForSearches,
      unwritableForUpdates: this.createOptions.unwritableForUpdates,
    });
    return contact;
  }

  #update(
    operation: "updateGeneral" | "updateOptions",
    current: MailContact,
    changes: GeneralUpdate | OptionsUpdate,
    options?: CallOptions,
  ): MailContact {
    this.#enter(operation, options);
    const entry = this.stored.get(current.id);
    const apply = () => {
      if (entry) entry.contact = { ...entry.contact, ...changes };
    };
    this.#failIfScripted(operation, apply);
    if (!entry || entry.unwritableForUpdates > 0) {
      if (entry) entry.unwritableForUpdates -= 1;
      throw new DirectoryError({ kind: "not-found", operation, status: 404 });
    }
    apply();
    return this.#view(entry.contact);
  }

  #enter(operation: Operation, options?: CallOptions): void {
    if (options?.signal?.aborted) {
      throw new DirectoryError({ kind: "aborted", operation });
    }
  }

  #failIfScripted(operation: Operation, apply: () => void): void {
    const failure = this.failures[operation].shift();
    if (!failure) return;
    if (failure.applyFirst) apply();
    throw failure.error;
  }

  #view(contact: Omit<MailContact, "raw">): MailContact {
    return { ...contact, raw: { snapshotOf: contact.id } };
  }
}

function blankContact(id: string): Omit<MailContact, "raw"> {
  return {
    id,
    name: "",
    displayName: "",
    firstName: "",
    lastName: "",
    address: "",
    company: "",
    title: "",
    phone: "",
    mobilePhone: "",
    fax: "",
    webPage: "",
    mailTip: "",
    hiddenFromAddressLists: false,
    dirSynced: false,
    adminCenterUrl: `https://admin.exchange.microsoft.com/${id}`,
  };
}

// ── Test helpers ────────────────────────────────────────────────────────────────────

function draft(overrides: Partial<ContactDraft> = {}): ContactDraft {
  return {
    address: "ada@analytical.example",
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

/** Deep-frozen: any attempt by the workflow to change the draft throws. */
function frozenDraft(overrides: Partial<ContactDraft> = {}): ContactDraft {
  const value = draft(overrides);
  Object.freeze(value.notes);
  return Object.freeze(value);
}

function transient(operation: DirectoryOperation): DirectoryError {
  return new DirectoryError({
    kind: "unavailable",
    reason: "server-error",
    operation,
    status: 502,
    ambiguous: true,
  });
}

function throttled(operation: DirectoryOperation): DirectoryError {
  return new DirectoryError({ kind: "throttled", operation, status: 429, retryAfterMs: 30_000 });
}

function recorder() {
  const sleeps: number[] = [];
  const progress: PromoteProgress[] = [];
  const options: PromoteRunOptions = {
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw new DirectoryError({ kind: "aborted" });
    },
    onProgress: (event) => progress.push(event),
  };
  return { sleeps, progress, options };
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

const COMPLETE = {
  company: "Analytical Engines",
  mailTip: "External contact at Analytical Engines.",
};

// ── Tests ───────────────────────────────────────────────────────────────────────────

describe("promoteContact: the happy path", () => {
  it("creates, then sets company (ignored by create) and hidden, reporting each step in order", async () => {
    const directory = new InMemoryDirectory();
    const { progress, options } = recorder();
    const userDraft = frozenDraft({ hiddenFromAddressLists: true });

    const outcome = expectDone(await promoteContact(directory, userDraft, options));

    expect(directory.calls.map((call) => call.operation)).toEqual([
      "create",
      "updateGeneral",
      "updateOptions",
    ]);
    expect(directory.calls[1]?.changes).toEqual({ company: "Analytical Engines" });
    expect(directory.calls[2]?.changes).toEqual({ hiddenFromAddressLists: true });
    expect(progress).toEqual([
      { step: "create", index: 1, total: 4 },
      { step: "locate", index: 2, total: 4 },
      { step: "update-general", index: 3, total: 4 },
      { step: "update-options", index: 4, total: 4 },
    ]);
    expect(outcome.alreadyExisted).toBe(false);
    expect(outcome.contact).toMatchObject({ ...COMPLETE, hiddenFromAddressLists: true });
    expect(directory.contactsWithAddress(userDraft.address)).toEqual([
      expect.objectContaining({ ...COMPLETE, hiddenFromAddressLists: true, name: "Ada Lovelace" }),
    ]);
    expect(outcome.state).toMatchObject({
      nameUsed: "Ada Lovelace",
      completed: ["create", "locate", "update-general", "update-options"],
      createOutcomeUnknown: false,
    });
    expect(outcome.state.draft).toBe(userDraft);
  });

  it("finds the contact by its address when create only acknowledges", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions.answer = "ack";
    const outcome = expectDone(await promoteContact(directory, draft({ hiddenFromAddressLists: true })));
    expect(directory.calls.map((call) => call.operation)).toEqual([
      "create",
      "findByAddress",
      "updateGeneral",
      "updateOptions",
    ]);
    expect(outcome.contact).toMatchObject({ ...COMPLETE, hiddenFromAddressLists: true });
  });

  it("skips the settings update when create already applied the mail tip and the contact stays visible", async () => {
    const directory = new InMemoryDirectory();
    const { progress, options } = recorder();
    const outcome = expectDone(await promoteContact(directory, draft(), options));
    expect(directory.calls.map((call) => call.operation)).toEqual(["create", "updateGeneral"]);
    expect(progress.map((event) => event.step)).toEqual([
      "create",
      "locate",
      "update-general",
      "update-options",
    ]);
    expect(outcome.state.completed).toContain("update-options");
    expect(outcome.contact).toMatchObject({ ...COMPLETE, hiddenFromAddressLists: false });
  });

  it("sends only create when nothing is left to set (no company, tip applied, visible)", async () => {
    const directory = new InMemoryDirectory();
    expectDone(await promoteContact(directory, draft({ company: "" })));
    expect(directory.calls.map((call) => call.operation)).toEqual(["create"]);
  });

  it("on resume, sends the general fields the user changed since, and never blanks one", async () => {
    const directory = new InMemoryDirectory();
    directory.failures.updateGeneral.push({ error: throttled("updateGeneral") });
    const failed = expectFailed(await promoteContact(directory, draft()));

    const edited = draft({ firstName: "", lastName: "King" });
    const outcome = expectDone(await promoteContact(directory, edited, { resume: failed.state }));
    expect(
      directory.calls.filter((call) => call.operation === "updateGeneral").map((call) => call.changes),
    ).toEqual([{ company: "Analytical Engines" }, { lastName: "King", company: "Analytical Engines" }]);
    expect(outcome.contact).toMatchObject({ firstName: "Ada", lastName: "King" });
    expect(outcome.state.draft).toBe(edited);
  });

  it("sends the company even when create's answer claims it was applied (create is known to ignore it)", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions.answer = "echo";
    const outcome = expectDone(await promoteContact(directory, draft({ hiddenFromAddressLists: true })));
    expect(directory.calls.map((call) => call.operation)).toEqual([
      "create",
      "updateGeneral",
      "updateOptions",
    ]);
    expect(directory.contactsWithAddress("ada@analytical.example")[0]).toMatchObject({
      company: COMPLETE.company,
      hiddenFromAddressLists: true,
    });
    expect(outcome.contact.company).toBe(COMPLETE.company);
  });

  it("reads the contact back and compares when asked to verify", async () => {
    const directory = new InMemoryDirectory();
    const { progress, options } = recorder();
    const outcome = expectDone(await promoteContact(directory, draft(), { ...options, verify: true }));
    expect(progress.map((event) => [event.step, event.index, event.total])).toEqual([
      ["create", 1, 5],
      ["locate", 2, 5],
      ["update-general", 3, 5],
      ["update-options", 4, 5],
      ["verify", 5, 5],
    ]);
    expect(directory.calls.map((call) => call.operation)).toEqual([
      "create",
      "updateGeneral",
      "findByAddress",
    ]);
    expect(outcome.state.completed).toEqual([
      "create",
      "locate",
      "update-general",
      "update-options",
      "verify",
    ]);
  });
});

describe("promoteContact: waiting for a fresh contact", () => {
  it("searches with backoff until an acknowledged contact shows up", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions = { answer: "ack", invisibleForSearches: 3, unwritableForUpdates: 0 };
    const { sleeps, options } = recorder();
    expectDone(await promoteContact(directory, draft(), options));
    expect(directory.count("findByAddress")).toBe(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it("gives up locating after 6 searches and at most 8 s of waiting, and a resume locates without creating again", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions = { answer: "ack", invisibleForSearches: 6, unwritableForUpdates: 0 };
    const { sleeps, options } = recorder();

    const failed = expectFailed(await promoteContact(directory, draft(), options));
    expect(failed.failedStep).toBe("locate");
    expect(failed.error.kind).toBe("not-found");
    expect(failed.error.reason).toBe("not-visible-yet");
    expect(failed.state.completed).toEqual(["create"]);
    expect(directory.count("findByAddress")).toBe(6);
    expect(sleeps).toEqual([...LOCATE_RETRY_DELAYS_MS]);
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(8000);

    const resumed = expectDone(
      await promoteContact(directory, draft(), { ...options, resume: failed.state }),
    );
    expect(directory.count("create")).toBe(1);
    expect(resumed.contact).toMatchObject(COMPLETE);
  });

  it("retries an update that 404s right after create, with backoff instead of a fixed sleep", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions = { answer: "contact", invisibleForSearches: 0, unwritableForUpdates: 2 };
    const { sleeps, options } = recorder();
    const outcome = expectDone(
      await promoteContact(directory, draft({ hiddenFromAddressLists: true }), options),
    );
    expect(directory.count("updateGeneral")).toBe(3);
    expect(directory.count("updateOptions")).toBe(1);
    expect(sleeps).toEqual([500, 1000]);
    expect(outcome.contact).toMatchObject({ ...COMPLETE, hiddenFromAddressLists: true });
  });

  it("does not sleep at all when the fresh contact is writable at once", async () => {
    const directory = new InMemoryDirectory();
    const { sleeps, options } = recorder();
    expectDone(await promoteContact(directory, draft({ hiddenFromAddressLists: true }), options));
    expect(sleeps).toEqual([]);
  });

  it("fails with a clear not-found when the contact stays unwritable, and a resume finishes it", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions = { answer: "contact", invisibleForSearches: 0, unwritableForUpdates: 6 };
    const { options } = recorder();
    const failed = expectFailed(await promoteContact(directory, draft(), options));
    expect(failed.failedStep).toBe("update-general");
    expect(failed.error.kind).toBe("not-found");
    expect(failed.error.reason).toBe("deleted");

    expectDone(await promoteContact(directory, draft(), { ...options, resume: failed.state }));
    expect(directory.count("create")).toBe(1);
    expect(directory.contactsWithAddress("ada@analytical.example")[0]?.company).toBe(COMPLETE.company);
  });
});

describe("promoteContact: resuming after a failure", () => {
  const cases = [
    { step: "create", operation: "create", failure: throttled("create") },
    { step: "locate", operation: "findByAddress", failure: throttled("findByAddress") },
    { step: "update-general", operation: "updateGeneral", failure: throttled("updateGeneral") },
    { step: "update-options", operation: "updateOptions", failure: throttled("updateOptions") },
    { step: "verify", operation: "findByAddress", failure: throttled("findByAddress") },
  ] as const;

  it.each(cases)(
    "continues from a failure at $step and ends with exactly one complete contact",
    async (testCase) => {
      const directory = new InMemoryDirectory();
      // "ack" makes locate search; with "contact" the only search is verify's.
      directory.createOptions.answer = testCase.step === "verify" ? "contact" : "ack";
      const userDraft = frozenDraft({ hiddenFromAddressLists: true });
      const { options } = recorder();
      const runOptions = { ...options, verify: true };
      directory.failures[testCase.operation].push({ error: testCase.failure });

      const failed = expectFailed(await promoteContact(directory, userDraft, runOptions));

      expect(failed.failedStep).toBe(testCase.step);
      expect(failed.error).toBe(testCase.failure);
      expect(failed.state.draft).toBe(userDraft);
      expect(failed.state.completed).not.toContain(testCase.step);
      const createsBeforeResume = directory.count("create");

      const resumed = expectDone(
        await promoteContact(directory, userDraft, { ...runOptions, resume: failed.state }),
      );

      // Create is sent again only when the failure was create's own (refused, nothing created).
      expect(directory.count("create")).toBe(testCase.step === "create" ? 2 : createsBeforeResume);
      expect(directory.contactsWithAddress(userDraft.address)).toEqual([
        expect.objectContaining({ ...COMPLETE, hiddenFromAddressLists: true }),
      ]);
      expect(resumed.state.completed).toEqual([
        "create",
        "locate",
        "update-general",
        "update-options",
        "verify",
      ]);
      expect(resumed.contact).toMatchObject({ ...COMPLETE, hiddenFromAddressLists: true });
    },
  );

  it("reports progress for the remaining steps only", async () => {
    const directory = new InMemoryDirectory();
    directory.failures.updateOptions.push({ error: throttled("updateOptions") });
    const first = recorder();
    const failed = expectFailed(
      await promoteContact(directory, draft({ hiddenFromAddressLists: true }), first.options),
    );
    const second = recorder();
    expectDone(
      await promoteContact(directory, draft({ hiddenFromAddressLists: true }), {
        ...second.options,
        resume: failed.state,
      }),
    );
    expect(second.progress).toEqual([{ step: "update-options", index: 1, total: 1 }]);
  });

  it("re-applies an update that verify found not to have stuck", async () => {
    const directory = new InMemoryDirectory();
    directory.ignoredOptionsUpdates = 1;
    const failed = expectFailed(
      await promoteContact(directory, draft({ hiddenFromAddressLists: true }), { verify: true }),
    );
    expect(failed.failedStep).toBe("verify");
    expect(failed.error).toMatchObject({ reason: "read-back-differs", fields: ["hiddenFromAddressLists"] });
    expect(failed.state.completed).toEqual(["create", "locate", "update-general"]);

    const resumed = expectDone(
      await promoteContact(directory, draft({ hiddenFromAddressLists: true }), {
        verify: true,
        resume: failed.state,
      }),
    );
    expect(resumed.contact.hiddenFromAddressLists).toBe(true);
    expect(directory.count("create")).toBe(1);
    expect(directory.count("updateGeneral")).toBe(1);
    expect(directory.count("updateOptions")).toBe(2);
  });

  it("stops at once when cancelled, and a resume continues", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions = { answer: "ack", invisibleForSearches: 1, unwritableForUpdates: 0 };
    const controller = new AbortController();
    const failed = expectFailed(
      await promoteContact(directory, draft(), {
        signal: controller.signal,
        sleep: async () => controller.abort(),
      }),
    );
    expect(failed.failedStep).toBe("locate");
    expect(failed.error.kind).toBe("aborted");
    expect(failed.state.completed).toEqual(["create"]);
    expect(directory.count("updateGeneral")).toBe(0);

    expectDone(await promoteContact(directory, draft(), { resume: failed.state }));
    expect(directory.count("create")).toBe(1);
  });

  it("with its own wait, a cancel during the wait for the new contact is a returned 'aborted' failure", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions = { answer: "ack", invisibleForSearches: 1, unwritableForUpdates: 0 };
    const controller = new AbortController();
    const findByAddress = directory.findByAddress.bind(directory);
    // Cancelled by the person while the first search is out: the wait that follows must end at once.
    directory.findByAddress = async (address, options) => {
      const found = await findByAddress(address, options);
      controller.abort();
      return found;
    };
    const failed = expectFailed(await promoteContact(directory, draft(), { signal: controller.signal }));
    expect(failed.failedStep).toBe("locate");
    expect(failed.error.kind).toBe("aborted");
    expect(directory.count("findByAddress")).toBe(1);
  });

  it("sends nothing when cancelled before it starts", async () => {
    const directory = new InMemoryDirectory();
    const controller = new AbortController();
    controller.abort();
    const failed = expectFailed(await promoteContact(directory, draft(), { signal: controller.signal }));
    expect(failed.failedStep).toBe("create");
    expect(failed.error.kind).toBe("aborted");
    expect(failed.state.createOutcomeUnknown).toBe(false);
    expect(directory.calls).toEqual([]);
  });
});

describe("promoteContact: an ambiguous create", () => {
  it("looks at once in the same run and continues when the create went through", async () => {
    const directory = new InMemoryDirectory();
    directory.failures.create.push({ error: transient("create"), applyFirst: true });
    const outcome = expectDone(await promoteContact(directory, draft()));
    expect(directory.calls.map((call) => call.operation)).toEqual([
      "create",
      "findByAddress",
      "updateGeneral",
    ]);
    expect(outcome.alreadyExisted).toBe(false);
    expect(outcome.contact.company).toBe(COMPLETE.company);
  });

  it("fails with createOutcomeUnknown when nothing shows up, and the resume creates (once) after looking", async () => {
    const directory = new InMemoryDirectory();
    const error = transient("create");
    directory.failures.create.push({ error });
    const failed = expectFailed(await promoteContact(directory, draft()));
    expect(failed).toMatchObject({ failedStep: "create", error, state: { createOutcomeUnknown: true } });

    const resumed = expectDone(await promoteContact(directory, draft(), { resume: failed.state }));
    expect(directory.calls.map((call) => call.operation)).toEqual([
      "create",
      "findByAddress",
      "findByAddress",
      "create",
      "updateGeneral",
    ]);
    expect(resumed.state.createOutcomeUnknown).toBe(false);
    expect(directory.contactsWithAddress("ada@analytical.example")).toHaveLength(1);
  });

  it("does not create again on resume when the earlier create shows up late", async () => {
    const directory = new InMemoryDirectory();
    directory.createOptions.invisibleForSearches = 1;
    directory.failures.create.push({ error: transient("create"), applyFirst: true });
    const failed = expectFailed(await promoteContact(directory, draft()));
    expect(failed.state.createOutcomeUnknown).toBe(true);

    const resumed = expectDone(await promoteContact(directory, draft(), { resume: failed.state }));
    expect(directory.count("create")).toBe(1);
    expect(resumed.alreadyExisted).toBe(false);
    expect(resumed.contact.company).toBe(COMPLETE.company);
  });

  it("treats the address conflict after an ambiguous create as its own contact and finishes the updates", async () => {
    const directory = new InMemoryDirectory();
    // The earlier create went through but search misses it twice (its own look, then the resume's).
    directory.createOptions.invisibleForSearches = 2;
    directory.failures.create.push({ error: transient("create"), applyFirst: true });
    const failed = expectFailed(await promoteContact(directory, draft()));

    const { options } = recorder();
    const resumed = expectDone(
      await promoteContact(directory, draft(), { ...options, resume: failed.state }),
    );
    expect(resumed.alreadyExisted).toBe(false);
    expect(directory.contactsWithAddress("ada@analytical.example")).toEqual([
      expect.objectContaining({ company: COMPLETE.company }),
    ]);
  });

  it("treats a create cancelled mid-flight as possibly done: the resume looks first", async () => {
    const directory = new InMemoryDirectory();
    const controller = new AbortController();
    directory.failures.create.push({
      error: new DirectoryError({ kind: "aborted", operation: "create" }),
      applyFirst: true,
    });
    const failed = expectFailed(await promoteContact(directory, draft(), { signal: controller.signal }));
    expect(failed.state.createOutcomeUnknown).toBe(true);
    expect(directory.calls.map((call) => call.operation)).toEqual(["create"]);

    expectDone(await promoteContact(directory, draft(), { resume: failed.state }));
    expect(directory.count("create")).toBe(1);
  });
});

describe("promoteContact: conflicts", () => {
  it("returns someone else's existing contact for the address, untouched", async () => {
    const directory = new InMemoryDirectory();
    const existing = directory.seedContact({
      address: "Ada@Analytical.example",
      name: "Countess of Lovelace",
      company: "",
      mailTip: "Set by a colleague.",
    });
    const outcome = expectDone(await promoteContact(directory, draft({ hiddenFromAddressLists: true })));
    expect(outcome.alreadyExisted).toBe(true);
    expect(outcome.contact.id).toBe(existing.id);
    expect(directory.calls.map((call) => call.operation)).toEqual(["create", "findByAddress"]);
    expect(directory.contactsWithAddress("ada@analytical.example")[0]).toMatchObject({
      company: "",
      mailTip: "Set by a colleague.",
      hiddenFromAddressLists: false,
    });
  });

  it("fails clearly when a mailbox, guest or group holds the address, after a short look", async () => {
    const directory = new InMemoryDirectory();
    directory.otherRecipientAddresses.add("ada@analytical.example");
    const { sleeps, options } = recorder();
    const failed = expectFailed(await promoteContact(directory, draft(), options));
    expect(failed.failedStep).toBe("create");
    expect(failed.error).toMatchObject({ kind: "conflict", reason: "address-held-by", operation: "create" });
    // The holder named in create's error is kept when the backend cannot ask (no findHolder).
    expect(failed.error.holder).toEqual({ name: "someone", kind: "other" });
    expect(sleeps).toEqual([...ADDRESS_IN_USE_RETRY_DELAYS_MS]);
    expect(failed.state.createOutcomeUnknown).toBe(false);
  });

  it("names the holder as the backend's findHolder knows it, when it can ask", async () => {
    const directory = Object.assign(new InMemoryDirectory(), {
      findHolder: async () => ({ name: "Ada Lovelace", kind: "mailbox" as const }),
    });
    directory.otherRecipientAddresses.add("ada@analytical.example");
    const failed = expectFailed(await promoteContact(directory, draft(), recorder().options));
    expect(failed.error.holder).toEqual({ name: "Ada Lovelace", kind: "mailbox" });
  });

  it("retries create once under the alternative name when the name is taken, keeping the display name", async () => {
    const directory = new InMemoryDirectory();
    directory.seedContact({ address: "ada@elsewhere.example", name: "Ada Lovelace" });
    const userDraft = frozenDraft();
    const outcome = expectDone(await promoteContact(directory, userDraft));

    const [first, second] = directory.calls.filter((call) => call.operation === "create");
    expect(first?.name).toBe("Ada Lovelace");
    expect(second?.name).not.toBe("Ada Lovelace");
    expect(second?.name?.length).toBeLessThanOrEqual(64);
    expect(outcome.state.nameUsed).toBe(second?.name);
    expect(outcome.contact).toMatchObject({ name: second?.name, displayName: "Ada Lovelace" });
    expect(outcome.state.draft).toBe(userDraft);
    expect(userDraft.name).toBe("Ada Lovelace");
  });

  it("fails clearly when the alternative name is taken too, without a third create", async () => {
    const directory = new InMemoryDirectory();
    directory.seedContact({ address: "ada@elsewhere.example", name: "Ada Lovelace" });
    // Find out the alternative, then take it as well.
    const probe = new InMemoryDirectory();
    probe.seedContact({ address: "ada@elsewhere.example", name: "Ada Lovelace" });
    const alternative = expectDone(await promoteContact(probe, draft())).state.nameUsed;
    directory.seedContact({ address: "ada2@elsewhere.example", name: alternative });

    const failed = expectFailed(await promoteContact(directory, draft()));
    expect(directory.count("create")).toBe(2);
    expect(failed.failedStep).toBe("create");
    expect(failed.error).toMatchObject({
      kind: "conflict",
      reason: "both-names-taken",
      names: ["Ada Lovelace", alternative],
    });
  });

  it("ends with one contact when two panes promote the same sender at once", async () => {
    const directory = new InMemoryDirectory();
    const [first, second] = await Promise.all([
      promoteContact(directory, draft({ hiddenFromAddressLists: true })),
      promoteContact(directory, draft({ hiddenFromAddressLists: true })),
    ]);
    const firstDone = expectDone(first);
    const secondDone = expectDone(second);
    expect([firstDone.alreadyExisted, secondDone.alreadyExisted].sort()).toEqual([false, true]);
    expect(firstDone.contact.id).toBe(secondDone.contact.id);
    expect(directory.contactsWithAddress("ada@analytical.example")).toHaveLength(1);
  });
});

describe("promoteContact: programmer errors", () => {
  it("throws for a draft that is not sendable, before any call", async () => {
    const directory = new InMemoryDirectory();
    const promise = promoteContact(directory, draft({ company: "x".repeat(65) }));
    await expect(promise).rejects.toThrow(/not sendable/);
    await expect(promise).rejects.not.toBeInstanceOf(DirectoryError);
    expect(directory.calls).toEqual([]);
  });

  it("throws for a resume state of another address", async () => {
    const directory = new InMemoryDirectory();
    directory.failures.updateGeneral.push({ error: throttled("updateGeneral") });
    const failed = expectFailed(await promoteContact(directory, draft()));
    await expect(
      promoteContact(directory, draft({ address: "grace@navy.example" }), { resume: failed.state }),
    ).rejects.toThrow(/another address/);
  });

  it("is never thrown at for a directory failure", async () => {
    const directory = new InMemoryDirectory();
    directory.failures.create.push({
      error: new DirectoryError({ kind: "forbidden", operation: "create", status: 403 }),
    });
    const failed = expectFailed(await promoteContact(directory, draft()));
    expect(isDirectoryError(failed.error, "forbidden")).toBe(true);
    expect(failed.state.createOutcomeUnknown).toBe(false);
  });
});
