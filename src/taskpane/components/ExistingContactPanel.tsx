/**
 * A contact that is already in the address book: its name, company, mail tip (editable
 * in place) and visibility (a switch), and a link to it in the Exchange admin center.
 * A contact mastered on-premises is shown read-only, with the reason.
 */
import {
  Button,
  Link,
  makeStyles,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Delete16Regular, Edit16Regular, Open16Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type JSX } from "react";
import type { MailContact } from "../../contacts/directory";
import { mailTipProblem } from "../../contacts/draft-rules";
import type { EditView } from "../state/pane-state";
import { strings } from "../strings";
import { AfterClickView } from "./AfterClickView";
import { ErrorBar } from "./ErrorBar";
import { UntitledMessageBar } from "./UntitledMessageBar";
import { visuallyHidden } from "./visually-hidden";

/** How long Undo stays offered after Clear. */
export const UNDO_CLEAR_MS = 8_000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  success: { outlineStyle: "none" },
  facts: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground2 },
  value: { overflowWrap: "anywhere" },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  // Edit / Clear sit under the mail tip: a little air so they read as acting on it, not as part of it.
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  link: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  // The icon says the same to sighted people.
  visuallyHidden,
});

export interface ExistingContactPanelProps {
  contact: MailContact;
  edit: EditView;
  /** False when the account may not change contacts: no Edit, Clear or visibility switch. */
  canChange: boolean;
  /** Set right after this pane added the contact. */
  justAdded: { alreadyExisted: boolean } | null;
  /**
   * Move keyboard focus to the success message: only right after a click in this view
   * (never on a message switch, which would pull focus out of Outlook's message list).
   */
  focusOnMount: boolean;
  onSaveMailTip(mailTip: string): Promise<boolean>;
  onSetShown(shown: boolean): void;
  onRetry(): void;
  onSignIn(): void;
}

export function ExistingContactPanel(props: ExistingContactPanelProps): JSX.Element {
  const { contact, edit, canChange, justAdded, focusOnMount, onSaveMailTip, onSetShown, onRetry, onSignIn } =
    props;
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(contact.mailTip);
  const successRef = useRef<HTMLDivElement>(null);
  const readOnly = contact.dirSynced || !canChange;
  const saving = edit.saving !== null;

  useEffect(() => {
    // The Add button the person clicked is gone: the success message takes the focus.
    if (focusOnMount) successRef.current?.focus();
  }, [focusOnMount]);

  // The editor closes when a mail tip save succeeds, whether from Save or from the error bar's Try again.
  const savingMailTip = useRef(false);
  useEffect(() => {
    if (edit.saving === "mail-tip") {
      savingMailTip.current = true;
    } else if (savingMailTip.current) {
      savingMailTip.current = false;
      if (!edit.failure) setEditing(false);
    }
  }, [edit.saving, edit.failure]);

  const found = editing ? mailTipProblem(text.trim()) : null;
  const problem =
    found === null
      ? null
      : found.reason === "too-long"
        ? strings.errors.mailTipTooLong(found.limit, found.length)
        : strings.errors.mailTipInvisible;
  const save = (value: string) => void onSaveMailTip(value);
  // Clear deletes in one click: the previous text can be put back for a few seconds.
  const [cleared, setCleared] = useState<string | null>(null);
  useEffect(() => {
    if (cleared === null) return;
    const timer = setTimeout(() => setCleared(null), UNDO_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [cleared]);
  const clear = async () => {
    const previous = contact.mailTip;
    if (await onSaveMailTip("")) setCleared(previous);
  };
  const undoClear = async () => {
    const previous = cleared;
    setCleared(null);
    if (previous !== null) await onSaveMailTip(previous);
  };

  return (
    <section className={styles.root} aria-label={strings.existing.regionLabel}>
      {justAdded ? (
        <div ref={successRef} tabIndex={-1} className={styles.success}>
          <UntitledMessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {justAdded.alreadyExisted ? strings.progress.alreadyExisted : strings.progress.added}
            </MessageBarBody>
          </UntitledMessageBar>
        </div>
      ) : null}

      <div className={styles.facts}>
        <Text weight="semibold" className={styles.value}>
          {strings.verdict.existsAs(contact.displayName || contact.name)}
        </Text>
        {contact.company ? (
          <Text size={200} className={styles.value}>
            {strings.existing.company}: {contact.company}
          </Text>
        ) : null}
      </div>

      {contact.dirSynced ? (
        <UntitledMessageBar intent="info" layout="multiline">
          <MessageBarBody>{strings.existing.dirSynced}</MessageBarBody>
        </UntitledMessageBar>
      ) : null}

      {editing ? (
        <AfterClickView>
          {({ MailTipEditor }) => (
            <MailTipEditor
              text={text}
              problem={problem}
              saving={edit.saving}
              onTextChange={setText}
              onSave={() => save(text)}
              onCancel={() => setEditing(false)}
            />
          )}
        </AfterClickView>
      ) : (
        <div className={styles.facts}>
          <Text size={200} className={styles.label}>
            {strings.existing.mailTip}
          </Text>
          {contact.mailTip ? (
            <Text className={styles.value} dir="auto">
              {contact.mailTip}
            </Text>
          ) : (
            <Text className={styles.empty}>{strings.existing.noMailTip}</Text>
          )}
          {readOnly ? null : (
            <div className={styles.buttons}>
              <Button
                size="small"
                icon={<Edit16Regular />}
                aria-label={strings.existing.editMailTip}
                disabled={saving}
                onClick={() => {
                  setText(contact.mailTip);
                  setEditing(true);
                }}
              >
                {strings.existing.edit}
              </Button>
              {contact.mailTip ? (
                <Button
                  size="small"
                  icon={edit.saving === "mail-tip" ? <Spinner size="extra-tiny" /> : <Delete16Regular />}
                  aria-label={strings.existing.clearMailTip}
                  disabled={saving}
                  onClick={() => void clear()}
                >
                  {strings.existing.clear}
                </Button>
              ) : null}
            </div>
          )}
        </div>
      )}

      {canChange ? (
        <Switch
          label={strings.existing.shownInAddressBook}
          checked={!contact.hiddenFromAddressLists}
          // Fluent's switch is a native checkbox with role="switch": its state is the checked property,
          // which checkers that require aria-checked for that role do not read (see docs/pane.md).
          aria-checked={!contact.hiddenFromAddressLists}
          disabled={readOnly || saving}
          onChange={(_, data) => onSetShown(data.checked)}
        />
      ) : null}

      {cleared !== null ? (
        <UntitledMessageBar intent="info" layout="multiline">
          <MessageBarBody>{strings.existing.mailTipCleared}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void undoClear()}>
              {strings.existing.undo}
            </Button>
          </MessageBarActions>
        </UntitledMessageBar>
      ) : null}

      {edit.failure ? (
        <ErrorBar
          failure={edit.failure}
          title={strings.errors.whileSaving}
          onRetry={onRetry}
          onSignIn={onSignIn}
        />
      ) : null}

      {contact.adminCenterUrl ? (
        <Link href={contact.adminCenterUrl} target="_blank" rel="noopener noreferrer" className={styles.link}>
          {strings.existing.openInAdminCenter}
          <Open16Regular aria-hidden />
          <span className={styles.visuallyHidden}>{strings.existing.opensInNewWindow}</span>
        </Link>
      ) : null}
    </section>
  );
}
