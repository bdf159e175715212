/**
 * "Everyone on this item", beside the sender: for a message, a button that opens the list of
 * its other participants (closed by default: each open looks everyone up, and the admin API's
 * budget is small); for a meeting, the list of organizer and attendees at once, in place of
 * "not a message". The list itself is a chunk of its own ("people"), loaded when it is shown.
 */
import { Button, makeStyles, mergeClasses, Spinner, tokens } from "@fluentui/react-components";
import { People20Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useMemo, type JSX } from "react";
import { extractParticipants } from "../../contacts/participants";
import type { PaneController } from "../state/pane-controller";
import { strings } from "../strings";

const PeoplePanel = lazy(() => import(/* webpackChunkName: "people" */ "./PeoplePanel"));

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggle: { alignSelf: "flex-start" },
  // Kept mounted (an open list and a batch in progress survive a message switch), just not shown.
  waiting: { display: "none" },
});

export interface PeopleSectionProps {
  controller: PaneController;
  generation: number;
  open: boolean;
  onOpenChange(open: boolean): void;
  /**
   * Not shown yet: the sender above is still settling (App's senderSettled), and what arrives
   * there would push this section down. Shown at once when it has settled, moving nothing.
   */
  waiting?: boolean;
}

/** Renders nothing when the host cannot list participants, or the message has nobody but its sender. */
export function PeopleSection({
  controller,
  generation,
  open,
  onOpenChange,
  waiting = false,
}: PeopleSectionProps): JSX.Element | null {
  const styles = useStyles();
  const { host, org } = controller.services;
  const participants = useMemo(
    () => host.readParticipants?.() ?? ({ kind: "none" } as const),
    // Read once per selection.
    [host, generation],
  );
  const count = useMemo(
    () => extractParticipants(participants, { userAddress: host.context.userAddress, org }).length,
    [participants, host, org],
  );
  if (participants.kind === "none" || count === 0) return null;
  const meeting = participants.kind === "meeting";
  if (!meeting && count < 2) return null;
  const shown = meeting || open;
  return (
    <div className={mergeClasses(styles.section, waiting && styles.waiting)}>
      {!meeting && (
        <Button
          className={styles.toggle}
          appearance="subtle"
          icon={<People20Regular />}
          aria-expanded={open}
          onClick={() => onOpenChange(!open)}
        >
          {open ? strings.people.hide : strings.people.show(count)}
        </Button>
      )}
      {shown && (
        <Suspense fallback={<Spinner size="tiny" label={strings.lazy.loading} />}>
          <PeoplePanel pane={controller} participants={participants} generation={generation} />
        </Suspense>
      )}
    </div>
  );
}

/** True when the selected item is a meeting the pane can list people for (it then replaces "not a message"). */
export function isListedMeeting(controller: PaneController): boolean {
  return controller.services.host.readParticipants?.().kind === "meeting";
}
