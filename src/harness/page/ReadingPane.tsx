/** The reading pane: the selected message's header and body, as Outlook shows it. */
import { Avatar, makeStyles, shorthands, Text, tokens } from "@fluentui/react-components";
import { CalendarLtr20Regular, MailInbox20Regular } from "@fluentui/react-icons";
import type { DemoMessage } from "../fixtures";
import { formatFullTime } from "./format";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
    overflowY: "auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  subject: { marginBottom: tokens.spacingVerticalM },
  header: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: tokens.spacingHorizontalM,
    alignItems: "start",
    paddingBottom: tokens.spacingVerticalM,
    ...shorthands.borderBottom(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  headerLines: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  body: {
    whiteSpace: "pre-wrap",
    paddingTop: tokens.spacingVerticalL,
    lineHeight: tokens.lineHeightBase400,
    maxWidth: "72ch",
  },
  empty: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground3,
  },
});

export function ReadingPane({ message }: { message: DemoMessage | null }) {
  const styles = useStyles();
  if (!message) {
    return (
      <section className={styles.root} aria-label="Reading pane">
        <div className={styles.empty}>
          <MailInbox20Regular aria-hidden />
          <Text>Select an item to read</Text>
          <Text size={200}>Nothing is selected: Outlook gives the add-in no item.</Text>
        </div>
      </section>
    );
  }
  const isAppointment = message.item.itemType === "appointment";
  return (
    <section className={styles.root} aria-label="Reading pane">
      <Text as="h2" size={500} weight="semibold" className={styles.subject}>
        {isAppointment && <CalendarLtr20Regular aria-label="Meeting" />} {message.subject}
      </Text>
      <div className={styles.header}>
        <Avatar name={message.fromName} size={40} color="colorful" aria-hidden />
        <div className={styles.headerLines}>
          <Text weight="semibold">
            {message.onBehalfOfName ? (
              <>
                <bdi>{message.onBehalfOfName}</bdi> on behalf of <bdi>{message.fromName}</bdi>
              </>
            ) : (
              <bdi>{message.fromName}</bdi>
            )}{" "}
            <Text size={200} className={styles.muted}>
              &lt;{message.fromAddress}&gt;
            </Text>
          </Text>
          {isAppointment && (
            <Text size={200} className={styles.muted}>
              Organizer · Meeting request
            </Text>
          )}
          {message.toLine && (
            <Text size={200} className={styles.muted}>
              {isAppointment ? "Attendees" : "To"}: {message.toLine}
            </Text>
          )}
          {message.ccLine && (
            <Text size={200} className={styles.muted}>
              Cc: {message.ccLine}
            </Text>
          )}
        </div>
        <Text size={200} className={styles.muted}>
          {formatFullTime(message.receivedAt)}
        </Text>
      </div>
      <Text className={styles.body} dir="auto">
        {message.body}
      </Text>
    </section>
  );
}
