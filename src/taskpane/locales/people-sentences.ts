/**
 * The people list's and the selection/suggestions views' sentences (issue 14), in every
 * language: a section of the catalogue (strings.ts, `registerSection`). Only the lazily loaded
 * "people" chunk (PeopleList.tsx, MultiPeoplePanels.tsx) shows them, and it imports this module,
 * so they stay out of the first download. The buttons the first view shows (strings.people.show,
 * strings.multiPeople.views…) stay in strings.ts.
 */
import type { DirectoryError } from "../../contacts/directory-error";
import type { BatchSummary } from "../state/people-list-state";
import { errorMessage, registerSection, section, type SectionLanguage } from "../strings";
import { pluralFor } from "./format";

const pluralEn = pluralFor("en");
const pluralDe = pluralFor("de");

const en = {
  people: {
    regionLabel: "People on this item",
    heading: {
      message: "People on this message",
      meeting: "People in this meeting",
      selection: (messages: number) =>
        `Senders of ${messages} selected ${pluralEn(messages, { one: "message", other: "messages" })}`,
      suggestions: "Frequent senders not in the address book",
    },
    empty: "Nobody else on this item.",
    source: {
      from: "From",
      sender: "Sent by",
      to: "To",
      cc: "Cc",
      organizer: "Organizer",
      attendee: "Attendee",
      "selected-message": "Sender",
      suggestion: "Frequent sender",
    },
    /** One sentence per PersonReason code (src/contacts/people.ts) for a greyed row. */
    reason: {
      yourself: "This is you.",
      "internal-domain": (domain: string) =>
        `${domain} is your organization's: colleagues are already listed.`,
      automated: {
        "no-reply": "A no-reply address: nobody reads it.",
        "mail-system": "A mail-system address, not a person.",
        bounce: "A bounce-handling address, not a person.",
        notifications: "Sends automated notifications, not a person.",
      },
      group: "A group, not a person: groups are already in the address book.",
      "no-address": "Outlook gave only a name, no address.",
      "exchange-identifier":
        "Outlook gave an internal Exchange identifier: someone in an Exchange directory.",
      "invalid-address": (detail: string) => `The address cannot be used. ${detail}`,
    },
    messages: (count: number) => `${count} ${pluralEn(count, { one: "message", other: "messages" })}`,
    lastDate: (date: string) => `last ${date}`,
    selectAll: "Select all external people",
    selectPerson: (name: string) => `Add ${name}`,
    add: (count: number) => (count === 0 ? "Add to the address book" : `Add ${count} to the address book`),
    addAnyway: (count: number) => `Add ${count} anyway…`,
    confirmTitle: (count: number) =>
      `${count} of the selected ${pluralEn(count, { one: "person needs", other: "people need" })} a second look`,
    confirmIntro:
      "Everyone in your organization will see these contacts in the address book. Before you add them:",
    confirmAdd: "Add anyway",
    cancel: "Cancel",
    trustChecking: "Checking…",
    trustBlocked: "Your organization does not allow adding this sender from the pane.",
    trustUnavailable: "The sender check did not load, so this person cannot be added from the list.",
    queued: "Waiting…",
    running: "Adding…",
    added: "Added",
    alreadyThere: "Already in the address book",
    failed: "Not added",
    finish: "Finish",
    retry: "Try again",
    summary: (added: number, alreadyThere: number, failed: number, why: string | null) =>
      [
        `${added} added`,
        ...(alreadyThere > 0 ? [`${alreadyThere} already there`] : []),
        ...(failed > 0 ? [`${failed} failed${why ? ` (${why})` : ""}`] : []),
      ].join(", ") + ".",
    readOnly: "Your account can look contacts up but not add them.",
    you: "You",
  },
  multiPeople: {
    readingSelection: "Reading the senders of the selected messages…",
    skipped: (count: number) =>
      `${count} selected ${pluralEn(count, { one: "item was", other: "items were" })} not read: not a message, a draft, or past the first 100.`,
    suggestionsIntro: (days: number) =>
      `The people outside your organization who wrote to you most in the last ${days} days and are not in the address book yet. Only senders and dates are read, never the messages.`,
    loadingSuggestions: "Reading who wrote to you…",
    refresh: "Refresh suggestions",
    excluded: (inDirectory: number, more: number) =>
      [
        ...(inDirectory > 0
          ? [
              `${inDirectory} frequent ${pluralEn(inDirectory, { one: "sender is", other: "senders are" })} already in the address book.`,
            ]
          : []),
        ...(more > 0
          ? [`${more} less frequent ${pluralEn(more, { one: "sender is", other: "senders are" })} not shown.`]
          : []),
      ].join(" "),
    truncated: "You received more mail than the pane reads at once: the counts cover the newest messages.",
    noSuggestions: (days: number) =>
      `Everyone outside your organization who wrote to you in the last ${days} days is already in the address book.`,
    failed: {
      forbidden:
        "Suggestions need your administrator's consent to read the senders and dates of your mail (Microsoft Graph, Mail.ReadBasic).",
      unauthenticated: "Sign in again to see suggestions.",
      throttled: "Microsoft 365 is asking us to slow down. Wait a minute, then try again.",
      unavailable: "Microsoft 365 did not answer. Check your connection, then try again.",
      other: "Suggestions could not be read. Try again; if it keeps failing, tell your administrator.",
    },
    tryAgain: "Try again",
  },
};

export type PeopleSentences = typeof en;

export const PEOPLE_SENTENCES = {
  en,
  de: {
    people: {
      regionLabel: "Personen in diesem Element",
      heading: {
        message: "Personen in dieser Nachricht",
        meeting: "Personen in dieser Besprechung",
        selection: (messages: number) =>
          `Absender von ${messages} ${pluralDe(messages, { one: "ausgewählten Nachricht", other: "ausgewählten Nachrichten" })}`,
        suggestions: "Häufige Absender, die nicht im Adressbuch stehen",
      },
      empty: "Niemand sonst in diesem Element.",
      source: {
        from: "Von",
        sender: "Gesendet von",
        to: "An",
        cc: "Cc",
        organizer: "Organisator",
        attendee: "Teilnehmer",
        "selected-message": "Absender",
        suggestion: "Häufiger Absender",
      },
      reason: {
        yourself: "Das sind Sie.",
        "internal-domain": (domain: string) =>
          `${domain} gehört zu Ihrer Organisation: Kollegen sind bereits aufgeführt.`,
        automated: {
          "no-reply": "Eine No-Reply-Adresse: Niemand liest sie.",
          "mail-system": "Eine Adresse des E-Mail-Systems, keine Person.",
          bounce: "Eine Adresse für Unzustellbarkeitsberichte, keine Person.",
          notifications: "Verschickt automatische Benachrichtigungen, keine Person.",
        },
        group: "Eine Gruppe, keine Person: Gruppen stehen bereits im Adressbuch.",
        "no-address": "Outlook hat nur einen Namen geliefert, keine Adresse.",
        "exchange-identifier":
          "Outlook hat eine interne Exchange-Kennung geliefert: jemand in einem Exchange-Verzeichnis.",
        "invalid-address": (detail: string) => `Die Adresse kann nicht verwendet werden. ${detail}`,
      },
      messages: (count: number) => `${count} ${pluralDe(count, { one: "Nachricht", other: "Nachrichten" })}`,
      lastDate: (date: string) => `zuletzt am ${date}`,
      selectAll: "Alle externen Personen auswählen",
      selectPerson: (name: string) => `${name} hinzufügen`,
      add: (count: number) =>
        count === 0 ? "Zum Adressbuch hinzufügen" : `${count} zum Adressbuch hinzufügen`,
      addAnyway: (count: number) => `${count} trotzdem hinzufügen…`,
      confirmTitle: (count: number) =>
        `${count} der ${pluralDe(count, { one: "ausgewählten Personen sollte", other: "ausgewählten Personen sollten" })} noch einmal geprüft werden`,
      confirmIntro:
        "Alle in Ihrer Organisation sehen diese Kontakte im Adressbuch. Bevor Sie sie hinzufügen:",
      confirmAdd: "Trotzdem hinzufügen",
      cancel: "Abbrechen",
      trustChecking: "Wird geprüft…",
      trustBlocked: "Ihre Organisation erlaubt nicht, diesen Absender über den Bereich hinzuzufügen.",
      trustUnavailable:
        "Die Absenderprüfung wurde nicht geladen, daher kann diese Person nicht aus der Liste hinzugefügt werden.",
      queued: "Wartet…",
      running: "Wird hinzugefügt…",
      added: "Hinzugefügt",
      alreadyThere: "Bereits im Adressbuch",
      failed: "Nicht hinzugefügt",
      finish: "Fertigstellen",
      retry: "Erneut versuchen",
      summary: (added: number, alreadyThere: number, failed: number, why: string | null) =>
        [
          `${added} hinzugefügt`,
          ...(alreadyThere > 0 ? [`${alreadyThere} bereits vorhanden`] : []),
          ...(failed > 0 ? [`${failed} fehlgeschlagen${why ? ` (${why})` : ""}`] : []),
        ].join(", ") + ".",
      readOnly: "Ihr Konto kann Kontakte nachschlagen, aber nicht hinzufügen.",
      you: "Sie",
    },
    multiPeople: {
      readingSelection: "Die Absender der ausgewählten Nachrichten werden gelesen…",
      skipped: (count: number) =>
        `${count} ${pluralDe(count, { one: "ausgewähltes Element wurde", other: "ausgewählte Elemente wurden" })} nicht gelesen: keine Nachricht, ein Entwurf oder nach den ersten 100.`,
      suggestionsIntro: (days: number) =>
        `Die Personen außerhalb Ihrer Organisation, die Ihnen in den letzten ${days} Tagen am häufigsten geschrieben haben und noch nicht im Adressbuch stehen. Gelesen werden nur Absender und Datum, nie die Nachrichten.`,
      loadingSuggestions: "Es wird gelesen, wer Ihnen geschrieben hat…",
      refresh: "Vorschläge aktualisieren",
      excluded: (inDirectory: number, more: number) =>
        [
          ...(inDirectory > 0
            ? [
                `${inDirectory} ${pluralDe(inDirectory, { one: "häufiger Absender steht", other: "häufige Absender stehen" })} bereits im Adressbuch.`,
              ]
            : []),
          ...(more > 0
            ? [
                `${more} ${pluralDe(more, { one: "seltenerer Absender wird", other: "seltenere Absender werden" })} nicht angezeigt.`,
              ]
            : []),
        ].join(" "),
      truncated:
        "Sie haben mehr Mail erhalten, als der Bereich auf einmal liest: Die Zahlen umfassen die neuesten Nachrichten.",
      noSuggestions: (days: number) =>
        `Alle außerhalb Ihrer Organisation, die Ihnen in den letzten ${days} Tagen geschrieben haben, stehen bereits im Adressbuch.`,
      failed: {
        forbidden:
          "Vorschläge brauchen die Zustimmung Ihres Administrators, Absender und Datum Ihrer Mail zu lesen (Microsoft Graph, Mail.ReadBasic).",
        unauthenticated: "Melden Sie sich erneut an, um Vorschläge zu sehen.",
        throttled:
          "Microsoft 365 bittet um eine Pause. Warten Sie eine Minute und versuchen Sie es dann erneut.",
        unavailable:
          "Microsoft 365 hat nicht geantwortet. Prüfen Sie die Verbindung und versuchen Sie es erneut.",
        other:
          "Die Vorschläge konnten nicht gelesen werden. Versuchen Sie es erneut; wenn es weiter fehlschlägt, wenden Sie sich an Ihren Administrator.",
      },
      tryAgain: "Erneut versuchen",
    },
  },
} satisfies Record<SectionLanguage, PeopleSentences>;

registerSection("people", PEOPLE_SENTENCES);

/** The section in the pane's language (importing this module registers it first). */
export function peopleSentences(): PeopleSentences {
  return section<PeopleSentences>("people");
}

/** "3 added, 1 failed (why)": shown under the list and said by the pane's live region. */
export function batchSummarySentence(summary: BatchSummary): string {
  return peopleSentences().people.summary(
    summary.added,
    summary.alreadyThere,
    summary.failed,
    summary.firstFailure ? errorMessage(summary.firstFailure) : null,
  );
}

/** Why suggestions could not be read (Graph's failures, as the seam's kinds). */
export function suggestionsErrorMessage(error: DirectoryError): string {
  const text = peopleSentences().multiPeople.failed;
  switch (error.kind) {
    case "forbidden":
      return text.forbidden;
    case "unauthenticated":
      return text.unauthenticated;
    case "throttled":
      return text.throttled;
    case "unavailable":
      return text.unavailable;
    default:
      return text.other;
  }
}
