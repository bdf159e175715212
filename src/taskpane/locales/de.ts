/**
 * German, in Outlook's own German words ("Adressbuch", "Kontakt", "E-Mail-Info" for MailTip),
 * addressing the reader as "Sie". Same keys as the English source (../strings.ts): the type
 * makes a missing key a compile error, and catalogue.test.ts lists any by name.
 * Loaded as its own chunk, only when Outlook's display language is German.
 */
import type { AddressProblem } from "../../contacts/address";
import type { DraftField, SenderReason, SenderWarning } from "../../contacts/types";
import type { Catalogue } from "../strings";
import { listFor, pluralFor, sentence, type Sentences } from "./format";

/** German plurals and lists, from the platform (Intl.PluralRules, Intl.ListFormat). */
const plural = pluralFor("de");
const list = listFor("de");

const FIELD_LABELS = {
  address: "E-Mail-Adresse",
  displayName: "Anzeigename",
  firstName: "Vorname",
  lastName: "Nachname",
  company: "Firma",
  mailTip: "E-Mail-Info",
  hiddenFromAddressLists: "Aus Adresslisten ausgeblendet",
  name: "Name",
} satisfies Record<DraftField, string>;

const AUTOMATED = {
  "no-reply": (address: string) =>
    `${address} ist eine No-Reply-Adresse: An sie gesendete E-Mails liest niemand.`,
  "mail-system": (address: string) => `${address} ist eine Adresse des E-Mail-Systems, keine Person.`,
  bounce: (address: string) =>
    `${address} ist eine Adresse, über die E-Mail-Systeme Unzustellbarkeitsberichte abwickeln, keine Person.`,
  notifications: (address: string) => `${address} verschickt automatische Benachrichtigungen, keine Person.`,
};

/** German names of the Unicode scripts a mixed-script domain can mix (others keep their English name). */
const SCRIPT_NAMES: Record<string, string> = {
  Latin: "lateinische",
  Cyrillic: "kyrillische",
  Greek: "griechische",
  Armenian: "armenische",
  Hebrew: "hebräische",
  Arabic: "arabische",
  Han: "chinesische",
  Hiragana: "Hiragana-",
  Katakana: "Katakana-",
  Hangul: "koreanische",
  Cherokee: "Cherokee-",
};

const ADDRESS_PROBLEMS = {
  empty: () => "Die Adresse ist leer.",
  "legacy-dn": () => "Das ist eine interne Exchange-Kennung (Legacy-DN), keine E-Mail-Adresse.",
  "broken-character": () => "Die Adresse enthält ein beschädigtes Zeichen (ein halbes Zeichenpaar).",
  "spaces-or-invisible": () => "Die Adresse enthält Leerzeichen oder unsichtbare Zeichen.",
  "no-at": () => "Der Adresse fehlt das @.",
  "nothing-before-at": () => "Vor dem @ steht nichts.",
  "no-domain": () => "Nach dem @ fehlt die Domäne.",
  "quoted-local-part": () => 'Lokale Teile in Anführungszeichen ("…"@) werden nicht akzeptiert.',
  "several-at": () => "Die Adresse enthält mehr als ein @.",
  "local-double-dot": () => "Der Teil vor dem @ enthält zwei Punkte hintereinander.",
  "local-edge-dot": () => "Der Teil vor dem @ darf nicht mit einem Punkt beginnen oder enden.",
  "local-invalid-characters": () =>
    "Der Teil vor dem @ enthält Zeichen, die in einer E-Mail-Adresse nicht vorkommen dürfen.",
  "local-too-long": ({ limit }) => `Der Teil vor dem @ ist länger als ${limit} Zeichen.`,
  "ip-literal": () => "Eine IP-Adresse in eckigen Klammern wird als Domäne nicht akzeptiert.",
  "ip-address": () => "Eine IP-Adresse wird als Domäne nicht akzeptiert.",
  "domain-double-dot": () => "Die Domäne enthält zwei Punkte hintereinander.",
  "domain-edge-dot": () => "Die Domäne darf nicht mit einem Punkt beginnen oder enden.",
  "domain-no-dot": ({ domain }) =>
    `Die Domäne „${domain}“ enthält keinen Punkt (eine vollständige Domäne sieht aus wie contoso.com).`,
  "domain-invalid-idn": () => "Die Domäne ist kein gültiger internationalisierter Domänenname.",
  "domain-label-invalid": ({ label }) =>
    `Der Domänenteil „${label}“ ist ungültig (nur Buchstaben, Ziffern und innere Bindestriche, höchstens 63 Zeichen).`,
  "domain-label-bad-punycode": ({ label }) => `Der Domänenteil „${label}“ ist kein gültiger Punycode.`,
  "bad-top-level": () => "Die Domäne endet nicht mit einer gültigen Top-Level-Domäne.",
  "domain-too-long": ({ limit }) => `Die Domäne ist länger als ${limit} Zeichen.`,
  "address-too-long": ({ limit }) => `Die Adresse ist länger als ${limit} Zeichen.`,
} satisfies Sentences<AddressProblem>;

/** "Zeichen" is the same in singular and plural; the counts still go through the platform's rules. */
const characters = (count: number) => `${count} ${plural(count, { one: "Zeichen", other: "Zeichen" })}`;

function describeItemType(itemType: string): string {
  switch (itemType.toLowerCase()) {
    case "appointment":
    case "meeting":
    case "meetingrequest":
      return "eine Besprechung";
    case "task":
      return "eine Aufgabe";
    case "":
      return "keine Nachricht";
    default:
      return `vom Typ „${itemType.toLowerCase()}“`;
  }
}

export const german: Catalogue = {
  language: "de",
  direction: "ltr",
  appTitle: "GAL-Kontakt",
  addressProblem: ADDRESS_PROBLEMS,

  startup: {
    failed: "GAL-Kontakt konnte nicht gestartet werden",
    advice:
      "Schließen Sie den Bereich und öffnen Sie ihn erneut. Wenn das Problem weiterhin besteht, wenden Sie sich an Ihren Administrator.",
  },

  empty: {
    noItem: "Wählen Sie eine Nachricht aus, um ihren Absender zu sehen.",
    notMessage: (itemType: string) =>
      `Dies funktioniert mit Nachrichten; dieses Element ist ${describeItemType(itemType)}.`,
  },

  sender: {
    regionLabel: "Absender",
    noCompany: "Keine Firma erkannt",
    onBehalfOf: (sender: string, from: string) => `Gesendet von ${sender} im Auftrag von ${from}`,
    warningTitle: "Prüfen Sie diese Adresse",
    unknownName: "Unbekannter Absender",
    reason: {
      "no-from": () => "Outlook hat nicht angegeben, von wem diese Nachricht stammt.",
      "no-address": () => "Die Nachricht hat keine Absenderadresse.",
      "legacy-dn": () =>
        "Outlook hat statt einer E-Mail-Adresse eine interne Exchange-Kennung geliefert: Dieser Absender steht in einem Exchange-Verzeichnis, höchstwahrscheinlich in Ihrem eigenen.",
      "invalid-address": ({ problem }) =>
        `Die Absenderadresse kann nicht verwendet werden. ${sentence(ADDRESS_PROBLEMS, problem)}`,
      "internal-own": ({ domain }) =>
        `${domain} ist die Domäne Ihrer eigenen Organisation: Kollegen sind bereits in der Adressliste.`,
      "internal-configured": ({ domain }) =>
        `${domain} ist eine der Domänen Ihrer Organisation: Kollegen sind bereits in der Adressliste.`,
      "internal-subdomain": ({ domain, parent }) =>
        `${domain} gehört zur Domäne ${parent} Ihrer Organisation: Kollegen sind bereits in der Adressliste.`,
      automated: ({ category, address }) => AUTOMATED[category](address),
      external: ({ address }) =>
        `${address} gehört nicht zu Ihrer Organisation und kann der Adressliste hinzugefügt werden.`,
    } satisfies Sentences<SenderReason>,
    warning: {
      "name-truncated": ({ limit }) =>
        `Der Anzeigename war länger als ${characters(limit)}; nur sein Anfang wurde verwendet.`,
      "name-cut-at-line-break": () =>
        "Der Anzeigename enthielt einen Zeilenumbruch, gefolgt von etwas, das wie eine weitere Kopfzeile aussieht; nur der Teil davor wurde verwendet.",
      "name-garbage-removed": () =>
        "Der Anzeigename enthielt Terminal-Farbcodes oder beschädigte Zeichen; sie wurden entfernt.",
      "name-invisible-removed": () =>
        "Der Anzeigename enthielt unsichtbare Zeichen oder Textrichtungszeichen; sie wurden entfernt.",
      "name-markup-removed": () => "Der Anzeigename enthielt HTML-Markup; es wurde entfernt.",
      "name-shows-other-address": ({ shown, actual }) =>
        `Der Anzeigename zeigt die Adresse ${shown}, die Nachricht kam aber von ${actual}.`,
      "mixed-script-domain": ({ domain, asciiDomain, label, scripts }) =>
        `Die Domäne ${domain} mischt in „${label}“ (${asciiDomain}) ${list(
          scripts.map((script) => SCRIPT_NAMES[script] ?? script),
          "and",
        )} Buchstaben: Sie könnte eine bekannte Domäne nachahmen.`,
    } satisfies Sentences<SenderWarning>,
  },

  trust: {
    regionLabel: "Absenderprüfung",
    unavailable: "Die Absenderprüfung wurde nicht geladen; es wird weder das eine noch das andere behauptet.",
    status: {
      verified: "Absender bestätigt",
      "not-verified": "Absender nicht bestätigt",
      failed: "Absender hat die Authentifizierung nicht bestanden",
      "not-checked": "Absender nicht geprüft",
    },
    details: "So wurde geprüft",
    detailsLabel: "Authentifizierungsdetails",
    detail: {
      spf: "SPF",
      dkim: "DKIM",
      dmarc: "DMARC",
      compauth: "Zusammengesetzte Authentifizierung",
      headerFrom: "Absenderdomäne (header.from)",
      mailFrom: "Umschlagabsender (smtp.mailfrom)",
      dkimDomain: "Signierende Domäne (header.d)",
      stampedBy: "Vermerkt von",
      risks: "Außerdem gefunden",
    },
    compauth: (result: string, reason: string | null) =>
      reason === null ? result : `${result} (Grund ${reason})`,
    stampedByEop: "Exchange Online Protection",
    none: "keine",
    addAnyway: "Trotzdem hinzufügen…",
    confirmTitle: "Diesen Absender trotzdem hinzufügen?",
    confirmIntro: "Alle in Ihrer Organisation sehen diesen Kontakt im Adressbuch. Bevor Sie ihn hinzufügen:",
    confirmAdd: "Trotzdem hinzufügen",
    cancel: "Abbrechen",
    blocked:
      "Ihre Organisation erlaubt nicht, Absender, die die Authentifizierung nicht bestanden haben, über diesen Bereich hinzuzufügen.",
  },

  verdict: {
    regionLabel: "Status im Adressbuch",
    checking: "Adressbuch wird geprüft…",
    exists: "Im Adressbuch",
    existsHidden: "Im Verzeichnis, im Adressbuch ausgeblendet",
    heldByOther: "Adresse von einem anderen Empfänger verwendet",
    missing: "Noch nicht im Adressbuch",
    internal: "Interner Kollege",
    automated: "Automatischer Absender",
    unusable: "Keine verwendbare Adresse",
    unknown: "Adressbuch konnte nicht geprüft werden",
    adding: "Wird zum Adressbuch hinzugefügt…",
    incomplete: "Im Adressbuch, nicht fertig",
    uncertain: "Unklar, ob er hinzugefügt wurde",
    hidden: "Im Adressbuch ausgeblendet",
    shown: "Im Adressbuch angezeigt",
    existsAs: (name: string) => `Eingetragen als ${name}`,
  },

  promote: {
    add: "Zum Adressbuch hinzufügen",
    editDetails: "Details bearbeiten",
    displayName: "Anzeigename",
    firstName: "Vorname",
    lastName: "Nachname",
    company: "Firma",
    mailTip: "E-Mail-Info",
    mailTipHint: "Wird Kollegen angezeigt, wenn sie diesem Kontakt schreiben.",
    hidden: "Im Adressbuch ausblenden",
    count: (used: number, limit: number) => `${used} von ${characters(limit)}`,
    fixErrors: "Korrigieren Sie die unten markierten Angaben, bevor Sie den Kontakt hinzufügen.",
    notesLabel: "So wurden die Angaben ausgefüllt",
    caution: (caution) =>
      caution.kind === "your-own-name"
        ? `Dieser Absender außerhalb Ihrer Organisation verwendet Ihren eigenen Namen, „${caution.name}“. Vergewissern Sie sich, wer das ist, bevor Sie ihn dem Adressbuch aller hinzufügen.`
        : `Der Name des Absenders zeigt die Adresse ${caution.address}, die Nachricht kam aber von einer anderen Adresse. Prüfen Sie, wer das ist, bevor Sie ihn hinzufügen.`,
    cautionsLabel: "Absender prüfen",
    fieldLabels: FIELD_LABELS,
    companyGuessHint: "Aus dem Domänennamen abgeleitet: Prüfen Sie Schreibweise und Leerzeichen.",
    noMailTip: "Keine E-Mail-Info.",
    hiddenSummary: "Im Adressbuch ausgeblendet",
    prefillFailed:
      "Die Angaben zum Kontakt konnten nicht vorbereitet werden: Ein Teil des Add-Ins wurde nicht heruntergeladen. Prüfen Sie die Verbindung und versuchen Sie es erneut.",
  },

  retrying: {
    title: "Microsoft 365 ist ausgelastet",
    titleUnreachable: "Microsoft 365 hat nicht geantwortet",
    inSeconds: (seconds: number) => `Neuer Versuch in ${seconds} s…`,
    now: "Neuer Versuch…",
  },

  announce: {
    verdict: (name: string, verdict: string) => `${name}: ${verdict}.`,
    busy: (title: string, when: string) => `${title}. ${when}`,
    addStopped: (reason: string) => `Das Hinzufügen des Kontakts wurde nicht abgeschlossen. ${reason}`,
  },

  lazy: {
    loading: "Wird geladen…",
    failed:
      "Dieser Teil des Add-Ins konnte nicht heruntergeladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.",
  },

  progress: {
    added: "Zum Adressbuch hinzugefügt.",
    alreadyExisted:
      "Jemand anderes hatte diesen Kontakt bereits hinzugefügt; er wird so angezeigt, wie er ist.",
  },

  existing: {
    regionLabel: "Kontaktdetails",
    openInAdminCenter: "Im Exchange Admin Center öffnen",
    opensInNewWindow: "(wird in einem neuen Fenster geöffnet)",
    mailTip: "E-Mail-Info",
    noMailTip: "Keine E-Mail-Info.",
    edit: "Bearbeiten",
    editMailTip: "E-Mail-Info bearbeiten",
    save: "Speichern",
    cancel: "Abbrechen",
    clear: "Löschen",
    clearMailTip: "E-Mail-Info löschen",
    mailTipCleared: "E-Mail-Info gelöscht.",
    undo: "Rückgängig",
    saving: "Wird gespeichert…",
    shownInAddressBook: "Im Adressbuch anzeigen",
    dirSynced:
      "Dieser Kontakt wird in Ihrem lokalen Verzeichnis verwaltet und kann nur dort geändert werden.",
    company: "Firma",
  },

  addressHolder: {
    regionLabel: "Adresse bereits vergeben",
    heldBy: {
      guest: (name: string) => `${name || "Ein Gast"} ist ein Gast in Ihrer Organisation mit dieser Adresse.`,
      mailbox: (name: string) =>
        `${name || "Ein Postfach"} ist ein Postfach in Ihrer Organisation mit dieser Adresse.`,
      "mail-user": (name: string) =>
        `${name || "Ein E-Mail-Benutzer"} ist ein E-Mail-Benutzer in Ihrer Organisation mit dieser Adresse.`,
      group: (name: string) =>
        `${name || "Eine Gruppe"} ist eine Gruppe in Ihrer Organisation mit dieser Adresse.`,
      contact: (name: string) =>
        `${name || "Ein anderer Kontakt"} ist ein Kontakt, der diese Adresse bereits unter seinen Adressen hat.`,
      other: (name: string) =>
        name
          ? `${name} verwendet diese Adresse in Ihrer Organisation bereits.`
          : "Ein anderer Empfänger in Ihrer Organisation verwendet diese Adresse bereits.",
    },
    cannotAdd:
      "Daher kann sie nicht zusätzlich als E-Mail-Kontakt hinzugefügt werden: Kollegen können ihr bereits schreiben.",
  },

  signIn: {
    "interaction-required": "Eine Anmeldung ist erforderlich. Wählen Sie „Erneut anmelden“, um fortzufahren.",
    cancelled: "Die Anmeldung wurde abgebrochen. Wählen Sie „Erneut anmelden“, wenn Sie bereit sind.",
    unavailable:
      "Die Anmeldung konnte nicht geöffnet werden: Dieses Outlook hat sowohl das Anmelde-Popup als auch das Anmeldedialogfeld blockiert. Lassen Sie Popups für Outlook zu, oder verwenden Sie Outlook im Web.",
    aborted: "Die Anmeldung wurde beendet.",
    network:
      "Der Microsoft-Anmeldedienst war nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es dann erneut.",
    "admin-setup":
      "Microsoft Entra hat die Anmeldung abgelehnt. Eine erneute Anmeldung ändert daran nichts: Ein Administrator muss die Einrichtung des Add-Ins abschließen (Einwilligung und App-Registrierung, beschrieben in der Anleitung zur Administratoreinrichtung des Add-Ins, docs/admin-setup.md).",
    failed:
      "Die Anmeldung ist fehlgeschlagen. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, bitten Sie Ihren Administrator, die Registrierung des Add-Ins zu prüfen (docs/admin-setup.md).",
    codes: (codes: readonly string[]) => `Fehlercode: ${codes.join(", ")}`,
  },

  errors: {
    forbidden: (roles: readonly string[]) =>
      `Ihr Konto kann Kontakte nachschlagen, aber nicht ändern. Zum Ändern von Kontakten ist eine dieser Rollen nötig: ${list(roles, "or")}.`,
    readOnlyAccount: (roles: readonly string[]) =>
      `Ihr Konto kann Kontakte nachschlagen, aber nicht ändern, daher werden Hinzufügen und Bearbeiten nicht angeboten. Zum Ändern von Kontakten ist eine dieser Rollen nötig: ${list(roles, "or")}.`,
    forbiddenToRead: (roles: readonly string[]) =>
      `Ihr Konto darf keine Kontakte nachschlagen. Fragen Sie nach einer dieser Rollen: ${list(roles, "or")}.`,
    throttledGaveUp:
      "Microsoft 365 bittet weiterhin darum, langsamer zu machen. Warten Sie eine Minute und versuchen Sie es dann erneut.",
    unauthenticated: "Ihre Anmeldung ist abgelaufen oder wurde nicht akzeptiert.",
    signInPage:
      "Der Dienst hat statt Daten eine Anmeldeseite geliefert: Ihre Anmeldung wurde nicht akzeptiert. Melden Sie sich erneut an; wenn das nicht hilft, bitten Sie Ihren Administrator, die Konfiguration des Add-Ins zu prüfen.",
    signInPageAgain:
      "Der Dienst liefert auch nach erneuter Anmeldung eine Anmeldeseite: Ihre Organisation erlaubt diesem Add-In möglicherweise keinen Zugriff auf Exchange (zum Beispiel durch eine Richtlinie für bedingten Zugriff oder eine fehlende Einwilligung). Eine erneute Anmeldung ändert daran nichts; bitten Sie Ihren Administrator, die Einrichtung des Add-Ins zu prüfen (docs/admin-setup.md).",
    signInAgain: "Erneut anmelden",
    signingIn: "Anmeldung läuft…",
    signInFailed:
      "Die Anmeldung hat nicht funktioniert. Versuchen Sie es erneut, oder laden Sie das Add-In neu.",
    transient: "Der Dienst war nicht erreichbar oder hat nicht rechtzeitig geantwortet.",
    serverError: "Beim Bearbeiten der Anforderung ist im Dienst ein Fehler aufgetreten.",
    mayHaveBeenApplied:
      "Die Änderung wurde möglicherweise übernommen, möglicherweise nicht; ein erneuter Versuch prüft zuerst.",
    tryAgain: "Erneut versuchen",
    protocol:
      "Der Dienst hat in einer Weise geantwortet, die dieses Add-In nicht versteht. Er hat sich möglicherweise geändert; versuchen Sie es später erneut, oder wenden Sie sich an Ihren Administrator.",
    notFound:
      "Der Kontakt wurde nicht gefunden: Er wurde möglicherweise gelöscht, oder er wurde gerade erst hinzugefügt und ist noch nicht sichtbar.",
    deleted: "Der Kontakt ist nicht mehr vorhanden; möglicherweise hat ihn jemand gelöscht.",
    notVisibleYet:
      "Der neue Kontakt erscheint noch nicht im Adressbuch. Versuchen Sie es in einer Minute erneut: Er wird nicht doppelt erstellt.",
    readBackDiffers: (fields: readonly string[]) =>
      `Der Kontakt wurde gespeichert, aber beim erneuten Lesen weicht Folgendes vom Gesendeten ab: ${list(fields, "and")}. Versuchen Sie es erneut, um es noch einmal zu übernehmen.`,
    fieldNames: {
      name: "Name",
      displayName: "Anzeigename",
      firstName: "Vorname",
      lastName: "Nachname",
      address: "Adresse",
      company: "Firma",
      mailTip: "E-Mail-Info",
      hiddenFromAddressLists: "Sichtbarkeit im Adressbuch",
    },
    addressInUse: "Ein anderer Empfänger in Ihrer Organisation verwendet diese Adresse bereits.",
    addressHeldBy: (holder: string, kind: string | null) =>
      `${kind ? `${holder} (${kind})` : holder} verwendet diese Adresse bereits, daher kann sie nicht zusätzlich ein E-Mail-Kontakt sein.`,
    addressHeldAdvice:
      "Kollegen können dieser Adresse bereits schreiben. Um sie stattdessen als E-Mail-Kontakt aufzuführen, müsste ein Exchange-Administrator die Adresse zuerst von diesem Empfänger entfernen; wie dieser Empfänger im Adressbuch erscheint, ändert man im Exchange Admin Center oder im Microsoft Entra Admin Center.",
    recipientKinds: {
      mailbox: "ein Postfach",
      guest: "ein Gast",
      "mail-user": "ein E-Mail-Benutzer",
      group: "eine Gruppe",
      contact: "ein Kontakt",
      other: null,
    },
    nameInUse:
      "Ein anderer Empfänger verwendet diesen Namen bereits. Ändern Sie den Anzeigenamen und versuchen Sie es erneut.",
    bothNamesTaken: (name: string, alternative: string) =>
      `Der Name „${name}“ wird bereits von einem anderen Empfänger verwendet, ebenso „${alternative}“. Ändern Sie den Anzeigenamen und versuchen Sie es erneut.`,
    refused: "Exchange hat die Änderung ohne Begründung abgelehnt.",
    refusedSaying: (serviceText: string) => `Exchange hat die Änderung abgelehnt. Meldung: ${serviceText}`,
    dirSynced:
      "Dieser Kontakt wird aus Ihrem lokalen Verzeichnis synchronisiert und kann daher hier nicht geändert werden. Ändern Sie ihn lokal; die Änderung wird dann mit Microsoft 365 synchronisiert.",
    mailTipInvisible:
      "Eine E-Mail-Info darf keine Steuerzeichen oder unsichtbaren Zeichen (etwa Textrichtungszeichen) enthalten; entfernen Sie sie.",
    mailTipTooLong: (limit: number, length: number) =>
      `Eine E-Mail-Info darf höchstens ${characters(limit)} lang sein (diese hat ${length}).`,
    dismiss: "Schließen",
    requestId: (id: string) => `Anforderungs-ID: ${id}`,
    whileLookingUp: "Absender nachschlagen",
    whileSaving: "Änderung speichern",
  },
  people: {
    show: (count: number) => `Alle Personen in diesem Element anzeigen (${count})`,
    hide: "Personen in diesem Element ausblenden",
  },

  multiPeople: {
    views: "Ansichten",
    thisMessage: "Diese Nachricht",
    suggestions: "Vorschläge",
  },
};
