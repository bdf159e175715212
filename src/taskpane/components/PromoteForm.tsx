/**
 * The offer to add a sender: one primary button that creates the contact with what is
 * shown, and an "Edit details" disclosure with the prefilled fields, validated as typed.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  Switch,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { PersonAdd20Regular } from "@fluentui/react-icons";
import type { JSX } from "react";
import { EXCHANGE_LIMITS } from "../../contacts/exchange-rules";
import type { ContactDraft, DraftField, DraftFieldError } from "../../contacts/types";
import { strings } from "../strings";
import { MAIL_TIP_ROWS, mailTipLength } from "./mail-tip-length";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  notes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  names: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalM,
  },
  // Fluent inputs have an intrinsic minimum width; in a 320 px pane they must shrink to their column.
  input: { minWidth: 0, width: "100%" },
  // Aligns the disclosure's text with the fields below it.
  headerButton: { paddingLeft: 0, paddingRight: 0 },
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  panel: { marginInline: 0, paddingBlockEnd: tokens.spacingVerticalS },
  add: { width: "100%" },
  formError: { color: tokens.colorPaletteRedForeground1 },
});

export type EditableDraftField = Exclude<DraftField, "address" | "name">;

export interface PromoteFormProps {
  draft: ContactDraft;
  errors: readonly DraftFieldError[];
  detailsOpen: boolean;
  /** True once the contact may exist: the values are those it was created with. */
  readOnly: boolean;
  /** Hide the "Add" button (the progress view offers Finish instead). */
  showAddButton: boolean;
  busy: boolean;
  onToggleDetails(open: boolean): void;
  onChange(changes: Partial<Pick<ContactDraft, EditableDraftField>>): void;
  onAdd(): void;
}

const DETAILS = "details";

export function PromoteForm(props: PromoteFormProps): JSX.Element {
  const { draft, errors, detailsOpen, readOnly, showAddButton, busy, onToggleDetails, onChange, onAdd } =
    props;
  const styles = useStyles();
  const errorFor = (...fields: DraftField[]) =>
    errors
      .filter((error) => fields.includes(error.field))
      .map((error) => error.message)
      .join(" ") || undefined;
  const textField = (field: "displayName" | "firstName" | "lastName" | "company", label: string) => {
    const message = field === "displayName" ? errorFor("displayName", "name") : errorFor(field);
    return (
      <Field
        className={styles.field}
        label={label}
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
  const addressMessage = errorFor("address");
  return (
    <div className={styles.root}>
      {draft.notes.length > 0 ? (
        <ul className={styles.notes} aria-label={strings.promote.notesLabel}>
          {draft.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {showAddButton ? (
        <Button
          appearance="primary"
          className={styles.add}
          icon={<PersonAdd20Regular />}
          onClick={onAdd}
          disabled={busy || addressMessage !== undefined}
        >
          {strings.promote.add}
        </Button>
      ) : null}
      {addressMessage ? (
        <Text size={200} className={styles.formError}>
          {addressMessage}
        </Text>
      ) : null}
      {errors.length > 0 && !detailsOpen ? (
        <Text size={200} className={styles.formError} role="alert">
          {strings.promote.fixErrors}
        </Text>
      ) : null}
      <Accordion
        collapsible
        openItems={detailsOpen ? [DETAILS] : []}
        onToggle={(_, data) => onToggleDetails(data.openItems.includes(DETAILS))}
      >
        <AccordionItem value={DETAILS}>
          <AccordionHeader expandIconPosition="end" button={{ className: styles.headerButton }}>
            {strings.promote.editDetails}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
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
                disabled={readOnly}
                onChange={(_, data) => onChange({ hiddenFromAddressLists: data.checked })}
              />
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
