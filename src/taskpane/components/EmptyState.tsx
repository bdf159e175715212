/** What the pane says when there is no sender to show: nothing selected, or not a message. */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { CalendarLtr48Regular, MailInbox48Regular } from "@fluentui/react-icons";
import type { JSX } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXXL,
    paddingInline: tokens.spacingHorizontalL,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
  },
  icon: { color: tokens.colorNeutralForeground3 },
});

export interface EmptyStateProps {
  message: string;
  /** "message": nothing selected; "other-item": the selection is not a message. */
  variant: "message" | "other-item";
}

export function EmptyState({ message, variant }: EmptyStateProps): JSX.Element {
  const styles = useStyles();
  const Icon = variant === "message" ? MailInbox48Regular : CalendarLtr48Regular;
  return (
    <div className={styles.root} role="status">
      <Icon className={styles.icon} aria-hidden />
      <Text>{message}</Text>
    </div>
  );
}
