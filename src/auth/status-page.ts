/**
 * The title and status line of the sign-in pages (auth-dialog.html, auth-redirect.html) in
 * the reader's language: Outlook's display language where the page has it (the dialog, after
 * Office.onReady), the browser's languages until then and on the redirect page, which has no
 * Office.js. The choice is language-choice.ts's; the sentences page-strings.ts's.
 */
import {
  browserLanguages,
  paneLanguage,
  preferredLanguage,
  type PaneLanguage,
} from "../taskpane/locales/language-choice";
import { pageText, type PageStrings } from "../taskpane/page-strings";

type DialogSentences = PageStrings["signInDialog"];
export type SignInStatus = Exclude<keyof DialogSentences, "title" | "redirectTitle">;

/** Outlook's display language when there is one, else the browser's preference. */
export function signInPageLanguage(
  displayLanguage: unknown,
  browser?: { languages?: readonly string[]; language?: string },
): PaneLanguage {
  if (typeof displayLanguage === "string" && displayLanguage.trim() !== "")
    return paneLanguage(displayLanguage);
  return preferredLanguage(browserLanguages(browser));
}

export interface StatusPage {
  /** Speaks Outlook's display language from now on (none: the browser's); redraws what is shown. */
  speak(displayLanguage?: unknown): void;
  show(status: SignInStatus): void;
}

/** Marks `page` (lang, dir, title) in the browser's language and shows statuses in #status. */
export function statusPage(
  page: Document,
  title: "title" | "redirectTitle",
  first: SignInStatus,
): StatusPage {
  let sentences = pageText(signInPageLanguage(undefined));
  let shown = first;
  const render = () => {
    page.documentElement.lang = sentences.language;
    page.documentElement.dir = sentences.direction;
    page.title = sentences.text.signInDialog[title];
    const status = page.getElementById("status");
    if (status) status.textContent = sentences.text.signInDialog[shown];
  };
  render();
  return {
    speak(displayLanguage) {
      sentences = pageText(signInPageLanguage(displayLanguage));
      render();
    },
    show(status) {
      shown = status;
      render();
    },
  };
}
