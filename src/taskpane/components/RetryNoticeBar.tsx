/**
 * Non-blocking word that the admin center client is waiting to send a call again for the
 * person on screen (throttled, or a passing failure), counting down to the next attempt.
 * It goes away when that call finishes, whichever way. The pane's only "busy, trying again"
 * notice: once the client gives up, ErrorBar offers Try again instead.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { JSX } from "react";
import { useSecondsLeft } from "../hooks/use-seconds-left";
import type { RetryWait } from "../state/pane-state";
import { strings } from "../strings";

export function RetryNoticeBar({ wait }: { wait: RetryWait }): JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {wait.reason === "throttled" ? strings.retrying.title : strings.retrying.titleUnreachable}
        </MessageBarTitle>
        {/* A new wait is a new countdown: keyed so it starts from the moment this wait began. */}
        <Countdown key={wait.retryAt} deadline={wait.retryAt} />
      </MessageBarBody>
    </MessageBar>
  );
}

function Countdown({ deadline }: { deadline: number }): string {
  const seconds = useSecondsLeft(deadline);
  return seconds > 0 ? strings.retrying.inSeconds(seconds) : strings.retrying.now;
}
