/**
 * The mail tip's length as the validation counts it and as the person sees it: displayed
 * characters of the plain text that will be sent, not UTF-16 units.
 */
import { displayedLength, mailTipToPlainText } from "../../contacts/mail-tip";

export function mailTipLength(text: string): number {
  return displayedLength(mailTipToPlainText(text));
}
