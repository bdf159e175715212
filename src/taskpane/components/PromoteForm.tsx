/**
 * The offer to add a sender: one primary button right below the verdict, then (once the
 * pane has settled) the sender check's line, what one click creates (the prefilled mail tip,
 * and "hidden from the address book" when chosen; the company is on the sender card), and an
 * "Edit details" disclosure with the prefilled fields, validated as typed (the fields come
 * from the after-click chunk).
 *
 * The button comes with the verdict, disabled until the pane has settled: nothing can be sent
 * before there is a draft (its workflow is a chunk of its own), and nobody clicks Add before
 * the sender check and what one click writes are on screen. What they bring is placed below
 * it, so its arrival moves nothing on screen.
 */
import {
  Button,
  makeStyles,
  MessageBarActions,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ChevronDown20Regular, ChevronUp20Regular } from "@fluentui/react-icons";
import { useId, type JSX, type ReactNode } from "react";
import { typedMailTipText } from "../../contacts/mail-tip";
import type { ContactDraft, DisplayNameCaution, DraftField, DraftFieldError } from "../../contacts/types";
import { draftNote, fieldProblem, strings } from "../strings";
import type { TrustView } from "../state/sender-trust-tracker";
import { AfterClickView } from "./AfterClickView";
import { GuardedAddButton } from "./GuardedAddButton";
import type { EditableDraftField } from "./DraftEditor";
import { UntitledMessageBar } from "./UntitledMessageBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  notes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cautions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  summary: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalXXS },
  summaryLabel: { color: tokens.colorNeutralForeground2 },
  summaryValue: { overflowWrap: "anywhere", whiteSpace: "pre-line" },
  formError: { color: tokens.colorPaletteRedForeground1 },
  // A full-width disclosure, its text lined up with the fields below and the chevron at the end.
  disclosure: {
    justifyContent: "space-between",
    width: "100%",
    paddingInline: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  panel: { paddingBlockEnd: tokens.spacingVerticalS },
});

export type { EditableDraftField } from "./DraftEditor";

export interface PromoteFormProps {
  /** Null while the draft is being prefilled: the form keeps its place, nothing can be sent. */
  draft: ContactDraft | null;
  errors: readonly DraftFieldError[];
  detailsOpen: boolean;
  /** True once the contact may exist: the values are those it was created with. */
  readOnly: boolean;
  /** Hide the "Add" button (the progress view offers Finish instead). */
  showAddButton: boolean;
  busy: boolean;
  /** The draft could not be prefilled (its chunk did not download): offer Try again. */
  prefillFailed?: boolean;
  onRetryPrefill?(): void;
  onToggleDetails(open: boolean): void;
  onChange(changes: Partial<Pick<ContactDraft, EditableDraftField>>): void;
  /** The sender check for the message on screen: decides between one click, "Add anyway…" and none. */
  trust: TrustView;
  /** The sender's domain as shown, for naming the risk. */
  domain: string;
  /** `confirmed`: the person accepted the risks the guard named. */
  onAdd(confirmed: boolean): void;
  /** The Add button's words when not "Add to address book" (a proposal's Approve). */
  addLabel?: string;
  /** The sender analysis' cautions about the display name: known with the verdict, shown above Add. */
  cautions?: readonly DisplayNameCaution[] | undefined;
  /** False until the draft and the sender check have arrived: only the cautions and Add are shown. */
  settled?: boolean;
  /** The sender check's line, right below Add. */
  trustLine?: ReactNode;
}

export function PromoteForm(props: PromoteFormProps): JSX.Element {
  const { draft, errors, detailsOpen, readOnly, showAddButton, busy, onToggleDetails, onChange, onAdd } =
    props;
  const styles = useStyles();
  const panelId = useId();
  const addressMessage = errors
    .filter((error) => error.field === ("address" satisfies DraftField))
    .map(fieldProblem)
    .join(" ");
  const open = detailsOpen && draft !== null;
  const cautions = props.cautions ?? [];
  return (
    // Busy until the sender check and what one click writes have arrived below Add.
    <div className={styles.root} aria-busy={props.settled === false || undefined}>
      {cautions.length > 0 ? (
        <UntitledMessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ul className={styles.cautions} aria-label={strings.promote.cautionsLabel}>
              {cautions.map((caution) => (
                <li key={`${caution.kind}`}>{strings.promote.caution(caution)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </UntitledMessageBar>
      ) : null}
      {showAddButton ? (
        <GuardedAddButton
          trust={props.trust}
          domain={props.domain}
          onAdd={onAdd}
          {...(props.addLabel ? { label: props.addLabel } : {})}
          disabled={draft === null || props.settled === false || busy || addressMessage !== ""}
        />
      ) : null}
      {props.settled === false ? null : (
        <>
          {addressMessage ? (
            <Text size={200} className={styles.formError}>
              {addressMessage}
            </Text>
          ) : null}
          {errors.length > 0 && !open ? (
            <Text size={200} className={styles.formError} role="alert">
              {strings.promote.fixErrors}
            </Text>
          ) : null}
          {props.trustLine}
          {open || draft === null ? null : <DraftSummary draft={draft} />}
          {draft && draft.notes.length > 0 ? (
            <ul className={styles.notes} aria-label={strings.promote.notesLabel}>
              {draft.notes.map((note, index) => (
                <li key={`${note.code}-${index}`}>{draftNote(note)}</li>
              ))}
            </ul>
          ) : null}
          {draft === null && props.prefillFailed ? (
            <UntitledMessageBar intent="error" layout="multiline">
              <MessageBarBody>{strings.promote.prefillFailed}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={props.onRetryPrefill}>
                  {strings.errors.tryAgain}
                </Button>
              </MessageBarActions>
            </UntitledMessageBar>
          ) : null}
          <div>
            <Button
              appearance="transparent"
              className={styles.disclosure}
              icon={open ? <ChevronUp20Regular /> : <ChevronDown20Regular />}
              iconPosition="after"
              aria-expanded={open}
              aria-controls={open ? panelId : undefined}
              disabled={draft === null}
              onClick={() => onToggleDetails(!open)}
            >
              {strings.promote.editDetails}
            </Button>
            {open ? (
              <div id={panelId} className={styles.panel}>
                <AfterClickView>
                  {({ DraftEditor }) => (
                    <DraftEditor draft={draft} errors={errors} readOnly={readOnly} onChange={onChange} />
                  )}
                </AfterClickView>
              </div>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}

/** What one click creates, besides the sender card's name and company: the mail tip and, when chosen, hidden. */
function DraftSummary({ draft }: { draft: ContactDraft }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.summary}>
      <Text size={200} className={styles.summaryLabel}>
        {strings.promote.mailTip}
      </Text>
      {/* The tip is data in its own language: its direction is its own, not the pane's. */}
      <Text className={styles.summaryValue} dir="auto">
        {typedMailTipText(draft.mailTip) || strings.promote.noMailTip}
      </Text>
      {draft.hiddenFromAddressLists ? (
        <Text size={200} className={styles.summaryLabel}>
          {strings.promote.hiddenSummary}
        </Text>
      ) : null}
    </div>
  );
}
