/**
 * Owns a list of people on screen (everyone on the item; other lists pass their candidates to
 * `showCandidates`): looks them up through the pane's one cache, runs the sender-trust checks
 * per person, keeps what is ticked, and runs the batch that adds them.
 *
 * Lifetime is the pane's, as the pane controller's: a batch goes on when the person switches
 * message, and coming back shows each row's progress (additions are kept per person).
 * Never a second create for a person: a batch claims each of its people in the pane's
 * PromotionClaims (the card's Add does the same), a second click while it runs does nothing,
 * a failed row resumes from its state (Finish), and rows in the address book are not offered.
 */
import { CallGate } from "../../contacts/batch";
import type { DirectoryError } from "../../contacts/directory-error";
import { validateDraft } from "../../contacts/draft-rules";
import { extractParticipants } from "../../contacts/participants";
import {
  createMayHaveHappened,
  lookUpPeople,
  addPeople,
  type PersonAddResult,
  type PersonToAdd,
} from "../../contacts/people-batch";
import { isAddable, type ItemParticipants, type PersonCandidate } from "../../contacts/people";
import { analyzeSender } from "../../contacts/sender";
import { mayAdd } from "../../contacts/trust/policy";
import type { InternetHeaders } from "../../contacts/trust/message-authentication";
import type { ContactDraft } from "../../contacts/types";
import {
  draftWorkflowModule,
  trustChecksModule,
  type DraftWorkflow,
  type ModuleLoader,
  type TrustChecks,
} from "../lazy-modules";
import { batchSummarySentence } from "../locales/people-sentences";
import type { PaneController } from "./pane-controller";
import { organizationDomains as ownDomains, readHeadersWithin } from "./sender-trust-tracker";
import {
  EMPTY_PEOPLE_LIST,
  preselected,
  selectedRows,
  isSelectable,
  type BatchSummary,
  type PeopleListSource,
  type PeopleListView,
  type PeopleRow,
  type PersonTrust,
  type PersonVerdict,
  type RowAddition,
} from "./people-list-state";

export interface PeopleControllerOptions {
  /** The gate every call of the list goes through (tests and the bench pass their own). */
  gate?: CallGate;
  draftWorkflow?: ModuleLoader<DraftWorkflow>;
  trustChecks?: ModuleLoader<TrustChecks>;
  /** Outlook may never answer getAllInternetHeadersAsync: after this long the From row counts as not checked. */
  headerTimeoutMs?: number;
  /**
   * Whether rows the guard lets through start ticked (default): people on the message the user
   * opened. Suggestions pass false: nobody the user did not choose is ticked for them.
   */
  preselect?: boolean;
}

export class PeopleController {
  readonly #pane: PaneController;
  readonly #gate: CallGate;
  readonly #draftWorkflow: ModuleLoader<DraftWorkflow>;
  readonly #trustChecks: ModuleLoader<TrustChecks>;
  readonly #headerTimeoutMs: number;
  readonly #preselect: boolean;
  readonly #listeners = new Set<() => void>();
  #view: PeopleListView = EMPTY_PEOPLE_LIST;
  #source: PeopleListSource = { kind: "message" };
  #candidates: readonly PersonCandidate[] = [];
  #generation = 0;
  /** The person's own choice, by key; absent: ticked when the guard allows the one-click Add (and the list preselects). */
  readonly #chosen = new Map<string, boolean>();
  /** Per person, across items: a batch's progress and result. */
  readonly #additions = new Map<string, RowAddition>();
  readonly #lookupErrors = new Map<string, DirectoryError>();
  /** Per item: the trust checks' verdict for each external row. */
  #trust = new Map<string, PersonTrust>();
  #trustSettled: Promise<void> = Promise.resolve();
  #adding = false;
  #lastBatch: readonly string[] = [];
  #stopListening: Array<() => void> = [];
  #lifetime = new AbortController();
  /** The list on screen's lookups: a newer list stops starting the older one's (a search already out finishes and is cached). */
  #listLookups = new AbortController();

  constructor(pane: PaneController, options: PeopleControllerOptions = {}) {
    this.#pane = pane;
    this.#gate = options.gate ?? new CallGate();
    this.#draftWorkflow = options.draftWorkflow ?? draftWorkflowModule;
    this.#trustChecks = options.trustChecks ?? trustChecksModule;
    this.#headerTimeoutMs = options.headerTimeoutMs ?? 3000;
    this.#preselect = options.preselect ?? true;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  readonly getState = (): PeopleListView => this.#view;

  /** Follows the cache (a write elsewhere, a refresh), the account's rights and the client's throttling. */
  start(): void {
    if (this.#stopListening.length > 0) return;
    if (this.#lifetime.signal.aborted) this.#lifetime = new AbortController();
    this.#stopListening = [
      this.#pane.lookup.subscribe(() => this.#rebuild()),
      this.#pane.subscribe(() => {
        if (this.#pane.getState().writeAllowed !== this.#view.writeAllowed) this.#rebuild();
      }),
      // The client is waiting out a 429/503: the whole list slows down with it.
      this.#pane.services.onRetryNotice((notice) => {
        if (notice.kind === "waiting") this.#gate.backOff(notice.delayMs);
      }),
    ];
  }

  stop(): void {
    for (const stop of this.#stopListening) stop();
    this.#stopListening = [];
    this.#lifetime.abort();
  }

  /** Everyone on the item on screen (the host's read-mode participants). */
  showItem(participants: ItemParticipants): void {
    const host = this.#pane.services.host;
    const candidates = extractParticipants(participants, {
      userAddress: host.context.userAddress,
      org: this.#pane.services.org,
    });
    const source: PeopleListSource =
      participants.kind === "meeting" ? { kind: "meeting" } : { kind: "message" };
    // The message's authentication results are about its From domain only.
    const from =
      participants.kind === "message"
        ? candidates.find((c) => c.sources.some((s) => s.kind === "from"))
        : undefined;
    this.showCandidates(candidates, source, from && participants.kind === "message" ? from.key : null);
  }

  /**
   * Shows `candidates` (another list's people: a selection's senders, suggestions) and starts
   * their lookups and trust checks. `authenticatedKey`: the row whose domain the current
   * message's authentication results are about (its From), if any.
   */
  showCandidates(
    candidates: readonly PersonCandidate[],
    source: PeopleListSource,
    authenticatedKey: string | null = null,
  ): void {
    const generation = ++this.#generation;
    this.#candidates = candidates;
    this.#source = source;
    this.#trust = new Map(
      candidates.filter(isAddable).map((candidate) => [candidate.key, { kind: "checking" } as PersonTrust]),
    );
    this.#rebuild();
    this.#lookUp(candidates.filter(isAddable));
    this.#trustSettled = this.#checkTrust(generation, candidates.filter(isAddable), authenticatedKey);
  }

  toggle(key: string, selected: boolean): void {
    this.#chosen.set(key, selected);
    this.#rebuild();
  }

  selectAllExternal(selected: boolean): void {
    for (const row of this.#view.rows) {
      if (!isSelectable(row)) continue;
      // "Select all" ticks the people the guard lets through in one click; a flagged one stays a choice of its own.
      if (selected && !(row.trust.kind === "ready" && row.trust.decision === "one-click")) continue;
      this.#chosen.set(row.candidate.key, selected);
    }
    this.#rebuild();
  }

  /**
   * "Add N": adds the ticked people. `confirmed`: the person saw the flagged rows' risks and chose
   * to add them anyway. A second click while a batch runs does nothing.
   */
  async add(confirmed: boolean): Promise<void> {
    if (this.#adding || !this.#view.writeAllowed) return;
    this.#adding = true;
    this.#rebuild();
    try {
      // Clicked within the milliseconds the checks take: decide once they have answered.
      await this.#trustSettled;
      const rows = selectedRows(this.#view).filter((row) => this.#mayCreate(row, confirmed));
      const workflow = await this.#draftWorkflow.load();
      const people = this.#claim(rows, workflow);
      await this.#run(people, workflow, confirmed);
    } catch {
      // The draft workflow did not download: nothing was sent; the rows stay ticked for another try.
    } finally {
      this.#adding = false;
      this.#rebuild();
    }
  }

  /** Finish (create happened) or Try again (it did not) for one failed row, leaving the others alone. */
  async retryRow(key: string): Promise<void> {
    const addition = this.#additions.get(key);
    const row = this.#view.rows.find((candidate) => candidate.candidate.key === key);
    if (addition?.phase !== "failed" || !row || !this.#view.writeAllowed) return;
    const resuming = createMayHaveHappened(addition.state);
    if (!resuming && !this.#mayCreate(row, row.trust.kind === "ready" && row.trust.decision === "confirm"))
      return;
    let workflow: DraftWorkflow;
    try {
      workflow = await this.#draftWorkflow.load();
    } catch {
      return;
    }
    const people = this.#claim([row], workflow, addition);
    await this.#run(people, workflow, true, false);
  }

  // ---- lookups and trust ----

  #lookUp(candidates: readonly PersonCandidate[]): void {
    const lookup = this.#pane.lookup;
    const missing = candidates.filter((candidate) => {
      const address = candidate.address?.address;
      return address !== undefined && lookup.peek(address) === undefined;
    });
    for (const candidate of missing) this.#lookupErrors.delete(candidate.key);
    this.#listLookups.abort();
    this.#listLookups = new AbortController();
    if (missing.length === 0) return;
    void lookUpPeople(
      lookup,
      missing.map((candidate) => candidate.address?.address as string),
      {
        gate: this.#gate,
        signal: AbortSignal.any([this.#lifetime.signal, this.#listLookups.signal]),
        onSettled: (address, result) => {
          const key = missing.find((candidate) => candidate.address?.address === address)?.key;
          if (key === undefined) return;
          if (result.status === "failed" && result.error.kind !== "aborted")
            this.#lookupErrors.set(key, result.error);
          // Missing: who else holds the address (a backend that can tell), so no Add is offered for it.
          if (result.status === "done" && result.value.status === "missing")
            void this.#gate.run(() => lookup.checkHolder(address, { signal: this.#lifetime.signal }));
          this.#rebuild();
        },
      },
    );
  }

  async #checkTrust(
    generation: number,
    candidates: readonly PersonCandidate[],
    authenticatedKey: string | null,
  ): Promise<void> {
    if (candidates.length === 0) return;
    const services = this.#pane.services;
    const policy = services.org.trustPolicy ?? "warn";
    let checks: TrustChecks;
    let headers: InternetHeaders = null;
    try {
      [checks, headers] = await Promise.all([
        this.#trustChecks.load(),
        authenticatedKey === null
          ? Promise.resolve(null)
          : readHeadersWithin(this.#pane.services.host, this.#headerTimeoutMs),
      ]);
    } catch {
      if (generation !== this.#generation) return;
      for (const candidate of candidates) this.#trust.set(candidate.key, { kind: "unavailable" });
      this.#rebuild();
      return;
    }
    const organizationDomains = ownDomains(this.#pane.services.host, this.#pane.services.org);
    await Promise.all(
      candidates.map(async (candidate) => {
        const address = candidate.address;
        if (address === null) return;
        let trust: PersonTrust;
        try {
          const assessed = await checks.assessSenderTrust({
            displayName: candidate.displayName,
            address: address.address,
            domain: address.domain,
            // The message's authentication results speak for its From only; other rows are "not checked".
            headers: candidate.key === authenticatedKey ? headers : null,
            organizationDomains,
            contactDomains: [],
            userDisplayName: services.host.context.userDisplayName,
            colleagueNames: [],
          });
          trust = {
            kind: "ready",
            decision: checks.addDecision(assessed, policy),
            risks: checks.trustRisks(assessed),
          };
        } catch {
          trust = { kind: "unavailable" };
        }
        if (generation === this.#generation) this.#trust.set(candidate.key, trust);
      }),
    );
    if (generation === this.#generation) this.#rebuild();
  }

  // ---- the batch ----

  /** The same decision as the card's Add: one click when nothing is wrong, after a confirmation when risky. */
  #mayCreate(row: PeopleRow, confirmed: boolean): boolean {
    return row.trust.kind === "ready" && mayAdd(row.trust.decision, confirmed);
  }

  /**
   * Claims each person for this batch in the pane's PromotionClaims and prepares their draft:
   * the one the person edited on the card if any, else the prefill. A person the card is adding
   * right now, or whose draft is not sendable, is left out.
   */
  #claim(rows: readonly PeopleRow[], workflow: DraftWorkflow, resume?: RowAddition): PersonToAdd[] {
    const pane = this.#pane.getState();
    const people: PersonToAdd[] = [];
    for (const row of rows) {
      const key = row.candidate.key;
      const cardPromotion = pane.people[key]?.promotion;
      if (cardPromotion?.phase === "running" || cardPromotion?.phase === "done") continue;
      const draft = pane.people[key]?.draft ?? this.#prefill(row.candidate, workflow);
      if (draft === null || validateDraft(draft).length > 0) continue;
      if (!this.#pane.claims.claim(key)) continue;
      // A failed card promotion that may have created: the row continues it, never a new create.
      const state =
        resume?.phase === "failed"
          ? resume.state
          : cardPromotion?.phase === "failed"
            ? cardPromotion.state
            : undefined;
      people.push({ key, draft, ...(state ? { resume: state } : {}) });
      this.#additions.set(key, { phase: "queued" });
    }
    this.#rebuild();
    return people;
  }

  #prefill(candidate: PersonCandidate, workflow: DraftWorkflow): ContactDraft | null {
    if (candidate.address === null) return null;
    const services = this.#pane.services;
    const analysis = analyzeSender(
      {
        from: { displayName: candidate.displayName, emailAddress: candidate.address.address },
        sender: null,
        userAddress: services.host.context.userAddress,
        userDisplayName: services.host.context.userDisplayName,
      },
      services.org,
    );
    if (analysis.kind !== "external") return null;
    return workflow.prefillDraft(analysis, services.org);
  }

  async #run(
    people: PersonToAdd[],
    workflow: DraftWorkflow,
    confirmed: boolean,
    newBatch = true,
  ): Promise<void> {
    if (people.length === 0) return;
    if (newBatch) this.#lastBatch = people.map((person) => person.key);
    const allowed = new Map(
      this.#view.rows.map((row) => [row.candidate.key, this.#mayCreate(row, confirmed)] as const),
    );
    this.#rebuild();
    try {
      await addPeople(this.#pane.services.directory, people, {
        gate: this.#gate,
        signal: this.#lifetime.signal,
        promote: workflow.promoteContact,
        // Asked again just before each create: the decision the click was made under, and
        // no more creates once one was refused for want of a role (the session is read-only).
        mayCreate: (key) => allowed.get(key) === true && this.#pane.getState().writeAllowed,
        onStart: (key) => this.#setAddition(key, { phase: "running", step: null }),
        onProgress: (key, step) => this.#setAddition(key, { phase: "running", step }),
        onSettled: (key, result) => this.#settled(key, result),
      });
    } finally {
      for (const person of people) this.#pane.claims.release(person.key);
    }
    // Said once the batch (or a row's Finish / Try again) is over, even from another message.
    const summary = this.#lifetime.signal.aborted ? null : this.#batchSummary();
    if (summary) this.#pane.announcements.say(batchSummarySentence(summary));
  }

  #settled(key: string, result: PersonAddResult): void {
    this.#pane.claims.release(key);
    if (result.status === "not-allowed") {
      this.#additions.delete(key);
    } else if (result.status === "done") {
      this.#additions.set(key, {
        phase: "done",
        contact: result.contact,
        alreadyExisted: result.alreadyExisted,
      });
      this.#chosen.delete(key);
      this.#pane.lookup.remember(result.contact.address, { status: "exists", contact: result.contact });
    } else if (result.error.kind === "aborted" && this.#lifetime.signal.aborted) {
      this.#additions.delete(key);
    } else {
      this.#pane.noteFailure(result.error);
      this.#additions.set(key, {
        phase: "failed",
        failedStep: result.failedStep,
        error: result.error,
        state: result.state,
      });
    }
    this.#rebuild();
  }

  #setAddition(key: string, addition: RowAddition): void {
    this.#additions.set(key, addition);
    this.#rebuild();
  }

  // ---- the view ----

  #rebuild(): void {
    const writeAllowed = this.#pane.getState().writeAllowed;
    const rows = this.#candidates.map((candidate): PeopleRow => {
      const row: PeopleRow = {
        candidate,
        verdict: this.#verdictOf(candidate),
        trust: this.#trust.get(candidate.key) ?? { kind: "none" },
        selected: false,
        addition: this.#additions.get(candidate.key) ?? null,
      };
      return { ...row, selected: this.#chosen.get(candidate.key) ?? (this.#preselect && preselected(row)) };
    });
    this.#view = {
      source: this.#source,
      rows,
      writeAllowed,
      adding: this.#adding,
      summary: this.#summary(),
    };
    for (const listener of [...this.#listeners]) listener();
  }

  #verdictOf(candidate: PersonCandidate): PersonVerdict {
    if (!isAddable(candidate) || candidate.address === null) return { kind: "not-applicable" };
    const addition = this.#additions.get(candidate.key);
    if (addition?.phase === "done") return { kind: "exists", contact: addition.contact };
    const cached = this.#pane.lookup.peek(candidate.address.address);
    if (cached?.status === "exists") return { kind: "exists", contact: cached.contact };
    if (cached) return cached.holder ? { kind: "missing", holder: cached.holder } : { kind: "missing" };
    const error = this.#lookupErrors.get(candidate.key);
    return error ? { kind: "unknown", error } : { kind: "checking" };
  }

  /** The last batch's outcome once none of its rows is waiting or running; only on a list it was run from. */
  #summary(): BatchSummary | null {
    const shown = new Set(this.#candidates.map((candidate) => candidate.key));
    if (!this.#lastBatch.some((key) => shown.has(key))) return null;
    return this.#batchSummary();
  }

  /** The last batch's outcome once none of its rows is waiting or running, wherever the list is. */
  #batchSummary(): BatchSummary | null {
    if (this.#lastBatch.length === 0) return null;
    const additions = this.#lastBatch.map((key) => this.#additions.get(key));
    if (additions.some((addition) => addition?.phase === "queued" || addition?.phase === "running"))
      return null;
    let added = 0;
    let alreadyThere = 0;
    let failed = 0;
    let firstFailure: DirectoryError | null = null;
    for (const addition of additions) {
      if (addition?.phase === "done") {
        if (addition.alreadyExisted) alreadyThere += 1;
        else added += 1;
      } else if (addition?.phase === "failed") {
        failed += 1;
        firstFailure ??= addition.error;
      }
    }
    return { added, alreadyThere, failed, firstFailure };
  }
}
