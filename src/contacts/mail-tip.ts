/**
 * Mail tips and plain text.
 *
 * Exchange wraps a mail tip in <html><body> and Outlook renders it as HTML. The product works
 * with plain text: what a person types is kept exactly (`typedMailTipText` only drops invisible
 * characters and collapses whitespace) and escaped on the wire (`mailTipToWire`, which every
 * backend calls), so "R&D" and "<ticket no.>" reach colleagues as typed. Text taken from mail
 * (the template's values, mail-tip-template.ts) goes through `mailTipToPlainText`: tags dropped, entities decoded.
 * Length is counted as the reader sees it (grapheme clusters).
 */

/** Whole elements whose content is never text a person should read. */
const NON_TEXT_ELEMENTS =
  /<(script|style|template|noscript|iframe|object|head|title)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
const COMMENTS_AND_DECLARATIONS = /<!--[\s\S]*?(-->|$)|<!\[CDATA\[[\s\S]*?(\]\]>|$)|<[!?][^>]*>/g;
/** Elements that separate words when rendered (so "a<br>b" reads "a b", not "ab"). */
const BLOCK_BOUNDARY_TAGS =
  /<\/?(br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|hr|section|article|header|footer)\b[^>]*>/gi;
/** A tag: "<" then a name (or "/" and a name) then attributes up to ">". "a < b" and "<3" are not tags. */
const TAGS = /<\/?[a-z][a-z0-9:-]*(?:\s[^<>]*)?\/?>/gi;
/** A tag opened at the end of the text and never closed: a browser would swallow it, so it goes. */
const UNTERMINATED_TAG = /<\/?[a-z][^<>]*$/i;
const ENTITY = /&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

/** The named entities that occur in practice in names and short texts. Unknown names stay as written. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  shy: "",
  zwnj: "\u200C",
  zwj: "\u200D",
  lrm: "",
  rlm: "",
  copy: "©",
  reg: "®",
  trade: "™",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  middot: "·",
  bull: "•",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  sect: "§",
  deg: "°",
  times: "×",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  aacute: "á",
  eacute: "é",
  iacute: "í",
  oacute: "ó",
  uacute: "ú",
  Eacute: "É",
  agrave: "à",
  egrave: "è",
  ograve: "ò",
  acirc: "â",
  ecirc: "ê",
  ocirc: "ô",
  ccedil: "ç",
  Ccedil: "Ç",
  ntilde: "ñ",
  Ntilde: "Ñ",
  aring: "å",
  Aring: "Å",
  oslash: "ø",
  Oslash: "Ø",
  aelig: "æ",
  AElig: "Æ",
};

/**
 * Characters that change how text looks without being visible: C0/C1 controls, bidi
 * embeddings/overrides/isolates and marks, zero-width space, word joiner, BOM, soft hyphen.
 * Zero-width (non-)joiners are kept only between two visible characters, where they carry
 * meaning (Persian names, emoji sequences); anywhere else they only hide things.
 */
const FORMAT_CHARACTERS = String.raw`\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB`;
// \p{Cs}: a lone UTF-16 surrogate (half a character; a valid pair is one code point, not Cs).
const INVISIBLE = new RegExp(`[\\p{Cc}\\p{Cs}${FORMAT_CHARACTERS}]`, "gu");
const CONTROL_OR_FORMAT = new RegExp(`[\\p{Cc}\\p{Cs}${FORMAT_CHARACTERS}]`, "u");
const CONTROL_OR_FORMAT_EXCEPT_LINE_BREAKS = new RegExp(
  `(?![\\t\\n\\r])[\\p{Cc}\\p{Cs}${FORMAT_CHARACTERS}]`,
  "u",
);
const STRAY_JOINER = /(^|\s)[\u200C\u200D]+|[\u200C\u200D]+(?=\s|$)/gu;
/** Line breaks and tabs are whitespace, not something to delete (they separate words). */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** Removes invisible and control characters; line breaks and tabs become spaces. */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(WHITESPACE_CONTROLS, " ").replace(INVISIBLE, "").replace(STRAY_JOINER, "$1");
}

/**
 * True when the text holds control characters or invisible format characters (bidi overrides,
 * zero-width space...). Joiners are allowed; so are tabs and line breaks when `allowLineBreaks`.
 */
export function hasControlOrFormatCharacters(
  text: string,
  options: { allowLineBreaks?: boolean } = {},
): boolean {
  return (options.allowLineBreaks === true ? CONTROL_OR_FORMAT_EXCEPT_LINE_BREAKS : CONTROL_OR_FORMAT).test(
    text,
  );
}

/** True when the text holds characters `removeInvisibleCharacters` would delete (not counting line breaks/tabs). */
export function hasInvisibleCharacters(text: string): boolean {
  const withoutWhitespaceControls = text.replace(WHITESPACE_CONTROLS, " ");
  return removeInvisibleCharacters(withoutWhitespaceControls) !== withoutWhitespaceControls;
}

/** Any run of whitespace (including no-break and ideographic spaces) becomes one space; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Decodes HTML character references (numeric and the common named ones) once. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith("#")) {
      const codePoint =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const isScalarValue =
        codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
      return isScalarValue ? String.fromCodePoint(codePoint) : "";
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function stripMarkupOnce(text: string): string {
  return text
    .replace(NON_TEXT_ELEMENTS, " ")
    .replace(COMMENTS_AND_DECLARATIONS, "")
    .replace(BLOCK_BOUNDARY_TAGS, " ")
    .replace(TAGS, "")
    .replace(UNTERMINATED_TAG, "");
}

/**
 * Plain text from anything: tags and script/style content dropped, entities decoded, invisible
 * characters removed, whitespace collapsed. Decoding and stripping repeat until nothing changes,
 * so double-encoded markup (`&amp;lt;b&amp;gt;`) cannot survive as a tag or an entity either.
 */
export function mailTipToPlainText(input: string): string {
  let text = input;
  for (let round = 0; round < 5; round++) {
    const next = decodeHtmlEntities(stripMarkupOnce(text));
    if (next === text) break;
    text = next;
  }
  return collapseWhitespace(removeInvisibleCharacters(stripMarkupOnce(text)));
}

/** A mail tip as typed: the same text a colleague will read, minus invisible characters, whitespace collapsed. */
export function typedMailTipText(text: string): string {
  return collapseWhitespace(removeInvisibleCharacters(text));
}

const WIRE_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * The plain-text mail tip as a backend sends it: Exchange renders the tip as HTML, so "&", "<"
 * and ">" become character references and colleagues see exactly what was typed.
 */
export function mailTipToWire(text: string): string {
  return text.replace(/[&<>]/g, (character) => WIRE_ESCAPES[character] ?? character);
}

const graphemeSegmenter: Intl.Segmenter | null =
  typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
    : null;

/** The text split into what a reader sees as characters (grapheme clusters; code points where Intl.Segmenter is missing). */
function graphemes(text: string): string[] {
  if (graphemeSegmenter === null) return Array.from(text);
  return Array.from(graphemeSegmenter.segment(text), (segment) => segment.segment);
}

/** Length as the user sees it: "👩‍💻" and "é" (e + combining accent) count one each. */
export function displayedLength(text: string): number {
  return graphemes(text).length;
}

/** How a length is measured: `displayedLength` for the mail tip, UTF-16 units (as .NET counts) for names. */
export type LengthMeasure = (text: string) => number;

export const utf16Length: LengthMeasure = (text) => text.length;

const TRAILING_JOINERS = /[\s,;:/|\-–—(]+$/u;

/**
 * The longest start of `text` that fits `limit` (with `ellipsis` appended), cut at a word
 * boundary when one lies in the last half, never inside a character. Text that fits is returned as is.
 * Linear: both measures add up over grapheme clusters, so each piece is measured once.
 */
export function truncateAtWordBoundary(
  text: string,
  limit: number,
  options: { ellipsis?: string; measure?: LengthMeasure } = {},
): string {
  const { ellipsis = "", measure = utf16Length } = options;
  if (measure(text) <= limit) return text;
  const pieces = graphemes(text);
  const room = limit - measure(ellipsis);
  let kept = "";
  let keptLength = 0;
  let used = 0;
  for (const piece of pieces) {
    used += measure(piece);
    if (used > room) break;
    kept += piece;
    keptLength += 1;
  }
  const nextPiece = pieces[keptLength] ?? "";
  const cutInsideWord = !/^\s/u.test(nextPiece) && !/\s$/u.test(kept);
  if (cutInsideWord) {
    const lastSpace = kept.search(/\s\S*$/u);
    if (lastSpace >= kept.length / 2) kept = kept.slice(0, lastSpace);
  }
  kept = kept.replace(TRAILING_JOINERS, "");
  return kept === "" ? "" : kept + ellipsis;
}
