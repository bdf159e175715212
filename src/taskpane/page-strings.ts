/**
 * The catalogue of the pages around the pane, which never load the pane's: the "not supported"
 * note taskpane.html's classic script shows where the pane cannot run (English and German put
 * in the page by the build), and the sign-in dialog's and redirect page's title and status
 * line (their own bundles). English is the source; German is typed from it, so a missing key
 * fails typecheck; the pseudo-locales rewrite English with the pane's own pseudo functions.
 * Kept out of strings.ts so that the pane's first download does not carry them.
 */
import type { PaneLanguage } from "./locales/language-choice";
import { pseudoEntry, pseudoTag } from "./locales/pseudo-text";
import type { Widened } from "./strings";

const en = {
  /** Shown by taskpane.html's classic script where the pane cannot run (Trident, EdgeHTML). */
  unsupportedHost: {
    title: "This version of Outlook is not supported",
    body: "GAL Contact needs a newer Outlook: Outlook on the web, the new Outlook for Windows, Microsoft 365 Outlook for Windows with the Microsoft Edge WebView2 runtime, or Outlook for Mac. Ask your administrator which one to use.",
  },

  /** The sign-in dialog's and redirect page's title and status line (src/auth/auth-dialog-entry.ts, auth-redirect-entry.ts). */
  signInDialog: {
    title: "GAL Contact: sign in",
    redirectTitle: "GAL Contact: signing in",
    preparing: "Preparing sign-in…",
    finishing: "Finishing sign-in…",
    returning: "Signed in. Returning to Outlook…",
    opening: "Opening Microsoft sign-in…",
    failed: "Sign-in did not complete. You can close this window and try again.",
    notConfigured:
      "Sign-in is not configured for this add-in. Close this window and tell your administrator.",
    redirectFailed: "Sign-in could not finish. Close this window and try again.",
  },
} as const;

/** Every language's page sentences: English's shape, every key required. */
export type PageStrings = Widened<typeof en>;

const de: PageStrings = {
  unsupportedHost: {
    title: "Diese Outlook-Version wird nicht unterstützt",
    body: "GAL Contact braucht ein neueres Outlook: Outlook im Web, das neue Outlook für Windows, Microsoft 365 Outlook für Windows mit der Microsoft Edge WebView2-Runtime oder Outlook für Mac. Fragen Sie Ihren Administrator, welches Sie verwenden sollen.",
  },
  signInDialog: {
    title: "GAL Contact: Anmelden",
    redirectTitle: "GAL Contact: Anmeldung",
    preparing: "Anmeldung wird vorbereitet…",
    finishing: "Anmeldung wird abgeschlossen…",
    returning: "Angemeldet. Zurück zu Outlook…",
    opening: "Die Microsoft-Anmeldung wird geöffnet…",
    failed:
      "Die Anmeldung wurde nicht abgeschlossen. Sie können dieses Fenster schließen und es erneut versuchen.",
    notConfigured:
      "Die Anmeldung ist für dieses Add-In nicht eingerichtet. Schließen Sie dieses Fenster, und wenden Sie sich an Ihren Administrator.",
    redirectFailed:
      "Die Anmeldung konnte nicht abgeschlossen werden. Schließen Sie dieses Fenster, und versuchen Sie es erneut.",
  },
};

/** The shipped languages' page sentences (the build puts `unsupportedHost` of each into taskpane.html). */
export const PAGE_STRINGS = { en, de } satisfies Record<"en" | "de", PageStrings>;

/** A page's sentences in one language, with the tag and direction its <html> gets. */
export interface PageText {
  language: string;
  direction: "ltr" | "rtl";
  text: PageStrings;
}

export function pageText(language: PaneLanguage): PageText {
  switch (language) {
    case "en":
    case "de":
      return { language, direction: "ltr", text: PAGE_STRINGS[language] };
    case "qps-ploc":
    case "qps-plocm": {
      const direction = language === "qps-plocm" ? "rtl" : "ltr";
      return { language: pseudoTag(direction), direction, text: pseudoEntry(en, direction) as PageStrings };
    }
  }
}
