/** @jest-environment jsdom */
/**
 * The progress view after a failed promotion. While create may have happened the form
 * hides Add (a fresh create could duplicate the contact), so this view must offer the
 * way forward itself, whatever the error's own remedy.
 */
import { render, screen } from "@testing-library/react";
import { DirectoryError } from "../../contacts/directory-error";
import type { PromoteState } from "../../contacts/workflow-types";
import type { PromotionView } from "../state/pane-state";
import { strings } from "../strings";
import { PROGRESS_SENTENCES } from "../locales/progress-sentences";
import { contactDraft, mailContact } from "../test-support/fixtures";
import { PromoteProgress } from "./PromoteProgress";

function failedPromotion(state: Partial<PromoteState>): Extract<PromotionView, { phase: "failed" }> {
  const draft = contactDraft();
  return {
    phase: "failed",
    failedStep: "create",
    state: {
      draft,
      nameUsed: draft.name,
      completed: [],
      contact: null,
      createOutcomeUnknown: false,
      ...state,
    },
    failure: {
      action: { type: "promote" },
      // "forbidden" offers no button of its own: nothing in the pane can fix a missing role.
      error: new DirectoryError({ kind: "forbidden", operation: "create" }),
      signingIn: false,
      signInFailed: false,
    },
  };
}

function renderProgress(promotion: Extract<PromotionView, { phase: "failed" }>) {
  render(
    <PromoteProgress promotion={promotion} focusOnMount={false} onFinish={() => {}} onSignIn={() => {}} />,
  );
}

test("create's answer was lost, then the look before creating again was refused: Try again is still offered", () => {
  renderProgress(failedPromotion({ createOutcomeUnknown: true }));
  expect(screen.getByText(PROGRESS_SENTENCES.en.createUnknown)).toBeTruthy();
  expect(screen.getByRole("button", { name: PROGRESS_SENTENCES.en.tryAgain })).toBeTruthy();
});

test("created, a later step refused: Finish is offered", () => {
  renderProgress(failedPromotion({ completed: ["create"], contact: mailContact() }));
  expect(screen.getByRole("button", { name: PROGRESS_SENTENCES.en.finish })).toBeTruthy();
});

test("nothing was created and the error has no remedy: no button (the form's Add is there)", () => {
  renderProgress(failedPromotion({}));
  expect(screen.queryByRole("button")).toBeNull();
});

test("created, but not searchable yet: says so, not that someone deleted it (the wrong text of issue 9)", () => {
  const promotion = failedPromotion({ completed: ["create"], contact: null });
  renderProgress({
    ...promotion,
    failedStep: "locate",
    failure: {
      ...promotion.failure,
      error: new DirectoryError({ kind: "not-found", reason: "not-visible-yet", operation: "findByAddress" }),
    },
  });
  expect(screen.queryByText(/no longer there|deleted/i)).toBeNull();
  expect(screen.getByText(strings.errors.notVisibleYet)).toBeTruthy();
  expect(screen.getByRole("button", { name: PROGRESS_SENTENCES.en.finish })).toBeTruthy();
});
