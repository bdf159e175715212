import { DirectoryError } from "../../contacts/directory-error";
import type { PromoteState } from "../../contacts/workflow-types";
import { contactDraft, externalAnalysis, mailContact } from "../test-support/fixtures";
import { strings } from "../strings";
import { Announcer } from "./announcements";
import { failureOf, guidanceFor } from "./error-guidance";
import { INITIAL_PANE_STATE, paneReducer, type PaneEvent, type PaneState } from "./pane-state";

const JANE = "jane@fabrikam.com";
const NOW = 1_000_000;

function select(generation: number, address = JANE, name = "Jane Doe"): PaneEvent {
  return {
    type: "selected",
    generation,
    selection: { kind: "sender", analysis: externalAnalysis(address, name), key: address },
    verdict: { kind: "checking" },
    draft: contactDraft({ address, displayName: name }),
  };
}

/** Feeds the events to the reducer one by one and records what the announcer says after each. */
function said(events: PaneEvent[], announcer = new Announcer()): (string | null)[] {
  let state: PaneState = INITIAL_PANE_STATE;
  return events.map((event) => {
    state = paneReducer(state, event);
    return announcer.next(state, NOW);
  });
}

const missing: PaneEvent = { type: "lookup-resolved", generation: 1, result: { status: "missing" } };
const refreshedMissing: PaneEvent = { type: "known-changed", key: JANE, result: { status: "missing" } };
const refreshedExists: PaneEvent = {
  type: "known-changed",
  key: JANE,
  result: { status: "exists", contact: mailContact() },
};

test("says the verdict once: a background refresh with the same answer says nothing, another answer is said", () => {
  expect(
    said([select(1), missing, refreshedMissing, refreshedMissing, refreshedExists, refreshedExists]),
  ).toEqual([
    null,
    "Jane Doe: Not in the address book yet.",
    null,
    null,
    "Jane Doe: In the address book.",
    null,
  ]);
});

test("a new selection of the same sender says its verdict again; nothing selected says nothing", () => {
  const announcer = new Announcer();
  said([select(1), missing], announcer);
  expect(
    said(
      [
        {
          type: "selected",
          generation: 2,
          selection: { kind: "none" },
          verdict: { kind: "not-applicable" },
          draft: null,
        },
        select(3),
        { ...missing, generation: 3 },
      ],
      announcer,
    ),
  ).toEqual([null, null, "Jane Doe: Not in the address book yet."]);
});

test("the busy notice is said once per waiting call, with its countdown, not once per attempt", () => {
  const wait = (call: number, attempt: number): PaneEvent => ({
    type: "retry-waiting",
    key: JANE,
    wait: { call, operation: "findByAddress", attempt, reason: "throttled", retryAt: NOW + 3_000 },
  });
  expect(
    said([select(1), wait(7, 1), wait(7, 2), { type: "retry-finished", key: JANE, call: 7 }, wait(8, 1)]),
  ).toEqual([
    null,
    `${strings.retrying.title}. Trying again in 3 s…`,
    null,
    null,
    `${strings.retrying.title}. Trying again in 3 s…`,
  ]);
});

test("the outcome of Add is said, and the verdict it leads to is not said twice", () => {
  const contact = mailContact();
  expect(
    said([
      select(1),
      missing,
      { type: "promote-started", key: JANE, completed: [] },
      { type: "promote-done", key: JANE, contact, alreadyExisted: false },
      refreshedExists,
    ]),
  ).toEqual([null, "Jane Doe: Not in the address book yet.", null, strings.progress.added, null]);
});

test("a failed Add is said with its reason each time it fails, Finish or not", () => {
  const forbidden = failureOf({ type: "promote" }, new DirectoryError({ kind: "forbidden" }));
  const state: PromoteState = {
    draft: contactDraft(),
    nameUsed: "Jane Doe",
    completed: [],
    contact: null,
    createOutcomeUnknown: false,
  };
  const failed: PaneEvent = {
    type: "promote-failed",
    key: JANE,
    failedStep: "create",
    state,
    failure: forbidden,
  };
  const started: PaneEvent = { type: "promote-started", key: JANE, completed: [] };
  const stopped = strings.announce.addStopped(guidanceFor(forbidden).message);
  expect(stopped).toContain("not change them");
  expect(said([select(1), missing, started, failed, refreshedMissing, started, failed])).toEqual([
    null,
    "Jane Doe: Not in the address book yet.",
    null,
    stopped,
    null,
    null,
    stopped,
  ]);
});

test("an internal or automated sender's verdict is said as soon as it is selected", () => {
  const internal: PaneEvent = {
    type: "selected",
    generation: 1,
    selection: {
      kind: "sender",
      analysis: { ...externalAnalysis(JANE, "Jane Doe"), kind: "internal" },
      key: JANE,
    },
    verdict: { kind: "not-applicable" },
    draft: null,
  };
  expect(said([internal])).toEqual(["Jane Doe: Internal colleague."]);
});

test("outcomes only (a proposal's controller): Add's outcome is said; its verdict and busy notices are the pane's own", () => {
  const announcer = new Announcer({ outcomesOnly: true });
  expect(
    said(
      [
        select(1),
        missing,
        {
          type: "retry-waiting",
          key: JANE,
          wait: { call: 1, operation: "create", attempt: 1, reason: "throttled", retryAt: NOW + 3_000 },
        },
        { type: "promote-started", key: JANE, completed: [] },
        { type: "promote-done", key: JANE, contact: mailContact(), alreadyExisted: false },
        refreshedExists,
      ],
      announcer,
    ),
  ).toEqual([null, null, null, null, strings.progress.added, null]);
});
