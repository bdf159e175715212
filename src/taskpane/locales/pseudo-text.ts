/**
 * The pseudo-locales' rewriting, apart from any catalogue (pseudo.ts applies it to the pane's;
 * the pages around the pane and the demo apply it to theirs): "qps-ploc" accents every letter
 * and lengthens each text by a third ([Ŝéñðéŕ ~~]), "qps-plocm" writes Hebrew letters. Values a
 * sentence interpolates (names, addresses, numbers) are left as given. No imports.
 */
const LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ACCENTED = Array.from("áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ");
const HEBREW = Array.from("אבגדהוזחטיכלמנסעפצקרשתךםןףאבגדהוזחטיכלמנסעפצקרשתךםןף");

export type Direction = "ltr" | "rtl";

/** The BCP 47 tag a pseudo-locale's page carries (Windows' own: en-XA accented, ar-XB mirrored). */
export function pseudoTag(direction: Direction): string {
  return direction === "rtl" ? "ar-XB" : "en-XA";
}

function mapLetters(text: string, to: readonly string[]): string {
  return text.replace(/[a-zA-Z]/g, (letter) => to[LATIN.indexOf(letter)] ?? letter);
}

/** One piece of catalogue text in the pseudo-locale. */
function pseudoText(text: string, direction: Direction): string {
  if (direction === "rtl") return mapLetters(text, HEBREW);
  return mapLetters(text, ACCENTED);
}

function framed(text: string, direction: Direction): string {
  if (direction === "rtl") return text;
  return `[${text} ${"~".repeat(Math.max(1, Math.ceil(text.length / 3)))}]`;
}

/** A fact's fields that pick a sentence rather than appear in it as data. */
const CHOSEN_BY_CODE = new Set(["code", "category", "kind", "field", "source", "reason"]);

/** The strings a sentence was given (facts, names, lists), which it shows as they are. */
function givenValues(values: readonly unknown[], depth = 0, found: string[] = []): string[] {
  for (const value of values) {
    if (typeof value === "string" && value !== "") found.push(value);
    else if (depth < 3 && Array.isArray(value)) givenValues(value, depth + 1, found);
    else if (depth < 3 && value !== null && typeof value === "object")
      givenValues(
        Object.entries(value)
          .filter(([key]) => !CHOSEN_BY_CODE.has(key))
          .map(([, entry]) => entry),
        depth + 1,
        found,
      );
  }
  return found;
}

/** `text` in the pseudo-locale, except where it shows one of `kept` (longest first). */
function pseudoSentence(text: string, kept: readonly string[], direction: Direction): string {
  const values = [...new Set(kept)].sort((a, b) => b.length - a.length);
  let result = "";
  let rest = text;
  while (rest !== "") {
    let at = -1;
    let value = "";
    for (const candidate of values) {
      const index = rest.indexOf(candidate);
      if (index >= 0 && (at < 0 || index < at)) {
        at = index;
        value = candidate;
      }
    }
    if (at < 0) {
      result += pseudoText(rest, direction);
      break;
    }
    result += pseudoText(rest.slice(0, at), direction) + value;
    rest = rest.slice(at + value.length);
  }
  return framed(result, direction);
}

/** Any text, sentence function or block of them, in the pseudo-locale (the same shape back). */
export function pseudoEntry(entry: unknown, direction: Direction): unknown {
  if (typeof entry === "string") return framed(pseudoText(entry, direction), direction);
  if (typeof entry === "function") {
    const sentence = entry as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      const text = sentence(...args);
      return typeof text === "string" ? pseudoSentence(text, givenValues(args), direction) : text;
    };
  }
  if (entry !== null && typeof entry === "object") {
    return Object.fromEntries(
      Object.entries(entry).map(([key, value]) => [key, pseudoEntry(value, direction)]),
    );
  }
  return entry;
}

/** True when `text` has a Latin letter left unaccented: text the catalogue did not produce. */
export function hasPlainLatin(text: string): boolean {
  return /[a-zA-Z]/.test(text);
}
