/**
 * Which catalogue the pane speaks: Outlook's display language (read by src/office/, passed in
 * here), or outside Outlook the browser's; English when there is no catalogue for it (the rule:
 * language-choice.ts). Only English is in the first download;
 * another language's catalogue is its own chunk, loaded once before the first render.
 */
import { english, selectCatalogue, strings, type Catalogue } from "../strings";
import { browserLanguages, paneLanguage, preferredLanguage, type PaneLanguage } from "./language-choice";

export { paneLanguage, type PaneLanguage };

/** Downloads a language's catalogue (English is already here). */
export async function loadCatalogue(language: PaneLanguage): Promise<Catalogue> {
  switch (language) {
    case "de":
      return (await import(/* webpackChunkName: "strings-de" */ "./de")).german;
    case "qps-ploc":
    case "qps-plocm": {
      const { pseudoCatalogue } = await import(/* webpackChunkName: "strings-pseudo" */ "./pseudo");
      return pseudoCatalogue(language === "qps-plocm" ? "rtl" : "ltr");
    }
    case "en":
      return english;
  }
}

/**
 * Makes the pane speak `displayLanguage` and marks the page's language and direction. A
 * catalogue that fails to download leaves English: a pane in the wrong language beats no pane.
 */
export async function applyDisplayLanguage(
  displayLanguage: string,
  page: Document = document,
): Promise<void> {
  try {
    selectCatalogue(await loadCatalogue(paneLanguage(displayLanguage)));
  } catch {
    selectCatalogue(english);
  }
  page.documentElement.lang = strings.language;
  page.documentElement.dir = strings.direction;
}

/**
 * Outside Outlook (the pane's page in a plain tab) there is no display language: the page
 * speaks the browser's (`navigator.languages`), by the same rule.
 */
export async function applyBrowserLanguage(
  page: Document = document,
  browser: { languages?: readonly string[]; language?: string } = navigator,
): Promise<void> {
  await applyDisplayLanguage(preferredLanguage(browserLanguages(browser)), page);
}
