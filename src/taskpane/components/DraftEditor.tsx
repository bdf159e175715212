/**
 * The fields behind "Edit details": display, first and last name, company, mail tip with
 * a live count, and hide from the address book, validated as typed. After-click chunk.
 */
import { Field, Input, makeStyles, Switch, Textarea, tokens } from "@fluentui/react-components";
import type { JSX } from "react";
import { EXCHANGE_LIMITS } from "../../contacts/exchange-rules";
import type { ContactDraft, DraftField, DraftFieldError } from "../../contacts/types";
import { fieldProblem, strings } from "../strings";
import { MAIL_TIP_ROWS, mailTipLength } from "./mail-tip-length";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  names: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalM,
  },
  // Fluent inputs have an intrinsic minimum width; in a 320 px pane they must shrink to their column.
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
});

export type EditableDraftField = Exclude<DraftField, "address" | "name">;

export interface DraftEditorProps {
  draft: ContactDraft;
  errors: readonly DraftFieldError[];
  /** True once the contact may exist: the values are those it was created with. */
  readOnly: boolean;
  onChange(changes: Partial<Pick<ContactDraft, EditableDraftField>>): void;
}

export function DraftEditor({ draft, errors, readOnly, onChange }: DraftEditorProps): JSX.Element {
  const styles = useStyles();
  const errorFor = (...fields: DraftField[]) =>
    errors
      .filter((error) => fields.includes(error.field))
      .map(fieldProblem)
      .join(" ") || undefined;
  const textField = (field: "displayName" | "firstName" | "lastName" | "company", label: string) => {
    const message = field === "displayName" ? errorFor("displayName", "name") : errorFor(field);
    return (
      <Field
        className={styles.field}
        label={label}
        hint={
          field === "company" && draft.companySource === "domain"
            ? strings.promote.companyGuessHint
            : undefined
        }
        validationMessage={message}
        validationState={message ? "error" : "none"}
      >
        <Input
          value={draft[field]}
          readOnly={readOnly}
          onChange={(_, data) => onChange({ [field]: data.value })}
        />
      </Field>
    );
  };
  const mailTipMessage = errorFor("mailTip");
  return (
    <div className={styles.fields}>
      {textField("displayName", strings.promote.displayName)}
      <div className={styles.names}>
        {textField("firstName", strings.promote.firstName)}
        {textField("lastName", strings.promote.lastName)}
      </div>
      {textField("company", strings.promote.company)}
      <Field
        label={strings.promote.mailTip}
        hint={`${strings.promote.mailTipHint} ${strings.promote.count(mailTipLength(draft.mailTip), EXCHANGE_LIMITS.mailTip)}`}
        validationMessage={mailTipMessage}
        validationState={mailTipMessage ? "error" : "none"}
      >
        <Textarea
          value={draft.mailTip}
          readOnly={readOnly}
          rows={MAIL_TIP_ROWS}
          resize="vertical"
          onChange={(_, data) => onChange({ mailTip: data.value })}
        />
      </Field>
      <Switch
        label={strings.promote.hidden}
        checked={draft.hiddenFromAddressLists}
        // As in ExistingContactPanel: the state as aria-checked too, for checkers that require it.
        aria-checked={draft.hiddenFromAddressLists}
        disabled={readOnly}
        onChange={(_, data) => onChange({ hiddenFromAddressLists: data.checked })}
      />
    </div>
  );
}
