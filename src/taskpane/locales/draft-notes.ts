/**
 * How the prefill reached a draft's values (DraftNote) and what a field cannot be
 * (DraftFieldError), in every language: a section of the catalogue (strings.ts, `registerSection`). Only a prefilled draft
 * has notes or field problems, and the draft comes with the "prefill" chunk, which imports this module: so these
 * sentences stay out of the first download (about 0.5 KB gzip). Field names are the
 * catalogue's (`strings.promote.fieldLabels`), in the pane's language when the note is worded.
 */
import { registerSection, strings, type DraftSentences, type SectionLanguage } from "../strings";
import { sentence } from "./format";

export const DRAFT_SENTENCES = {
  en: {
    note: {
      "last-name-first": ({ name, firstName, lastName }) =>
        `"${name}" was read as last name first: first name ${firstName}, last name ${lastName}.`,
      "capitalized-last-name-first": ({ name, lastName }) =>
        `"${name}" was read as a capitalized last name first: last name ${lastName}.`,
      "capitals-softened": ({ displayName }) => `The all-capitals name was written as "${displayName}".`,
      "shared-mailbox": ({ address, displayName }) =>
        `The message has no sender name; ${address} is a shared mailbox, so it was named "${displayName}".`,
      "name-from-address": ({ localPart, displayName }) =>
        `The message has no sender name; the name was made from the address (${localPart} → ${displayName}). Check it.`,
      "address-as-name": () =>
        "Neither the sender name nor the address gives a name, so the address is used as the display name.",
      shortened: ({ field, limit }) =>
        `${strings.promote.fieldLabels[field]} was shortened to Exchange's limit of ${limit} characters.`,
      "company-withheld": ({ domain, imitated }) =>
        `No company was filled in: ${domain} looks like ${imitated}, and the contact must not carry that organization's name.`,
      "company-from-display-name": ({ company, domain }) =>
        `Company "${company}" was taken from the sender's display name (it matches ${domain}).`,
      "company-guessed": ({ company, domain }) =>
        `Company "${company}" was guessed from the domain ${domain}.`,
      "company-joined-up": ({ company }) =>
        `"${company}" may be several words run together, so it was left out of the mail tip; check the company, then add it to the mail tip if you like.`,
      "free-mail": ({ domain }) => `${domain} is a free-mail provider, so no company was filled in.`,
    },
    fieldProblem: {
      required: ({ field }) => `${strings.promote.fieldLabels[field]} is required.`,
      "invisible-characters": ({ field }) =>
        `${strings.promote.fieldLabels[field]} contains control or invisible characters (such as tabs, line breaks or text-direction marks); remove them.`,
      "too-long": ({ field, limit, length }) =>
        `${strings.promote.fieldLabels[field]} can be at most ${limit} characters (this one has ${length}).`,
      "invalid-address": ({ field, problem }) =>
        `${strings.promote.fieldLabels[field]} is not valid: ${sentence(strings.addressProblem, problem)}`,
    },
  },
  de: {
    note: {
      "last-name-first": ({ name, firstName, lastName }) =>
        `„${name}“ wurde mit dem Nachnamen zuerst gelesen: Vorname ${firstName}, Nachname ${lastName}.`,
      "capitalized-last-name-first": ({ name, lastName }) =>
        `„${name}“ wurde mit dem großgeschriebenen Nachnamen zuerst gelesen: Nachname ${lastName}.`,
      "capitals-softened": ({ displayName }) =>
        `Der Name in Großbuchstaben wurde als „${displayName}“ geschrieben.`,
      "shared-mailbox": ({ address, displayName }) =>
        `Die Nachricht hat keinen Absendernamen; ${address} ist ein freigegebenes Postfach, daher heißt der Kontakt „${displayName}“.`,
      "name-from-address": ({ localPart, displayName }) =>
        `Die Nachricht hat keinen Absendernamen; der Name wurde aus der Adresse gebildet (${localPart} → ${displayName}). Bitte prüfen.`,
      "address-as-name": () =>
        "Weder der Absendername noch die Adresse ergibt einen Namen, daher wird die Adresse als Anzeigename verwendet.",
      shortened: ({ field, limit }) =>
        `${strings.promote.fieldLabels[field]} wurde auf die Exchange-Grenze von ${limit} Zeichen gekürzt.`,
      "company-withheld": ({ domain, imitated }) =>
        `Keine Firma eingetragen: ${domain} sieht aus wie ${imitated}, und der Kontakt darf nicht den Namen dieser Organisation tragen.`,
      "company-from-display-name": ({ company, domain }) =>
        `Die Firma „${company}“ stammt aus dem Anzeigenamen des Absenders (sie passt zu ${domain}).`,
      "company-guessed": ({ company, domain }) =>
        `Die Firma „${company}“ wurde aus der Domäne ${domain} abgeleitet.`,
      "company-joined-up": ({ company }) =>
        `„${company}“ könnten mehrere zusammengeschriebene Wörter sein, daher steht es nicht in der E-Mail-Info; prüfen Sie die Firma und fügen Sie sie bei Bedarf der E-Mail-Info hinzu.`,
      "free-mail": ({ domain }) =>
        `${domain} ist ein Freemail-Anbieter, daher wurde keine Firma eingetragen.`,
    },
    fieldProblem: {
      required: ({ field }) => `${strings.promote.fieldLabels[field]} ist erforderlich.`,
      "invisible-characters": ({ field }) =>
        `${strings.promote.fieldLabels[field]} enthält Steuerzeichen oder unsichtbare Zeichen (etwa Tabulatoren, Zeilenumbrüche oder Textrichtungszeichen); entfernen Sie sie.`,
      "too-long": ({ field, limit, length }) =>
        `${strings.promote.fieldLabels[field]} darf höchstens ${limit} Zeichen lang sein (hier sind es ${length}).`,
      "invalid-address": ({ field, problem }) =>
        `${strings.promote.fieldLabels[field]} ist ungültig: ${sentence(strings.addressProblem, problem)}`,
    },
  },
} satisfies Record<SectionLanguage, DraftSentences>;

registerSection("draft", DRAFT_SENTENCES);
