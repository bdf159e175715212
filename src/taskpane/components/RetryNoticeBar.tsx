/**
 * Non-blocking word that the admin center client is waiting to send a call again for the
 * person on screen (throttled, or a passing failure), counting down to the next attempt.
 * It goes away when that call finishes, whichever way.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { JSX } from "react";
import { useNow } from "../hooks/use-now";
import type { RetryWait } from "../state/pane-state";
import { strings } from "../strings";

export function RetryNoticeBar({ wait }: { wait: RetryWait }): JSX.Element {
  const now = useNow(true);
  const seconds = Math.max(0, Math.ceil((wait.retryAt - now) / 1000));
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {wait.reason === "throttled" ? strings.retrying.title : strings.retrying.titleUnreachable}
        </MessageBarTitle>
        {seconds > 0 ? strings.retrying.inSeconds(seconds) : strings.retrying.now}
      </MessageBarBody>
    </MessageBar>
  );
}
