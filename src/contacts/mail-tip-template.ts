/**
 * The organization's mail tip template filled in for one person (ADDIN_MAIL_TIP_TEMPLATE):
 * only the draft (the "prefill" chunk, after the verdict) renders one. Plain text, lengths and
 * the wire form are mail-tip.ts.
 */
import { EXCHANGE_LIMITS } from "./exchange-rules";
import { displayedLength, mailTipToPlainText, truncateAtWordBoundary } from "./mail-tip";

export interface MailTipValues {
  company: string | null;
  domain: string;
  displayName: string;
}

type PlaceholderKey = keyof MailTipValues;
const PLACEHOLDER_KEYS: readonly PlaceholderKey[] = ["company", "domain", "displayName"];
const PLACEHOLDER = /\{(company|domain|displayName)\}/gi;
/** A bracketed optional section that contains at least one placeholder: dropped when any of them is empty. */
const OPTIONAL_SECTION = /\[([^[\]]*\{(?:company|domain|displayName)\}[^[\]]*)\]/gi;

/** Private-use characters standing in for placeholders while the template is tidied. */
const EMPTY_MARK = "\uE000";
const VALUE_MARK = (index: number) => String.fromCharCode(0xe001 + index);
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** Words that only made sense with the value after them ("from {company}", "bei {company}"). */
const CONNECTORS = "from|at|of|with|by|for|von|bei|de|chez|di|da|van|du";
const TIDY_AROUND_EMPTY: ReadonlyArray<[RegExp, string]> = [
  // "(…{company}…)" or quotes around an empty value: the brackets go with it.
  [new RegExp(`[(\\[{«“"'‘]\\s*${EMPTY_MARK}\\s*[)\\]}»”"'’]`, "g"), EMPTY_MARK],
  // "from {company}": the connector goes with it.
  [new RegExp(`(^|\\s)(?:${CONNECTORS})\\s+${EMPTY_MARK}`, "gi"), `$1${EMPTY_MARK}`],
  // "Jane, {company}" / "Jane - {company}": the separator before goes with it.
  [new RegExp(`\\s*[,;:|/–—-]\\s*${EMPTY_MARK}`, "g"), EMPTY_MARK],
  // "{company}: Jane": otherwise the separator after it.
  [new RegExp(`${EMPTY_MARK}\\s*[,;:|/–—-]\\s*`, "g"), EMPTY_MARK],
];

function canonicalKey(raw: string): PlaceholderKey {
  return PLACEHOLDER_KEYS.find((key) => key.toLowerCase() === raw.toLowerCase()) ?? "displayName";
}

function cleanValue(value: string | null): string {
  return mailTipToPlainText(value ?? "").replace(PRIVATE_USE, "");
}

function fill(template: string, values: Record<PlaceholderKey, string>): string {
  const withoutEmptySections = template
    .replace(PRIVATE_USE, "")
    .replace(OPTIONAL_SECTION, (_whole, inner: string) => {
      const keys = Array.from(inner.matchAll(PLACEHOLDER), (match) => canonicalKey(match[1] ?? ""));
      return keys.every((key) => values[key] !== "") ? inner : "";
    });
  const insertions: string[] = [];
  let marked = withoutEmptySections.replace(PLACEHOLDER, (_whole, raw: string) => {
    const value = values[canonicalKey(raw)];
    if (value === "") return EMPTY_MARK;
    insertions.push(value);
    return VALUE_MARK(insertions.length - 1);
  });
  for (const [pattern, replacement] of TIDY_AROUND_EMPTY) marked = marked.replace(pattern, replacement);
  const tidy = marked
    .split(EMPTY_MARK)
    .join(" ")
    .replace(/\s+([.,;:!?)\]}»”])/g, "$1")
    .replace(/^[\s,;:|/–—-]+/, "");
  // Values go in last, in one pass, so nothing in a value is ever read as a placeholder or tidied away.
  return tidy.replace(/[\uE001-\uF8FF]/g, (mark) => insertions[mark.charCodeAt(0) - 0xe001] ?? "");
}

/**
 * Renders a mail tip template. Placeholders: {company}, {domain}, {displayName} (case-insensitive).
 * An empty value is removed together with what only made sense with it: surrounding brackets,
 * a connector word before it ("from {company}"), a separator; `[ … ]` marks a section that is
 * dropped as a whole when a placeholder inside is empty. The result is plain text of at most
 * 175 displayed characters: when it would be longer, the display name (then the company) is
 * shortened with an ellipsis, and only if that cannot help is the whole text cut at a word.
 */
export function renderMailTip(template: string, values: MailTipValues): string {
  const limit = EXCHANGE_LIMITS.mailTip;
  const displayName = cleanValue(values.displayName);
  // A value the display name already shows ("Info (gmail.com)") is not said twice.
  const notShownYet = (value: string) =>
    value !== "" && displayName.toLowerCase().includes(value.toLowerCase()) ? "" : value;
  const clean: Record<PlaceholderKey, string> = {
    company: notShownYet(cleanValue(values.company)),
    domain: notShownYet(cleanValue(values.domain)),
    displayName,
  };
  const render = (current: Record<PlaceholderKey, string>) => mailTipToPlainText(fill(template, current));
  let text = render(clean);
  for (const key of ["displayName", "company"] as const) {
    if (displayedLength(text) <= limit || clean[key] === "") continue;
    const room = limit - (displayedLength(text) - displayedLength(clean[key]));
    // Below a few characters a shortened value says nothing; leave it and cut the whole instead.
    if (room < 8) continue;
    clean[key] = truncateAtWordBoundary(clean[key], room, { ellipsis: "…", measure: displayedLength });
    text = render(clean);
  }
  return truncateAtWordBoundary(text, limit, { ellipsis: "…", measure: displayedLength });
}
