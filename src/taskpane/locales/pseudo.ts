/**
 * Pseudo-locales made from the English catalogue, for testing the pane's language handling
 * without a translator: "qps-ploc" accents every letter and lengthens each text by a third
 * ([Ŝéñðéŕ ~~]), so English that bypasses the catalogue stands out and cramped layouts
 * break; "qps-plocm" writes Hebrew letters right to left, so layout that does not mirror
 * stands out. Values a sentence interpolates (names, addresses, numbers) are left as given.
 */
import { english, type Catalogue } from "../strings";
import { pseudoEntry, pseudoTag, type Direction } from "./pseudo-text";

export { hasPlainLatin } from "./pseudo-text";

/** The English catalogue in a pseudo-locale: accented and longer (ltr), or Hebrew letters (rtl). */
export function pseudoCatalogue(direction: Direction): Catalogue {
  return {
    ...(pseudoEntry(english, direction) as Catalogue),
    language: pseudoTag(direction),
    direction,
    adapt: <Entry>(entry: Entry) => pseudoEntry(entry, direction) as Entry,
  };
}
