/**
 * The mail tip's length as the validation counts it and as the person sees it: displayed
 * characters of the plain text that will be sent, not UTF-16 units.
 */
import { displayedLength, mailTipToPlainText } from "../../contacts/mail-tip";

export function mailTipLength(text: string): number {
  return displayedLength(mailTipToPlainText(text));
}

/** Rows of a mail tip editor: most tips fit without scrolling in a 320 px pane; the field can be made taller. */
export const MAIL_TIP_ROWS = 5;
