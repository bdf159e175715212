/**
 * Exchange stores a mail tip as HTML (`<html><body>tip</body></html>`) and may return
 * it that way. The product works with plain text only: writes escape it
 * (`mailTipToWire`, contacts/mail-tip.ts) and reads unwrap and decode it.
 */
import { decodeHtmlEntities } from "../contacts/mail-tip";

/**
 * Formatting elements Exchange or an editor may put inside the wrapper. Only these are
 * removed: a wrapper whose text was not entity-encoded ("Fabrikam <sales>") keeps its
 * angle-bracketed words instead of losing them as unknown tags.
 */
const FORMATTING_TAG =
  /<\/?(?:a|abbr|b|big|blockquote|center|code|del|div|em|font|h[1-6]|hr|i|ins|li|ol|p|pre|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul)\b[^<>]*>/gi;

const HTML_WRAPPER =
  /^\s*<html\b[^>]*>\s*(?:<head\b[^>]*>[\s\S]*?<\/head>\s*)?<body\b[^>]*>([\s\S]*?)<\/body>\s*<\/html>\s*$/i;

/**
 * The mail tip as plain text, as colleagues see it: Exchange's `<html><body>` wrapper (when
 * present) unwrapped, line breaks kept, formatting tags dropped and entities decoded. Outlook
 * renders the tip as HTML with or without the wrapper, and this client writes it escaped,
 * so "R&amp;D" reads back as "R&D" either way.
 */
export function mailTipFromWire(value: string | null | undefined): string {
  if (!value) return "";
  const wrapped = HTML_WRAPPER.exec(value);
  const inner = (wrapped ? wrapped[1]! : value)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div)>\s*<(p|div)\b[^>]*>/gi, "\n")
    .replace(FORMATTING_TAG, "");
  return decodeHtmlEntities(inner).trim();
}
