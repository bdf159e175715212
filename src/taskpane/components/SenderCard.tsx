/**
 * Who sent the message: name, address (Unicode form), the company the pane guesses,
 * on-behalf-of when it applies, look-alike warnings, and the verdict slot. Everything on it is
 * known when the verdict is (the company line keeps its place until the guess), so it never
 * moves after the verdict; the sender check, which comes later, is shown below the primary action.
 */
import {
  Avatar,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { JSX } from "react";
import type { SenderAnalysis } from "../../contacts/types";
import { senderWarning, strings } from "../strings";
import { VerdictBadge, type VerdictKind } from "./VerdictBadge";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  identity: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    alignItems: "center",
  },
  lines: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { margin: 0, overflowWrap: "anywhere" },
  address: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  company: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  onBehalf: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface SenderCardProps {
  analysis: SenderAnalysis;
  /**
   * The company line: the contact's company, the guess, "No company guessed", or null for
   * no line; undefined while the guess is being made (the line's place is kept, empty).
   */
  company: string | null | undefined;
  verdict: VerdictKind;
  /** The region's name when not "Sender" (a proposal's proposed person, below the proposer's card). */
  label?: string;
}

export function SenderCard({ analysis, company, verdict, label }: SenderCardProps): JSX.Element {
  const styles = useStyles();
  const address = analysis.address?.displayAddress ?? "";
  const name = analysis.displayName || address || strings.sender.unknownName;
  const onBehalfOf = analysis.onBehalfOf;
  return (
    <section className={styles.root} aria-label={label ?? strings.sender.regionLabel}>
      <div className={styles.identity}>
        <Avatar name={name} color="colorful" size={40} aria-hidden />
        <div className={styles.lines}>
          <Text as="h2" weight="semibold" size={400} className={styles.name}>
            {name}
          </Text>
          {address && address !== name ? (
            <Text size={200} className={styles.address}>
              {address}
            </Text>
          ) : null}
          {company ? (
            <Text size={200} className={styles.company}>
              {company}
            </Text>
          ) : company === undefined ? (
            <Text size={200} className={styles.company} aria-hidden>
              {"\u00a0"}
            </Text>
          ) : null}
        </div>
      </div>
      {onBehalfOf ? (
        <Text size={200} className={styles.onBehalf}>
          {strings.sender.onBehalfOf(onBehalfOf.displayName || onBehalfOf.address, name)}
        </Text>
      ) : null}
      {analysis.warnings.map((warning) => (
        <MessageBar key={warning.code} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.sender.warningTitle}</MessageBarTitle>
            {senderWarning(warning)}
          </MessageBarBody>
        </MessageBar>
      ))}
      <VerdictBadge kind={verdict} />
    </section>
  );
}
