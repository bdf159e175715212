/**
 * The add-in's task pane as Outlook on the web frames it: a header with the add-in's
 * name and the pin, and the real pane (the shipped build, Office.js swapped for the
 * stand-in) in an iframe.
 */
import { makeStyles, shorthands, Text, ToggleButton, Tooltip, tokens } from "@fluentui/react-components";
import { Pin20Filled, Pin20Regular } from "@fluentui/react-icons";
import { forwardRef } from "react";
import { TASKPANE_PATH } from "../demo-routes";
import type { PaneBridgeState } from "./pane-bridge";

/** Outlook's task pane width on the web. */
export const PANE_WIDTH_PX = 350;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    width: `${PANE_WIDTH_PX}px`,
    flexShrink: 0,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    ...shorthands.borderLeft(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderBottom(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  icon: { width: "20px", height: "20px" },
  title: { flexGrow: 1 },
  frame: {
    flexGrow: 1,
    width: "100%",
    ...shorthands.border("0"),
    backgroundColor: tokens.colorNeutralBackground1,
  },
  footer: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderTop(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
});

export interface AddinPaneProps {
  /**
   * The pane's URL, relative to the page (so the demo can be hosted under a path), carrying the
   * demo's backend and trust policy choices (taskpaneUrl in src/harness/demo-routes.ts).
   */
  src?: string;
  pinned: boolean;
  onPinnedChange: (pinned: boolean) => void;
  bridgeState: PaneBridgeState;
}

export const AddinPane = forwardRef<HTMLIFrameElement, AddinPaneProps>(function AddinPane(
  { src = `.${TASKPANE_PATH}`, pinned, onPinnedChange, bridgeState },
  frameRef,
) {
  const styles = useStyles();
  const listening = bridgeState.handlers.includes("olkItemSelectedChanged");
  return (
    <aside
      className={styles.root}
      aria-label="Add-in task pane"
      data-pane-loads={bridgeState.loads}
      data-pane-listening={listening}
    >
      <div className={styles.header}>
        <img className={styles.icon} src="assets/icon-32.png" alt="" />
        <Text weight="semibold" className={styles.title}>
          GAL Contact
        </Text>
        <Tooltip
          content={
            pinned
              ? "Pinned: the pane follows your selection"
              : "Not pinned: the pane reloads on each selection"
          }
          relationship="description"
        >
          <ToggleButton
            appearance="subtle"
            size="small"
            checked={pinned}
            icon={pinned ? <Pin20Filled /> : <Pin20Regular />}
            onClick={() => onPinnedChange(!pinned)}
          >
            Pin pane
          </ToggleButton>
        </Tooltip>
      </div>
      <iframe ref={frameRef} className={styles.frame} src={src} title="GAL Contact add-in" />
      <Text size={200} className={styles.footer} role="status">
        {pinned
          ? listening
            ? "Pinned: the pane follows the selection."
            : "Pinned: waiting for the pane to listen for item changes."
          : "Not pinned: the pane reloads on each selection."}
      </Text>
    </aside>
  );
});
