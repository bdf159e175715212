/**
 * A list of people as the pane shows it (everyone on a message, the senders of a selection,
 * suggestions): one row per person with its verdict, its trust decision, whether it is ticked,
 * and how its addition went. Plain data; the people controller owns the changes.
 */
import type { MailContact } from "../../contacts/directory";
import type { AddressHolder, DirectoryError } from "../../contacts/directory-error";
import type { PersonCandidate } from "../../contacts/people";
import type { AddDecision, TrustRisk } from "../../contacts/trust/sender-trust";
import type { PromoteState, PromoteStepId } from "../../contacts/workflow-types";

export type PersonVerdict =
  /** Internal, automated, unusable: not looked up, shown greyed with the reason. */
  | { kind: "not-applicable" }
  | { kind: "checking" }
  | { kind: "exists"; contact: MailContact }
  /** No contact has the address; `holder`: another recipient (a guest, mailbox...) does, so none can be made. */
  | { kind: "missing"; holder?: AddressHolder }
  /** The lookup failed (after the retry policy's attempts). */
  | { kind: "unknown"; error: DirectoryError };

export type PersonTrust =
  | { kind: "none" }
  | { kind: "checking" }
  | { kind: "ready"; decision: AddDecision; risks: readonly TrustRisk[] }
  /** The checks could not run: such a row is not added (nothing is claimed either way). */
  | { kind: "unavailable" };

export type RowAddition =
  /** Ticked and waiting for a free slot in the batch. */
  | { phase: "queued" }
  | { phase: "running"; step: PromoteStepId | null }
  | { phase: "done"; contact: MailContact; alreadyExisted: boolean }
  | {
      phase: "failed";
      failedStep: PromoteStepId;
      error: DirectoryError;
      /** Passed back as `resume` so that Finish continues where this row stopped. */
      state: PromoteState;
    };

export interface PeopleRow {
  candidate: PersonCandidate;
  verdict: PersonVerdict;
  trust: PersonTrust;
  selected: boolean;
  addition: RowAddition | null;
}

/** "8 added, 1 already there, 1 failed (why)": what the last batch did. */
export interface BatchSummary {
  added: number;
  alreadyThere: number;
  failed: number;
  /** The first failure's error, for the "(why)". */
  firstFailure: DirectoryError | null;
}

export type PeopleListSource =
  | { kind: "message" }
  | { kind: "meeting" }
  | { kind: "selection"; messages: number }
  | { kind: "suggestions" };

export interface PeopleListView {
  source: PeopleListSource;
  rows: readonly PeopleRow[];
  /** False when the account may not change contacts: verdicts only, no checkboxes or Add. */
  writeAllowed: boolean;
  /** A batch of additions is running. */
  adding: boolean;
  /** The last batch's outcome, once it has finished. */
  summary: BatchSummary | null;
}

export const EMPTY_PEOPLE_LIST: PeopleListView = {
  source: { kind: "message" },
  rows: [],
  writeAllowed: true,
  adding: false,
  summary: null,
};

/** Create happened or may have: this row's next attempt resumes (Finish), never starts over. */
export function createMayHaveHappenedForRow(addition: RowAddition & { phase: "failed" }): boolean {
  const { state } = addition;
  return state.completed.includes("create") || state.contact !== null || state.createOutcomeUnknown;
}

/**
 * May this row be ticked? An external person the address book lacks, whom the trust guard does
 * not block (a "confirm" row may be ticked; the batch then asks), not added or being added.
 */
export function isSelectable(row: PeopleRow): boolean {
  if (row.candidate.classification.kind !== "external" || row.candidate.address === null) return false;
  if (row.verdict.kind !== "missing" || row.verdict.holder !== undefined) return false;
  if (row.trust.kind === "unavailable" || (row.trust.kind === "ready" && row.trust.decision === "blocked"))
    return false;
  const addition = row.addition;
  if (addition === null) return true;
  return addition.phase === "failed" && !createMayHaveHappenedForRow(addition);
}

/** Should a row be ticked when its verdict arrives? Only when the guard allows the one-click Add. */
export function preselected(row: PeopleRow): boolean {
  return isSelectable(row) && row.trust.kind === "ready" && row.trust.decision === "one-click";
}

export function selectedRows(view: PeopleListView): PeopleRow[] {
  return view.rows.filter((row) => row.selected && isSelectable(row));
}

/** Ticked rows the trust guard flagged: "Add N" asks first, naming their risks. */
export function riskyRows(view: PeopleListView): PeopleRow[] {
  return selectedRows(view).filter((row) => row.trust.kind === "ready" && row.trust.decision === "confirm");
}
