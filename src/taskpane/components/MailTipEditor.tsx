/**
 * Editing an existing contact's mail tip in place: the text with a live count and its
 * problem, Save and Cancel. After-click chunk (opened by the panel's Edit button).
 */
import { Button, Field, makeStyles, Spinner, Textarea, tokens } from "@fluentui/react-components";
import type { JSX } from "react";
import { EXCHANGE_LIMITS } from "../../contacts/exchange-rules";
import { strings } from "../strings";
import { MAIL_TIP_ROWS, mailTipLength } from "./mail-tip-length";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalXXS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface MailTipEditorProps {
  text: string;
  /** Why the text cannot be saved, or null. */
  problem: string | null;
  /** A change of this contact is being saved (`"mail-tip"`: this one). */
  saving: "mail-tip" | "visibility" | null;
  onTextChange(text: string): void;
  onSave(): void;
  onCancel(): void;
}

export function MailTipEditor(props: MailTipEditorProps): JSX.Element {
  const { text, problem, saving, onTextChange, onSave, onCancel } = props;
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field
        label={strings.existing.mailTip}
        hint={strings.promote.count(mailTipLength(text), EXCHANGE_LIMITS.mailTip)}
        validationMessage={problem ?? undefined}
        validationState={problem ? "error" : "none"}
      >
        <Textarea
          value={text}
          rows={MAIL_TIP_ROWS}
          resize="vertical"
          onChange={(_, data) => onTextChange(data.value)}
          autoFocus
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          size="small"
          disabled={saving !== null || problem !== null}
          icon={saving === "mail-tip" ? <Spinner size="extra-tiny" /> : undefined}
          onClick={onSave}
        >
          {saving === "mail-tip" ? strings.existing.saving : strings.existing.save}
        </Button>
        <Button size="small" disabled={saving !== null} onClick={onCancel}>
          {strings.existing.cancel}
        </Button>
      </div>
    </div>
  );
}
