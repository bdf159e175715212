/**
 * Every sentence of proposals (docs/proposals.md), in every language: a section of the catalogue
 * (strings.ts, `registerSection`). Only the "proposals" chunk shows them, and it imports this
 * module, so they stay out of the first download (in strings.ts they cost it 1.5 KB gzip).
 * `mail` is the proposal message's readable part, written in the proposer's pane language: the
 * approver's pane compares its labelled lines only when they are in the approver's own language,
 * and otherwise the values alone (src/contacts/proposal.ts), so each language's `mail.labels.address`
 * must differ from every other's.
 */
import type { ProposalProblem, ProposalRisk, ProposalWords } from "../../contacts/proposal";
import { registerSection, section, type SectionLanguage } from "../strings";

type ProblemSentences = {
  [Kind in ProposalProblem["kind"]]: Kind extends "forwarded" | "wrong-fields" | "markup" | "text-disagrees"
    ? (value: string) => string
    : string;
};

export interface ProposalSentences {
  ask: string;
  askIntro: string;
  reasonLabel: string;
  reasonMarkup: string;
  fieldMarkup: (field: string) => string;
  noApprovers: string;
  badApprovers: (entries: readonly string[]) => string;
  opened: string;
  openFailed: string;
  checking: string;
  title: (proposer: string, person: string) => string;
  proposedBy: string;
  personRegion: string;
  theirReason: string;
  reportedCheck: (proposer: string, status: string) => string;
  reportedRisks: string;
  approve: string;
  decline: string;
  declineReasonLabel: string;
  declineWrite: string;
  declineCancel: string;
  declineOpened: string;
  alreadyThere: string;
  refusedTitle: string;
  refusedFooter: string;
  problem: ProblemSentences;
  /** A field named in a problem that no readable line shows (the other fields are named by their label). */
  otherField: { proposer: string; order: string };
  mail: {
    subject: (name: string, address: string) => string;
    intro: (proposer: string, name: string) => string;
    labels: ProposalWords["labels"];
    yes: string;
    no: string;
    none: string;
    howToApprove: string;
    blockNote: string;
    risk: Readonly<Record<ProposalRisk, string>>;
    declineSubject: (subject: string) => string;
    declineBody: (person: string, reason: string) => string;
  };
}

export const PROPOSAL_SENTENCES = {
  en: {
    ask: "Ask an admin to add",
    askIntro:
      "You cannot add contacts yourself. Ask your organization's approvers: a message with these details opens for you to send.",
    reasonLabel: "Why should they add this person? (optional)",
    reasonMarkup:
      "The reason cannot contain markup such as <b> or hidden characters: approvers would not accept it.",
    fieldMarkup: (field: string) =>
      `A detail (${field}) holds markup or hidden characters that approvers would not accept: change it under Edit details.`,
    noApprovers:
      "Your organization has not named anyone who approves proposals, so there is no one to ask from here. Ask your IT department to set approvers for this add-in.",
    badApprovers: (entries: readonly string[]) =>
      `The add-in was built with approvers that are not email addresses (ADDIN_APPROVERS: ${entries.join(", ")}), so there is no one to ask from here. Ask your IT department to correct it.`,
    opened: "A new message to the approvers is open. Check it and send it yourself; nothing was sent.",
    openFailed: "Outlook could not open a new message. Try again, or ask an admin directly.",
    checking: "Reading the proposal…",
    title: (proposer: string, person: string) => `Proposal from ${proposer}: add ${person}`,
    proposedBy: "Proposed by",
    personRegion: "Proposed person",
    theirReason: "Their reason",
    reportedCheck: (proposer: string, status: string) =>
      `${proposer}'s pane checked the original message: ${status}. This pane cannot check it again (the message is in their mailbox); it re-checks everything it can from the address.`,
    reportedRisks: "Their pane also found",
    approve: "Approve and add",
    decline: "Decline…",
    declineReasonLabel: "Reason for declining (sent to the proposer)",
    declineWrite: "Write the reply",
    declineCancel: "Cancel",
    declineOpened: "A reply to the proposer is open. Check it and send it yourself.",
    alreadyThere: "This person is already in the address book: there is nothing to approve.",
    refusedTitle: "This proposal was ignored",
    refusedFooter: "Nothing from it is used. Ask the colleague to propose again from the add-in.",
    problem: {
      "external-sender":
        "It does not come from a colleague inside your organization (it may have been forwarded from outside).",
      "sent-on-behalf": "Someone sent it on behalf of the colleague it shows.",
      "not-authenticated":
        "Nothing in the message shows that your organization's mail service received it from a colleague's mailbox.",
      "authentication-failed": "Your organization's mail service says the message may be forged.",
      forwarded: (proposer: string) =>
        `It was written by ${proposer}, not by the colleague who sent it: only the proposer's own message counts.`,
      "too-large": "Its machine-readable part is larger than any proposal.",
      "several-blocks": "It holds more than one machine-readable part.",
      unreadable: "Its machine-readable part is damaged or cut off.",
      "wrong-fields": (field: string) => `Its machine-readable part has a missing or wrong field (${field}).`,
      markup: (field: string) =>
        `Its machine-readable part has markup or hidden characters in a field (${field}).`,
      "not-promotable":
        "The address it proposes cannot be a contact (it is internal, automated or not an address).",
      "text-disagrees": (field: string) =>
        `Its readable text and its machine-readable part disagree (${field}): it was changed after it was written.`,
    },
    otherField: { proposer: "Proposed by", order: "order of the lines" },
    mail: {
      subject: (name: string, address: string) => `Proposal: add ${name} (${address}) to the address book`,
      intro: (proposer: string, name: string) =>
        `${proposer} proposes adding ${name} to your organization's address book as a mail contact.`,
      labels: {
        address: "Address",
        displayName: "Display name",
        firstName: "First name",
        lastName: "Last name",
        company: "Company",
        mailTip: "Mail tip",
        hidden: "Hidden from the address book",
        senderCheck: "Sender check of their message",
        risks: "Risks found",
        reason: "Reason",
      },
      yes: "yes",
      no: "no",
      none: "none",
      howToApprove:
        "To approve, open this message in Outlook with the GAL Contact add-in: it shows Approve and Decline. Without the add-in, an Exchange administrator can create the contact with these values.",
      blockNote: "The block below repeats these values for the add-in.",
      risk: {
        "authentication-failed": "the message failed authentication",
        "look-alike": "the domain looks like a known one",
        impersonation: "the display name imitates someone",
      },
      declineSubject: (subject: string) => `RE: ${subject}`,
      declineBody: (person: string, reason: string) =>
        reason.trim() === ""
          ? `Your proposal to add ${person} to the address book was declined.`
          : `Your proposal to add ${person} to the address book was declined. Reason: ${reason.trim()}`,
    },
  },
  de: {
    ask: "Administrator um Hinzufügen bitten",
    askIntro:
      "Sie können selbst keine Kontakte hinzufügen. Bitten Sie die Genehmigenden Ihrer Organisation darum: Es öffnet sich eine Nachricht mit diesen Angaben, die Sie selbst senden.",
    reasonLabel: "Warum sollte diese Person hinzugefügt werden? (optional)",
    reasonMarkup:
      "Die Begründung darf kein Markup wie <b> und keine verborgenen Zeichen enthalten: Die Genehmigenden würden sie nicht annehmen.",
    fieldMarkup: (field: string) =>
      `Eine Angabe (${field}) enthält Markup oder verborgene Zeichen, die die Genehmigenden nicht annehmen würden: Ändern Sie sie unter „Details bearbeiten“.`,
    noApprovers:
      "Ihre Organisation hat niemanden benannt, der Vorschläge genehmigt, daher kann hier niemand gefragt werden. Bitten Sie Ihre IT-Abteilung, Genehmigende für dieses Add-In festzulegen.",
    badApprovers: (entries: readonly string[]) =>
      `Das Add-In wurde mit Genehmigenden erstellt, die keine E-Mail-Adressen sind (ADDIN_APPROVERS: ${entries.join(", ")}), daher kann hier niemand gefragt werden. Bitten Sie Ihre IT-Abteilung, dies zu korrigieren.`,
    opened:
      "Eine neue Nachricht an die Genehmigenden ist geöffnet. Prüfen Sie sie und senden Sie sie selbst; es wurde nichts gesendet.",
    openFailed:
      "Outlook konnte keine neue Nachricht öffnen. Versuchen Sie es erneut, oder wenden Sie sich direkt an einen Administrator.",
    checking: "Vorschlag wird gelesen…",
    title: (proposer: string, person: string) => `Vorschlag von ${proposer}: ${person} hinzufügen`,
    proposedBy: "Vorgeschlagen von",
    personRegion: "Vorgeschlagene Person",
    theirReason: "Begründung",
    reportedCheck: (proposer: string, status: string) =>
      `Der Bereich von ${proposer} hat die ursprüngliche Nachricht geprüft: ${status}. Dieser Bereich kann sie nicht erneut prüfen (die Nachricht liegt in deren Postfach); er prüft alles erneut, was sich anhand der Adresse prüfen lässt.`,
    reportedRisks: "Dort wurde außerdem gefunden",
    approve: "Genehmigen und hinzufügen",
    decline: "Ablehnen…",
    declineReasonLabel: "Grund für die Ablehnung (wird an die vorschlagende Person gesendet)",
    declineWrite: "Antwort verfassen",
    declineCancel: "Abbrechen",
    declineOpened:
      "Eine Antwort an die vorschlagende Person ist geöffnet. Prüfen Sie sie und senden Sie sie selbst.",
    alreadyThere: "Diese Person ist bereits im Adressbuch: Es gibt nichts zu genehmigen.",
    refusedTitle: "Dieser Vorschlag wurde ignoriert",
    refusedFooter:
      "Nichts daraus wird verwendet. Bitten Sie die Kollegin oder den Kollegen, den Vorschlag erneut über das Add-In zu senden.",
    problem: {
      "external-sender":
        "Er stammt nicht von einer Person innerhalb Ihrer Organisation (er wurde möglicherweise von außen weitergeleitet).",
      "sent-on-behalf": "Jemand hat ihn im Auftrag der angezeigten Person gesendet.",
      "not-authenticated":
        "Nichts in der Nachricht zeigt, dass der E-Mail-Dienst Ihrer Organisation sie aus dem Postfach einer Person Ihrer Organisation erhalten hat.",
      "authentication-failed":
        "Laut dem E-Mail-Dienst Ihrer Organisation könnte die Nachricht gefälscht sein.",
      forwarded: (proposer: string) =>
        `Er wurde von ${proposer} verfasst, nicht von der Person, die ihn gesendet hat: Nur die eigene Nachricht der vorschlagenden Person zählt.`,
      "too-large": "Sein maschinenlesbarer Teil ist größer als jeder Vorschlag.",
      "several-blocks": "Er enthält mehr als einen maschinenlesbaren Teil.",
      unreadable: "Sein maschinenlesbarer Teil ist beschädigt oder abgeschnitten.",
      "wrong-fields": (field: string) =>
        `In seinem maschinenlesbaren Teil fehlt ein Feld oder ist falsch (${field}).`,
      markup: (field: string) =>
        `Sein maschinenlesbarer Teil enthält Markup oder verborgene Zeichen in einem Feld (${field}).`,
      "not-promotable":
        "Die vorgeschlagene Adresse kann kein Kontakt sein (sie ist intern, automatisiert oder keine Adresse).",
      "text-disagrees": (field: string) =>
        `Sein lesbarer Text und sein maschinenlesbarer Teil stimmen nicht überein (${field}): Er wurde nach dem Verfassen geändert.`,
    },
    otherField: { proposer: "Vorgeschlagen von", order: "Reihenfolge der Zeilen" },
    mail: {
      subject: (name: string, address: string) => `Vorschlag: ${name} (${address}) zum Adressbuch hinzufügen`,
      intro: (proposer: string, name: string) =>
        `${proposer} schlägt vor, ${name} als E-Mail-Kontakt zum Adressbuch Ihrer Organisation hinzuzufügen.`,
      labels: {
        address: "E-Mail-Adresse",
        displayName: "Anzeigename",
        firstName: "Vorname",
        lastName: "Nachname",
        company: "Firma",
        mailTip: "E-Mail-Info",
        hidden: "Im Adressbuch ausgeblendet",
        senderCheck: "Absenderprüfung der Nachricht",
        risks: "Gefundene Risiken",
        reason: "Begründung",
      },
      yes: "ja",
      no: "nein",
      none: "keine",
      howToApprove:
        "Öffnen Sie diese Nachricht zum Genehmigen in Outlook mit dem Add-In „GAL Contact“: Es zeigt „Genehmigen“ und „Ablehnen“. Ohne das Add-In kann ein Exchange-Administrator den Kontakt mit diesen Werten anlegen.",
      blockNote: "Der folgende Block wiederholt diese Werte für das Add-In.",
      risk: {
        "authentication-failed": "die Nachricht hat die Authentifizierung nicht bestanden",
        "look-alike": "die Domäne sieht aus wie eine bekannte",
        impersonation: "der Anzeigename ahmt jemanden nach",
      },
      declineSubject: (subject: string) => `AW: ${subject}`,
      declineBody: (person: string, reason: string) =>
        reason.trim() === ""
          ? `Ihr Vorschlag, ${person} zum Adressbuch hinzuzufügen, wurde abgelehnt.`
          : `Ihr Vorschlag, ${person} zum Adressbuch hinzuzufügen, wurde abgelehnt. Grund: ${reason.trim()}`,
    },
  },
} satisfies Record<SectionLanguage, ProposalSentences>;

registerSection("proposals", PROPOSAL_SENTENCES);

/**
 * A field a problem names (the block's key, "by.name", or a path such as "risks.0"), as the pane's
 * language labels it; a key no language labels (the version "v", "(block)") stays as it is.
 */
export function proposalFieldName(field: string): string {
  const sentences = proposalSentences();
  const key = field.split(".")[0] ?? field;
  const { labels } = sentences.mail;
  if (key in labels) return labels[key as keyof typeof labels];
  if (key === "check") return labels.senderCheck;
  if (key === "by") return sentences.otherField.proposer;
  if (key === "order") return sentences.otherField.order;
  return field;
}

/** The proposals' sentences in the pane's language (read at render: the language is chosen before). */
export function proposalSentences(): ProposalSentences {
  return section<ProposalSentences>("proposals");
}
