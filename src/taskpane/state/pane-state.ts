/**
 * The pane's state as plain data, and the reducer that is the only place it changes.
 *
 * What belongs to the sender on screen (the verdict, a lookup failure) is tagged with
 * the selection's generation: a result that arrives for an earlier generation is
 * dropped, so one sender's verdict never lands on another. What belongs to a person
 * (their draft, a promotion, an edit in flight) is kept per address, so that switching
 * messages neither loses what was typed nor stops a promotion: coming back shows it.
 */
import type { MailContact } from "../../contacts/directory";
import type { AddressHolder, DirectoryError, DirectoryOperation } from "../../contacts/directory-error";
import type { ContactDraft, SenderAnalysis } from "../../contacts/types";
import {
  STEP_ORDER,
  type LookupResult,
  type PromoteState,
  type PromoteStepId,
} from "../../contacts/workflow-types";
import type { SignInFailure } from "../../auth/sign-in-error";

/** What the person can run again after a failure. */
export type RetryableAction =
  | { type: "lookup" }
  | { type: "promote" }
  | { type: "save-mail-tip"; mailTip: string }
  | { type: "set-visibility"; hidden: boolean };

export interface ActionFailure {
  action: RetryableAction;
  error: DirectoryError;
  /** "Sign in again" was clicked and has not finished yet. */
  signingIn: boolean;
  signInFailed: boolean;
  /** The failure came after a successful "Sign in again" in this session (a sign-in page twice: not a stale token). */
  afterSignIn?: boolean;
  /** What "Sign in again" ran into, when it failed with a SignInError (facts only). */
  signInProblem?: SignInProblem;
}

/** A SignInError's facts, as the pane keeps them. */
export interface SignInProblem {
  failure: SignInFailure;
  code?: string;
  aadsts?: string;
}

export type Selection =
  | { kind: "none" }
  | { kind: "not-message"; itemType: string }
  /** `key` is the stored address's addressKey: null when the sender has no usable address. */
  | { kind: "sender"; analysis: SenderAnalysis; key: string | null };

export type Verdict =
  | { kind: "checking" }
  | { kind: "exists"; contact: MailContact }
  /** `holder`: no mail contact, but another recipient (a guest, mailbox, group...) has the address. */
  | { kind: "missing"; holder?: AddressHolder }
  /** The lookup failed: `lookupFailure` says why. */
  | { kind: "unknown" }
  /** Internal, automated or unusable senders are not looked up. */
  | { kind: "not-applicable" };

/** "skipped": a later step of a promotion that cannot go on (the address is someone else's, no role). */
export type StepStatus = "pending" | "running" | "done" | "failed" | "skipped";

export interface PromoteStepView {
  id: PromoteStepId;
  status: StepStatus;
}

export type PromotionView =
  | {
      phase: "running";
      /** Done before this run started (a resumed run's earlier steps). */
      completed: readonly PromoteStepId[];
      /** The step the workflow reported last; null until it reports. */
      current: PromoteStepId | null;
    }
  | {
      phase: "failed";
      failedStep: PromoteStepId;
      /** Passed back as `resume` so that Finish continues where this run stopped. */
      state: PromoteState;
      failure: ActionFailure;
    }
  | { phase: "done"; contact: MailContact; alreadyExisted: boolean };

export interface EditView {
  saving: "mail-tip" | "visibility" | null;
  failure: ActionFailure | null;
}

/** A call about this person that the directory is waiting to send again. */
export interface RetryWait {
  call: number;
  operation: DirectoryOperation;
  attempt: number;
  reason: "throttled" | "unavailable";
  /** When (ms since epoch) the client sends it again. */
  retryAt: number;
}

/** Everything the pane remembers about one person, across message switches. */
export interface PersonState {
  /** Null until the draft workflow (a chunk loaded after the first paint) has prefilled it. */
  draft: ContactDraft | null;
  detailsOpen: boolean;
  promotion: PromotionView | null;
  edit: EditView;
  /** The client's pending retries of calls about this person, oldest first. */
  retryWaits: readonly RetryWait[];
}

export interface PaneState {
  generation: number;
  selection: Selection;
  verdict: Verdict;
  lookupFailure: ActionFailure | null;
  /** The draft workflow could not be downloaded: drafts cannot be prefilled until it is. */
  prefillFailed: boolean;
  /**
   * False once this session learnt the account may not change contacts (its token's directory
   * roles, or a first 403 on a write): verdicts then show without Add, Edit, Clear or the switch.
   */
  writeAllowed: boolean;
  people: Readonly<Record<string, PersonState>>;
}

export type PaneEvent =
  | {
      type: "selected";
      generation: number;
      selection: Selection;
      verdict: Verdict;
      draft: ContactDraft | null;
    }
  | { type: "lookup-resolved"; generation: number; result: LookupResult }
  | { type: "lookup-failed"; generation: number; failure: ActionFailure }
  | { type: "lookup-retrying"; generation: number }
  /** The draft workflow arrived: a person without a draft gets this one (a draft already there stays). */
  | { type: "draft-prefilled"; key: string; draft: ContactDraft }
  | { type: "prefill-failed" }
  | { type: "write-forbidden" }
  | { type: "prefill-retrying" }
  | { type: "retry-waiting"; key: string; wait: RetryWait }
  | { type: "retry-finished"; key: string; call: number }
  /** The cache learnt something new about an address (background refresh, a write). */
  | { type: "known-changed"; key: string; result: LookupResult }
  | { type: "draft-changed"; key: string; changes: Partial<ContactDraft> }
  | { type: "details-toggled"; key: string; open: boolean }
  | { type: "promote-started"; key: string; completed: readonly PromoteStepId[] }
  | { type: "promote-progress"; key: string; step: PromoteStepId }
  | { type: "promote-done"; key: string; contact: MailContact; alreadyExisted: boolean }
  | {
      type: "promote-failed";
      key: string;
      failedStep: PromoteStepId;
      state: PromoteState;
      failure: ActionFailure;
    }
  | { type: "edit-started"; key: string; what: "mail-tip" | "visibility" }
  | { type: "edit-done"; key: string; contact: MailContact }
  | { type: "edit-failed"; key: string; failure: ActionFailure }
  /** An edit found the contact gone (deleted elsewhere): forget it and check again. */
  | { type: "contact-gone"; key: string }
  | {
      type: "failure-updated";
      target: FailureTarget;
      changes: Partial<Omit<ActionFailure, "action" | "error">>;
    }
  | { type: "failure-dismissed"; target: FailureTarget };

/** Where a failure is shown: the current lookup, a person's promotion or a person's edit. */
export type FailureTarget =
  { kind: "lookup"; generation: number } | { kind: "promotion"; key: string } | { kind: "edit"; key: string };

export const INITIAL_PANE_STATE: PaneState = {
  generation: 0,
  selection: { kind: "none" },
  verdict: { kind: "not-applicable" },
  lookupFailure: null,
  prefillFailed: false,
  writeAllowed: true,
  people: {},
};

const EMPTY_PERSON: PersonState = {
  draft: null,
  detailsOpen: false,
  promotion: null,
  edit: { saving: null, failure: null },
  retryWaits: [],
};

/** Create is known to have happened: the contact exists (later steps may still be missing). */
/** A draft with the user's changes; a company the user typed is no longer the domain's guess. */
function withChanges(draft: ContactDraft, changes: Partial<ContactDraft>): ContactDraft {
  const changed = { ...draft, ...changes };
  if (changes.company !== undefined && changes.company !== draft.company) delete changed.companySource;
  return changed;
}

export function createConfirmed(state: PromoteState): boolean {
  return state.completed.includes("create") || state.contact !== null;
}

/** Create happened, or may have (its answer was lost): a further attempt must resume, never start over. */
export function createMayHaveHappened(state: PromoteState): boolean {
  return createConfirmed(state) || state.createOutcomeUnknown;
}

/**
 * The draft can no longer change: a promotion is sending it, or the contact may exist with the
 * values it was created with (Finish applies those). The form shows it read-only then, and the
 * controller refuses changes: both ask this one question.
 */
export function draftLocked(promotion: PromotionView | null): boolean {
  return (
    promotion?.phase === "running" ||
    (promotion?.phase === "failed" && createMayHaveHappened(promotion.state))
  );
}

/**
 * Nothing was created and trying again cannot help: the address belongs to another recipient,
 * or the account may not create contacts. No Add, no Try again, and no step is left "Waiting".
 */
export function promotionRefused(promotion: PromotionView | null): boolean {
  if (promotion?.phase !== "failed" || createMayHaveHappened(promotion.state)) return false;
  const { error } = promotion.failure;
  return error.kind === "forbidden" || (error.kind === "conflict" && error.reason === "address-held-by");
}

/** The steps the pane shows: the workflow's own list (it never asks the pane's promotions to verify). */
const SHOWN_STEPS: readonly PromoteStepId[] = STEP_ORDER.filter((step) => step !== "verify");

/** The progress rows, derived from where the workflow stands: done, running, failed or waiting. */
export function promoteSteps(promotion: PromotionView): PromoteStepView[] {
  const position = (step: PromoteStepId | null) => (step === null ? -1 : SHOWN_STEPS.indexOf(step));
  return SHOWN_STEPS.map((id, index) => {
    switch (promotion.phase) {
      case "done":
        return { id, status: "done" };
      case "failed":
        if (promotion.state.completed.includes(id)) return { id, status: "done" };
        if (id === promotion.failedStep) return { id, status: "failed" };
        return { id, status: promotionRefused(promotion) ? "skipped" : "pending" };
      case "running":
        if (promotion.completed.includes(id) || index < position(promotion.current))
          return { id, status: "done" };
        return { id, status: id === promotion.current ? "running" : "pending" };
    }
  });
}

export function verdictFromLookup(result: LookupResult): Verdict {
  if (result.status === "exists") return { kind: "exists", contact: result.contact };
  return result.holder ? { kind: "missing", holder: result.holder } : { kind: "missing" };
}

export function currentKey(state: PaneState): string | null {
  return state.selection.kind === "sender" ? state.selection.key : null;
}

export function personFor(state: PaneState, key: string | null): PersonState {
  return (key !== null ? state.people[key] : undefined) ?? EMPTY_PERSON;
}

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "selected": {
      const key = event.selection.kind === "sender" ? event.selection.key : null;
      let people = state.people;
      if (key !== null && event.draft && !people[key]?.draft) {
        people = withPerson(people, key, (person) => ({ ...person, draft: event.draft }));
      }
      // A finished promotion knows better than a cache entry that may predate it.
      const promotion = personFor({ ...state, people }, key).promotion;
      const verdict: Verdict =
        promotion?.phase === "done" ? { kind: "exists", contact: promotion.contact } : event.verdict;
      return {
        ...state,
        generation: event.generation,
        selection: event.selection,
        verdict,
        lookupFailure: null,
        people,
      };
    }
    case "lookup-resolved": {
      if (event.generation !== state.generation) return state;
      return { ...state, verdict: verdictFromLookup(event.result), lookupFailure: null };
    }
    case "lookup-failed": {
      if (event.generation !== state.generation) return state;
      // A verdict already on screen (from the cache) stays: the failed call was a refresh.
      const verdict: Verdict = state.verdict.kind === "checking" ? { kind: "unknown" } : state.verdict;
      return { ...state, verdict, lookupFailure: event.failure };
    }
    case "lookup-retrying": {
      if (event.generation !== state.generation) return state;
      const verdict: Verdict = state.verdict.kind === "unknown" ? { kind: "checking" } : state.verdict;
      return { ...state, verdict, lookupFailure: null };
    }
    case "draft-prefilled":
      return {
        ...state,
        prefillFailed: false,
        people: withPerson(state.people, event.key, (person) =>
          person.draft ? person : { ...person, draft: event.draft },
        ),
      };
    case "write-forbidden":
      return state.writeAllowed ? { ...state, writeAllowed: false } : state;
    case "prefill-failed":
      return state.prefillFailed ? state : { ...state, prefillFailed: true };
    case "prefill-retrying":
      return state.prefillFailed ? { ...state, prefillFailed: false } : state;
    case "retry-waiting":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) => ({
          ...person,
          retryWaits: [...person.retryWaits.filter((wait) => wait.call !== event.wait.call), event.wait],
        })),
      };
    case "retry-finished":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) =>
          person.retryWaits.some((wait) => wait.call === event.call)
            ? { ...person, retryWaits: person.retryWaits.filter((wait) => wait.call !== event.call) }
            : person,
        ),
      };
    case "known-changed": {
      const people =
        event.result.status === "exists"
          ? updateContactOfPerson(state.people, event.key, event.result.contact)
          : state.people;
      if (currentKey(state) !== event.key) return people === state.people ? state : { ...state, people };
      return { ...state, people, verdict: verdictFromLookup(event.result), lookupFailure: null };
    }
    case "draft-changed":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) =>
          person.draft ? { ...person, draft: withChanges(person.draft, event.changes) } : person,
        ),
      };
    case "details-toggled":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) => ({ ...person, detailsOpen: event.open })),
      };
    case "promote-started":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) => ({
          ...person,
          promotion: { phase: "running", completed: event.completed, current: null },
        })),
      };
    case "promote-progress":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) =>
          person.promotion?.phase === "running"
            ? { ...person, promotion: { ...person.promotion, current: event.step } }
            : person,
        ),
      };
    case "promote-done": {
      const people = withPerson(state.people, event.key, (person) => ({
        ...person,
        promotion: {
          phase: "done",
          contact: event.contact,
          alreadyExisted: event.alreadyExisted,
        },
      }));
      const verdict: Verdict =
        currentKey(state) === event.key ? { kind: "exists", contact: event.contact } : state.verdict;
      return { ...state, people, verdict };
    }
    case "promote-failed":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) => ({
          ...person,
          promotion: {
            phase: "failed",
            failedStep: event.failedStep,
            state: event.state,
            failure: event.failure,
          },
        })),
      };
    case "edit-started":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) => ({
          ...person,
          edit: { saving: event.what, failure: null },
        })),
      };
    case "edit-done": {
      const people = withPerson(
        updateContactOfPerson(state.people, event.key, event.contact),
        event.key,
        (person) => ({
          ...person,
          edit: { saving: null, failure: null },
        }),
      );
      const verdict: Verdict =
        currentKey(state) === event.key ? { kind: "exists", contact: event.contact } : state.verdict;
      return { ...state, people, verdict };
    }
    case "edit-failed":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) => ({
          ...person,
          edit: { saving: null, failure: event.failure },
        })),
      };
    case "contact-gone": {
      const people = withPerson(state.people, event.key, (person) => ({
        ...person,
        promotion: person.promotion?.phase === "done" ? null : person.promotion,
        edit: { saving: null, failure: null },
      }));
      if (currentKey(state) !== event.key) return { ...state, people };
      return { ...state, people, verdict: { kind: "checking" }, lookupFailure: null };
    }
    case "failure-updated":
      return updateFailure(state, event.target, (failure) => ({ ...failure, ...event.changes }));
    case "failure-dismissed":
      return updateFailure(state, event.target, () => null);
  }
}

function withPerson(
  people: Readonly<Record<string, PersonState>>,
  key: string,
  update: (person: PersonState) => PersonState,
): Readonly<Record<string, PersonState>> {
  const before = people[key] ?? EMPTY_PERSON;
  const after = update(before);
  return after === before ? people : { ...people, [key]: after };
}

/** A done promotion shows the contact as now stored, after later edits too. */
function updateContactOfPerson(
  people: Readonly<Record<string, PersonState>>,
  key: string,
  contact: MailContact,
): Readonly<Record<string, PersonState>> {
  return withPerson(people, key, (person) =>
    person.promotion?.phase === "done" ? { ...person, promotion: { ...person.promotion, contact } } : person,
  );
}

function updateFailure(
  state: PaneState,
  target: FailureTarget,
  update: (failure: ActionFailure) => ActionFailure | null,
): PaneState {
  switch (target.kind) {
    case "lookup":
      if (target.generation !== state.generation || !state.lookupFailure) return state;
      return { ...state, lookupFailure: update(state.lookupFailure) };
    case "promotion":
      return {
        ...state,
        people: withPerson(state.people, target.key, (person) => {
          if (person.promotion?.phase !== "failed") return person;
          const failure = update(person.promotion.failure);
          // Dismissing a promotion failure keeps the resumable state; only the message goes.
          return failure ? { ...person, promotion: { ...person.promotion, failure } } : person;
        }),
      };
    case "edit":
      return {
        ...state,
        people: withPerson(state.people, target.key, (person) =>
          person.edit.failure
            ? { ...person, edit: { ...person.edit, failure: update(person.edit.failure) } }
            : person,
        ),
      };
  }
}
