/**
 * Pseudo-locales made from the English catalogue, for testing the pane's language handling
 * without a translator: "qps-ploc" accents every letter and lengthens each text by a third
 * ([Ŝéñðéŕ ~~]), so English that bypasses the catalogue stands out and cramped layouts
 * break; "qps-plocm" writes Hebrew letters right to left, so layout that does not mirror
 * stands out. Values a sentence interpolates (names, addresses, numbers) are left as given.
 */
import { english, type Catalogue } from "../strings";

const LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ACCENTED = Array.from("áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ");
const HEBREW = Array.from("אבגדהוזחטיכלמנסעפצקרשתךםןףאבגדהוזחטיכלמנסעפצקרשתךםןף");

type Direction = "ltr" | "rtl";

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

function pseudoEntry(entry: unknown, direction: Direction): unknown {
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

/** The English catalogue in a pseudo-locale: accented and longer (ltr), or Hebrew letters (rtl). */
export function pseudoCatalogue(direction: Direction): Catalogue {
  return {
    ...(pseudoEntry(english, direction) as Catalogue),
    language: direction === "rtl" ? "ar-XB" : "en-XA",
    direction,
    adapt: <Entry>(entry: Entry) => pseudoEntry(entry, direction) as Entry,
  };
}

/** True when `text` has a Latin letter left unaccented: text the catalogue did not produce. */
export function hasPlainLatin(text: string): boolean {
  return /[a-zA-Z]/.test(text);
}
