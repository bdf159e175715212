/**
 * The create-then-update steps while a contact is being added, and what is left when a
 * step failed: which part is not done yet, and Finish (which resumes, never re-creates).
 */
import { makeStyles, ProgressBar, Spinner, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, Circle16Regular, DismissCircle16Filled } from "@fluentui/react-icons";
import { useEffect, useRef, type JSX } from "react";
import type { DirectoryError } from "../../contacts/directory-error";
import type { PromoteState, PromoteStepId } from "../../contacts/workflow-types";
import {
  createConfirmed,
  createMayHaveHappened,
  promoteSteps,
  type PromoteStepView,
  type PromotionView,
  type StepStatus,
} from "../state/pane-state";
import { progressSentences } from "../locales/progress-sentences";
import { strings } from "../strings";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, outlineStyle: "none" },
  steps: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  step: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  status: { color: tokens.colorNeutralForeground3 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  pending: { color: tokens.colorNeutralForeground3 },
});

export interface PromoteProgressProps {
  promotion: Extract<PromotionView, { phase: "running" | "failed" }>;
  /** Move keyboard focus here when shown after a click (the Add button it replaces is gone). */
  focusOnMount: boolean;
  onFinish(): void;
  onSignIn(): void;
}

export function PromoteProgress({
  promotion,
  focusOnMount,
  onFinish,
  onSignIn,
}: PromoteProgressProps): JSX.Element {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const steps = promoteSteps(promotion);
  const done = steps.filter((step) => step.status === "done").length;
  const total = Math.max(1, steps.length);
  return (
    <section className={styles.root} aria-label={progressSentences().regionLabel}>
      <Text as="h3" weight="semibold" tabIndex={-1} ref={headingRef} className={styles.heading}>
        {progressSentences().regionLabel}
      </Text>
      <ProgressBar
        value={done / total}
        color={promotion.phase === "failed" ? "error" : "brand"}
        aria-label={progressSentences().regionLabel}
        aria-valuetext={progressSentences().stepsDone(done, total)}
      />
      <ol className={styles.steps}>
        {steps.map((step) => (
          <StepRow key={step.id} step={step} />
        ))}
      </ol>
      {promotion.phase === "failed" ? (
        <ErrorBar
          failure={promotion.failure}
          title={whatIsLeft(promotion.failedStep, promotion.state, promotion.failure.error)}
          retryLabel={
            createConfirmed(promotion.state) ? progressSentences().finish : progressSentences().tryAgain
          }
          // The form hides Add while create may have happened: this is then the only way forward.
          alwaysOfferRetry={createMayHaveHappened(promotion.state)}
          onRetry={onFinish}
          onSignIn={onSignIn}
        />
      ) : null}
    </section>
  );
}

function StepRow({ step }: { step: PromoteStepView }): JSX.Element {
  const styles = useStyles();
  return (
    <li className={styles.step}>
      <StepIcon status={step.status} />
      <Text size={300}>{progressSentences().steps[step.id]}</Text>
      <Text size={200} className={styles.status}>
        {progressSentences()[STATUS_TEXT[step.status]]}
      </Text>
    </li>
  );
}

/** Catalogue keys, read when drawn (the language is chosen after this module loads). */
const STATUS_TEXT = {
  done: "stepDone",
  running: "stepRunning",
  failed: "stepFailed",
  pending: "stepPending",
  skipped: "stepSkipped",
} as const satisfies Record<StepStatus, string>;

function StepIcon({ status }: { status: StepStatus }): JSX.Element {
  const styles = useStyles();
  switch (status) {
    case "done":
      return <CheckmarkCircle16Filled className={styles.done} aria-hidden />;
    case "running":
      return <Spinner size="extra-tiny" aria-hidden />;
    case "failed":
      return <DismissCircle16Filled className={styles.failed} aria-hidden />;
    case "pending":
    case "skipped":
      return <Circle16Regular className={styles.pending} aria-hidden />;
  }
}

/** One sentence on what is not done yet, from the step that failed and what the run completed. */
export function whatIsLeft(failedStep: PromoteStepId, state: PromoteState, error?: DirectoryError): string {
  if (!createConfirmed(state)) {
    if (!state.createOutcomeUnknown) return progressSentences().notCreated;
    // The service answered (a 5xx): say so, and what the look after it found.
    return error?.reason === "server-error"
      ? progressSentences().createAnsweredError(state.createCheck)
      : progressSentences().createUnknown;
  }
  // The stored contact is known: name only what it really lacks (create may have set the mail tip).
  if (failedStep !== "verify" && state.stillMissing && state.stillMissing.length > 0) {
    return progressSentences().partialFields(
      state.stillMissing.map((field) => strings.errors.fieldNames[field]),
    );
  }
  switch (failedStep) {
    case "update-general":
      return progressSentences().partial(
        state.completed.includes("update-options")
          ? progressSentences().missingCompany
          : progressSentences().missingBoth,
      );
    case "update-options":
      return progressSentences().partial(progressSentences().missingSettings);
    case "verify":
      return progressSentences().verifyFailed;
    case "create":
    case "locate":
      return progressSentences().partial(progressSentences().missingBoth);
  }
}
