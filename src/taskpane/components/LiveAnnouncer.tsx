/**
 * The pane's one polite live region. It lives outside the per-message views, so it is in
 * the page before anything is said into it (a region that appears with its text is not
 * reliably read). What it says, and when, is the Announcer's (state/announcements.ts), plus
 * what views with a state of their own say through the pane's AnnouncementChannel.
 */
import { makeStyles } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type JSX } from "react";
import type { AnnouncementChannel } from "../state/announcement-channel";
import { Announcer } from "../state/announcements";
import type { PaneState } from "../state/pane-state";
import { visuallyHidden } from "./visually-hidden";

const useStyles = makeStyles({ region: visuallyHidden });

export function LiveAnnouncer({
  state,
  channel,
}: {
  state: PaneState;
  channel: AnnouncementChannel;
}): JSX.Element {
  const styles = useStyles();
  const announcer = useRef<Announcer | null>(null);
  const [said, setSaid] = useState<{ text: string; serial: number } | null>(null);
  const shown = useRef(0);
  // Two sentences before the region renders again (a verdict and a batch's summary) are said together.
  const say = useCallback((text: string) => {
    setSaid((previous) =>
      previous && previous.serial > shown.current
        ? { text: `${previous.text} ${text}`, serial: previous.serial }
        : { text, serial: (previous?.serial ?? 0) + 1 },
    );
  }, []);
  useEffect(() => {
    shown.current = said?.serial ?? 0;
  }, [said]);
  useEffect(() => {
    announcer.current ??= new Announcer();
    const text = announcer.current.next(state, Date.now());
    if (text !== null) say(text);
  }, [state, say]);
  useEffect(() => channel.subscribe(say), [channel, say]);
  return (
    <div className={styles.region} role="status" aria-live="polite" data-pane-announcements="">
      {/* A new node each time, so the same words said again (another selection) are read again. */}
      {said ? <span key={said.serial}>{said.text}</span> : null}
    </div>
  );
}
