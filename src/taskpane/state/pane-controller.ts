/**
 * Owns the pane's behaviour: follows the selected item, looks senders up, runs
 * promotions and edits, and retries what can be retried. Components only render its
 * state (a plain PaneState) and call its methods.
 *
 * Why a class with a store rather than hooks: promotions and the client's retries outlive
 * the sender on screen (a promotion for A continues while B is shown), so their
 * lifetime is the pane's, not a component's.
 */
import { DirectoryError, isDirectoryError, isWriteOperation } from "../../contacts/directory-error";
import { toUnicode } from "punycode/";
import { addressKey } from "../../contacts/address";
import type { MailContact } from "../../contacts/directory";
import { analyzeSender } from "../../contacts/sender";
import { validateDraft } from "../../contacts/draft-rules";
import { setHiddenFromAddressLists, setMailTip } from "../../contacts/edit";
import { EXCHANGE_LIMITS } from "../../contacts/exchange-rules";
import { collapseWhitespace, truncateAtWordBoundary } from "../../contacts/mail-tip";
import { ContactLookup } from "../../contacts/lookup";
import type { SenderTrust } from "../../contacts/trust/sender-trust";
import type { ContactDraft, SenderAnalysis } from "../../contacts/types";
import type { PromoteState } from "../../contacts/workflow-types";
import {
  draftWorkflowModule,
  type DraftWorkflow,
  type ModuleLoader,
  type TrustChecks,
} from "../lazy-modules";
import type { PaneServices } from "../pane-services";
import type { DirectoryRetryNotice } from "../services/retry-notices";
import { failureOf } from "./error-guidance";
import { AnnouncementChannel } from "./announcement-channel";
import { PromotionClaims } from "./promotion-claims";
import { SenderTrustTracker } from "./sender-trust-tracker";
import {
  createMayHaveHappened,
  currentKey,
  draftLocked,
  INITIAL_PANE_STATE,
  paneReducer,
  personFor,
  verdictFromLookup,
  type ActionFailure,
  type FailureTarget,
  type PaneEvent,
  type PaneState,
  type RetryableAction,
  type Selection,
  type Verdict,
} from "./pane-state";
import { SignInError } from "../../auth/sign-in-error";

export interface PaneControllerOptions {
  now?: () => number;
  /** A lookup cache to use (tests pass one whose searches do not supersede each other); by default the controller makes its own. */
  lookup?: ContactLookup;
  /** Where the prefill and the promotion workflow come from; by default the pane's "prefill" chunk. */
  draftWorkflow?: ModuleLoader<DraftWorkflow>;
  /** Where the sender-trust checks come from; by default the pane's "trust" chunk. */
  trustChecks?: ModuleLoader<TrustChecks>;
}

export class PaneController {
  readonly #services: PaneServices;
  readonly #lookup: ContactLookup;
  readonly #now: () => number;
  readonly #draftWorkflow: ModuleLoader<DraftWorkflow>;
  /** Whether the draft workflow has been asked for: after that, every sender waits on it directly. */
  #prefillRequested = false;
  readonly #listeners = new Set<() => void>();
  /** The stored address for each person key (keys are addressKey's). */
  readonly #addresses = new Map<string, string>();
  #state: PaneState = INITIAL_PANE_STATE;
  #generation = 0;
  #stopListening: Array<() => void> = [];
  #lifetime = new AbortController();
  /** "Sign in again" succeeded in this session: a sign-in page after it is not a stale token. */
  #signedInAgain = false;
  /** The sender-trust guard for the message on screen (its own store: the card's trust line renders it). */
  readonly trust: SenderTrustTracker;
  /** Promotions running anywhere in the pane (this card's Add, a list's batch): one per person at a time. */
  readonly claims = new PromotionClaims();
  /** What a list's batch or a proposal's Approve says aloud, through the pane's one live region. */
  readonly announcements = new AnnouncementChannel();

  constructor(services: PaneServices, options: PaneControllerOptions = {}) {
    this.#services = services;
    this.#now = options.now ?? Date.now;
    this.#lookup = options.lookup ?? new ContactLookup(services.directory);
    this.#draftWorkflow = options.draftWorkflow ?? draftWorkflowModule;
    this.trust = new SenderTrustTracker(services.host, services.org, {
      ...(options.trustChecks ? { workflow: options.trustChecks } : {}),
      onAssessed: (key, trust) => this.#withholdBorrowedCompany(key, trust),
    });
  }

  /** The pane's one lookup cache, shared with its lists of people. */
  get lookup(): ContactLookup {
    return this.#lookup;
  }

  /** What the pane was built with: a list of people uses the same host, directory and retry notices. */
  get services(): PaneServices {
    return this.#services;
  }

  // ---- store (useSyncExternalStore) ----

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  readonly getState = (): PaneState => this.#state;

  #dispatch(event: PaneEvent): void {
    const next = paneReducer(this.#state, event);
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener();
  }

  // ---- lifetime ----

  /** Subscribes to Outlook's item changes (once) and to the lookup cache, then shows the current item. */
  start(): void {
    if (this.#stopListening.length > 0) return;
    if (this.#lifetime.signal.aborted) this.#lifetime = new AbortController();
    this.#stopListening = [
      this.#services.host.onItemChanged(() => this.showCurrentItem()),
      this.#lookup.subscribe((address, result) => {
        if (result.status === "exists") this.trust.noteContact(result.contact.address || address);
        this.#dispatch({ type: "known-changed", key: addressKey(address), result });
      }),
      this.#services.onRetryNotice((notice) => this.#onRetryNotice(notice)),
    ];
    // Learnt up front where the token says; otherwise the first 403 on a write does.
    this.#services.writeAllowed?.().then(
      (allowed) => {
        if (allowed === false && !this.#lifetime.signal.aborted) this.#dispatch({ type: "write-forbidden" });
      },
      () => undefined,
    );
    this.showCurrentItem();
  }

  /** Stops listening, cancels retries and in-flight calls. */
  stop(): void {
    for (const stop of this.#stopListening) stop();
    this.#stopListening = [];
    this.#lifetime.abort();
  }

  // ---- following the selection ----

  /** Re-reads the selected item and shows its sender: the cached verdict at once, else "checking". */
  showCurrentItem(): void {
    const generation = ++this.#generation;
    const item = this.#services.host.readCurrentItem();
    if (item.kind !== "message") {
      const selection: Selection =
        item.kind === "none" ? { kind: "none" } : { kind: "not-message", itemType: item.itemType };
      this.trust.clear(null);
      this.#dispatch({
        type: "selected",
        generation,
        selection,
        verdict: { kind: "not-applicable" },
        draft: null,
      });
      return;
    }
    const analysis = analyzeSender(
      {
        from: item.from,
        sender: item.sender,
        userAddress: this.#services.host.context.userAddress,
        userDisplayName: this.#services.host.context.userDisplayName,
      },
      this.#services.org,
    );
    if (analysis.kind !== "external" || !analysis.address) {
      const key = analysis.address ? addressKey(analysis.address.address) : null;
      this.trust.clear(analysis);
      this.#dispatch({
        type: "selected",
        generation,
        selection: { kind: "sender", analysis, key },
        verdict: { kind: "not-applicable" },
        draft: null,
      });
      return;
    }
    const address = analysis.address.address;
    const key = addressKey(address);
    this.#addresses.set(key, address);
    const cached = this.#lookup.peek(address);
    const verdict: Verdict = cached ? verdictFromLookup(cached) : { kind: "checking" };
    // Prefilled at once when the draft workflow has arrived (every sender after the first).
    const loadedWorkflow = this.#draftWorkflow.loaded();
    const draft =
      personFor(this.#state, key).draft ??
      (loadedWorkflow ? this.#prefill(loadedWorkflow, key, analysis) : null);
    this.#dispatch({
      type: "selected",
      generation,
      selection: { kind: "sender", analysis, key },
      verdict,
      draft,
    });
    const settled = this.#runLookup(generation, address);
    // Beside the lookup, never before it: the headers are read now; the checks' chunk ("trust",
    // with the Public Suffix List it shares with the draft) is asked for once this lookup has
    // settled when it has not arrived yet, so the first verdict never waits behind it.
    this.trust.check(generation, key, analysis, settled);
    if (draft !== null) return;
    // The draft itself is prefilled only once the first verdict is on screen: the verdict does
    // not need it, and the form keeps its place.
    if (this.#prefillRequested || cached) this.#prefillWhenLoaded(key, analysis);
    else void settled.then(() => this.#prefillWhenLoaded(key, analysis));
  }

  /** The draft for `key`, without a company when the trust check found its domain imitating another. */
  #prefill(workflow: DraftWorkflow, key: string, analysis: SenderAnalysis): ContactDraft {
    const view = this.trust.getState();
    const imitated =
      view.kind === "ready" && view.key === key ? view.trust.lookAlike?.known.domain : undefined;
    return workflow.prefillDraft(
      analysis,
      this.#services.org,
      imitated === undefined ? {} : { imitatedDomain: toUnicode(imitated) },
    );
  }

  /** A look-alike found after the draft was prefilled: drop the borrowed company, unless the person changed it. */
  #withholdBorrowedCompany(key: string, trust: SenderTrust): void {
    const workflow = this.#draftWorkflow.loaded();
    const selection = this.#state.selection;
    const person = personFor(this.#state, key);
    if (trust.lookAlike === null || !workflow || !person.draft || person.promotion) return;
    if (selection.kind !== "sender" || selection.key !== key) return;
    const borrowed = workflow.prefillDraft(selection.analysis, this.#services.org);
    const withheld = this.#prefill(workflow, key, selection.analysis);
    if (person.draft.company !== borrowed.company || borrowed.company === withheld.company) return;
    this.#dispatch({
      type: "draft-changed",
      key,
      changes: {
        company: withheld.company,
        notes: withheld.notes,
        ...(person.draft.mailTip === borrowed.mailTip ? { mailTip: withheld.mailTip } : {}),
      },
    });
  }

  /** Prefills `key`'s draft once the draft workflow has downloaded (it is keyed by person, so it cannot land on another). */
  #prefillWhenLoaded(key: string, analysis: SenderAnalysis): void {
    if (this.#lifetime.signal.aborted) return;
    this.#prefillRequested = true;
    this.#draftWorkflow.load().then(
      (workflow) => {
        if (this.#lifetime.signal.aborted || personFor(this.#state, key).draft) return;
        this.#dispatch({ type: "draft-prefilled", key, draft: this.#prefill(workflow, key, analysis) });
      },
      () => {
        if (!this.#lifetime.signal.aborted) this.#dispatch({ type: "prefill-failed" });
      },
    );
  }

  /** "Try again" after the draft workflow failed to download: for the sender on screen. */
  retryPrefill(): void {
    const selection = this.#state.selection;
    if (selection.kind !== "sender" || selection.key === null || selection.analysis.kind !== "external")
      return;
    if (personFor(this.#state, selection.key).draft) return;
    this.#dispatch({ type: "prefill-retrying" });
    this.#prefillWhenLoaded(selection.key, selection.analysis);
    // The checks' chunk may have failed to download too: if so, they run again with the draft's.
    if (this.trust.getState().kind === "unavailable") {
      this.trust.check(this.#generation, selection.key, selection.analysis);
    }
  }

  #onRetryNotice(notice: DirectoryRetryNotice): void {
    const key = addressKey(notice.address);
    if (notice.kind === "finished") {
      this.#dispatch({ type: "retry-finished", key, call: notice.call });
      return;
    }
    this.#dispatch({
      type: "retry-waiting",
      key,
      wait: {
        call: notice.call,
        operation: notice.operation,
        attempt: notice.attempt,
        reason: notice.reason,
        retryAt: this.#now() + notice.delayMs,
      },
    });
  }

  /** Resolves (never rejects) once the lookup has settled, whatever it found. */
  #runLookup(generation: number, address: string): Promise<void> {
    return this.#lookup.lookup(address, { signal: this.#lifetime.signal }).then(
      (result) => {
        if (result.status === "exists") this.trust.noteContact(result.contact.address || address);
        this.#dispatch({ type: "lookup-resolved", generation, result });
        // After the verdict, never before it: what the backend's lookup did not say (an existing
        // contact's company on Exchange; who else holds a missing address), which the cache
        // keeps and its subscription (start) shows.
        const options = { signal: this.#lifetime.signal };
        if (result.status === "exists") void this.#lookup.readDetails(address, options);
        else void this.#lookup.checkHolder(address, options);
      },
      (error: unknown) => {
        // Superseded by a newer lookup (another message) or the pane closed: nothing to show.
        if (isDirectoryError(error, "aborted") || generation !== this.#generation) return;
        const failure = this.#failure({ type: "lookup" }, error);
        this.#dispatch({ type: "lookup-failed", generation, failure });
      },
    );
  }

  // ---- the draft ----

  updateDraft(changes: Partial<ContactDraft>): void {
    const key = currentKey(this.#state);
    if (key === null) return;
    // Once the contact may exist, Finish applies the values it was created with.
    if (draftLocked(personFor(this.#state, key).promotion)) return;
    // The Exchange Name is not shown in the pane: it follows the display name, as the prefill made it.
    const withName =
      changes.displayName !== undefined
        ? {
            ...changes,
            name: truncateAtWordBoundary(collapseWhitespace(changes.displayName), EXCHANGE_LIMITS.name),
          }
        : changes;
    this.#dispatch({ type: "draft-changed", key, changes: withName });
  }

  setDetailsOpen(open: boolean): void {
    const key = currentKey(this.#state);
    if (key !== null) this.#dispatch({ type: "details-toggled", key, open });
  }

  // ---- promotion ----

  /**
   * "Add to address book" (and "Finish" after a failure): creates, or resumes where the last run
   * stopped. A new create needs the sender-trust guard's leave: one click when nothing is wrong,
   * `confirmed` when the person accepted the risks it named, never when the policy blocks.
   */
  promote(options: { confirmed?: boolean } = {}): void {
    const key = currentKey(this.#state);
    if (key === null) return;
    const previous = personFor(this.#state, key).promotion;
    const resuming = previous?.phase === "failed" && createMayHaveHappened(previous.state);
    const confirmed = options.confirmed === true;
    if (resuming) {
      void this.#promote(key);
      return;
    }
    const view = this.trust.getState();
    if (view.kind === "checking" && view.key === key) {
      // Clicked within the milliseconds the check takes: decide when it has answered.
      void this.trust.settled().then(() => {
        if (this.trust.allowsAdd(key, confirmed)) void this.#promote(key);
      });
      return;
    }
    if (this.trust.allowsAdd(key, confirmed)) void this.#promote(key);
  }

  async #promote(key: string): Promise<void> {
    const person = personFor(this.#state, key);
    const draft = person.draft;
    // A draft exists only once the draft workflow has arrived, so `workflow` is there too.
    const workflow = this.#draftWorkflow.loaded();
    if (!draft || !workflow || person.promotion?.phase === "running" || person.promotion?.phase === "done")
      return;
    if (validateDraft(draft).length > 0) {
      this.#dispatch({ type: "details-toggled", key, open: true });
      return;
    }
    // A list's batch is promoting this person right now: its row shows it; never a second create.
    if (!this.claims.claim(key)) return;
    try {
      await this.#runPromotion(key, draft, workflow, person);
    } finally {
      this.claims.release(key);
    }
  }

  async #runPromotion(
    key: string,
    draft: ContactDraft,
    workflow: DraftWorkflow,
    person: ReturnType<typeof personFor>,
  ): Promise<void> {
    const previous = person.promotion?.phase === "failed" ? person.promotion : null;
    // Resume only once create may have happened; before that a fresh run sends the draft as it is now.
    const resume: PromoteState | undefined =
      previous && createMayHaveHappened(previous.state) ? previous.state : undefined;
    this.#dispatch({ type: "promote-started", key, completed: resume?.completed ?? [] });

    const outcome = await workflow.promoteContact(this.#services.directory, resume?.draft ?? draft, {
      onProgress: (progress) => this.#dispatch({ type: "promote-progress", key, step: progress.step }),
      signal: this.#lifetime.signal,
      resume,
    });
    if (outcome.status === "done") {
      this.#dispatch({
        type: "promote-done",
        key,
        contact: outcome.contact,
        alreadyExisted: outcome.alreadyExisted,
      });
      this.#lookup.remember(outcome.contact.address || draft.address, {
        status: "exists",
        contact: outcome.contact,
      });
      return;
    }
    if (outcome.error.kind === "aborted" && this.#lifetime.signal.aborted) return;
    // The address is taken: the cached "missing" that led to Add is stale, whatever holds it.
    if (outcome.error.kind === "conflict") void this.#lookAfresh(draft.address);
    const failure = this.#failure({ type: "promote" }, outcome.error);
    this.#dispatch({
      type: "promote-failed",
      key,
      failedStep: outcome.failedStep,
      state: outcome.state,
      failure,
    });
  }

  // ---- edits of an existing contact ----

  /** Saves (or with "" clears) the mail tip of the contact on screen. Resolves true when saved. */
  saveMailTip(mailTip: string): Promise<boolean> {
    const key = currentKey(this.#state);
    if (key === null) return Promise.resolve(false);
    return this.#edit(key, { type: "save-mail-tip", mailTip });
  }

  /** The "Shown in the address book" switch. Resolves true when saved. */
  setShownInAddressBook(shown: boolean): Promise<boolean> {
    const key = currentKey(this.#state);
    if (key === null) return Promise.resolve(false);
    return this.#edit(key, { type: "set-visibility", hidden: !shown });
  }

  async #edit(
    key: string,
    action: Extract<RetryableAction, { type: "save-mail-tip" | "set-visibility" }>,
  ): Promise<boolean> {
    const contact = this.#contactOf(key);
    if (!contact || personFor(this.#state, key).edit.saving) return false;
    this.#dispatch({
      type: "edit-started",
      key,
      what: action.type === "save-mail-tip" ? "mail-tip" : "visibility",
    });
    try {
      const options = { signal: this.#lifetime.signal };
      const updated =
        action.type === "save-mail-tip"
          ? await setMailTip(this.#services.directory, contact, action.mailTip, options)
          : await setHiddenFromAddressLists(this.#services.directory, contact, action.hidden, options);
      this.#dispatch({ type: "edit-done", key, contact: updated });
      this.#lookup.remember(updated.address || contact.address, { status: "exists", contact: updated });
      return true;
    } catch (error) {
      if (isDirectoryError(error, "aborted") && this.#lifetime.signal.aborted) return false;
      if (isDirectoryError(error, "not-found")) {
        this.#contactGone(key, contact.address, action);
        return false;
      }
      const failure = this.#failure(action, error);
      this.#dispatch({ type: "edit-failed", key, failure });
      return false;
    }
  }

  /**
   * The contact was deleted elsewhere: the cache forgets it, a fresh lookup shows the new
   * verdict, and a mail tip that was being saved is kept in the draft for Add.
   */
  #contactGone(key: string, address: string, action: RetryableAction): void {
    this.#lookup.forget(address);
    this.#dispatch({ type: "contact-gone", key });
    if (action.type === "save-mail-tip" && action.mailTip.trim() !== "") {
      this.#dispatch({ type: "draft-changed", key, changes: { mailTip: action.mailTip } });
    }
    const lookupAddress = this.#addresses.get(key);
    if (currentKey(this.#state) === key && lookupAddress) this.#runLookup(this.#generation, lookupAddress);
  }

  // ---- failures ----

  /** "Try again" (and "Finish"): runs the failed action again now. */
  retry(target: FailureTarget): void {
    const failure = this.#failureAt(target);
    if (failure) this.#rerun(target, failure.action);
  }

  /** "Sign in again": interactive sign-in, then the failed action once more. */
  async signInAndRetry(target: FailureTarget): Promise<void> {
    const failure = this.#failureAt(target);
    if (!failure || failure.signingIn) return;
    this.#dispatch({ type: "failure-updated", target, changes: { signingIn: true, signInFailed: false } });
    try {
      await this.#services.signInAgain();
    } catch (error) {
      const signInProblem =
        error instanceof SignInError
          ? {
              failure: error.failure,
              ...(error.code ? { code: error.code } : {}),
              ...(error.aadsts ? { aadsts: error.aadsts } : {}),
            }
          : undefined;
      this.#dispatch({
        type: "failure-updated",
        target,
        changes: { signingIn: false, signInFailed: true, ...(signInProblem ? { signInProblem } : {}) },
      });
      return;
    }
    this.#signedInAgain = true;
    this.#dispatch({ type: "failure-updated", target, changes: { signingIn: false } });
    this.#rerun(target, failure.action);
  }

  dismiss(target: FailureTarget): void {
    this.#dispatch({ type: "failure-dismissed", target });
  }

  #rerun(target: FailureTarget, action: RetryableAction): void {
    switch (target.kind) {
      case "lookup": {
        if (target.generation !== this.#generation || this.#state.selection.kind !== "sender") return;
        const key = this.#state.selection.key;
        const address = key !== null ? this.#addresses.get(key) : undefined;
        if (!address) return;
        this.#dispatch({ type: "lookup-retrying", generation: target.generation });
        void this.#runLookup(target.generation, address);
        return;
      }
      case "promotion":
        void this.#promote(target.key);
        return;
      case "edit":
        if (action.type === "save-mail-tip" || action.type === "set-visibility") {
          void this.#edit(target.key, action);
        }
        return;
    }
  }

  /**
   * The client already retried a throttled call within the retry policy's budget; past it,
   * the pane offers Try again rather than a second, hidden retry loop.
   */
  #failure(action: RetryableAction, error: unknown): ActionFailure {
    const directoryError = asDirectoryError(error);
    this.noteFailure(directoryError);
    const failure = failureOf(action, directoryError);
    return this.#signedInAgain && directoryError.reason === "sign-in-page"
      ? { ...failure, afterSignIn: true }
      : failure;
  }

  /**
   * A write refused for want of a role (here or in a list's batch) is remembered for the
   * session: every later verdict shows without write controls, and a batch starts no more creates.
   */
  noteFailure(error: DirectoryError): void {
    if (error.kind === "forbidden" && isWriteOperation(error.operation))
      this.#dispatch({ type: "write-forbidden" });
  }

  #failureAt(target: FailureTarget): ActionFailure | null {
    switch (target.kind) {
      case "lookup":
        return target.generation === this.#state.generation ? this.#state.lookupFailure : null;
      case "promotion": {
        const promotion = personFor(this.#state, target.key).promotion;
        return promotion?.phase === "failed" ? promotion.failure : null;
      }
      case "edit":
        return personFor(this.#state, target.key).edit.failure;
    }
  }

  // ---- helpers ----

  /**
   * Asks the directory itself (not the cache) and stores the answer, which the lookup's
   * subscribers (this controller) show. Used where the cached verdict is known to be stale.
   */
  async #lookAfresh(address: string): Promise<void> {
    if (!address) return;
    try {
      const contact = await this.#services.directory.findByAddress(address, {
        signal: this.#lifetime.signal,
      });
      this.#lookup.remember(address, contact ? { status: "exists", contact } : { status: "missing" });
    } catch {
      // The verdict on screen stays; the failure that led here is already shown.
    }
  }

  #contactOf(key: string): MailContact | null {
    const promotion = personFor(this.#state, key).promotion;
    if (promotion?.phase === "done") return promotion.contact;
    const address = this.#addresses.get(key);
    const cached = address ? this.#lookup.peek(address) : undefined;
    if (cached?.status === "exists") return cached.contact;
    return this.#state.verdict.kind === "exists" && currentKey(this.#state) === key
      ? this.#state.verdict.contact
      : null;
  }
}

/** Directory implementations throw DirectoryError only; anything else is a bug shown as a protocol problem. */
function asDirectoryError(error: unknown): DirectoryError {
  if (error instanceof DirectoryError) return error;
  return new DirectoryError({ kind: "protocol", detail: "not a DirectoryError", cause: error });
}
