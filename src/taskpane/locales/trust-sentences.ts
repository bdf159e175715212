/**
 * The sender check's sentences, in every language: why the sender is (not) verified, one per
 * reason code of src/contacts/trust/message-authentication.ts, and the risks it found. A section
 * of the catalogue (strings.ts, `registerSection`): only a finished sender check has a reason or
 * a risk, and the check runs in the "trust" chunk, which imports this module; so these
 * sentences stay out of the first download.
 */
import type { AuthenticationReason } from "../../contacts/trust/message-authentication";
import { registerSection, type SectionLanguage } from "../strings";

export interface TrustSentences {
  reason: Readonly<Record<AuthenticationReason, (domain: string) => string>>;
  risk: {
    authenticationFailed: (domain: string) => string;
    lookAlike: (sender: string, known: string, source: "organization" | "contact" | "brand") => string;
    userName: (name: string) => string;
    colleagueName: (name: string) => string;
    otherAddress: (address: string) => string;
  };
}

export const TRUST_SENTENCES = {
  en: {
    reason: {
      "compauth-pass": (domain: string) =>
        `Your organization's mail service confirmed that this message came from ${domain}.`,
      "dmarc-pass": (domain: string) => `${domain}'s DMARC check passed at your organization's mail service.`,
      "arc-override": (domain: string) =>
        `${domain}'s own check failed on the way, but the message came through a forwarding service (such as a mailing list) that your organization's mail service trusts.`,
      "compauth-softpass": (domain: string) =>
        `Your organization's mail service could only partly confirm that this message came from ${domain}.`,
      "no-policy": (domain: string) =>
        `${domain} publishes no policy that would let your organization's mail service confirm the sender.`,
      "other-domain": (domain: string) =>
        `The authentication results are about another domain than ${domain}.`,
      "compauth-fail": (domain: string) =>
        `Your organization's mail service could not confirm that this message came from ${domain}: it may be forged.`,
      "dmarc-fail": (domain: string) => `${domain}'s DMARC check failed: the message may be forged.`,
      "headers-unavailable": () =>
        "Outlook did not give this message's headers, so the sender could not be checked.",
      "headers-empty": () =>
        "This message has no internet headers (as in Sent Items), so the sender could not be checked.",
      "no-trusted-results": () =>
        "Your organization's mail service left no authentication results on this message, so the sender could not be checked.",
    },
    risk: {
      authenticationFailed: (domain: string) =>
        `The message failed authentication: it may not come from ${domain}.`,
      lookAlike: (sender: string, known: string, source: "organization" | "contact" | "brand") =>
        source === "organization"
          ? `${sender} looks like your organization's own domain ${known}.`
          : source === "contact"
            ? `${sender} looks like ${known}, the domain of a contact already in the address book.`
            : `${sender} looks like ${known}.`,
      userName: (name: string) => `The display name "${name}" is your own name, on an outside address.`,
      colleagueName: (name: string) =>
        `The display name "${name}" is a colleague's name, on an outside address.`,
      otherAddress: (address: string) =>
        `The display name shows ${address}, which is not the sender's address.`,
    },
  },
  de: {
    reason: {
      "compauth-pass": (domain: string) =>
        `Der E-Mail-Dienst Ihrer Organisation hat bestätigt, dass diese Nachricht von ${domain} stammt.`,
      "dmarc-pass": (domain: string) =>
        `Die DMARC-Prüfung von ${domain} wurde beim E-Mail-Dienst Ihrer Organisation bestanden.`,
      "arc-override": (domain: string) =>
        `Die eigene Prüfung von ${domain} ist unterwegs fehlgeschlagen, aber die Nachricht kam über einen Weiterleitungsdienst (etwa eine Mailingliste), dem der E-Mail-Dienst Ihrer Organisation vertraut.`,
      "compauth-softpass": (domain: string) =>
        `Der E-Mail-Dienst Ihrer Organisation konnte nur teilweise bestätigen, dass diese Nachricht von ${domain} stammt.`,
      "no-policy": (domain: string) =>
        `${domain} veröffentlicht keine Richtlinie, mit der der E-Mail-Dienst Ihrer Organisation den Absender bestätigen könnte.`,
      "other-domain": (domain: string) =>
        `Die Authentifizierungsergebnisse betreffen eine andere Domäne als ${domain}.`,
      "compauth-fail": (domain: string) =>
        `Der E-Mail-Dienst Ihrer Organisation konnte nicht bestätigen, dass diese Nachricht von ${domain} stammt: Sie könnte gefälscht sein.`,
      "dmarc-fail": (domain: string) =>
        `Die DMARC-Prüfung von ${domain} ist fehlgeschlagen: Die Nachricht könnte gefälscht sein.`,
      "headers-unavailable": () =>
        "Outlook hat die Kopfzeilen dieser Nachricht nicht geliefert, daher konnte der Absender nicht geprüft werden.",
      "headers-empty": () =>
        "Diese Nachricht hat keine Internetkopfzeilen (wie in „Gesendete Elemente“), daher konnte der Absender nicht geprüft werden.",
      "no-trusted-results": () =>
        "Der E-Mail-Dienst Ihrer Organisation hat keine Authentifizierungsergebnisse in dieser Nachricht hinterlassen, daher konnte der Absender nicht geprüft werden.",
    },
    risk: {
      authenticationFailed: (domain: string) =>
        `Die Nachricht hat die Authentifizierung nicht bestanden: Sie stammt möglicherweise nicht von ${domain}.`,
      lookAlike: (sender: string, known: string, source: "organization" | "contact" | "brand") =>
        source === "organization"
          ? `${sender} sieht aus wie ${known}, die eigene Domäne Ihrer Organisation.`
          : source === "contact"
            ? `${sender} sieht aus wie ${known}, die Domäne eines Kontakts, der bereits im Adressbuch steht.`
            : `${sender} sieht aus wie ${known}.`,
      userName: (name: string) =>
        `Der Anzeigename „${name}“ ist Ihr eigener Name, aber mit einer externen Adresse.`,
      colleagueName: (name: string) =>
        `Der Anzeigename „${name}“ ist der Name eines Kollegen, aber mit einer externen Adresse.`,
      otherAddress: (address: string) =>
        `Der Anzeigename zeigt ${address}; das ist nicht die Adresse des Absenders.`,
    },
  },
} satisfies Record<SectionLanguage, TrustSentences>;

registerSection("trust", TRUST_SENTENCES);
