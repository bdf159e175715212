/**
 * The steps of adding a contact and what went wrong on the way, in every language: a section of
 * the catalogue (strings.ts, `registerSection`). Only PromoteProgress shows them, and it comes
 * with the "after-click" chunk, which imports this module; so they stay out of the first
 * download. "Added" and "already existed" stay in strings.ts: the first view announces them.
 */
import { registerSection, section, type SectionLanguage } from "../strings";
import { listFor, pluralFor } from "./format";

const pluralEn = pluralFor("en");
const listEn = listFor("en");
const pluralDe = pluralFor("de");
const listDe = listFor("de");

const en = {
  regionLabel: "Adding the contact",
  steps: {
    create: "Creating the contact",
    locate: "Finding the new contact",
    "update-general": "Setting company and names",
    "update-options": "Setting the mail tip and visibility",
    verify: "Checking the saved contact",
  },
  /** The progress bar's value, read out by screen readers. */
  stepsDone: (done: number, total: number) => `${done} of ${total}`,
  stepDone: "Done",
  stepRunning: "In progress",
  stepFailed: "Not done",
  stepPending: "Waiting",
  stepSkipped: "Not started",
  finish: "Finish",
  tryAgain: "Try again",
  notCreated: "The contact was not created.",
  createUnknown:
    "It is not certain whether the contact was created. Trying again checks first, so no duplicate is made.",
  /** After a create that failed with a server error (the service did answer). */
  createAnsweredError: (check: "not-seen" | "failed" | undefined) =>
    `The service answered the create with an error. ${
      check === "failed"
        ? "Whether it stored the contact anyway could not be checked."
        : check === "not-seen"
          ? "Checked just after, the contact was not there, but a new contact can take a while to show up."
          : "Whether it stored the contact anyway is being checked."
    } Trying again checks first, so no duplicate is made.`,
  partialFields: (fields: readonly string[]) =>
    `The contact exists, but its ${listEn(fields, "and")} ${pluralEn(fields.length, { one: "is", other: "are" })} not set yet.`,
  partial: (missing: string) => `The contact exists, but ${missing} not set yet.`,
  missingCompany: "its company is",
  missingSettings: "its mail tip and address book visibility are",
  missingBoth: "its company and mail tip are",
  verifyFailed: "The contact exists, but reading it back did not show everything that was set.",
};

export type ProgressSentences = typeof en;

export const PROGRESS_SENTENCES = {
  en,
  de: {
    regionLabel: "Kontakt wird hinzugefügt",
    steps: {
      create: "Kontakt wird erstellt",
      locate: "Neuer Kontakt wird gesucht",
      "update-general": "Firma und Namen werden festgelegt",
      "update-options": "E-Mail-Info und Sichtbarkeit werden festgelegt",
      verify: "Gespeicherter Kontakt wird geprüft",
    },
    stepsDone: (done: number, total: number) => `${done} von ${total}`,
    stepDone: "Erledigt",
    stepRunning: "Läuft",
    stepFailed: "Nicht erledigt",
    stepPending: "Wartet",
    stepSkipped: "Nicht begonnen",
    finish: "Fertigstellen",
    tryAgain: "Erneut versuchen",
    notCreated: "Der Kontakt wurde nicht erstellt.",
    createUnknown:
      "Es ist nicht sicher, ob der Kontakt erstellt wurde. Ein erneuter Versuch prüft zuerst, sodass kein Duplikat entsteht.",
    createAnsweredError: (check: "not-seen" | "failed" | undefined) =>
      `Der Dienst hat das Erstellen mit einem Fehler beantwortet. ${
        check === "failed"
          ? "Ob er den Kontakt trotzdem gespeichert hat, konnte nicht geprüft werden."
          : check === "not-seen"
            ? "Direkt danach war der Kontakt nicht da, aber ein neuer Kontakt kann eine Weile brauchen, bis er erscheint."
            : "Ob er den Kontakt trotzdem gespeichert hat, wird geprüft."
      } Ein erneuter Versuch prüft zuerst, sodass kein Duplikat entsteht.`,
    partialFields: (fields: readonly string[]) =>
      `Der Kontakt ist angelegt, aber ${listDe(fields, "and")} ${pluralDe(fields.length, { one: "ist", other: "sind" })} noch nicht festgelegt.`,
    partial: (missing: string) => `Der Kontakt ist angelegt, aber ${missing} noch nicht festgelegt.`,
    missingCompany: "seine Firma ist",
    missingSettings: "seine E-Mail-Info und seine Sichtbarkeit im Adressbuch sind",
    missingBoth: "seine Firma und seine E-Mail-Info sind",
    verifyFailed:
      "Der Kontakt ist angelegt, aber beim erneuten Lesen war nicht alles zu sehen, was festgelegt wurde.",
  },
} satisfies Record<SectionLanguage, ProgressSentences>;

registerSection("progress", PROGRESS_SENTENCES);

/** The section in the pane's language (importing this module registers it first). */
export function progressSentences(): ProgressSentences {
  return section<ProgressSentences>("progress");
}
