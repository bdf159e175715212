/**
 * What the page says where the pane cannot start (opened outside Outlook, or a build with an
 * invalid configuration), in every language: a section of the catalogue (strings.ts,
 * `registerSection`) that only the "outside" chunk (OutsideOutlook.tsx) imports, so a pane in
 * Outlook never downloads it. Outside Outlook the language is the browser's
 * (language.ts, `applyBrowserLanguage`).
 */
import { registerSection, section, type SectionLanguage, type Widened } from "../strings";

const en = {
  where:
    "GAL Contact is an Outlook add-in. It runs in the task pane of Outlook on the web, the new Outlook for Windows, classic Outlook for Windows and Outlook for Mac, next to an open message.",
  howTo:
    "Open a message in Outlook and choose GAL Contact on the ribbon (or in the Apps menu). Your administrator may need to deploy the add-in first.",
  officeJsMissing: {
    title: "Office could not be loaded",
    cause:
      "This page needs Microsoft's Office JavaScript library, which did not load. A network filter or being offline can cause this.",
  },
  otherHost: {
    title: "This add-in works in Outlook only",
    openedIn: (host: string) => `It was opened in ${host}.`,
    openedInOther: "It was opened in another Office application.",
  },
  noMailbox: {
    title: "No mailbox available",
    cause: "Outlook did not give this add-in access to a mailbox.",
  },
  timeout: {
    title: "Outlook did not answer",
    cause:
      "The add-in waited for Outlook but got no answer yet. It starts by itself if Outlook answers; otherwise close the pane and open it again.",
  },
  noHost: {
    title: "Open this add-in from Outlook",
    cause: "This page was opened in a plain browser tab.",
  },
  configuration: {
    title: "GAL Contact is not set up correctly",
    advice:
      "Whoever deploys the add-in needs to rebuild it with these settings (see the README's configuration section).",
  },
} as const;

export type OutsideSentences = Widened<typeof en>;

export const OUTSIDE_SENTENCES = {
  en,
  de: {
    where:
      "GAL Contact ist ein Outlook-Add-In. Es läuft im Aufgabenbereich von Outlook im Web, dem neuen Outlook für Windows, dem klassischen Outlook für Windows und Outlook für Mac, neben einer geöffneten Nachricht.",
    howTo:
      "Öffnen Sie eine Nachricht in Outlook, und wählen Sie GAL Contact im Menüband (oder im Menü „Apps“). Möglicherweise muss Ihr Administrator das Add-In zuerst bereitstellen.",
    officeJsMissing: {
      title: "Office konnte nicht geladen werden",
      cause:
        "Diese Seite braucht die Office-JavaScript-Bibliothek von Microsoft, die nicht geladen wurde. Ursache kann ein Netzwerkfilter oder eine fehlende Internetverbindung sein.",
    },
    otherHost: {
      title: "Dieses Add-In funktioniert nur in Outlook",
      openedIn: (host: string) => `Es wurde in ${host} geöffnet.`,
      openedInOther: "Es wurde in einer anderen Office-Anwendung geöffnet.",
    },
    noMailbox: {
      title: "Kein Postfach verfügbar",
      cause: "Outlook hat diesem Add-In keinen Zugriff auf ein Postfach gegeben.",
    },
    timeout: {
      title: "Outlook hat nicht geantwortet",
      cause:
        "Das Add-In hat auf Outlook gewartet, aber noch keine Antwort erhalten. Es startet von selbst, sobald Outlook antwortet; andernfalls schließen Sie den Bereich und öffnen ihn erneut.",
    },
    noHost: {
      title: "Öffnen Sie dieses Add-In in Outlook",
      cause: "Diese Seite wurde in einem normalen Browsertab geöffnet.",
    },
    configuration: {
      title: "GAL Contact ist nicht richtig eingerichtet",
      advice:
        "Wer das Add-In bereitstellt, muss es mit diesen Einstellungen neu erstellen (siehe den Abschnitt zur Konfiguration in der README).",
    },
  },
} satisfies Record<SectionLanguage, OutsideSentences>;

registerSection("outside", OUTSIDE_SENTENCES);

/** The section in the page's language (importing this module registers it first). */
export function outsideSentences(): OutsideSentences {
  return section<OutsideSentences>("outside");
}
