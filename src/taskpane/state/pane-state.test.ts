import { DirectoryError } from "../../contacts/directory-error";
import type { PromoteState } from "../../contacts/workflow-types";
import { contactDraft, externalAnalysis, mailContact } from "../test-support/fixtures";
import { failureOf } from "./error-guidance";
import {
  INITIAL_PANE_STATE,
  paneReducer,
  personFor,
  promoteSteps,
  type PaneEvent,
  type PaneState,
} from "./pane-state";

const JANE = "jane@fabrikam.com";
const BOB = "bob@contoso.net";

function run(events: PaneEvent[], from: PaneState = INITIAL_PANE_STATE): PaneState {
  return events.reduce(paneReducer, from);
}

function select(generation: number, address: string, name = "Someone"): PaneEvent {
  return {
    type: "selected",
    generation,
    selection: { kind: "sender", analysis: externalAnalysis(address, name), key: address },
    verdict: { kind: "checking" },
    draft: contactDraft({ address, displayName: name }),
  };
}

const throttled = failureOf({ type: "lookup" }, new DirectoryError({ kind: "throttled" }), {
  now: 0,
  automaticRetryAllowed: true,
});

function promoteState(completed: PromoteState["completed"]): PromoteState {
  return {
    draft: contactDraft(),
    nameUsed: "Jane Doe",
    completed,
    contact: null,
    createOutcomeUnknown: false,
  };
}

test("a lookup answer for an earlier selection is dropped", () => {
  const state = run([
    select(1, JANE),
    select(2, BOB),
    { type: "lookup-resolved", generation: 1, result: { status: "exists", contact: mailContact() } },
  ]);
  expect(state.verdict).toEqual({ kind: "checking" });
  const resolved = paneReducer(state, {
    type: "lookup-resolved",
    generation: 2,
    result: { status: "missing" },
  });
  expect(resolved.verdict).toEqual({ kind: "missing" });
});

test("a lookup failure for an earlier selection is dropped too", () => {
  const state = run([
    select(1, JANE),
    select(2, BOB),
    { type: "lookup-failed", generation: 1, failure: throttled },
  ]);
  expect(state.lookupFailure).toBeNull();
  expect(state.verdict.kind).toBe("checking");
});

test("a failed background refresh keeps the cached verdict on screen", () => {
  const cachedSelection = { ...select(1, JANE), verdict: { kind: "missing" } } as PaneEvent;
  const state = run([cachedSelection, { type: "lookup-failed", generation: 1, failure: throttled }]);
  expect(state.verdict).toEqual({ kind: "missing" });
  expect(state.lookupFailure).toBe(throttled);
});

test("what a person typed survives switching to someone else and back", () => {
  const state = run([
    select(1, JANE, "Jane Doe"),
    { type: "draft-changed", key: JANE, changes: { company: "Fabrikam Research" } },
    select(2, BOB),
    select(3, JANE, "Jane Doe"),
  ]);
  expect(personFor(state, JANE).draft?.company).toBe("Fabrikam Research");
});

test("news about another address changes that person's record but not the verdict on screen", () => {
  const state = run([
    select(1, JANE),
    { type: "known-changed", key: BOB, result: { status: "exists", contact: mailContact({ address: BOB }) } },
  ]);
  expect(state.verdict).toEqual({ kind: "checking" });
  const current = paneReducer(state, { type: "known-changed", key: JANE, result: { status: "missing" } });
  expect(current.verdict).toEqual({ kind: "missing" });
});

test("a promotion that finishes in the background shows when its person is selected again, even over a stale cache", () => {
  const contact = mailContact();
  const state = run([
    select(1, JANE),
    { type: "promote-started", key: JANE, completed: [] },
    select(2, BOB),
    { type: "promote-done", key: JANE, contact, alreadyExisted: false },
  ]);
  expect(state.verdict).toEqual({ kind: "checking" });
  const back = paneReducer(state, { ...select(3, JANE), verdict: { kind: "missing" } } as PaneEvent);
  expect(back.verdict).toEqual({ kind: "exists", contact });
});

test("the progress rows are the workflow's steps, derived from what it reported: earlier ones done", () => {
  const state = run([
    select(1, JANE),
    { type: "promote-started", key: JANE, completed: [] },
    { type: "promote-progress", key: JANE, step: "create" },
    { type: "promote-progress", key: JANE, step: "locate" },
  ]);
  const promotion = personFor(state, JANE).promotion;
  expect(promotion && promoteSteps(promotion).map((s) => `${s.id}:${s.status}`)).toEqual([
    "create:done",
    "locate:running",
    "update-general:pending",
    "update-options:pending",
  ]);
});

test("a resumed run shows the steps the earlier run completed as done before it reports", () => {
  const state = run([
    select(1, JANE),
    { type: "promote-started", key: JANE, completed: ["create", "locate"] },
  ]);
  const promotion = personFor(state, JANE).promotion;
  expect(promotion && promoteSteps(promotion).map((s) => s.status)).toEqual([
    "done",
    "done",
    "pending",
    "pending",
  ]);
});

test("a failed promotion marks the failed step and keeps the completed ones done", () => {
  const failure = failureOf({ type: "promote" }, new DirectoryError({ kind: "unavailable" }), {
    now: 0,
    automaticRetryAllowed: true,
  });
  const state = run([
    select(1, JANE),
    { type: "promote-started", key: JANE, completed: [] },
    { type: "promote-progress", key: JANE, step: "update-options" },
    {
      type: "promote-failed",
      key: JANE,
      failedStep: "update-options",
      state: promoteState(["create", "locate", "update-general"]),
      failure,
    },
  ]);
  const promotion = personFor(state, JANE).promotion;
  expect(promotion?.phase).toBe("failed");
  expect(promotion && promoteSteps(promotion).map((s) => s.status)).toEqual([
    "done",
    "done",
    "done",
    "failed",
  ]);
});

test("an edit's result updates the verdict on screen and the record of a promotion that created the contact", () => {
  const created = mailContact({ mailTip: "old" });
  const edited = mailContact({ mailTip: "new" });
  const state = run([
    select(1, JANE),
    { type: "promote-started", key: JANE, completed: [] },
    { type: "promote-done", key: JANE, contact: created, alreadyExisted: false },
    { type: "edit-started", key: JANE, what: "mail-tip" },
    { type: "edit-done", key: JANE, contact: edited },
  ]);
  expect(state.verdict).toEqual({ kind: "exists", contact: edited });
  const promotion = personFor(state, JANE).promotion;
  expect(promotion?.phase === "done" && promotion.contact.mailTip).toBe("new");
  expect(personFor(state, JANE).edit).toEqual({ saving: null, failure: null });
});

test("failure updates only reach the failure they target", () => {
  const state = run([
    select(1, JANE),
    { type: "lookup-failed", generation: 1, failure: throttled },
    { type: "failure-updated", target: { kind: "lookup", generation: 0 }, changes: { signingIn: true } },
  ]);
  expect(state.lookupFailure?.signingIn).toBe(false);
  const updated = paneReducer(state, {
    type: "failure-updated",
    target: { kind: "lookup", generation: 1 },
    changes: { autoRetryAt: null },
  });
  expect(updated.lookupFailure?.autoRetryAt).toBeNull();
});

test("a prefilled draft never replaces one the person already has (typed into, or prefilled earlier)", () => {
  const typed = run([
    select(1, JANE),
    { type: "draft-changed", key: JANE, changes: { company: "Fabrikam Holdings" } },
  ]);
  const late = paneReducer(typed, {
    type: "draft-prefilled",
    key: JANE,
    draft: contactDraft({ address: JANE, company: "Fabrikam" }),
  });
  expect(personFor(late, JANE).draft?.company).toBe("Fabrikam Holdings");

  const waiting = run([{ ...select(1, BOB), draft: null } as PaneEvent, { type: "prefill-failed" }]);
  expect(personFor(waiting, BOB).draft).toBeNull();
  expect(waiting.prefillFailed).toBe(true);
  const filled = paneReducer(waiting, {
    type: "draft-prefilled",
    key: BOB,
    draft: contactDraft({ address: BOB, company: "Contoso" }),
  });
  expect(personFor(filled, BOB).draft?.company).toBe("Contoso");
  expect(filled.prefillFailed).toBe(false);
});

test("retry waits are kept per person and per call; a call's end removes only its own wait", () => {
  const wait = (call: number) =>
    ({ call, operation: "findByAddress", attempt: 2, reason: "throttled", retryAt: 1_000 * call }) as const;
  const state = run([
    select(1, JANE),
    { type: "retry-waiting", key: JANE, wait: wait(1) },
    { type: "retry-waiting", key: JANE, wait: wait(2) },
    { type: "retry-waiting", key: JANE, wait: { ...wait(1), attempt: 3 } },
    { type: "retry-waiting", key: BOB, wait: wait(3) },
    { type: "retry-finished", key: JANE, call: 2 },
  ]);
  expect(personFor(state, JANE).retryWaits).toEqual([{ ...wait(1), attempt: 3 }]);
  expect(personFor(state, BOB).retryWaits).toEqual([wait(3)]);
  // A selection change does not lose them: they belong to the person, not the screen.
  expect(personFor(paneReducer(state, select(2, BOB)), JANE).retryWaits).toHaveLength(1);
});
