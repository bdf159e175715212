/**
 * The mail tip's length as the validation counts it and as colleagues see it: displayed
 * characters of the text as typed (it is shown as typed, never as markup), not UTF-16 units.
 */
export { mailTipLength } from "../../contacts/draft-rules";

/** Rows of a mail tip editor: most tips fit without scrolling in a 320 px pane; the field can be made taller. */
export const MAIL_TIP_ROWS = 5;
