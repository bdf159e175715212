/**
 * The pane's one polite live region. It lives outside the per-message views, so it is in
 * the page before anything is said into it (a region that appears with its text is not
 * reliably read). What it says, and when, is the Announcer's (state/announcements.ts).
 */
import { makeStyles } from "@fluentui/react-components";
import { useEffect, useRef, useState, type JSX } from "react";
import { Announcer } from "../state/announcements";
import type { PaneState } from "../state/pane-state";
import { visuallyHidden } from "./visually-hidden";

const useStyles = makeStyles({ region: visuallyHidden });

export function LiveAnnouncer({ state }: { state: PaneState }): JSX.Element {
  const styles = useStyles();
  const announcer = useRef<Announcer | null>(null);
  const [said, setSaid] = useState<{ text: string; serial: number } | null>(null);
  useEffect(() => {
    announcer.current ??= new Announcer();
    const text = announcer.current.next(state, Date.now());
    if (text !== null) setSaid((previous) => ({ text, serial: (previous?.serial ?? 0) + 1 }));
  }, [state]);
  return (
    <div className={styles.region} role="status" aria-live="polite" data-pane-announcements="">
      {/* A new node each time, so the same words said again (another selection) are read again. */}
      {said ? <span key={said.serial}>{said.text}</span> : null}
    </div>
  );
}
