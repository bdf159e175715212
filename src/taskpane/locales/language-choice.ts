/**
 * The one rule for which catalogue a person gets, from a BCP 47 tag: Outlook's display
 * language in the pane and the sign-in dialog, the browser's languages on pages Outlook does
 * not host (the pane opened in a plain tab, the redirect page). No imports: the small pages
 * (sign-in dialog, redirect) use it without the pane's catalogue.
 */

/**
 * The languages with a catalogue. "qps-ploc" and "qps-plocm" are Windows' pseudo-locales
 * (accented and expanded; right-to-left): they show text that bypasses the catalogue and
 * layout that does not mirror.
 */
export type PaneLanguage = "en" | "de" | "qps-ploc" | "qps-plocm";

/** The catalogue for a BCP 47 tag: any German ("de", "de-DE", "de-AT", "de-CH") is German; unknown is English. */
export function paneLanguage(displayLanguage: string): PaneLanguage {
  const tag = displayLanguage.trim().toLowerCase().replace(/_/g, "-");
  if (tag === "qps-ploc" || tag === "qps-plocm") return tag;
  return tag.split("-")[0] === "de" ? "de" : "en";
}

/**
 * The catalogue for a browser's preference list (`navigator.languages`, best first): the first
 * tag with a catalogue of its own, so ["fr-FR", "de-DE"] reads German, not English; English
 * when none has one (or English comes first).
 */
export function preferredLanguage(tags: readonly string[]): PaneLanguage {
  for (const tag of tags) {
    const language = paneLanguage(tag);
    if (language !== "en" || tag.trim().toLowerCase().startsWith("en")) return language;
  }
  return "en";
}

/** The browser's preference list: `navigator.languages`, else `navigator.language`, else none. */
export function browserLanguages(
  browser: { languages?: readonly string[]; language?: string } | undefined = globalThis.navigator,
): readonly string[] {
  if (browser?.languages && browser.languages.length > 0) return browser.languages;
  return browser?.language ? [browser.language] : [];
}
