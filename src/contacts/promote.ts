/**
 * Promote a sender to an organization-wide mail contact: the create-then-update sequence.
 *
 *   create  →  locate  →  update-general  →  update-options  →  (verify)
 *
 * Why four calls for one contact: the admin center's create ignores the company and
 * the hidden-from-address-lists flag (see ../shared/admin-api-contract.md), so they are
 * set afterwards with the two updates; and create may answer with a bare
 * acknowledgement, in which case the new contact's id is found by searching its address.
 *
 * What this file guarantees:
 * - Never two contacts. Once create is known to have happened it is never sent again;
 *   after an ambiguous create (timeout, dropped connection, 5xx) the next attempt looks
 *   before it creates. A failed run returns its state, and `resume` continues from the
 *   failed step.
 * - Never someone else's contact overwritten. If the address turns out to belong to a
 *   contact created by someone else meanwhile, that contact is the result
 *   (`alreadyExisted: true`) and no update is sent.
 * - Never the user's draft lost: `state.draft` is the very object passed in, untouched.
 * - As few calls as the job needs: an update with nothing to change is skipped, and the
 *   wait for a fresh contact to become writable is a bounded retry on 404, not a fixed
 *   sleep on every promotion.
 *
 * Directory failures are returned (`status: "failed"`), never thrown. Only programmer
 * errors throw: a draft that fails validateDraft, or a resume state for another address.
 */
import { domainKey, sameAddress } from "./address";
import { DirectoryError, isDirectoryError, type DirectoryField } from "./directory-error";
import type {
  CallOptions,
  ContactDirectory,
  GeneralUpdate,
  MailContact,
  NewMailContact,
  OptionsUpdate,
} from "./directory";
import { alternativeContactName, toNewMailContact, validateDraft } from "./draft";
import { pollUntilFound, sleep } from "./retry-policy";
import type { ContactDraft } from "./types";
import {
  STEP_ORDER,
  type PromoteOptions,
  type PromoteOutcome,
  type PromoteState,
  type PromoteStepId,
} from "./workflow-types";

/**
 * Waits between searches for a contact that create acknowledged but search does not show
 * yet: 6 attempts (the first at once), 7.5 s of waiting at most.
 */
export const LOCATE_RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000, 2000, 2000];

/** Waits between attempts of an update that 404s because the fresh contact is not writable yet. */
const FRESH_CONTACT_RETRY_DELAYS_MS: readonly number[] = LOCATE_RETRY_DELAYS_MS;

/**
 * Waits between searches after create said the address is taken: a contact another pane
 * created a moment ago takes as long to show up as our own new one, so the same window as
 * locate. A backend that can name a mailbox or guest holder (findHolder) ends it at once.
 */
export const ADDRESS_IN_USE_RETRY_DELAYS_MS: readonly number[] = LOCATE_RETRY_DELAYS_MS;

/** Resolves after `ms`; rejects with DirectoryError kind "aborted" when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface PromoteRunOptions extends PromoteOptions {
  /** How to wait between retries. Tests pass a fake that records the waits. */
  sleep?: Sleep;
}

export async function promoteContact(
  directory: ContactDirectory,
  draft: ContactDraft,
  options: PromoteRunOptions = {},
): Promise<PromoteOutcome> {
  assertSendable(draft, options.resume);
  return new Promotion(directory, draft, options).run();
}

/** Marker a step returns when the address turned out to be someone else's contact. */
const FOUND_EXISTING = Symbol("found existing contact");

class Promotion {
  readonly #directory: ContactDirectory;
  readonly #options: PromoteRunOptions;
  readonly #call: CallOptions;
  readonly #sleep: Sleep;
  readonly #state: PromoteState;
  readonly #draft: ContactDraft;

  constructor(directory: ContactDirectory, draft: ContactDraft, options: PromoteRunOptions) {
    this.#directory = directory;
    this.#options = options;
    this.#call = { signal: options.signal };
    this.#sleep = options.sleep ?? sleep;
    this.#draft = draft;
    const resume = options.resume;
    this.#state = {
      draft,
      nameUsed: resume?.nameUsed ?? draft.name,
      completed: [...(resume?.completed ?? [])],
      contact: resume?.contact ?? null,
      createOutcomeUnknown: resume?.createOutcomeUnknown ?? false,
    };
  }

  async run(): Promise<PromoteOutcome> {
    const plan = STEP_ORDER.filter(
      (step) => (step !== "verify" || this.#options.verify === true) && !this.#state.completed.includes(step),
    );
    for (const [position, step] of plan.entries()) {
      this.#options.onProgress?.({ step, index: position + 1, total: plan.length });
      try {
        throwIfAborted(this.#options.signal);
        const result = await this.#runStep(step);
        if (result === FOUND_EXISTING) {
          this.#markCompleted("create", "locate");
          return {
            status: "done",
            contact: this.#requireContact(),
            alreadyExisted: true,
            state: this.#snapshot(),
          };
        }
        this.#markCompleted(step);
      } catch (error) {
        if (!isDirectoryError(error)) throw error;
        return {
          status: "failed",
          failedStep: step,
          error,
          state: { ...this.#snapshot(), ...this.#stillMissing() },
        };
      }
    }
    return {
      status: "done",
      contact: this.#requireContact(),
      alreadyExisted: false,
      state: this.#snapshot(),
    };
  }

  #runStep(step: PromoteStepId): Promise<void | typeof FOUND_EXISTING> {
    switch (step) {
      case "create":
        return this.#create();
      case "locate":
        return this.#locate();
      case "update-general":
        return this.#updateGeneral();
      case "update-options":
        return this.#updateOptions();
      case "verify":
        return this.#verify();
    }
  }

  // ── create ────────────────────────────────────────────────────────────────────────

  async #create(): Promise<void | typeof FOUND_EXISTING> {
    const earlierCreateMayHaveWorked = this.#state.createOutcomeUnknown;
    if (earlierCreateMayHaveWorked) {
      // Look before creating: the earlier create may have gone through after all.
      const found = await this.#directory.findByAddress(this.#draft.address, this.#call);
      if (found) return this.#adopt(found);
    }

    // Each create attempt starts from the draft's name: nothing was created under the
    // alternative yet, and the user may have changed the name since.
    let name = this.#draft.name;
    let alternativeTried = false;
    for (;;) {
      try {
        const request = toNewMailContact(this.#draft, name);
        this.#state.nameUsed = request.name;
        const created = await this.#directory.create(request, this.#call);
        this.#state.createOutcomeUnknown = false;
        delete this.#state.createCheck;
        if (created) this.#state.contact = created;
        return;
      } catch (error) {
        if (!isDirectoryError(error)) throw error;
        if (error.reason === "name-taken") {
          if (alternativeTried) throw bothNamesTaken(this.#draft.name, name, error);
          // The refused create created nothing, so sending another is safe.
          name = alternativeContactName(this.#draft, domainKey(this.#draft.address));
          alternativeTried = true;
          continue;
        }
        if (error.reason === "address-held-by")
          return this.#resolveAddressInUse(error, earlierCreateMayHaveWorked);
        if (error.ambiguous || error.kind === "aborted") {
          this.#state.createOutcomeUnknown = true;
          if (error.kind !== "aborted") {
            let checkFailed = false;
            const found = await this.#directory.findByAddress(this.#draft.address, this.#call).catch(() => {
              checkFailed = true;
              return null;
            });
            if (found) return this.#adopt(found);
            this.#state.createCheck = checkFailed ? "failed" : "not-seen";
          }
        }
        throw error;
      }
    }
  }

  /**
   * Create said another recipient already has this address. If search shows a contact,
   * it is the result: someone else's (left untouched), or ours from an earlier create
   * whose answer was lost (then the updates continue). If search shows nothing, a
   * mailbox, guest or group holds the address and no contact can be made for it.
   */
  async #resolveAddressInUse(
    error: DirectoryError,
    earlierCreateMayHaveWorked: boolean,
  ): Promise<void | typeof FOUND_EXISTING> {
    // A mailbox, guest or group: a backend that can ask says who (findHolder), and no contact will appear.
    const named =
      (await this.#directory.findHolder?.(this.#draft.address, this.#call).catch(() => null)) ?? null;
    const existing =
      named && named.kind !== "contact" ? null : await this.#findWithRetries(ADDRESS_IN_USE_RETRY_DELAYS_MS);
    if (!existing) {
      const holder = named ?? error.holder;
      throw new DirectoryError({
        kind: "conflict",
        reason: "address-held-by",
        operation: "create",
        field: "address",
        holder,
        status: error.status,
        requestId: error.requestId,
        cause: error,
      });
    }
    this.#adopt(existing);
    return earlierCreateMayHaveWorked ? undefined : FOUND_EXISTING;
  }

  #adopt(contact: MailContact): void {
    this.#state.contact = contact;
    this.#state.createOutcomeUnknown = false;
    delete this.#state.createCheck;
  }

  // ── locate ────────────────────────────────────────────────────────────────────────

  async #locate(): Promise<void> {
    if (this.#state.contact) return; // create answered with the contact itself
    const found = await this.#findWithRetries(LOCATE_RETRY_DELAYS_MS);
    if (!found)
      throw new DirectoryError({ kind: "not-found", reason: "not-visible-yet", operation: "findByAddress" });
    this.#state.contact = found;
  }

  #findWithRetries(delaysMs: readonly number[]): Promise<MailContact | null> {
    return pollUntilFound(() => this.#directory.findByAddress(this.#draft.address, this.#call), delaysMs, {
      signal: this.#options.signal,
      sleep: this.#sleep,
    });
  }

  // ── updates ───────────────────────────────────────────────────────────────────────

  async #updateGeneral(): Promise<void> {
    const current = this.#requireContact();
    const changes = generalChanges(this.#intended(), current);
    if (Object.keys(changes).length === 0) return;
    this.#state.contact = await this.#whileFresh(() =>
      this.#directory.updateGeneral(current, changes, this.#call),
    );
  }

  async #updateOptions(): Promise<void> {
    const current = this.#requireContact();
    const changes = optionsChanges(this.#intended(), current);
    if (Object.keys(changes).length === 0) return;
    this.#state.contact = await this.#whileFresh(() =>
      this.#directory.updateOptions(current, changes, this.#call),
    );
  }

  /** A contact created a moment ago may not be writable yet: retry a 404, a few times. */
  async #whileFresh(update: () => Promise<MailContact>): Promise<MailContact> {
    let last: DirectoryError | undefined;
    const attempt = () =>
      update().catch((error: unknown) => {
        if (!isDirectoryError(error, "not-found")) throw error;
        last = error;
        return null;
      });
    const stored = await pollUntilFound(attempt, FRESH_CONTACT_RETRY_DELAYS_MS, {
      signal: this.#options.signal,
      sleep: this.#sleep,
    });
    if (stored) return stored;
    // Still not there after the wait for a fresh contact: it was deleted meanwhile.
    throw new DirectoryError({
      kind: "not-found",
      reason: "deleted",
      operation: last?.operation,
      status: last?.status,
      requestId: last?.requestId,
      cause: last,
    });
  }

  // ── verify ────────────────────────────────────────────────────────────────────────

  async #verify(): Promise<void> {
    const read = await this.#directory.findByAddress(this.#draft.address, this.#call);
    if (!read)
      throw new DirectoryError({ kind: "not-found", reason: "not-visible-yet", operation: "findByAddress" });
    this.#state.contact = read;
    const intended = this.#intended();
    const wrongGeneral: DirectoryField[] =
      intended.company !== "" && read.company !== intended.company ? ["company"] : [];
    const wrongOptions: DirectoryField[] = [
      ...(intended.mailTip !== "" && read.mailTip !== intended.mailTip ? (["mailTip"] as const) : []),
      ...(read.hiddenFromAddressLists !== intended.hiddenFromAddressLists
        ? (["hiddenFromAddressLists"] as const)
        : []),
    ];
    if (wrongGeneral.length === 0 && wrongOptions.length === 0) return;
    // Let a resume re-apply the updates that did not stick (against the contact just read).
    this.#state.completed = this.#state.completed.filter(
      (step) =>
        !(step === "update-general" && wrongGeneral.length > 0) &&
        !(step === "update-options" && wrongOptions.length > 0),
    );
    throw new DirectoryError({
      kind: "protocol",
      reason: "read-back-differs",
      operation: "findByAddress",
      fields: [...wrongGeneral, ...wrongOptions],
    });
  }

  // ── state ─────────────────────────────────────────────────────────────────────────

  /** What the user asked for, in the form sent to the directory. */
  #intended(): NewMailContact {
    return toNewMailContact(this.#draft, this.#state.nameUsed);
  }

  #requireContact(): MailContact {
    const contact = this.#state.contact;
    if (!contact) throw new Error("promoteContact: no contact is known after create and locate completed.");
    return contact;
  }

  #markCompleted(...steps: PromoteStepId[]): void {
    for (const step of steps) if (!this.#state.completed.includes(step)) this.#state.completed.push(step);
  }

  /** What the stored contact still lacks of the intended values, once it is known (a partial failure's "what is left"). */
  #stillMissing(): Pick<PromoteState, "stillMissing"> {
    const contact = this.#state.contact;
    if (!contact) return {};
    const intended = this.#intended();
    const missing: DirectoryField[] = [];
    const completed = this.#state.completed;
    if (!completed.includes("update-general")) {
      for (const field of ["displayName", "firstName", "lastName"] as const) {
        if (intended[field] !== "" && intended[field] !== contact[field]) missing.push(field);
      }
      // Create ignores the company even when its answer echoes it: missing until update-general ran.
      if (intended.company !== "") missing.push("company");
    }
    if (!completed.includes("update-options")) {
      if (intended.mailTip !== "" && intended.mailTip !== contact.mailTip) missing.push("mailTip");
      if (intended.hiddenFromAddressLists !== contact.hiddenFromAddressLists)
        missing.push("hiddenFromAddressLists");
    }
    return { stillMissing: missing };
  }

  #snapshot(): PromoteState {
    return { ...this.#state, completed: [...this.#state.completed] };
  }
}

/** The general fields the contact lacks. Promote only fills in: it never blanks a field. */
function generalChanges(intended: NewMailContact, current: MailContact): GeneralUpdate {
  const changes: GeneralUpdate = {};
  for (const field of [
    "displayName",
    "firstName",
    "lastName",
    "title",
    "phone",
    "mobilePhone",
    "fax",
    "webPage",
  ] as const) {
    if (intended[field] !== "" && intended[field] !== current[field]) changes[field] = intended[field];
  }
  // Create is known to ignore the company even when its answer echoes it: always send it.
  if (intended.company !== "") changes.company = intended.company;
  return changes;
}

function optionsChanges(intended: NewMailContact, current: MailContact): OptionsUpdate {
  const changes: OptionsUpdate = {};
  if (intended.mailTip !== "" && intended.mailTip !== current.mailTip) changes.mailTip = intended.mailTip;
  // Create is known to ignore the flag; hidden is not the default, so it must be sent.
  if (intended.hiddenFromAddressLists || current.hiddenFromAddressLists) {
    changes.hiddenFromAddressLists = intended.hiddenFromAddressLists;
  }
  return changes;
}

function assertSendable(draft: ContactDraft, resume: PromoteState | undefined): void {
  const problems = validateDraft(draft);
  if (problems.length > 0) {
    throw new Error(
      `promoteContact: the draft is not sendable; run validateDraft first. ${problems.map((p) => `${p.field}: ${p.problem.code}`).join(", ")}`,
    );
  }
  if (resume && !sameAddress(resume.draft.address, draft.address)) {
    throw new Error("promoteContact: the resume state belongs to a promotion of another address.");
  }
}

function bothNamesTaken(name: string, alternative: string, cause: DirectoryError): DirectoryError {
  return new DirectoryError({
    kind: "conflict",
    reason: "both-names-taken",
    operation: "create",
    field: "name",
    names: [name, alternative],
    status: cause.status,
    requestId: cause.requestId,
    cause,
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DirectoryError({ kind: "aborted" });
}
