/**
 * The Add button under the sender-trust guard: the primary one-click Add when nothing is
 * wrong; a secondary "Add anyway…" that first asks, naming each risk, when the sender failed
 * authentication or imitates a known domain or person; nothing but the reason when the
 * tenant's policy blocks the sender. While the check runs (milliseconds) Add looks as usual;
 * a click then waits in the controller for the check, which decides.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { PersonAdd20Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type JSX } from "react";
import type { TrustView } from "../state/sender-trust-tracker";
import { strings } from "../strings";
import { riskSentence } from "./TrustLine";

const useStyles = makeStyles({
  add: { width: "100%" },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  title: { margin: 0 },
  risks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface GuardedAddButtonProps {
  trust: TrustView;
  /** The sender's domain as shown (Unicode), for naming the risk. */
  domain: string;
  /** Not sendable yet for reasons of its own (no draft, busy, an invalid address). */
  disabled: boolean;
  /** `confirmed`: the person saw the risks and chose to add anyway. */
  onAdd(confirmed: boolean): void;
  /** The one-click button's words; default "Add to address book" (a proposal's is "Approve and add"). */
  label?: string;
}

export function GuardedAddButton({
  trust,
  domain,
  disabled,
  onAdd,
  label = strings.promote.add,
}: GuardedAddButtonProps): JSX.Element {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const decision = trust.kind === "ready" ? trust.decision : null;
  if (decision === "blocked") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{strings.trust.blocked}</MessageBarBody>
      </MessageBar>
    );
  }
  if (decision === "confirm" && trust.kind === "ready") {
    if (!asking) {
      return (
        <Button
          appearance="secondary"
          className={styles.add}
          disabled={disabled}
          onClick={() => setAsking(true)}
        >
          {strings.trust.addAnyway}
        </Button>
      );
    }
    return (
      <div
        ref={confirmRef}
        className={styles.confirm}
        role="alertdialog"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <Text as="h3" weight="semibold" id={titleId} className={styles.title}>
          {strings.trust.confirmTitle}
        </Text>
        <Text size={200}>{strings.trust.confirmIntro}</Text>
        <ul className={styles.risks}>
          {trust.risks.map((risk) => (
            <li key={riskSentence(risk, domain)}>
              <Text size={200}>{riskSentence(risk, domain)}</Text>
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={disabled}
            onClick={() => {
              setAsking(false);
              onAdd(true);
            }}
          >
            {strings.trust.confirmAdd}
          </Button>
          <Button onClick={() => setAsking(false)}>{strings.trust.cancel}</Button>
        </div>
      </div>
    );
  }
  // One click, also while the check runs (the controller waits for it); not when it could not load.
  return (
    <Button
      appearance="primary"
      className={styles.add}
      icon={<PersonAdd20Regular />}
      onClick={() => onAdd(false)}
      disabled={disabled || trust.kind === "unavailable" || trust.kind === "none"}
    >
      {label}
    </Button>
  );
}
