/**
 * A failed call, in words a person can act on, with the one action that helps: sign in
 * again, try again, or (throttled) a countdown to the automatic retry.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { JSX } from "react";
import { useNow } from "../hooks/use-now";
import { guidanceFor } from "../state/error-guidance";
import type { ActionFailure } from "../state/pane-state";
import { strings } from "../strings";

const useStyles = makeStyles({
  requestId: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

export interface ErrorBarProps {
  failure: ActionFailure;
  /** What was being done, as a title ("Adding the contact"); or a sentence about what is left. */
  title?: string;
  /** The retry button's text when it is not "Try again" (e.g. "Finish"). */
  retryLabel?: string;
  /** Offer the retry button whatever the error (Finish after a partial promotion is always worth a try). */
  alwaysOfferRetry?: boolean;
  onRetry(): void;
  onSignIn(): void;
}

export function ErrorBar({
  failure,
  title,
  retryLabel,
  alwaysOfferRetry,
  onRetry,
  onSignIn,
}: ErrorBarProps): JSX.Element {
  const styles = useStyles();
  const counting = failure.autoRetryAt !== null;
  const now = useNow(counting);
  const guidance = guidanceFor(failure, now);
  return (
    // Without a title, MessageBar's aria-labelledby would point at an id in no page.
    <MessageBar
      intent={guidance.intent}
      layout="multiline"
      {...(title ? {} : { "aria-labelledby": undefined })}
    >
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {guidance.message}
        {failure.error.requestId ? (
          <span className={styles.requestId}>{strings.errors.requestId(failure.error.requestId)}</span>
        ) : null}
      </MessageBarBody>
      <MessageBarActions>
        {guidance.remedy === "retry" || (alwaysOfferRetry && guidance.remedy === "none") ? (
          <Button size="small" onClick={onRetry}>
            {retryLabel ?? strings.errors.tryAgain}
          </Button>
        ) : null}
        {guidance.remedy === "sign-in" ? (
          <Button
            size="small"
            appearance="primary"
            onClick={onSignIn}
            disabled={failure.signingIn}
            icon={failure.signingIn ? <Spinner size="extra-tiny" /> : undefined}
          >
            {failure.signingIn ? strings.errors.signingIn : strings.errors.signInAgain}
          </Button>
        ) : null}
        {guidance.remedy === "wait" ? <Spinner size="extra-tiny" aria-hidden /> : null}
      </MessageBarActions>
    </MessageBar>
  );
}
