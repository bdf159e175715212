/**
 * Display names from mail headers, cleaned for the sender analysis and the draft. How the draft
 * reads a first and last name from the cleaned text is person-name.ts.
 *
 * Display names are plain text in Exchange, so markup is dropped, not escaped; invisible and
 * bidi-override characters go too (they can make a name read differently from what it is).
 *
 * Real mail also carries damage, cleaned first: only the first MAX_ANALYSED_LENGTH
 * characters are looked at (every later step is then bounded, whatever the header's size), a
 * line break followed by what reads as a header field ends the name ("Jane Doe\r\nBcc: …"),
 * terminal colour codes ("\x1b[31m", or "[31m" once the escape is gone) and lone UTF-16
 * surrogates are removed. RFC 2047 encoded words that reached us undecoded
 * ("=?utf-8?B?SsO8cmdlbg==?=", "=?iso-8859-1?Q?Andr=E9?=") are decoded by postal-mime's
 * `decodeWords` (the browser's TextDecoder for the charsets).
 */
import { decodeWords } from "postal-mime";
import {
  collapseWhitespace,
  decodeHtmlEntities,
  hasInvisibleCharacters,
  mailTipToPlainText,
  removeInvisibleCharacters,
} from "./mail-tip";

export interface CleanedDisplayName {
  /** Safe to show and to parse: no markup, no invisible characters, no wrapping quotes, single spaces. */
  text: string;
  removedInvisible: boolean;
  removedMarkup: boolean;
  /** Longer than MAX_ANALYSED_LENGTH: only its start was used. */
  truncated: boolean;
  /** It had a line break: only the part before it was used. */
  cutAtLineBreak: boolean;
  /** It had terminal colour codes or broken (lone surrogate) characters, removed. */
  removedGarbage: boolean;
}

/**
 * How much of a display name is analysed. Exchange keeps 256 characters; the rest of a
 * 40,000-character header is noise, and every step after this one is linear in what is kept.
 */
export const MAX_ANALYSED_LENGTH = 1024;

/** ESC-introduced terminal sequences, and the "[31m" / "[0;1m" colour codes left when the ESC was stripped. */
// eslint-disable-next-line no-control-regex -- matching the ESC control character is the point
const ANSI_SEQUENCES = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|\[\d{1,3}(?:;\d{1,3})*m/gu;
const LONE_SURROGATES = /\p{Cs}/gu;
/** An RFC 2047 encoded word: =?charset?B|Q?text?= */
const ENCODED_WORD = /=\?[^?\s]+\?[bq]\?[^?\s]*\?=/i;
/** A line break then what reads as another header field ("\r\nBcc: …"): the name ended at the break. */
const HEADER_LEFTOVER = /[\r\n\u0085\u2028\u2029]\s*[A-Za-z][A-Za-z0-9-]{0,76}\s*:/;

/** The start of `text` that is analysed: at most MAX_ANALYSED_LENGTH units, never half a surrogate pair. */
function analysedPart(text: string): string {
  if (text.length <= MAX_ANALYSED_LENGTH) return text;
  const cut = text.slice(0, MAX_ANALYSED_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const QUOTE_PAIRS: ReadonlyArray<[string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ["“", "”"],
  ["„", "“"],
  ["„", "”"],
  ["‘", "’"],
  ["‚", "‘"],
  ["«", "»"],
  ["»", "«"],
  ["「", "」"],
];

function stripWrappingQuotes(text: string): string {
  let current = text.replace(/\\(["'\\])/g, "$1").trim();
  for (;;) {
    const pair = QUOTE_PAIRS.find(
      ([open, close]) => current.length >= 2 && current.startsWith(open) && current.endsWith(close),
    );
    if (pair === undefined) break;
    current = current.slice(pair[0].length, current.length - pair[1].length).trim();
  }
  // A lone quote at one end (a truncated header) is noise too.
  if (/^["“„«]/.test(current) && !/["”“»]/.test(current.slice(1))) current = current.slice(1).trim();
  if (/["”»]$/.test(current) && !/["“„«]/.test(current.slice(0, -1))) current = current.slice(0, -1).trim();
  return current;
}

/** The header display name made safe to show and to parse. Idempotent. Linear in MAX_ANALYSED_LENGTH at most. */
export function cleanDisplayName(raw: string): CleanedDisplayName {
  const head = analysedPart(raw);
  const capped = ENCODED_WORD.test(head) ? analysedPart(decodeWords(head)) : head;
  // Other line breaks are folding whitespace ("Jane\r\n Doe" is "Jane Doe").
  const leftover = HEADER_LEFTOVER.exec(capped);
  const firstLine = leftover === null ? capped : capped.slice(0, leftover.index);
  const cutAtLineBreak = leftover !== null;
  const withoutGarbage = firstLine.replace(ANSI_SEQUENCES, "").replace(LONE_SURROGATES, "");
  const normalized = withoutGarbage.normalize("NFC");
  const plain = mailTipToPlainText(normalized);
  const withoutTagRemoval = collapseWhitespace(removeInvisibleCharacters(decodeHtmlEntities(normalized)));
  return {
    text: collapseWhitespace(stripWrappingQuotes(plain)),
    removedInvisible: hasInvisibleCharacters(normalized),
    removedMarkup: plain !== withoutTagRemoval,
    truncated: head !== raw,
    cutAtLineBreak,
    removedGarbage: withoutGarbage !== firstLine,
  };
}

const ADDRESS_TEXT = String.raw`[^\s<>()[\]@,;:"]+@[^\s<>()[\]@,;:"]+\.[^\s<>()[\]@,;:"]+`;
export const BRACKETED_ADDRESS = new RegExp(String.raw`[<([]\s*(?:mailto:)?${ADDRESS_TEXT}\s*[>)\]]`, "gi");
export const BARE_ADDRESS = new RegExp(String.raw`(?:mailto:)?${ADDRESS_TEXT}`, "gi");

/** Email addresses written inside a display name ("Jane <jane@x.com>", "jane@x.com"). */
export function addressesInDisplayName(text: string): string[] {
  return Array.from(text.matchAll(BARE_ADDRESS), (match) =>
    match[0].replace(/^mailto:/i, "").replace(/[.>)\]]+$/, ""),
  );
}
