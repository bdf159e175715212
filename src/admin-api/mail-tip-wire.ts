/**
 * Exchange stores a mail tip as HTML (`<html><body>tip</body></html>`) and may return
 * it that way. The product works with plain text only, so reads unwrap and decode it.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X"))
      return codePointOrKeep(parseInt(body.slice(2), 16), entity);
    if (body.startsWith("#")) return codePointOrKeep(parseInt(body.slice(1), 10), entity);
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function codePointOrKeep(codePoint: number, original: string): string {
  return Number.isFinite(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
    ? String.fromCodePoint(codePoint)
    : original;
}

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
 * The mail tip as plain text. Text wrapped in Exchange's `<html><body>` is unwrapped,
 * line breaks kept, formatting tags dropped and entities decoded; text without the wrapper
 * is already plain and returned as it is.
 */
export function mailTipFromWire(value: string | null | undefined): string {
  if (!value) return "";
  const wrapped = HTML_WRAPPER.exec(value);
  if (!wrapped) return value;
  const inner = wrapped[1]!
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div)>\s*<(p|div)\b[^>]*>/gi, "\n")
    .replace(FORMATTING_TAG, "");
  return decodeHtmlEntities(inner).trim();
}
