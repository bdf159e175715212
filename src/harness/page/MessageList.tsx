/**
 * The inbox: sender, subject, preview and time per message, Outlook-like. A listbox with
 * a roving focus: arrow keys, Home and End move the selection as they do in Outlook; Ctrl-click
 * (Cmd on a Mac) and Ctrl+Space add or remove a message, Shift-click and Shift+arrows select a
 * range, as Outlook's item multi-select does.
 */
import {
  Avatar,
  Button,
  makeStyles,
  mergeClasses,
  shorthands,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CalendarLtr16Regular, DismissSquareMultiple20Regular } from "@fluentui/react-icons";
import { useRef, type KeyboardEvent } from "react";
import type { DemoMessage } from "../fixtures";
import { formatListTime } from "./format";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderRight(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
  },
  list: {
    flexGrow: 1,
    overflowY: "auto",
    outlineStyle: "none",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    cursor: "pointer",
    ...shorthands.borderLeft("3px", "solid", "transparent"),
    ...shorthands.borderBottom(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke3),
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "-2px",
    },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ...shorthands.borderLeft("3px", "solid", tokens.colorBrandStroke1),
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  avatar: { gridRow: "1 / span 3", alignSelf: "start", marginTop: "2px" },
  sender: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  unread: { fontWeight: tokens.fontWeightSemibold },
  time: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  subjectLine: {
    gridColumn: "2 / span 2",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  unreadSubject: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  preview: {
    gridColumn: "2 / span 2",
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

/** How a click or key extends the selection: a fresh one, one message toggled, or a range. */
export type SelectMode = "single" | "toggle" | "range";

export interface MessageListProps {
  messages: DemoMessage[];
  /** The focused message (the one the reading pane shows). */
  selectedId: string | null;
  /** Every selected message (just the focused one unless several are). */
  selectedIds: ReadonlySet<string>;
  readIds: ReadonlySet<string>;
  now: Date;
  onSelect: (id: string | null, mode?: SelectMode) => void;
}

function modeOf(event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): SelectMode {
  if (event.shiftKey) return "range";
  return event.ctrlKey || event.metaKey ? "toggle" : "single";
}

export function MessageList({ messages, selectedId, selectedIds, readIds, now, onSelect }: MessageListProps) {
  const styles = useStyles();
  const itemRefs = useRef(new Map<string, HTMLDivElement>());
  const focusIndex = Math.max(
    0,
    messages.findIndex((message) => message.id === selectedId),
  );

  const selectAt = (index: number, mode: SelectMode = "single") => {
    const message = messages[Math.min(messages.length - 1, Math.max(0, index))];
    if (!message) return;
    onSelect(message.id, mode);
    itemRefs.current.get(message.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: messages.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      selectAt(target, event.shiftKey ? "range" : "single");
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      selectAt(index, modeOf(event));
    } else if (event.key === "Escape") {
      onSelect(null);
    }
  };

  return (
    <nav className={styles.root} aria-label="Inbox">
      <div className={styles.header}>
        <Text as="h2" size={400} weight="semibold">
          Inbox
        </Text>
        <Button
          appearance="subtle"
          size="small"
          icon={<DismissSquareMultiple20Regular />}
          onClick={() => onSelect(null)}
          disabled={selectedIds.size === 0}
        >
          Select nothing
        </Button>
      </div>
      <div className={styles.list} role="listbox" aria-label="Messages" aria-multiselectable>
        {messages.map((message, index) => {
          const selected = selectedIds.has(message.id);
          const unread = message.unread && !readIds.has(message.id);
          return (
            <div
              key={message.id}
              ref={(element) => {
                if (element) itemRefs.current.set(message.id, element);
                else itemRefs.current.delete(message.id);
              }}
              role="option"
              aria-selected={selected}
              data-message-id={message.id}
              tabIndex={index === focusIndex ? 0 : -1}
              className={mergeClasses(styles.item, selected && styles.selected)}
              onClick={(event) => selectAt(index, modeOf(event))}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <Avatar
                className={styles.avatar}
                name={message.fromName}
                size={32}
                color="colorful"
                aria-hidden
              />
              <Text className={mergeClasses(styles.sender, unread && styles.unread)}>
                <bdi>{message.fromName}</bdi>
              </Text>
              <Text size={200} className={styles.time}>
                {formatListTime(message.receivedAt, now)}
              </Text>
              <Text size={200} className={mergeClasses(styles.subjectLine, unread && styles.unreadSubject)}>
                {message.item.itemType === "appointment" && <CalendarLtr16Regular aria-label="Meeting" />}
                {message.subject}
              </Text>
              <Text size={200} className={styles.preview}>
                {message.preview}
              </Text>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
