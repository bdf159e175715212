/**
 * The pane's state as plain data, and the reducer that is the only place it changes.
 *
 * What belongs to the sender on screen (the verdict, a lookup failure) is tagged with
 * the selection's generation: a result that arrives for an earlier generation is
 * dropped, so one sender's verdict never lands on another. What belongs to a person
 * (their draft, a promotion, an edit in flight) is kept per address, so that switching
 * messages neither loses what was typed nor stops a promotion: coming back shows it.
 */
import type { DirectoryError } from "../../admin-api/errors";
import type { AdminApiRouteName } from "../../admin-api/wire-constants";
import type { MailContact } from "../../contacts/directory";
import type { ContactDraft, SenderAnalysis } from "../../contacts/types";
import type {
  LookupResult,
  PromoteProgress,
  PromoteState,
  PromoteStepId,
} from "../../contacts/workflow-types";

/** What the user (or the automatic retry) can run again after a failure. */
export type RetryableAction =
  | { type: "lookup" }
  | { type: "promote" }
  | { type: "save-mail-tip"; mailTip: string }
  | { type: "set-visibility"; hidden: boolean };

export interface ActionFailure {
  action: RetryableAction;
  error: DirectoryError;
  /** Throttled, not yet retried automatically: when (ms since epoch) the retry runs. */
  autoRetryAt: number | null;
  /** "Sign in again" was clicked and has not finished yet. */
  signingIn: boolean;
  signInFailed: boolean;
}

export type Selection =
  | { kind: "none" }
  | { kind: "not-message"; itemType: string }
  /** `key` is the lower-cased stored address: null when the sender has no usable address. */
  | { kind: "sender"; analysis: SenderAnalysis; key: string | null };

export type Verdict =
  | { kind: "checking" }
  | { kind: "exists"; contact: MailContact }
  | { kind: "missing" }
  /** The lookup failed: `lookupFailure` says why. */
  | { kind: "unknown" }
  /** Internal, automated or unusable senders are not looked up. */
  | { kind: "not-applicable" };

export type StepStatus = "pending" | "running" | "done" | "failed";

export interface PromoteStepView {
  id: PromoteStepId;
  label: string;
  status: StepStatus;
}

export type PromotionView =
  | { phase: "running"; steps: PromoteStepView[] }
  | {
      phase: "failed";
      steps: PromoteStepView[];
      failedStep: PromoteStepId;
      /** Passed back as `resume` so that Finish continues where this run stopped. */
      state: PromoteState;
      failure: ActionFailure;
    }
  | { phase: "done"; steps: PromoteStepView[]; contact: MailContact; alreadyExisted: boolean };

export interface EditView {
  saving: "mail-tip" | "visibility" | null;
  failure: ActionFailure | null;
}

/** A call about this person that the admin center client is waiting to send again. */
export interface RetryWait {
  call: number;
  route: AdminApiRouteName;
  attempt: number;
  reason: "throttled" | "transient";
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
  | { type: "prefill-retrying" }
  | { type: "retry-waiting"; key: string; wait: RetryWait }
  | { type: "retry-finished"; key: string; call: number }
  /** The cache learnt something new about an address (background refresh, a write). */
  | { type: "known-changed"; key: string; result: LookupResult }
  | { type: "draft-changed"; key: string; changes: Partial<ContactDraft> }
  | { type: "details-toggled"; key: string; open: boolean }
  | { type: "promote-started"; key: string; plannedSteps: PromoteStepView[] }
  | { type: "promote-progress"; key: string; progress: PromoteProgress }
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

export function verdictFromLookup(result: LookupResult): Verdict {
  return result.status === "exists" ? { kind: "exists", contact: result.contact } : { kind: "missing" };
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
          promotion: { phase: "running", steps: event.plannedSteps },
        })),
      };
    case "promote-progress":
      return {
        ...state,
        people: withPerson(state.people, event.key, (person) =>
          person.promotion?.phase === "running"
            ? {
                ...person,
                promotion: { phase: "running", steps: advanceSteps(person.promotion.steps, event.progress) },
              }
            : person,
        ),
      };
    case "promote-done": {
      const people = withPerson(state.people, event.key, (person) => ({
        ...person,
        promotion: {
          phase: "done",
          steps: (person.promotion?.steps ?? []).map((step) => ({ ...step, status: "done" as const })),
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
            steps: markFailed(person.promotion?.steps ?? [], event.failedStep, event.state.completed),
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

function advanceSteps(steps: PromoteStepView[], progress: PromoteProgress): PromoteStepView[] {
  const known = steps.some((step) => step.id === progress.step);
  let list = steps;
  if (!known) {
    // A step the plan did not foresee (locating an acknowledged create): insert it before the first pending one.
    const at = steps.findIndex((step) => step.status === "pending");
    const inserted: PromoteStepView = { id: progress.step, label: progress.label, status: "pending" };
    list = at === -1 ? [...steps, inserted] : [...steps.slice(0, at), inserted, ...steps.slice(at)];
  }
  const position = list.findIndex((step) => step.id === progress.step);
  return list.map((step, index) => {
    if (index === position) return { ...step, label: progress.label, status: "running" };
    if (index < position && step.status !== "done") return { ...step, status: "done" };
    return step;
  });
}

function markFailed(
  steps: PromoteStepView[],
  failedStep: PromoteStepId,
  completed: PromoteStepId[],
): PromoteStepView[] {
  return steps.map((step) => {
    if (completed.includes(step.id)) return { ...step, status: "done" };
    if (step.id === failedStep) return { ...step, status: "failed" };
    return { ...step, status: step.status === "done" ? "done" : "pending" };
  });
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
