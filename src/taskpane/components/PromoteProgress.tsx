/**
 * The create-then-update steps while a contact is being added, and what is left when a
 * step failed: which part is not done yet, and Finish (which resumes, never re-creates).
 */
import { makeStyles, ProgressBar, Spinner, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, Circle16Regular, DismissCircle16Filled } from "@fluentui/react-icons";
import { useEffect, useRef, type JSX } from "react";
import type { PromoteState, PromoteStepId } from "../../contacts/workflow-types";
import {
  createConfirmed,
  createMayHaveHappened,
  promoteSteps,
  type PromoteStepView,
  type PromotionView,
  type StepStatus,
} from "../state/pane-state";
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
    <section className={styles.root} aria-label={strings.progress.regionLabel}>
      <Text as="h3" weight="semibold" tabIndex={-1} ref={headingRef} className={styles.heading}>
        {strings.progress.regionLabel}
      </Text>
      <ProgressBar
        value={done / total}
        color={promotion.phase === "failed" ? "error" : "brand"}
        aria-label={strings.progress.regionLabel}
        aria-valuetext={`${done} of ${total}`}
      />
      <ol className={styles.steps}>
        {steps.map((step) => (
          <StepRow key={step.id} step={step} />
        ))}
      </ol>
      {promotion.phase === "failed" ? (
        <ErrorBar
          failure={promotion.failure}
          title={whatIsLeft(promotion.failedStep, promotion.state)}
          retryLabel={createConfirmed(promotion.state) ? strings.progress.finish : strings.progress.tryAgain}
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
      <Text size={300}>{strings.progress.steps[step.id]}</Text>
      <Text size={200} className={styles.status}>
        {STATUS_TEXT[step.status]}
      </Text>
    </li>
  );
}

const STATUS_TEXT: Record<StepStatus, string> = {
  done: strings.progress.stepDone,
  running: strings.progress.stepRunning,
  failed: strings.progress.stepFailed,
  pending: strings.progress.stepPending,
};

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
      return <Circle16Regular className={styles.pending} aria-hidden />;
  }
}

/** One sentence on what is not done yet, from the step that failed and what the run completed. */
export function whatIsLeft(failedStep: PromoteStepId, state: PromoteState): string {
  if (!createConfirmed(state)) {
    return state.createOutcomeUnknown ? strings.progress.createUnknown : strings.progress.notCreated;
  }
  switch (failedStep) {
    case "update-general":
      return strings.progress.partial(
        state.completed.includes("update-options")
          ? strings.progress.missingCompany
          : strings.progress.missingBoth,
      );
    case "update-options":
      return strings.progress.partial(strings.progress.missingSettings);
    case "verify":
      return strings.progress.verifyFailed;
    case "create":
    case "locate":
      return strings.progress.partial(strings.progress.missingBoth);
  }
}
