/**
 * A list of people with their verdicts, for adding several at once: everyone on a message or
 * meeting here, the senders of a selection and the suggestions elsewhere (they pass their own
 * view). External people get a checkbox; internal, automated and unusable ones are greyed with
 * the reason. One "Add N" runs the batch; each row then shows its own progress and result, and
 * a failed row is finished or retried on its own. Without write access: verdicts only.
 */
import {
  Badge,
  Button,
  Checkbox,
  makeStyles,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type JSX } from "react";
import { isAddable, type PersonCandidate, type PersonReason, type PersonSource } from "../../contacts/people";
import { isRetryable } from "../../contacts/retry-policy";
import { batchSummarySentence, peopleSentences } from "../locales/people-sentences";
import { addressProblem, errorMessage, strings } from "../strings";
import {
  createMayHaveHappenedForRow,
  isSelectable,
  riskyRows,
  selectedRows,
  type PeopleListView,
  type PeopleRow,
} from "../state/people-list-state";

import { riskSentence } from "./TrustLine";
import { UntitledMessageBar } from "./UntitledMessageBar";

export interface PeopleListProps {
  view: PeopleListView;
  /** Ticks or unticks one person (by PersonCandidate.key). */
  onToggle(key: string, selected: boolean): void;
  /** Ticks every external person that may be added (not those the trust guard flagged), or none. */
  onSelectAllExternal(selected: boolean): void;
  /** "Add N": `confirmed` once the person saw the flagged rows named and chose to add anyway. */
  onAdd(confirmed: boolean): void;
  /** Finish (after create) or Try again (before) one failed row, without touching the others. */
  onRetryRow(key: string): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  row: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "start",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  person: { display: "flex", flexDirection: "column", minWidth: 0, gap: tokens.spacingVerticalXXS },
  name: { overflowWrap: "anywhere" },
  address: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  greyed: { color: tokens.colorNeutralForeground3 },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  badge: { maxWidth: "100%", height: "auto", minHeight: "20px", whiteSpace: "normal" },
  spacer: { width: "32px" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  risks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function PeopleList({ view, onToggle, onSelectAllExternal, onAdd, onRetryRow }: PeopleListProps) {
  const styles = useStyles();
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const selected = selectedRows(view);
  const risky = riskyRows(view);
  const selectable = view.rows.filter(isSelectable);
  const allSelected = selectable.length > 0 && selectable.every((row) => row.selected);
  const someSelected = selectable.some((row) => row.selected);
  const controls = view.writeAllowed;

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="people-list">
      <Text as="h2" size={400} weight="semibold" id={headingId} className={styles.heading}>
        {heading(view)}
      </Text>
      {!view.writeAllowed && (
        <UntitledMessageBar intent="info" layout="multiline">
          <MessageBarBody>{peopleSentences().people.readOnly}</MessageBarBody>
        </UntitledMessageBar>
      )}
      {view.rows.length === 0 && <Text>{peopleSentences().people.empty}</Text>}
      {controls && selectable.length > 1 && (
        <Checkbox
          label={peopleSentences().people.selectAll}
          checked={allSelected ? true : someSelected ? "mixed" : false}
          disabled={view.adding}
          onChange={(_event, data) => onSelectAllExternal(data.checked === true)}
        />
      )}
      <ul className={styles.list}>
        {view.rows.map((row) => (
          <PersonRow
            key={row.candidate.key}
            row={row}
            controls={controls}
            busy={view.adding}
            onToggle={onToggle}
            onRetryRow={onRetryRow}
          />
        ))}
      </ul>
      {controls && (
        <AddControls
          count={selected.length}
          risky={risky}
          adding={view.adding}
          asking={asking}
          setAsking={setAsking}
          onAdd={onAdd}
        />
      )}
      {view.summary && (
        <UntitledMessageBar intent={view.summary.failed > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>{batchSummarySentence(view.summary)}</MessageBarBody>
        </UntitledMessageBar>
      )}
    </section>
  );
}

function heading(view: PeopleListView): string {
  const source = view.source;
  switch (source.kind) {
    case "message":
      return peopleSentences().people.heading.message;
    case "meeting":
      return peopleSentences().people.heading.meeting;
    case "selection":
      return peopleSentences().people.heading.selection(source.messages);
    case "suggestions":
      return peopleSentences().people.heading.suggestions;
  }
}

function AddControls({
  count,
  risky,
  adding,
  asking,
  setAsking,
  onAdd,
}: {
  count: number;
  risky: readonly PeopleRow[];
  adding: boolean;
  asking: boolean;
  setAsking(asking: boolean): void;
  onAdd(confirmed: boolean): void;
}): JSX.Element {
  const styles = useStyles();
  const titleId = useId();
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (asking && risky.length > 0) {
    return (
      <div
        ref={confirmRef}
        className={styles.confirm}
        role="alertdialog"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <Text as="h3" weight="semibold" id={titleId}>
          {peopleSentences().people.confirmTitle(risky.length)}
        </Text>
        <Text size={200}>{peopleSentences().people.confirmIntro}</Text>
        <ul className={styles.risks}>
          {risky.flatMap((row) =>
            row.trust.kind === "ready"
              ? row.trust.risks.map((risk) => {
                  const sentence = riskSentence(risk, row.candidate.address?.displayDomain ?? "");
                  return (
                    <li key={`${row.candidate.key} ${sentence}`}>
                      <Text size={200}>
                        {label(row.candidate)}: {sentence}
                      </Text>
                    </li>
                  );
                })
              : [],
          )}
        </ul>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => {
              setAsking(false);
              onAdd(true);
            }}
          >
            {peopleSentences().people.confirmAdd}
          </Button>
          <Button onClick={() => setAsking(false)}>{peopleSentences().people.cancel}</Button>
        </div>
      </div>
    );
  }
  return (
    <Button
      appearance={risky.length > 0 ? "secondary" : "primary"}
      disabled={count === 0 || adding}
      onClick={() => (risky.length > 0 ? setAsking(true) : onAdd(false))}
    >
      {risky.length > 0 ? peopleSentences().people.addAnyway(count) : peopleSentences().people.add(count)}
    </Button>
  );
}

function label(candidate: PersonCandidate): string {
  return candidate.displayName || candidate.address?.displayAddress || candidate.rawAddress;
}

function PersonRow({
  row,
  controls,
  busy,
  onToggle,
  onRetryRow,
}: {
  row: PeopleRow;
  controls: boolean;
  busy: boolean;
  onToggle(key: string, selected: boolean): void;
  onRetryRow(key: string): void;
}): JSX.Element {
  const styles = useStyles();
  const { candidate } = row;
  const addable = isAddable(candidate);
  const shownAddress = candidate.address?.displayAddress ?? candidate.rawAddress;
  const nameId = useId();
  return (
    <li className={styles.row} data-person={candidate.key}>
      {controls && isSelectable(row) ? (
        <Checkbox
          checked={row.selected}
          disabled={busy}
          aria-labelledby={nameId}
          onChange={(_event, data) => onToggle(candidate.key, data.checked === true)}
        />
      ) : (
        <span className={styles.spacer} aria-hidden="true" />
      )}
      <div className={styles.person}>
        <Text id={nameId} weight="semibold" className={addable ? styles.name : styles.greyed}>
          {candidate.displayName || shownAddress || strings.sender.unknownName}
        </Text>
        {candidate.displayName !== "" && shownAddress !== "" && (
          <Text size={200} className={addable ? styles.address : styles.greyed}>
            {shownAddress}
          </Text>
        )}
        <div className={styles.meta}>
          <Text size={200} className={styles.greyed}>
            {candidate.sources.map(sourceLabel).join(", ")}
          </Text>
          <RowStatus row={row} />
        </div>
        {!addable && (
          <Text size={200} className={styles.greyed}>
            {reasonSentence(candidate.classification.reason)}
          </Text>
        )}
        <RowOutcome row={row} controls={controls} onRetryRow={onRetryRow} />
      </div>
    </li>
  );
}

/** "Frequent sender: 14 messages, last 28 Nov 2026": where a person was found, and how often when counted. */
function sourceLabel(source: PersonSource): string {
  const counted = [
    ...(source.count !== undefined ? [peopleSentences().people.messages(source.count)] : []),
    ...(source.lastDate ? [peopleSentences().people.lastDate(shortDate(source.lastDate))] : []),
  ];
  const place = peopleSentences().people.source[source.kind];
  return counted.length === 0 ? place : `${place}: ${counted.join(", ")}`;
}

function shortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ""
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}

function RowStatus({ row }: { row: PeopleRow }): JSX.Element | null {
  const styles = useStyles();
  const addition = row.addition;
  if (addition?.phase === "queued") return <Text size={200}>{peopleSentences().people.queued}</Text>;
  if (addition?.phase === "running")
    return <Spinner size="extra-tiny" label={peopleSentences().people.running} labelPosition="after" />;
  if (addition?.phase === "done")
    return (
      <Badge className={styles.badge} appearance="tint" color="success">
        {addition.alreadyExisted ? peopleSentences().people.alreadyThere : peopleSentences().people.added}
      </Badge>
    );
  if (addition?.phase === "failed")
    return (
      <Badge className={styles.badge} appearance="tint" color="danger">
        {peopleSentences().people.failed}
      </Badge>
    );
  switch (row.verdict.kind) {
    case "not-applicable":
      return (
        <Badge className={styles.badge} appearance="outline" color="informative">
          {kindLabel(row)}
        </Badge>
      );
    case "checking":
      return <Spinner size="extra-tiny" label={strings.verdict.checking} labelPosition="after" />;
    case "exists":
      return (
        <Badge className={styles.badge} appearance="tint" color="success">
          {strings.verdict.exists}
        </Badge>
      );
    case "missing":
      if (row.verdict.holder)
        return (
          <Badge className={styles.badge} appearance="tint" color="warning">
            {strings.verdict.heldByOther}
          </Badge>
        );
      return (
        <Badge className={styles.badge} appearance="tint" color="brand">
          {strings.verdict.missing}
        </Badge>
      );
    case "unknown":
      return (
        <Badge className={styles.badge} appearance="tint" color="warning">
          {strings.verdict.unknown}
        </Badge>
      );
  }
}

function kindLabel(row: PeopleRow): string {
  if (row.candidate.classification.reason.code === "yourself") return peopleSentences().people.you;
  switch (row.candidate.classification.kind) {
    case "internal":
      return strings.verdict.internal;
    case "automated":
      return strings.verdict.automated;
    default:
      return strings.verdict.unusable;
  }
}

function RowOutcome({
  row,
  controls,
  onRetryRow,
}: {
  row: PeopleRow;
  controls: boolean;
  onRetryRow(key: string): void;
}): JSX.Element | null {
  const styles = useStyles();
  const addition = row.addition;
  if (addition?.phase === "failed") {
    const finish = createMayHaveHappenedForRow(addition);
    const refused =
      !finish &&
      (addition.error.kind === "forbidden" ||
        (addition.error.kind === "conflict" && addition.error.reason === "address-held-by"));
    return (
      <div className={styles.person}>
        <Text size={200}>{errorMessage(addition.error)}</Text>
        {controls && !refused && (
          <div className={styles.actions}>
            <Button size="small" onClick={() => onRetryRow(row.candidate.key)}>
              {finish ? peopleSentences().people.finish : peopleSentences().people.retry}
            </Button>
          </div>
        )}
      </div>
    );
  }
  if (row.verdict.kind === "missing" && row.verdict.holder) {
    const { holder } = row.verdict;
    return (
      <Text size={200}>
        {strings.errors.addressHeldBy(holder.name, strings.errors.recipientKinds[holder.kind])}
      </Text>
    );
  }
  if (row.verdict.kind === "unknown" && !isRetryable(row.verdict.error))
    return <Text size={200}>{errorMessage(row.verdict.error)}</Text>;
  if (row.trust.kind === "ready" && row.trust.decision === "blocked" && row.verdict.kind === "missing")
    return <Text size={200}>{peopleSentences().people.trustBlocked}</Text>;
  if (row.trust.kind === "unavailable" && row.verdict.kind === "missing")
    return <Text size={200}>{peopleSentences().people.trustUnavailable}</Text>;
  return null;
}

/** The greyed row's sentence, chosen from its reason code. */
export function reasonSentence(reason: PersonReason): string {
  const text = peopleSentences().people.reason;
  switch (reason.code) {
    case "external":
      return "";
    case "yourself":
      return text.yourself;
    case "internal-domain":
      return text["internal-domain"](reason.domain);
    case "automated":
      return text.automated[reason.category];
    case "group":
      return text.group;
    case "no-address":
      return text["no-address"];
    case "exchange-identifier":
      return text["exchange-identifier"];
    case "invalid-address":
      return text["invalid-address"](reason.problem ? addressProblem(reason.problem) : "");
  }
}
