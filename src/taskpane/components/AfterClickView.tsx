/**
 * Renders a view from the after-click chunk: at once when it has arrived (it is prefetched
 * when a verdict shows), else a spinner until it does, or, when the download failed, a
 * message with Try again (which downloads it again).
 */
import { Button, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useState, type JSX, type ReactNode } from "react";
import { afterClickViewsModule, type AfterClickViews } from "../lazy-modules";
import { strings } from "../strings";
import { UntitledMessageBar } from "./UntitledMessageBar";

export interface AfterClickViewProps {
  children(views: AfterClickViews): ReactNode;
}

export function AfterClickView({ children }: AfterClickViewProps): JSX.Element {
  const [views, setViews] = useState(() => afterClickViewsModule.loaded());
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (views) return;
    let current = true;
    afterClickViewsModule.load().then(
      (arrived) => {
        if (current) setViews(arrived);
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [views, attempt]);

  if (views) return <>{children(views)}</>;
  if (failed) {
    return (
      <UntitledMessageBar intent="error" layout="multiline">
        <MessageBarBody>{strings.lazy.failed}</MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            onClick={() => {
              setFailed(false);
              setAttempt((count) => count + 1);
            }}
          >
            {strings.errors.tryAgain}
          </Button>
        </MessageBarActions>
      </UntitledMessageBar>
    );
  }
  return <Spinner size="tiny" label={strings.lazy.loading} />;
}
